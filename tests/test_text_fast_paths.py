"""Cheap screens in front of costly patterns let through every text the pattern matches, so the
result is the pattern's own: checked on the shipped seeds, on generated documents and on texts
written here."""

from __future__ import annotations

import sys

import pytest

from builder.clean.text import web
from builder.clean.text.tables import _LEADER_VALUE, leader_cells, may_have_leader
from builder.enrich.symbols import _DIGIT_CAPITAL_KINDS, DIGIT_CAPITAL, NEEDS, PATTERNS, find

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from bench.corpus import generate  # noqa: E402  (the benchmark's generator of messy documents)

LEADERS = ["Total admissions ........ 1,500", "Inc. . . . . . 7,000   8,000", "Returns … … 12", "Label····3",
           "Chapter 1 .... 5", "a.b.c.d 4", "Total.... .", "Figure … 2", "x ·· · · 9", ". . . . 4"]


SYMBOLS = ["A/RES/80/9", "S/RES/2240 (2015)", "E/CN.4/1998/53/Add.2", "CERD/C/GC/35", "ILO Convention C189",
           "CELEX 32004L0038 and 32016R0679(01)", "https://www.boe.es/eli/es/rd/2007/02/16/240", "NOR INTX1234567A",
           "BOE-A-2007-4184", "GE.19-12345", "HRC/52/3", "E2004L0038", "a/res/80/9 boe-a-2007-4184",
           "CM/Rec(2019)4"]


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


def test_every_text_holding_a_symbol_passes_its_kind_s_screen(lines):
    texts = lines + SYMBOLS + ["\n".join(lines[i:i + 200]) for i in range(0, len(lines), 200)]
    kinds = set()
    for text in texts:
        for kind, pattern in PATTERNS:
            if pattern.search(text):
                kinds.add(kind)
                assert NEEDS.get(kind, "") in text, (kind, text)
                assert kind not in _DIGIT_CAPITAL_KINDS or DIGIT_CAPITAL.search(text), (kind, text)
    assert kinds == {kind for kind, _ in PATTERNS}


def test_symbols_are_found_behind_the_screens():
    assert find(" ".join(SYMBOLS)) == ["A/RES/80/9", "S/RES/2240 (2015)", "E/CN.4/1998/53/Add.2", "CERD/C/GC/35",
                                       "C189", "32004L0038", "32016R0679(01)",
                                       "https://www.boe.es/eli/es/rd/2007/02/16/240", "INTX1234567A",
                                       "BOE-A-2007-4184", "GE.19-12345", "HRC/52/3", "E2004L0038", "CM/Rec(2019)4"]


EDGES = ["foo-", "-bar", "l'", "’s", "a_b", "co-\u00adop", "state’", "'quoted'", "", " ", "x", "10-12", "é-", "—"]


def test_the_words_of_lines_joined_by_a_space_are_each_line_s_words(lines):
    texts = lines + EDGES
    for i in range(0, len(texts) - 4):
        group = texts[i:i + 4]
        assert web.words(" ".join(group)) == [w for t in group for w in web.words(t)], group


def test_a_related_heading_is_read_as_the_plain_check_reads_it(lines):
    def plain(text: str) -> bool:
        t = text.strip().strip(":").strip().casefold().strip("#* ").strip()
        if not t or len(web.words(t)) > 7 or t[-1:] in ".!?;,":
            return False
        return t in web._RELATED_SET or t.startswith(web._RELATED_PREFIXES)

    cues = [c for c in web._RELATED_SET] + [c + " the ministry of labour and social affairs today" for c in
                                            web._RELATED_PREFIXES] + [c.upper() + "." for c in web._RELATED_SET]
    for text in lines + cues + EDGES:
        assert web.related_heading(text) == plain(text), text
    assert any(web.related_heading(c) for c in cues)
