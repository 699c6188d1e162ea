"""A line that is only a number (a bill, job or file number on a cover) names no section: it
is never a heading, and its number stays on the page as text."""

from __future__ import annotations

from cleankit import clean_text

INTRO = "Reception of asylum seekers\n\nThe first paragraph of the report is a sentence of some length.\n\n"
END = "\n\nThe text goes on with a sentence here.\n"


def headings(text: str) -> list[str]:
    return [b.text for b in clean_text(INTRO + text).blocks if b.kind == "heading" and b.level > 1]


def words(text: str) -> str:
    return " ".join(b.text for b in clean_text(INTRO + text).blocks)


def test_a_bare_number_alone_on_a_line_is_no_heading():
    assert headings("10527" + END) == []


def test_a_bare_number_alone_on_a_line_stays_on_the_page():
    assert "10527" in words("10527" + END)


def test_a_covers_number_between_two_heading_lines_is_no_heading_but_they_still_are():
    cover = "STATE OF NEW YORK\n\n10527\n\nIN ASSEMBLY" + END
    assert "10527" not in headings(cover)
    assert "IN ASSEMBLY" in headings(cover)


def test_a_number_followed_by_words_on_its_line_is_not_taken_as_a_bare_number():
    assert headings("2024 Annual Review" + END) == ["2024 Annual Review"]
