"""A list item's text that goes on after a blank line, in lower case, is joined to its item."""

from __future__ import annotations

from cleankit import clean_text, lost_and_invented

INTRO = "Revised policy\n\nPersons of European origin may be granted landing permits on these conditions:\n\n"


def blocks(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in clean_text(INTRO + text).blocks][2:]


def test_a_lower_case_paragraph_after_an_open_item_is_its_text_going_on():
    text = ("(a) They are skilled in a trade and are single persons;\n\n"
            "and are in possession of at least 50 landing money for initial maintenance.\n\n"
            "(b) They are nominated by a resident.\n")
    assert blocks(text)[0] == ("list_item", "They are skilled in a trade and are single persons; and are in "
                                            "possession of at least 50 landing money for initial maintenance.")
    doc = clean_text(INTRO + text)
    assert [m.reason for m in doc.moved if m.rule == "continued_items"]
    lost, invented = lost_and_invented(INTRO + text, doc)
    assert not lost and not invented


def test_a_paragraph_after_an_item_that_ends_its_sentence_stays_a_paragraph():
    text = "(a) They are skilled in a trade.\n\nand this closes the list of conditions for the permits.\n"
    assert blocks(text)[-1] == ("paragraph", "and this closes the list of conditions for the permits.")


def test_an_item_marker_no_list_pattern_reads_starts_its_own_block():
    text = "(e) for the school trips of pupils,\n\nbb) the school supplies of pupils,\n"
    assert blocks(text)[-1][1].startswith("bb)")
