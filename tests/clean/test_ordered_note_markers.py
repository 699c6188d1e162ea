"""A note's plain-number marker printed after a space (``Crime 4 and``) or fused into a year
(``20172``, ``2021,3``) is found between the markers of the notes before and after it, and only
when it is the one candidate there."""

from __future__ import annotations

from cleankit import clean_text, lost_and_invented

NOTES = ("\n_______________\n1 Resolution 64/293.\n2 Resolution 72/1.\n3 Resolution 76/7, annex.\n"
         "4 Treaty Series, vol. 2225.\n5 Ibid., vol. 2237.\n")


def marked(text: str) -> dict[str, str]:
    """Note number → the ten characters before its marker."""
    doc = clean_text(text)
    return {s.target: b.text[max(0, s.start - 10):s.start] for b in doc.blocks for s in b.spans
            if s.kind == "footnote"}


def test_markers_fused_into_years_and_printed_after_a_space_are_found_in_order():
    text = ("Political declaration\n\nWe welcome the Global Plan of Action,1 reaffirm the Declarations of 20172 "
            "and 2021,3 and urge the ratification of the Convention against Organized Crime 4 and the Protocol,5 "
            "as a matter of priority.\n" + NOTES)
    assert marked(text) == {"1": "of Action,", "2": "ns of 2017", "3": " and 2021,", "4": "ized Crime",
                            "5": " Protocol,"}
    lost, invented = lost_and_invented(text, clean_text(text))  # (a note's number is a link, not a word)
    assert set(lost) <= {"1", "2", "3", "4", "5", "20172"} and set(invented) <= {"2017"}


def test_a_number_after_a_word_that_counts_it_is_no_marker():
    text = ("Political declaration\n\nWe welcome the Global Plan of Action,1 reaffirm the Declarations,2 recall "
            "the Declaration,3 and recall article 4 of the Convention and the Protocol,5 as a priority.\n" + NOTES)
    assert "4" not in marked(text)


def test_two_candidates_between_the_neighbouring_markers_leave_the_note_unmarked():
    text = ("Political declaration\n\nWe welcome the Global Plan of Action,1 reaffirm the Declarations,2 recall "
            "the Declaration,3 and urge States Parties 4 and Members 4 to ratify the Protocol,5 as a priority.\n"
            + NOTES)
    assert "4" not in marked(text)
    assert any("footnote 4" in w and "no marker" in w for w in clean_text(text).warnings)
