"""The two commonest ways of writing a date in English, read without dateparser, exactly as
dateparser reads them.

``8 August 2021`` and ``August 8, 2021`` are most of the dates the enrich stage asks dateparser
for, and dateparser takes about a millisecond and a half for each (it tries its every parser,
translation and locale). Read in English (alone, or first of the languages the enrich stage
tries for a document in English or in no known language: ``READ_IN``), a day of the month, the
month's full English name and a year of the 20th or 21st century in one of these two shapes give
that day at midnight with the precision ``day`` (``tests/test_dates_fast.py`` compares every
such date of several years, both shapes, with dateparser's own reading in each language list of
``READ_IN``). Everything else, a day the month does not have included, is left to dateparser:
``read`` says ``None``.
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime

from ..enrich.dates import FALLBACK_LANGUAGES

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_NAME = "|".join(MONTHS)
_DAY_FIRST = re.compile(rf"(?P<d>[0-9]{{1,2}}) (?P<m>{_NAME}) (?P<y>(?:19|20)[0-9][0-9])")
_MONTH_FIRST = re.compile(rf"(?P<m>{_NAME}) (?P<d>[0-9]{{1,2}}), (?P<y>(?:19|20)[0-9][0-9])")
_NUMBER = {name: i for i, name in enumerate(MONTHS, 1)}
ENGLISH = ("en",)
ENGLISH_FIRST = tuple(dict.fromkeys(("en", *FALLBACK_LANGUAGES)))
"""The languages the enrich stage reads a date in when the document is in English or in no known
language (``dates.parser_languages``): English first, so dateparser reads an English date as in
English alone (``tests/test_dates_fast.py`` compares every date of several years in both)."""
READ_IN = frozenset({ENGLISH, ENGLISH_FIRST})
"""The language lists a date is read in here; with any other, another language's month names
could come first, and dateparser reads it."""


def read(text: str, langs: tuple[str, ...]) -> tuple[datetime, str] | None:
    """``(the date at midnight, "day")`` for a text that is one of the two shapes in English,
    else ``None`` (dateparser reads it)."""
    if langs not in READ_IN:
        return None
    m = _DAY_FIRST.fullmatch(text) or _MONTH_FIRST.fullmatch(text)
    if not m:
        return None
    year, month, day = int(m.group("y")), _NUMBER[m.group("m")], int(m.group("d"))
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return datetime(year, month, day), "day"
