"""The one build command (builder/build.py) from the command line: odd docs folders, the build
lock, SIGTERM, rejected and ignored seeds under --check, and the manifest swapped with docs/."""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from builder.write.files import StagedTree, recover
from conftest import ROOT, build_project, make_project, run_builder

LETTER = """ACME RELIEF AGENCY

March 3, 2015

Dear Colleague:

We write about the situation of migrant workers
in the region and the recruitment fees they pay.

Sincerely,

Jane Roe
"""
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


def letters(n: int, extra: str = "") -> dict[str, str]:
    """``n`` distinct letters (distinct texts, so none is a duplicate of another)."""
    return {f"letter-{i:03d}.txt": LETTER.replace("the region", f"region number {i} of {n}") + extra
            for i in range(n)}


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if ".new-" in p.name or ".old-" in p.name)


def cli(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_builder("--root", str(project), "--seeds", str(project / "seeds"), "--docs", str(project / "docs"),
                       *extra, cwd=project)


# --- an odd docs folder -------------------------------------------------------------------------

def test_a_docs_that_is_a_file_is_an_error_naming_it(tmp_path):
    project = make_project(tmp_path, {"a.txt": LETTER})
    shutil.rmtree(project / "docs")
    (project / "docs").write_text("not a folder\n", encoding="utf-8")
    result = cli(project)
    assert result.returncode == 2, result.stderr
    assert f"{project / 'docs'} is a file" in result.stderr and "Traceback" not in result.stderr
    assert (project / "docs").read_text(encoding="utf-8") == "not a folder\n"
    assert leftovers(project) == []


def test_a_dangling_docs_symlink_is_an_error_and_nothing_is_made_where_it_points(tmp_path):
    project = make_project(tmp_path, {"a.txt": LETTER})
    shutil.rmtree(project / "docs")
    outside = tmp_path / "outside" / "docs"
    (project / "docs").symlink_to(outside)
    result = cli(project)
    assert result.returncode == 2, result.stderr
    assert "is a symbolic link" in result.stderr and str(outside) in result.stderr
    assert not (tmp_path / "outside").exists()
    assert (project / "docs").is_symlink() and leftovers(project) == []


def test_a_docs_symlink_to_a_real_folder_is_not_followed(tmp_path):
    project = make_project(tmp_path, {"a.txt": LETTER})
    real = tmp_path / "real-docs"
    shutil.move(project / "docs", real)
    (project / "docs").symlink_to(real)
    before = tree(real)
    result = cli(project)
    assert result.returncode == 2 and "is a symbolic link" in result.stderr
    assert tree(real) == before and (project / "docs").is_symlink()


def test_a_read_only_docs_is_an_error_even_for_root(tmp_path):
    project = make_project(tmp_path, {"a.txt": LETTER})
    first = cli(project)
    assert first.returncode == 0, first.stderr
    before = tree(project / "docs")
    docs = project / "docs"
    docs.chmod(0o555)
    try:
        (project / "seeds" / "a.txt").write_text(LETTER.replace("region", "whole region"), encoding="utf-8")
        result = cli(project)
        assert result.returncode == 2, result.stderr
        assert f"{docs} is read-only" in result.stderr
        assert tree(docs) == before and stat.S_IMODE(docs.stat().st_mode) == 0o555
        assert leftovers(project) == []
    finally:
        docs.chmod(0o755)


# --- the build lock -----------------------------------------------------------------------------

def hold_lock(project: Path, pid: str = "4242") -> int:
    lock = project / ".cache" / "builder.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    fcntl.lockf(fd, fcntl.LOCK_EX)
    os.pwrite(fd, f"{pid}\n".encode(), 0)
    return fd


def test_a_build_waits_for_the_one_holding_the_lock_then_stops_with_a_clear_message(tmp_path):
    project = make_project(tmp_path, {"a.txt": LETTER})
    fd = hold_lock(project)
    try:
        started = time.monotonic()
        result = cli(project, "--wait", "1")
        waited = time.monotonic() - started
    finally:
        os.close(fd)
    assert result.returncode == 2, result.stderr
    assert "waiting for the build of PID 4242 to finish" in result.stderr
    assert "another build (PID 4242)" in result.stderr and "nothing written" in result.stderr
    assert waited >= 1
    assert sorted(p.name for p in (project / "docs").iterdir()) == ["assets"]


def test_a_build_that_waited_goes_on_once_the_lock_is_released(tmp_path):
    project = make_project(tmp_path, {"a.txt": LETTER})
    fd = hold_lock(project)
    proc = subprocess.Popen([sys.executable, "-m", "builder", "build", "--root", str(project), "--seeds",
                             str(project / "seeds"), "--docs", str(project / "docs"), "--wait", "60"],
                            cwd=project, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    try:
        # (under CI=true the site_url placeholder warning may come first)
        said = [proc.stderr.readline()]
        if "site_url" in said[0]:
            said.append(proc.stderr.readline())
        assert "waiting for the build of PID 4242 to finish" in said[-1], said
        time.sleep(0.5)
        assert proc.poll() is None  # still waiting
    finally:
        os.close(fd)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert cli(project, "--check").returncode == 0


def test_two_builds_at_once_both_succeed_and_docs_is_consistent(tmp_path):
    project = make_project(tmp_path, letters(40))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "builder", "build", "--root", str(project), "--seeds", str(project / "seeds"),
            "--docs", str(project / "docs"), "--no-cache"]
    procs = [subprocess.Popen(args, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert any("waiting for the build of PID" in err for _out, err in outputs), outputs
    check = cli(project, "--check")
    assert check.returncode == 0, check.stderr
    assert leftovers(project) == []


# --- SIGTERM ------------------------------------------------------------------------------------

def test_sigterm_stops_the_build_like_ctrl_c(tmp_path):
    project = make_project(tmp_path, letters(60))
    first = cli(project)
    assert first.returncode == 0, first.stderr
    before = tree(project / "docs")
    for i, seed in enumerate(sorted((project / "seeds").iterdir())):
        seed.write_text(seed.read_text(encoding="utf-8").replace(
            "they pay.\n", f"they pay.\n\nWe also ask about the debts that follow, case {i}.\n"), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "builder", "build", "--root", str(project), "--seeds",
                             str(project / "seeds"), "--docs", str(project / "docs"), "--no-cache", "--jobs", "1"],
                            cwd=project, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not leftovers(project) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)  # the staging folder appears: the build is writing
    assert proc.poll() is None, "the build ended before it could be interrupted"
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted: " in err and "never a mix" in err and "Traceback" not in err
    assert leftovers(project) == []
    assert tree(project / "docs") == before


# --- rejected and ignored seeds -----------------------------------------------------------------

def test_check_fails_naming_each_rejected_seed_even_when_docs_is_up_to_date(tmp_path):
    project = make_project(tmp_path, {"a.txt": LETTER, "scan.txt": PDF, "empty.txt": ""})
    built = cli(project)
    assert built.returncode == 1
    check = cli(project, "--check", "-q")
    assert check.returncode == 1, check.stderr
    assert "is out of date" not in check.stderr
    assert "rejected scan.txt: " in check.stderr and "rejected empty.txt: " in check.stderr


IGNORED = "ignored:\n  scan.txt: a scan of the printed letter, kept for the record\n"


def test_a_seed_listed_as_ignored_is_not_read_and_does_not_fail_check(tmp_path):
    project = make_project(tmp_path, {"a.txt": LETTER, "scan.txt": PDF}, config={"metadata.yml": IGNORED})
    built, report = build_project(project)
    assert built.returncode == 0, built.stderr
    assert "ignored scan.txt: a scan of the printed letter, kept for the record" in built.stderr
    assert report["rejected"] == []
    assert {"source": "scan.txt", "action": "ignored",
            "reason": "listed under 'ignored' in metadata.yml: a scan of the printed letter, kept for the record"} \
        in report["problems"]
    assert [d["source"] for d in report["documents"]] == ["a.txt"]
    check = cli(project, "--check")
    assert check.returncode == 0, check.stderr
    again = cli(project)  # up to date: the stamp still says it is ignored, not rejected
    assert again.returncode == 0 and "ignored scan.txt" in again.stderr


def test_an_ignored_entry_without_a_reason_is_a_configuration_error_naming_file_and_key(tmp_path):
    project = make_project(tmp_path, {"a.txt": LETTER}, config={"metadata.yml": "ignored:\n  a.txt:\n"})
    result = cli(project)
    assert result.returncode == 2
    assert "metadata.yml: 'ignored.a.txt' (line 2): Expected the reason" in result.stderr


# --- permalinks.yml swapped with docs/ ----------------------------------------------------------

@pytest.fixture
def swapped(tmp_path: Path) -> tuple[Path, Path]:
    """An old docs/ and manifest, and what a build of pid 999999999 (not running) staged."""
    docs, manifest = tmp_path / "docs", tmp_path / "permalinks.yml"
    with StagedTree(docs, manifest) as staged:
        staged.add("index.md", "old\n")
        staged.commit("old: 1\n")
    new = tmp_path / ".docs.new-999999999"
    new.mkdir()
    (new / "index.md").write_text("new\n", encoding="utf-8")
    (tmp_path / ".permalinks.yml.new-999999999").write_text("new: 1\n", encoding="utf-8")
    return docs, manifest


def state(docs: Path, manifest: Path) -> tuple[str, str]:
    return (docs / "index.md").read_text(encoding="utf-8"), manifest.read_text(encoding="utf-8")


def test_killed_before_the_swap_the_next_build_keeps_old_docs_and_old_manifest(swapped):
    docs, manifest = swapped
    done = recover(docs, manifest)
    assert state(docs, manifest) == ("old\n", "old: 1\n") and len(done) == 2
    assert sorted(p.name for p in docs.parent.iterdir()) == ["docs", "permalinks.yml"]


def test_killed_between_the_renames_the_next_build_puts_old_docs_back_with_old_manifest(swapped):
    docs, manifest = swapped
    docs.rename(docs.parent / ".docs.old-999999999")
    done = recover(docs, manifest)
    assert state(docs, manifest) == ("old\n", "old: 1\n")
    assert any("restored docs" in line for line in done)
    assert sorted(p.name for p in docs.parent.iterdir()) == ["docs", "permalinks.yml"]


def test_killed_after_the_docs_swap_the_next_build_moves_the_new_manifest_in(swapped):
    docs, manifest = swapped
    docs.rename(docs.parent / ".docs.old-999999999")
    (docs.parent / ".docs.new-999999999").rename(docs)
    done = recover(docs, manifest)
    assert state(docs, manifest) == ("new\n", "new: 1\n")
    assert any("moved .permalinks.yml.new-999999999 to permalinks.yml" in line for line in done)
    assert sorted(p.name for p in docs.parent.iterdir()) == ["docs", "permalinks.yml"]


def test_a_manifest_that_cannot_be_replaced_leaves_old_docs_and_old_manifest(tmp_path, monkeypatch):
    docs, manifest = tmp_path / "docs", tmp_path / "permalinks.yml"
    with StagedTree(docs, manifest) as staged:
        staged.add("index.md", "old\n")
        staged.commit("old: 1\n")
    real = os.replace

    def failing(src, dst, *args, **kwargs):
        if Path(dst) == manifest:
            raise OSError(28, "No space left on device")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OSError), StagedTree(docs, manifest) as staged:
        staged.add("index.md", "new\n")
        staged.commit("new: 1\n")
    monkeypatch.undo()
    assert state(docs, manifest) == ("old\n", "old: 1\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "permalinks.yml"]
