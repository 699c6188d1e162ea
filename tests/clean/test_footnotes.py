"""clean/footnotes: bodies move to the end, markers become zero-width spans."""

from __future__ import annotations

from cleankit import clean_text


def notes(doc):
    return [(b.label, b.text) for b in doc.blocks if b.kind == "footnote"]


def refs(doc):
    return [(b.text[:s.start][-6:], s.target) for b in doc.blocks for s in b.spans if s.kind == "footnote"]


def test_superscript_markers_of_both_unicode_blocks_become_footnotes():
    doc = clean_text("It protects rights.¹ It chairs the group.⁴\n\n¹ See the first note.\n\n⁴ See the fourth.\n")
    assert notes(doc) == [("1", "See the first note."), ("4", "See the fourth.")]
    assert refs(doc) == [("ights.", "1"), ("group.", "4")]
    assert doc.blocks[0].text == "It protects rights. It chairs the group."


def test_bracketed_number_markers_become_footnotes():
    doc = clean_text("The report was adopted.[2]\n\n[2] Adopted without a vote.\n")
    assert notes(doc) == [("2", "Adopted without a vote.")]
    assert refs(doc) == [("opted.", "2")]


def test_a_body_after_the_next_heading_is_moved_to_the_end():
    doc = clean_text("A Title\n\nText with a marker.³\n\n3. Next Section\n\n³ The body.\n\nMore text.\n")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "heading", "paragraph", "footnote"]
    assert doc.moved[0].placed == "footnote 3"


def test_a_body_that_splits_a_sentence_is_moved_and_the_sentence_rejoined():
    doc = clean_text("IOM will work to further the protection of migrants and in\n\n"
                     "⁶ See the position paper.\n\nthe promotion of a rights perspective.\n")
    assert doc.blocks[0].text == ("IOM will work to further the protection of migrants and in the promotion "
                                  "of a rights perspective.")


def test_a_marker_without_a_body_is_reported_and_kept():
    doc = clean_text("A sentence with a marker.⁷\n")
    assert doc.blocks[0].text == "A sentence with a marker.⁷"
    assert any("marker ⁷" in w and "no footnote text" in w for w in doc.warnings)


def test_a_body_without_a_marker_is_reported_and_shown_as_text():
    doc = clean_text("A sentence.\n\n⁸ An orphan note.\n")
    assert notes(doc) == []
    assert doc.blocks[-1].text == "⁸ An orphan note."
    assert any("footnote 8" in w and "no marker" in w for w in doc.warnings)


def test_urls_in_footnote_bodies_become_links():
    doc = clean_text("Text.²\n\n² See <http://example.org/a>.\n")
    note = doc.blocks[-1]
    assert note.text == "See http://example.org/a."
    assert [(s.kind, s.target) for s in note.spans] == [("url", "http://example.org/a")]


def test_a_bracketed_marker_after_a_space_is_a_marker_when_its_note_exists():
    doc = clean_text("As noted [1] in the text.\n\n[1] The note.\n")
    assert doc.blocks[0].text == "As noted in the text."
    assert refs(doc) == [(" noted", "1")]


def test_a_bracketed_marker_opening_a_line_keeps_its_bracket_and_takes_no_character_before_it():
    # The marker is at offset 0: there is no space before it to take with it (the text once
    # lost its closing bracket and kept a stray "[1").
    doc = clean_text("¹ The note.\n\nSome text here.\n\n[1]\nMore text.\n")
    assert not any("[" in b.text or "]" in b.text for b in doc.blocks if b.kind != "footnote")
    assert ("", "1") in refs(doc)


def test_plain_numbered_notes_under_a_page_foot_rule_are_footnotes():
    text = ("We recall the commitments to the 2030 Agenda for Sustainable Development,4 recognizing its \n"
            "integrated nature and acknowledging \n_______________ \n \n4 Resolution 70/1. \n \n"
            "5 United Nations, Treaty Series, vol. 2225. \n\nthat the Agenda includes commitments on trafficking.\n")
    doc = clean_text(text)
    assert notes(doc)[0] == ("4", "Resolution 70/1.") and refs(doc) == [("pment,", "4")]
    assert doc.blocks[0].text.endswith("acknowledging that the Agenda includes commitments on trafficking.")
    assert [m.text for m in doc.moved if m.reason == "footnote text found in the flow of the page"] == [
        "Resolution 70/1.", "United Nations, Treaty Series, vol. 2225."]


