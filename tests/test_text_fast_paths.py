"""Cheap screens in front of costly patterns let through every text the pattern matches, so the
result is the pattern's own: checked on the shipped seeds, on generated documents and on texts
written here."""

from __future__ import annotations

import sys

import pytest

from builder.clean.text.tables import _LEADER_VALUE, leader_cells, may_have_leader

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from bench.corpus import generate  # noqa: E402  (the benchmark's generator of messy documents)

LEADERS = ["Total admissions ........ 1,500", "Inc. . . . . . 7,000   8,000", "Returns … … 12", "Label····3",
           "Chapter 1 .... 5", "a.b.c.d 4", "Total.... .", "Figure … 2", "x ·· · · 9", ". . . . 4"]


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    paths = sorted((ROOT / "seeds").rglob("*.txt")) + generate(40, tmp_path_factory.mktemp("generated"))
    found = [line for path in paths for line in path.read_bytes().decode("utf-8", "replace").split("\n")]
    return found + LEADERS


def test_every_line_with_a_leader_passes_the_screen(lines):
    for line in lines:
        if _LEADER_VALUE.match(line):
            assert may_have_leader(line), line
    assert sum(1 for line in LEADERS if _LEADER_VALUE.match(line)) >= 5


def test_a_line_without_enough_dots_has_no_leader():
    assert not may_have_leader("Total admissions ... 1,500")
    assert leader_cells("Total admissions ... 1,500") is None
    assert leader_cells("Total admissions .... 1,500") == ["Total admissions", "1,500"]

