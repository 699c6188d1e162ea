"""The engine's cheap screens (``engine.screens``) in front of costly patterns: every text a
pattern matches passes its screen, so a stage gives the same answers with the screen as with its
plain rule (every pattern tried on every text). Checked on the shipped seeds, the development
corpus, generated documents and texts written here."""

from __future__ import annotations

import sys

import pytest

from builder.clean.text import tables
from builder.clean.text.tables import _LEADER_VALUE, leader_cells
from builder.engine import screens, setup
from builder.enrich import symbols
from builder.enrich.symbols import PATTERNS, find, matches

from conftest import DEV_CORPUS, ROOT

sys.path.insert(0, str(ROOT))
from bench.corpus import generate  # noqa: E402  (the benchmark's generator of messy documents)

LEADERS = ["Total admissions ........ 1,500", "Inc. . . . . . 7,000   8,000", "Returns … … 12", "Label····3",
           "Chapter 1 .... 5", "a.b.c.d 4", "Total.... .", "Figure … 2", "x ·· · · 9", ". . . . 4"]

SYMBOLS = ["A/RES/80/9", "S/RES/2240 (2015)", "E/CN.4/1998/53/Add.2", "CERD/C/GC/35", "ILO Convention C189",
           "CELEX 32004L0038 and 32016R0679(01)", "https://www.boe.es/eli/es/rd/2007/02/16/240", "NOR INTX1234567A",
           "BOE-A-2007-4184", "GE.19-12345", "HRC/52/3", "E2004L0038", "a/res/80/9 boe-a-2007-4184",
           "CM/Rec(2019)4", "CM/Del/Dec(2019)1340", "Convention No. 189 of the ILO"]


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    paths = (sorted((ROOT / "seeds").rglob("*.txt")) + sorted(DEV_CORPUS.glob("*.txt"))
             + generate(40, tmp_path_factory.mktemp("generated")))
    found = [line for path in paths for line in path.read_bytes().decode("utf-8", "replace").split("\n")]
    return found + LEADERS + SYMBOLS


@pytest.fixture(scope="module")
def texts(lines: list[str]) -> list[str]:
    """Lines, and runs of 200 lines (symbols are searched in whole blocks and documents too)."""
    return lines + ["\n".join(lines[i:i + 200]) for i in range(0, len(lines), 200)]


@pytest.fixture
def plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stages' plain rules: no screen in use."""
    monkeypatch.setattr(symbols, "_KIND_SCREEN", [])
    monkeypatch.setattr(tables, "_LEADER_SCREEN", [])


@pytest.fixture
def screened(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(symbols, "_KIND_SCREEN", [screens.symbol_kinds])
    monkeypatch.setattr(tables, "_LEADER_SCREEN", [screens.may_have_leader])


def test_every_line_with_a_leader_passes_the_screen(lines):
    for line in lines:
        if _LEADER_VALUE.match(line):
            assert screens.may_have_leader(line), line
    assert sum(1 for line in LEADERS if _LEADER_VALUE.match(line)) >= 5


def test_a_line_without_enough_dots_has_no_leader(screened):
    assert not screens.may_have_leader("Total admissions ... 1,500")
    assert leader_cells("Total admissions ... 1,500") is None
    assert leader_cells("Total admissions .... 1,500") == ["Total admissions", "1,500"]


def test_leader_cells_are_the_plain_rule_s(lines, monkeypatch):
    monkeypatch.setattr(tables, "_LEADER_SCREEN", [])
    expected = [leader_cells(line) for line in lines]
    monkeypatch.setattr(tables, "_LEADER_SCREEN", [screens.may_have_leader])
    assert [leader_cells(line) for line in lines] == expected
    assert sum(cells is not None for cells in expected) >= 10


def test_every_text_holding_a_symbol_passes_its_kind_s_screen(texts):
    kinds = set()
    for text in texts:
        possible = screens.symbol_kinds(text)
        for kind, pattern in PATTERNS:
            if pattern.search(text):
                kinds.add(kind)
                assert kind in possible, (kind, text[:200])
    assert kinds == {kind for kind, _ in PATTERNS}


def test_a_text_without_a_kind_s_literal_is_not_searched_for_it():
    assert screens.symbol_kinds("no symbol here, only words") == ["ilo"]
    assert set(screens.symbol_kinds("BOE-A-2007-4184 and 32004L0038")) == {"ilo", "celex", "nor", "boe"}


def test_symbols_are_the_plain_rule_s(texts, monkeypatch):
    monkeypatch.setattr(symbols, "_KIND_SCREEN", [])
    expected = [matches(text) for text in texts]
    monkeypatch.setattr(symbols, "_KIND_SCREEN", [screens.symbol_kinds])
    assert [matches(text) for text in texts] == expected
    assert sum(bool(found) for found in expected) >= 20


@pytest.mark.parametrize("rules", ["plain", "screened"])
def test_symbols_are_found_with_and_without_the_screens(rules, request):
    request.getfixturevalue(rules)
    assert find(" ".join(SYMBOLS)) == ["A/RES/80/9", "S/RES/2240 (2015)", "E/CN.4/1998/53/Add.2", "CERD/C/GC/35",
                                       "C189", "32004L0038", "32016R0679(01)",
                                       "https://www.boe.es/eli/es/rd/2007/02/16/240", "INTX1234567A",
                                       "BOE-A-2007-4184", "GE.19-12345", "HRC/52/3", "E2004L0038", "CM/Rec(2019)4",
                                       "CM/Del/Dec(2019)1340"]


def test_the_engine_s_set_up_hands_the_screens_to_the_stages(monkeypatch):
    monkeypatch.setattr(symbols, "_KIND_SCREEN", [])
    monkeypatch.setattr(tables, "_LEADER_SCREEN", [])
    monkeypatch.setattr(setup, "_STARTED", [])
    setup.start()
    assert symbols._KIND_SCREEN == [screens.symbol_kinds]
    assert tables._LEADER_SCREEN == [screens.may_have_leader]
