"""A quick, exact pre-test for case-insensitive regexes that need one of a few words.

Python's regex engine searches a case-insensitive pattern by trying it at every position of
the text; a plain ``in`` on the lower-cased text is many times faster. Lower-casing finds
what ``re.IGNORECASE`` finds for ASCII words, except for the few letters that match an ASCII
letter when case is ignored without lower-casing to it alone: İ, ı, ſ and the Kelvin sign.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate

ODD_FOLD_LETTERS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
"""The letters (İ ı ſ K) that match an ASCII letter under ``re.IGNORECASE`` though ``str.lower``
does not turn them into it alone, each with that letter (tests/test_entities.py checks the list
against ``re`` over every code point)."""
ODD_FOLDS = re.compile(f"[{''.join(ODD_FOLD_LETTERS)}]")


def may_contain(text: str, words: tuple[str, ...]) -> bool:
    """False only when none of ``words`` (lower-case ASCII) occurs in ``text`` as a
    case-insensitive regex would find it; True when one does, or when ``text`` holds a
    letter of ``ODD_FOLDS`` (then only the regex can tell)."""
    if ODD_FOLDS.search(text):
        return True
    low = text.lower()
    return any(word in low for word in words)


def lines_that_may_contain(lines: list[str], words: tuple[str, ...]) -> list[int]:
    """The indexes of the ``lines`` for which ``may_contain`` is true (none of ``words`` holds
    a line break), found in one look at the whole text."""
    whole = "\n".join(lines)
    low = whole.lower()
    if ODD_FOLDS.search(whole) or len(low) != len(whole):  # (no other letter changes length)
        return list(range(len(lines)))
    ends = list(accumulate(len(line) + 1 for line in lines))  # where each line's break is, plus one
    found: set[int] = set()
    for word in words:
        at = low.find(word)
        while at >= 0:
            found.add(bisect_right(ends, at))
            at = low.find(word, at + 1)
    return sorted(found)


_SCREEN: list[tuple[Callable[[re.Pattern[str], str], re.Match[str] | None],
                    Callable[[re.Pattern[str], str], bool]]] = []
"""The screened search and test the stages use for costly patterns (``use_pattern_screen``);
none: every pattern is searched."""


def use_pattern_screen(search: Callable[[re.Pattern[str], str], re.Match[str] | None],
                       may_match: Callable[[re.Pattern[str], str], bool]) -> None:
    """Search the patterns the stages pass to ``screened_search`` and ``may_match`` with
    ``search(pattern, text)``, which finds what ``pattern.search(text)`` finds, and test them with
    ``may_match(pattern, text)``, false only where the pattern does not match (the engine passes
    faster ones)."""
    _SCREEN[:] = [(search, may_match)]


def screened_search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)`` (through the engine's screen when one is in use)."""
    return _SCREEN[0][0](pattern, text) if _SCREEN else pattern.search(text)


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when ``pattern`` has no match in ``text`` (always true without the engine's screen)."""
    return _SCREEN[0][1](pattern, text) if _SCREEN else True
