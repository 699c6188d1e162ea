"""The seeds stay inside the seeds folder: symbolic links out of it, special files and hidden
entries are never read; each is named (a rejected seed or a notice), never silently dropped."""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest

from builder.engine import stamp
from builder.errors import DocumentError
from builder.read import find_seeds, read_seed, seed_sha256
from conftest import build_project, make_project

SECRET = "root:x:0:0:SECRET-OUTSIDE-THE-SEEDS:/root:/bin/bash\n"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "good.txt").write_text("Migrant workers have the right to equal treatment.\n", encoding="utf-8")
    return folder


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A readable file beside the seeds folder (think /etc/passwd)."""
    secret = tmp_path / "elsewhere" / "passwd"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    return secret


@contextmanager
def deadline(seconds: int):
    """Fail instead of hanging (opening a FIFO with no writer blocks forever)."""
    def give_up(signum, frame):
        raise TimeoutError(f"still blocked after {seconds} s")
    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def by_name(found: list) -> dict:
    return {seed.name: seed for seed in found}


# Links out of the seeds folder


def test_a_link_to_a_file_outside_is_refused_naming_where_it_points(seeds, outside):
    (seeds / "passwd.txt").symlink_to(outside)
    found, _ = find_seeds(seeds)
    with pytest.raises(DocumentError) as info:
        read_seed(by_name(found)["passwd.txt"])
    assert "points outside the seeds folder" in info.value.reason
    assert str(outside) in info.value.reason
    assert info.value.action == "skipped"
    assert seed_sha256(by_name(found)["passwd.txt"]) is None


def test_a_link_outside_at_any_depth_and_through_a_chain_is_refused(seeds, outside):
    deep = seeds / "a" / "b" / "c"
    deep.mkdir(parents=True)
    (deep / "deep.txt").symlink_to(os.path.relpath(outside, deep))  # relative: ../../../../elsewhere/passwd
    (seeds / "hop.txt").symlink_to(outside)
    (seeds / "chain.txt").symlink_to("hop.txt")  # inside, but the next link leaves
    found = by_name(find_seeds(seeds)[0])
    for name in ("a/b/c/deep.txt", "hop.txt", "chain.txt"):
        with pytest.raises(DocumentError, match="points outside the seeds folder"):
            read_seed(found[name])


def test_a_link_to_a_folder_outside_is_refused_and_not_walked(seeds, outside):
    (outside.parent / "report.txt").write_text("Text outside.\n", encoding="utf-8")
    (seeds / "etc").symlink_to(outside.parent, target_is_directory=True)
    found = by_name(find_seeds(seeds)[0])
    assert not any(name.startswith("etc/") for name in found)
    with pytest.raises(DocumentError, match="points outside the seeds folder") as info:
        read_seed(found["etc"])
    assert str(outside.parent) in info.value.reason


def test_a_link_retargeted_outside_after_the_listing_is_still_not_read(seeds, outside):
    link = seeds / "late.txt"
    link.symlink_to("good.txt")
    found = by_name(find_seeds(seeds)[0])
    link.unlink()
    link.symlink_to(outside)
    with pytest.raises(DocumentError, match="points outside the seeds folder"):
        read_seed(found["late.txt"])


# Links inside the seeds folder


def test_a_link_to_another_seed_is_read_and_hashes_as_a_duplicate(seeds):
    (seeds / "sub").mkdir()
    (seeds / "sub" / "alias.txt").symlink_to("../good.txt")
    found = by_name(find_seeds(seeds)[0])
    assert read_seed(found["sub/alias.txt"]).text == read_seed(found["good.txt"]).text
    assert seed_sha256(found["sub/alias.txt"]) == seed_sha256(found["good.txt"])  # published once


def test_a_link_to_a_folder_inside_is_noted_and_not_walked_twice(seeds):
    (seeds / "sub").mkdir()
    (seeds / "sub" / "x.txt").write_text("Asylum procedures.\n", encoding="utf-8")
    (seeds / "again").symlink_to("sub", target_is_directory=True)
    found, notices = find_seeds(seeds)
    assert [s.name for s in found] == ["good.txt", "sub/x.txt"]
    assert any(n.startswith("again: link to the folder sub/ inside the seeds folder") for n in notices)


def test_link_loops_do_not_hang_and_a_looping_seed_is_refused(seeds):
    (seeds / "loop.txt").symlink_to("loop.txt")
    (seeds / "ping.txt").symlink_to("pong.txt")
    (seeds / "pong.txt").symlink_to("ping.txt")
    (seeds / "sub").mkdir()
    (seeds / "sub" / "up").symlink_to("..", target_is_directory=True)
    with deadline(10):
        found, _ = find_seeds(seeds)
        stamp.inputs(seeds, seeds.parent, seeds.parent / "docs")
    found = by_name(found)
    assert set(found) == {"good.txt", "loop.txt", "ping.txt", "pong.txt"}
    for name in ("loop.txt", "ping.txt", "pong.txt"):
        with pytest.raises(DocumentError, match="symbolic link that cannot be followed"):
            read_seed(found[name])


# Special files


def test_a_fifo_is_refused_without_being_opened(seeds):
    os.mkfifo(seeds / "pipe.txt")
    with deadline(10):  # opening it would block forever: there is no writer
        found = by_name(find_seeds(seeds)[0])
        assert seed_sha256(found["pipe.txt"]) is None
        stamp.inputs(seeds, seeds.parent, seeds.parent / "docs")
        with pytest.raises(DocumentError, match=r"is a FIFO \(named pipe\), not a regular file"):
            read_seed(found["pipe.txt"])


def test_a_special_file_is_refused_whatever_its_name(seeds):
    os.mkfifo(seeds / "pipe")
    found, notices = find_seeds(seeds)
    assert not any(n.startswith("pipe:") for n in notices)
    with pytest.raises(DocumentError, match="FIFO"):
        read_seed(by_name(found)["pipe"])


def test_a_fifo_put_in_place_of_a_seed_after_the_listing_is_not_opened(seeds):
    found = by_name(find_seeds(seeds)[0])
    (seeds / "good.txt").unlink()
    os.mkfifo(seeds / "good.txt")
    with deadline(10):
        with pytest.raises(DocumentError, match=r"is a FIFO \(named pipe\), not a regular file"):
            read_seed(found["good.txt"])


def test_a_fifo_behind_a_link_inside_is_refused_without_being_opened(seeds):
    os.mkfifo(seeds / "pipe")
    (seeds / "pipe.txt").symlink_to("pipe")
    with deadline(10):
        with pytest.raises(DocumentError, match="FIFO"):
            read_seed(by_name(find_seeds(seeds)[0])["pipe.txt"])


# Hidden files and folders


def test_a_hidden_file_is_named_as_skipped(seeds):
    (seeds / ".draft.txt").write_text("Not ready.\n", encoding="utf-8")
    found, notices = find_seeds(seeds)
    assert [s.name for s in found] == ["good.txt"]
    assert notices == [".draft.txt: hidden file skipped (its name starts with '.') (ignored)"]


def test_a_hidden_folder_is_named_once_and_never_walked(seeds, monkeypatch):
    for name in (".git/config.txt", ".git/objects/ab/cdef.txt", "sub/.cache/x.txt"):
        (seeds / name).parent.mkdir(parents=True, exist_ok=True)
        (seeds / name).write_text("Text.\n", encoding="utf-8")
    listed: list[str] = []
    scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path=".": listed.append(os.fspath(path)) or scandir(path))
    found, notices = find_seeds(seeds)
    assert [s.name for s in found] == ["good.txt"]
    assert notices == [".git: hidden folder skipped (its name starts with '.') (ignored)",
                       "sub/.cache: hidden folder skipped (its name starts with '.') (ignored)"]
    assert listed and not any("/." in path[len(str(seeds)):] for path in listed)


# End to end


def test_the_cli_does_not_publish_a_link_to_a_file_outside(tmp_path):
    project = make_project(tmp_path, {"good.txt": "Migrant workers have the right to equal treatment.\n"})
    secret = tmp_path / "runner-secret"
    secret.write_text(SECRET, encoding="utf-8")
    (project / "seeds" / "passwd.txt").symlink_to(secret)
    result, report = build_project(project)
    assert result.returncode == 1, result.stderr
    assert "passwd.txt" in result.stderr and "points outside the seeds folder" in result.stderr
    assert {"source": "passwd.txt", "action": "skipped"}.items() <= next(
        p for p in report["problems"] if p["source"] == "passwd.txt").items()
    published = [p for p in (project / "docs").rglob("*") if p.is_file()]
    assert published  # the good seed is built
    leaked = [p for p in published if b"SECRET-OUTSIDE-THE-SEEDS" in p.read_bytes() or "passwd" in p.name]
    assert leaked == []
