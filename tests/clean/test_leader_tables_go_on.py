"""A dot-leader table whose label ran into its value (``(Save Our Street25,000``), or that a
page break cut with a blank line, stays one table with each value in its column."""

from __future__ import annotations

from cleankit import clean_text, lost_and_invented

GRANTS = ("The funds are apportioned as follows:\n\n"
          "Albany Law School ................................. 87,500\n"
          "Center for Elder Law and Justice ................. 175,000\n"
          "Center for Justice Innovation, Inc. (Save Our Street25,000\n"
          "Empire Justice Center, Inc. ...................... 218,750\n")

BROKEN = ("The funds are apportioned as follows:\n\n"
          "Albany Law School ................................. 87,500\n"
          "Center for Elder Law and Justice ................. 175,000\n"
          "\n"
          "Empire Justice Center, Inc. ...................... 218,750\n"
          "Western New York Law Center ...................... 175,000\n\n"
          "RESOLVED, That the funds be paid.\n")


def tables(text):
    return [b for b in clean_text(text).blocks if b.kind == "table"]


def test_a_value_glued_to_its_label_goes_to_the_value_column():
    [t] = tables(GRANTS)
    assert t.rows[2] == ["Center for Justice Innovation, Inc. (Save Our Street", "25,000"]


def test_the_glued_label_and_value_lose_no_word():
    assert not any(lost_and_invented(GRANTS, clean_text(GRANTS)))


def test_a_value_glued_without_a_thousands_separator_stays_in_the_label():
    [t] = tables(GRANTS.replace("Street25,000", "Street25.5"))
    assert ["Center for Justice Innovation, Inc. (Save Our Street25.5", ""] in t.rows


def test_rows_cut_by_a_blank_line_are_one_table():
    [t] = tables(BROKEN)
    assert [r[0] for r in t.rows] == ["Albany Law School", "Center for Elder Law and Justice",
                                      "Empire Justice Center, Inc.", "Western New York Law Center"]


def test_a_sentence_after_a_blank_line_ends_the_table():
    [t] = tables(BROKEN)
    assert "RESOLVED, That the funds be paid." in [b.text for b in clean_text(BROKEN).blocks]
    assert len(t.rows) == 4


def test_two_dots_left_of_a_leader_are_no_part_of_the_label():
    [t] = tables(GRANTS.replace("Albany Law School ................................. 87,500",
                                "Black Spectrum Theatre Co, Inc. Roy Wilkins Park .. 30,000"))
    assert t.rows[0] == ["Black Spectrum Theatre Co, Inc. Roy Wilkins Park", "30,000"]
