"""Fast forms of cleaning and enrichment checks agree with their plain reading."""

from builder.clean.rules.web import _DIGIT_AT_END
from builder.clean.text.patterns import DATE_AT_END
from builder.clean.text.web import related_heading
from builder.enrich.entities import _RUN, _is_capitals

DATED = ["Modified on 04/08/2012", "Version of 3 March 2021.", "Original text of 28/02/2007 )]",
         "Published 2021-03-03", "le 3 mars 2021", "Updated 12.5.21\n",
         "Versión del 5 de mayo de 2020 –", "Text of 1 May 2020 .)\n"]
UNDATED = ["Modified on Monday", "March 3rd, 2021 ...", "Chapter 12 of the report", "Page 3 of 12 (draft)", "", "2021"]


def test_every_line_ending_with_a_date_passes_the_digit_check():
    for line in DATED + UNDATED:
        if DATE_AT_END.search(line):
            assert _DIGIT_AT_END.search(line[-5:]), line
    assert all(DATE_AT_END.search(line) for line in DATED)


def test_lines_without_a_digit_near_the_end_fail_the_digit_check():
    assert not _DIGIT_AT_END.search("Modified on Monday"[-5:])
    assert not _DIGIT_AT_END.search("Page 3 of 12 (draft)"[-5:])


def test_a_related_heading_is_a_whole_cue_or_starts_with_a_more_cue():

    assert related_heading("See also:")
    assert related_heading("More from the ministry")
    assert not related_heading("See also the annex below")
    assert not related_heading("Moreover the ministry")


def test_capitals_are_counted_as_the_plain_reading_counts_them():
    text = "NATO and the UN met; eu, Eu, EU2, e2E, 2021, abcD, ABC, a, B, mIxEd"
    for run in _RUN.findall(text):
        assert _is_capitals(run) == (sum(1 for c in run if "A" <= c <= "Z") >= 2), run
