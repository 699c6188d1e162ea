"""clean/footnotes: notes anywhere — an endnotes section read into one footnote per number,
and a plain number glued to a word linked only when its note exists."""

from __future__ import annotations

from cleankit import clean_text


def notes(doc):
    return [(b.label, b.text) for b in doc.blocks if b.kind == "footnote"]


def refs(doc):
    return [(b.text[:s.start][-8:], s.target) for b in doc.blocks for s in b.spans if s.kind == "footnote"]


def test_endnotes_are_each_their_own_numbered_note_even_without_blank_lines():
    doc = clean_text("A Title\n\nThe treaty protects workers.[1] It was adopted.[2] It entered into force.[3]\n\n"
                     "Notes\n1. See the report of 2019.\n2. Adopted without a vote\nin the plenary.\n3. Ibid.\n")
    assert notes(doc) == [("1", "See the report of 2019."), ("2", "Adopted without a vote in the plenary."),
                          ("3", "Ibid.")]
    assert refs(doc) == [("workers.", "1"), ("adopted.", "2"), ("o force.", "3")]


def test_endnotes_under_a_heading_in_another_language():
    doc = clean_text("Un titre\n\nLe texte cite la convention.¹ Puis le protocole.²\n\nNotas\n\n1 Véase el informe.\n\n"
                     "2 Ibid.\n")
    assert notes(doc) == [("1", "Véase el informe."), ("2", "Ibid.")]
    assert [r.reason for r in doc.removed] == ["heading of the endnotes (they follow as footnotes)"]


def test_a_glued_number_is_a_marker_only_when_its_note_exists():
    doc = clean_text("A Title\n\nMigrants have rights12 under the treaty.\n\n"
                     "Endnotes\n\n11. Eleventh.\n\n12. Twelfth.\n")
    assert refs(doc) == [("e rights", "12")]
    assert doc.blocks[1].text == "Migrants have rights under the treaty."
    doc = clean_text("A Title\n\nMigrants have rights12 under the treaty.\n")
    assert doc.blocks[1].text == "Migrants have rights12 under the treaty."


def test_a_number_inside_a_symbol_or_name_is_never_a_marker():
    doc = clean_text("A Title\n\nThe G20 and resolution A/RES/67 agree on rights.\n\nNotes\n\n"
                     "20. A note.\n\n21. Another.\n\n67. A third.\n")
    assert doc.blocks[1].text == "The G20 and resolution A/RES/67 agree on rights."
    assert refs(doc) == []


def test_an_endnote_without_a_marker_stays_a_numbered_item():
    doc = clean_text("A Title\n\nSome text without markers.\n\nNotes\n\n1. A note.\n\n2. Another note.\n")
    items = [(b.kind, b.number, b.text) for b in doc.blocks[-2:]]
    assert items == [("list_item", "1", "A note."), ("list_item", "2", "Another note.")]


TABLE = "Iraq .................... 462\nSyria ................... 318\nAfghanistan ............. 207\n"


def test_notes_marked_nowhere_stay_in_place_under_their_label_without_warnings():
    doc = clean_text(f"Quarterly statistics\n\n{TABLE}\nNotes:\n1. Figures are preliminary.\n"
                     "2. A dash indicates a nil result.\n\nSource: Departmental systems, 14 October 2019.\n")
    shown = [(b.kind, b.number, b.text) for b in doc.blocks if b.kind in ("paragraph", "list_item")]
    assert shown == [("paragraph", "", "Notes:"), ("list_item", "1", "Figures are preliminary."),
                     ("list_item", "2", "A dash indicates a nil result."),
                     ("paragraph", "", "Source: Departmental systems, 14 October 2019.")]
    assert not doc.warnings and not notes(doc) and not doc.removed


def test_notes_with_one_marker_in_the_text_are_still_footnotes():
    doc = clean_text(f"Quarterly statistics\n\nFigures rose this quarter.¹\n\n{TABLE}\nNotes:\n"
                     "1. Figures are preliminary.\n2. A dash indicates a nil result.\n")
    assert [label for label, _ in notes(doc)] == ["1"]  # note 2, unmarked, ends the list of notes
    assert not any(b.text == "Notes:" for b in doc.blocks)


def test_an_asterisk_after_a_name_marks_the_title_page_note_below():
    doc = clean_text("Report of the Special Rapporteur\n\nSubmitted by Jane Roe*\n\n"
                     "The report examines border practices in some detail, as reports do.\n\n"
                     "* The present report was submitted after the deadline.\n\n"
                     "The report goes on with its introduction here.\n")
    assert notes(doc) == [("*", "The present report was submitted after the deadline.")]
    assert ("ane Roe", "*") in [(t[-7:], target) for t, target in refs(doc)]
    assert not any(b.kind == "list_item" for b in doc.blocks)


def test_a_bulleted_list_with_asterisks_is_no_note():
    doc = clean_text("Guidance*\n\nStates should act.\n\n* Establish procedures.\n* Grant permits.\n")
    assert notes(doc) == []
    assert [b.text for b in doc.blocks if b.kind == "list_item"] == ["Establish procedures.", "Grant permits."]


def test_the_closing_asterisk_of_emphasis_marks_no_note():
    doc = clean_text("States should act *in good faith* when they return people.\n\n"
                     "* Establish procedures\nthat last.\n")
    assert notes(doc) == []
    assert [b.text for b in doc.blocks if b.kind == "list_item"] == ["Establish procedures that last."]


def test_a_source_line_under_a_numbered_table_note_is_not_glued_to_it():
    doc = clean_text("The figures:\n\n(1) EU nationals returned under the Regulations.\nSource: Returns table D03.\n")
    assert [b.text for b in doc.blocks][-2:] == ["(1) EU nationals returned under the Regulations.",
                                                 "Source: Returns table D03."]


def test_a_list_item_s_wrapped_line_that_opens_with_a_word_and_colon_mid_sentence_stays_in_it():
    doc = clean_text("The figures:\n\n(1) EU nationals returned under the rules of\nArticle: 5 of the Regulations.\n")
    assert doc.blocks[-1].text == "(1) EU nationals returned under the rules of Article: 5 of the Regulations."
