"""Cheap screens in front of costly patterns: a test far cheaper than the pattern that every text
the pattern matches passes, so a text that fails it is not searched, and the result is the
pattern's own (``tests/test_screens_fast.py`` checks each screen against its pattern on the
seeds, the dev corpus and generated documents, and the stage's answers with and without it).

The stages keep the plain rule (every pattern tried on every text); ``engine.setup`` hands them
these screens.
"""

from __future__ import annotations

import re

from ..enrich.symbols import PATTERNS

NEEDS = {"un": "/", "eli": "/eli/", "boe": "BOE-", "ge": "GE.", "coe": "CM/", "job": ")", "nordic": ":",
         "bgbl": "BGBl"}
"""A literal that every match of a symbol kind's pattern holds (``enrich.symbols.PATTERNS``): a text
without it is not searched for that kind (``in`` is far cheaper than the pattern)."""
DIGIT_CAPITAL = re.compile(r"\d[A-Z]")
"""What every CELEX number and NOR code holds (the year before the type letter, the number before
the final letter): a text without it is searched for neither."""
DIGIT_CAPITAL_KINDS = ("celex", "nor")
_EVERY_KIND = tuple(kind for kind, _pattern in PATTERNS)


def symbol_kinds(text: str) -> list[str]:
    """The symbol kinds whose pattern may match in ``text`` (``enrich.symbols.use_kind_screen``)."""
    digit_capital = DIGIT_CAPITAL.search(text) is not None
    return [kind for kind in _EVERY_KIND
            if (kind not in NEEDS or NEEDS[kind] in text) and (digit_capital or kind not in DIGIT_CAPITAL_KINDS)]


def may_have_leader(text: str) -> bool:
    """``text`` has the four dots, two ellipses or four middle dots a dot leader needs
    (``clean.text.tables.use_leader_screen``): counted, far cheaper than trying the leader pattern
    (a lazy label) on the many lines without any."""
    return text.count(".") >= 4 or text.count("…") >= 2 or text.count("·") >= 4
