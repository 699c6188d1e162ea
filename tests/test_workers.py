"""The build's worker processes never outlive it: killed, terminated or interrupted, the
build leaves no process behind (a CI step that captures output would hang on one)."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from builder.engine.pool import worker_pool

from conftest import ROOT, make_project

SLOW_BUILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from builder import pipeline

    def slow(source, config):  # every document takes a minute: the workers are busy when killed
        time.sleep(60)

    pipeline.process = slow
    project = Path(sys.argv[1])
    pipeline.build(project / "seeds", project, jobs=2, use_cache=False)
""")


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.fixture
def slow_build(tmp_path):
    project = make_project(tmp_path, {f"doc-{i}.txt": f"Document number {i}.\n\nSome text.\n" for i in range(8)})
    proc = subprocess.Popen([sys.executable, "-c", SLOW_BUILD, str(project)], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert _wait_for(lambda: len(_children(proc.pid)) >= 2, 30), "the build never started its workers"
    workers = _children(proc.pid)
    yield proc, workers
    proc.kill()
    proc.wait()
    for pid in workers:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_when_the_build_process_is_killed(slow_build):
    proc, workers = slow_build
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 10), "workers outlived the killed build"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_when_the_build_process_is_terminated(slow_build):
    proc, workers = slow_build
    proc.send_signal(signal.SIGTERM)
    proc.wait(10)
    assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 10), "workers outlived the terminated build"


def _nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def test_an_interrupted_pool_does_not_wait_for_its_queued_tasks():
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        with worker_pool(2) as pool:
            futures = [pool.submit(_nap, 5) for _ in range(8)]
            assert _wait_for(lambda: any(f.running() for f in futures), 10)
            raise KeyboardInterrupt
    assert time.monotonic() - started < 4, "leaving the pool waited for its tasks"
    assert _wait_for(lambda: not mp.active_children(), 2), "the pool's workers still run their tasks"


def test_a_pool_that_ends_normally_returns_every_result():
    with worker_pool(2) as pool:
        assert list(pool.map(_nap, [0.01] * 4)) == [0.01] * 4
