"""The engine's shortcut for English dates (``engine.fast_dates``) reads each date it takes as
dateparser reads it, and leaves everything else to dateparser."""

from __future__ import annotations

import calendar

import pytest

from builder.engine import fast_dates, setup
from builder.enrich import dates


def dateparser_reads(text: str, langs: tuple[str, ...] = fast_dates.ENGLISH) -> tuple[object, str] | None:
    data = dates._parser(langs).get_date_data(text)
    return (data.date_obj, data.period) if data and data.date_obj else None


def english_dates() -> list[tuple[str, int, int, int]]:
    """(text, year, month, day): every day of 2023 and of 2024 (a leap year) in both shapes, the
    days zero-padded in one month, and February of 1900 and 2000 (a century without and with a
    29th), days 0 to 32 each time."""
    out = []
    for year, months in ((2023, range(1, 13)), (2024, range(1, 13)), (1900, [2]), (2000, [2])):
        for month in months:
            name = fast_dates.MONTHS[month - 1]
            for day in range(0, 33):
                out += [(f"{day} {name} {year}", year, month, day), (f"{name} {day}, {year}", year, month, day)]
                if month == 8 and day < 10:
                    out += [(f"0{day} {name} {year}", year, month, day), (f"{name} 0{day}, {year}", year, month, day)]
    return out


@pytest.mark.parametrize("langs", sorted(fast_dates.READ_IN))
def test_every_day_of_every_month_is_read_as_dateparser_reads_it(langs):
    taken = 0
    for text, year, month, day in english_dates():
        found = fast_dates.read(text, langs)
        assert (found is not None) == (1 <= day <= calendar.monthrange(year, month)[1]), text
        if found is not None:
            taken += 1
            assert found == dateparser_reads(text, langs), text
    assert taken > 1500


def test_the_stage_reads_dates_of_a_document_in_english_or_in_no_language_in_a_list_read_here():
    assert dates.parser_languages("en") in fast_dates.READ_IN
    assert dates.parser_languages(None) in fast_dates.READ_IN
    assert dates.parser_languages("fr") not in fast_dates.READ_IN


def test_other_shapes_and_languages_are_left_to_dateparser():
    for text in ("8 august 2021", "8  August 2021", "August 8 2021", "8 Aug 2021", "8 August 21", "8 August 1850",
                 "8 August 2021.", "On 8 August 2021", "8 August\n2021", "August, 2021", "2021", "٨ August 2021"):
        assert fast_dates.read(text, fast_dates.ENGLISH) is None, text
    assert fast_dates.read("8 August 2021", ("fr", "en")) is None
    assert fast_dates.read("8 August 2021", dates.parser_languages("de")) is None


def test_the_builder_asks_the_shortcut_first():
    setup.start()  # (what a build does first: it passes the shortcut to the enrich stage)
    assert dates._SHORTCUTS == [fast_dates.read]
    assert [f.iso for f in dates.find("Geneva, 8 August 2021", "en")] == ["2021-08-08"]
    assert [f.impossible for f in dates.find("Geneva, 30 February 2021", "en")] == ["30 February 2021"]
