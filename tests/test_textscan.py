"""textscan: the quick pre-test never misses what a case-insensitive regex finds."""

from __future__ import annotations

import re

from builder.textscan import lines_that_may_contain, may_contain

WORDS = ("signed", "seal")
REGEX = re.compile("signed|seal", re.IGNORECASE)
LINES = ["[SIGNED]", "no such word", "Sealed and signed", "", "designed", "ſigned with a long s", "x\u212aseal"]


def test_may_contain_is_false_only_where_the_regex_finds_nothing():
    for line in LINES:
        if REGEX.search(line):
            assert may_contain(line, WORDS), line
    assert not may_contain("no such word", WORDS)


def test_lines_that_may_contain_are_the_lines_the_regex_finds_a_word_in():
    plain = LINES[:5]  # without the long s and the Kelvin sign
    assert lines_that_may_contain(plain, WORDS) == [i for i, line in enumerate(plain) if REGEX.search(line)]


def test_a_letter_that_folds_oddly_makes_every_line_a_candidate():
    assert lines_that_may_contain(LINES, WORDS) == list(range(len(LINES)))
