"""``--executor dask``: per-document work on a Dask cluster (here a local one, two worker
processes) writes the same files and the same report, byte for byte, as a local build; the
cache it fills is the one a local build reads; and its options are checked before anything runs."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from builder import pipeline
from builder.__main__ import EXIT_USAGE, main

from conftest import ROOT, build_project, make_project

sys.path.insert(0, str(ROOT))
from bench.corpus import generate  # noqa: E402  (the benchmark's generator of messy documents)

SEEDS: dict[str, str | bytes] = {
    "binary.txt": b"%PDF-1.4 not text",  # rejected (by the worker, when decoding)
    "empty.txt": "   \n",
    "odd\u200bname.txt": "A name with an invisible character is refused before reading.\n",  # rejected here
    "copy.txt": "",  # replaced below by a byte copy of a generated seed: published once
}


def _project(tmp: Path) -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    project = make_project(tmp, SEEDS)
    paths = generate(5, project / "seeds" / "synthetic", seed=5)
    (project / "seeds" / "copy.txt").write_bytes(paths[0].read_bytes())
    return project


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    distributed = pytest.importorskip("distributed", reason="Dask is not installed (pip install -e '.[dask]')")
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = str(ROOT)  # the workers import this checkout's builder
    try:
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=":0") as cluster:
            yield cluster.scheduler_address
    finally:
        if before is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = before


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_build_on_a_dask_cluster_is_byte_identical_to_a_local_one(scheduler, tmp_path):
    local, remote = _project(tmp_path / "local"), _project(tmp_path / "dask")
    local_run, local_report = build_project(local, "--no-cache")
    remote_run, remote_report = build_project(remote, "--executor", "dask", "--scheduler", scheduler)
    assert local_run.returncode == 1, local_run.stderr  # 1: some seeds rejected
    assert remote_run.returncode == 1, remote_run.stderr
    assert remote_run.stderr == local_run.stderr
    assert [r["source"] for r in local_report["problems"] if r["action"] == "skipped"] == [
        "binary.txt", "empty.txt", "odd\u200bname.txt"]
    assert remote_report == local_report
    assert (remote / "report.json").read_bytes() == (local / "report.json").read_bytes()
    assert _tree(remote / "docs") == _tree(local / "docs")
    assert (remote / "permalinks.yml").read_bytes() == (local / "permalinks.yml").read_bytes()
    # What the cluster sent back was cached here: a local build reads every document from the
    # cache (rejected seeds are never cached: they are read again).
    again = pipeline.build(remote / "seeds", remote, jobs=1)
    assert again.processed == ["binary.txt", "empty.txt", "odd\u200bname.txt"]
    assert again.files == pipeline.build(local / "seeds", local, jobs=1, use_cache=False).files


def test_pipeline_build_on_a_dask_cluster_matches_a_local_build(scheduler, tmp_path, monkeypatch):
    project = _project(tmp_path)
    local = pipeline.build(project / "seeds", project, jobs=1, use_cache=False)

    def not_here(source, config):
        raise AssertionError("a seed was processed in this process, not on the cluster")

    monkeypatch.setattr(pipeline, "process", not_here)  # (the workers are other processes)
    remote = pipeline.build(project / "seeds", project, use_cache=False, scheduler=scheduler)
    assert sorted(remote.processed) == sorted(local.processed)
    assert remote.files == local.files
    assert remote.report == local.report
    assert remote.corpus.notices == local.corpus.notices


def test_workers_running_other_builder_code_stop_the_build(scheduler, tmp_path, monkeypatch):
    from builder.engine import distributed

    project = _project(tmp_path)
    monkeypatch.setattr(distributed, "code_fingerprint", lambda: "other code")  # here, not on the workers
    with pytest.raises(distributed.ExecutorError, match="runs other builder code"):
        pipeline.build(project / "seeds", project, use_cache=False, scheduler=scheduler)


def test_executor_dask_without_a_scheduler_is_a_usage_error(tmp_path, capsys):
    assert main(["build", "--root", str(tmp_path), "--executor", "dask"]) == EXIT_USAGE
    assert "--executor dask needs --scheduler ADDRESS" in capsys.readouterr().err


def test_a_scheduler_without_executor_dask_is_a_usage_error(tmp_path, capsys):
    assert main(["build", "--root", str(tmp_path), "--scheduler", "tcp://127.0.0.1:8786"]) == EXIT_USAGE
    assert "--scheduler is for --executor dask" in capsys.readouterr().err


def test_executor_dask_without_dask_installed_names_the_extra(tmp_path, capsys, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "distributed" else real(name, *a))
    status = main(["build", "--root", str(tmp_path), "--executor", "dask", "--scheduler", "tcp://127.0.0.1:8786"])
    assert status == EXIT_USAGE
    assert "pip install -e '.[dask]'" in capsys.readouterr().err
