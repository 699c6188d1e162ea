"""Sizes are checked from stat before any read: a big file under seeds/ is never read whole,
neither by the up-to-date stamp nor by reading (sparse files: 3 GB on paper, nothing on disk)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from builder.engine import stamp
from builder.errors import DocumentError
from builder.read import find_seeds, read_seed, seed_sha256

BIG = 3 * 2**30


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "good.txt").write_text("Migrant workers have the right to equal treatment.\n", encoding="utf-8")
    for name in ("big.txt", "video.mp4"):
        with (folder / name).open("wb") as f:
            f.truncate(BIG)
    return folder


@pytest.fixture
def no_big_reads(seeds, monkeypatch):
    """Fail at once (before any byte is read) when a big file is opened or read whole."""
    big = {str(seeds / "big.txt"), str(seeds / "video.mp4")}
    opened: list[str] = []

    def guard(path) -> None:
        if os.path.realpath(os.fspath(path)) in big:
            opened.append(os.fspath(path))
            raise AssertionError(f"{path} opened")

    real_open, real_read_bytes, real_path_open = os.open, Path.read_bytes, Path.open
    monkeypatch.setattr(os, "open", lambda path, *a, **k: guard(path) or real_open(path, *a, **k))
    monkeypatch.setattr(Path, "read_bytes", lambda self: guard(self) or real_read_bytes(self))
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: guard(self) or real_path_open(self, *a, **k))
    return opened


def test_the_stamp_never_reads_a_big_file(seeds, no_big_reads):
    started = time.perf_counter()
    stamp.inputs(seeds, seeds.parent, seeds.parent / "docs")
    assert time.perf_counter() - started < 2
    assert no_big_reads == []


def test_the_stamp_still_sees_a_big_file_change(seeds, no_big_reads):
    before = stamp.inputs(seeds, seeds.parent, seeds.parent / "docs")
    os.truncate(seeds / "big.txt", BIG + 1)
    assert stamp.inputs(seeds, seeds.parent, seeds.parent / "docs") != before


def test_reading_refuses_a_big_seed_from_its_size_without_opening_it(seeds, no_big_reads):
    big = {seed.name: seed for seed in find_seeds(seeds)[0]}["big.txt"]
    assert seed_sha256(big) is None
    with pytest.raises(DocumentError, match=r"file is 3,221,225,472 bytes, above the limit"):
        read_seed(big)
    assert no_big_reads == []