def test_a_numbered_line_after_a_rule_is_no_note_without_its_marker_or_a_next_note():
    text = ("Tableau des effectifs\n\n_______________\n\n12 agents à Genève\n\n40 agents à Nairobi\n\n"
            "Les effectifs sont provisoires.\n")
    doc = clean_text(text)
    assert notes(doc) == [] and not doc.moved
    assert any("12 agents à Genève" in b.text for b in doc.blocks)


def test_numbered_notes_under_a_lone_underscore_left_of_the_foot_rule_are_footnotes():
    text = ("Message of 10 December 1947\n\nYour memorandum, which he has cabled me [1], makes depressing reading. "
            "We agree to a lift of 350 persons. [2]\n\n _\n\n1 Conveyed to Williams in Canberra on 9 December.\n\n"
            "2 Calwell had asked for personal support.\n")
    doc = clean_text(text)
    assert notes(doc) == [("1", "Conveyed to Williams in Canberra on 9 December."),
                          ("2", "Calwell had asked for personal support.")]
    assert [target for _, target in refs(doc)] == ["1", "2"]


def test_a_note_run_into_the_line_it_interrupted_is_taken_out_and_the_sentence_rejoined():
    text = ("[June 1947][1]\n\nImmigration policy\n\n(a) Persons who are skilled may be admitted.\n\n"
            "(b) Persons may be admitted provided they are nominated by persons resident in 1 The document is "
            "undated. It was prepared for the mission in June.\n\nAustralia who accept responsibility for them.\n")
    doc = clean_text(text)
    assert notes(doc) == [("1", "The document is undated. It was prepared for the mission in June.")]
    item = next(b for b in doc.blocks if b.number == "b" or b.text.startswith("(b)") or "nominated" in b.text)
    assert item.text.endswith("nominated by persons resident in Australia who accept responsibility for them.")
    assert refs(doc)[0][1] == "1"


def test_a_number_and_sentence_at_a_line_end_is_text_when_no_marker_wants_a_note():
    line = "The quota was raised to 1 The Minister approved it."
    doc = clean_text(f"Immigration policy\n\n{line}\n")
    assert notes(doc) == [] and doc.blocks[1].text == line


def test_notes_numbered_in_parentheses_under_a_rule_are_footnotes():
    doc = clean_text("Having regard to the opinion of the Committee (1),\n\nActing under the procedure (2),\n\n"
                     "Done at Brussels.\n\n________________\n(1) OJ C 155, 30.4.2021, p. 64.\n"
                     "(2) Position of the Parliament (not yet published in the Official\n    Journal).\n")
    assert notes(doc) == [("1", "OJ C 155, 30.4.2021, p. 64."),
                          ("2", "Position of the Parliament (not yet published in the Official Journal).")]


def test_a_parenthesised_call_after_a_word_is_linked_and_leaves_the_text():
    doc = clean_text("The opinion of the Committee (1), and the procedure (2).\n\n________________\n"
                     "(1) OJ C 155, p. 64.\n(2) OJ C 175, p. 32.\n")
    assert doc.blocks[0].text == "The opinion of the Committee, and the procedure."
    assert refs(doc) == [("mittee", "1"), ("cedure", "2")]


def test_a_parenthesised_number_after_an_article_or_a_digit_is_no_call():
    doc = clean_text("Under Article 5(1) and point (2), see the Committee (1) and the Council (2).\n\n"
                     "________________\n(1) OJ C 155, p. 64.\n(2) OJ C 175, p. 32.\n")
    assert doc.blocks[0].text == "Under Article 5(1) and point (2), see the Committee and the Council."


def test_notes_numbered_in_parentheses_that_end_the_text_are_footnotes_when_each_is_called():
    doc = clean_text("The opinion of the Committee (1), and the procedure (2).\n\nDone at Brussels.\n\n"
                     "(1) OJ C 155, p. 64.\n(2) OJ C 175, p. 32.\n")
    assert notes(doc) == [("1", "OJ C 155, p. 64."), ("2", "OJ C 175, p. 32.")]


def test_a_parenthesised_list_that_ends_the_text_without_calls_stays_a_list():
    doc = clean_text("The Committee recommends:\n\n(1) To adopt the law.\n(2) To train the police.\n")
    assert notes(doc) == []
    assert [b.kind for b in doc.blocks][-2:] == ["list_item", "list_item"]
