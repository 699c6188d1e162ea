"""OCR and extraction debris (one behaviour a test)."""

from __future__ import annotations

from cleankit import clean_text


def text(doc) -> str:
    return " ".join(b.text for b in doc.blocks)


def test_not_sign_at_line_end_joins_the_word():
    doc = clean_text("The day will be dedicat¬\ned to the cause of refugees.\n")
    assert "dedicated to the cause" in text(doc)


def test_soft_hyphen_at_line_end_joins_the_word():
    doc = clean_text("The day will be dedicat\u00ad\ned to the cause of refugees.\n")
    assert "dedicated to the cause" in text(doc)


def test_ligature_is_unfolded():
    from builder.clean.rules import debris  # the rule itself: ftfy may already unfold on reading
    from builder.clean.state import CleanState, Line
    from builder.document import Source
    state = CleanState(source=Source("d.txt", "The ﬁnal ﬂow.", sha256=""), lines=[Line(1, "The ﬁnal ﬂow.")])
    debris.ocr_debris(state)
    assert state.lines[0].text == "The final flow."


def test_letter_spaced_word_is_closed_up():
    doc = clean_text("N O T I C E\n\nThe office is closed on Monday for the holiday.\n")
    assert doc.blocks[0].text == "NOTICE"


def test_letter_spaced_line_of_words_is_closed_up():
    doc = clean_text("S T A T E  O F  N E W  Y O R K\n\nThe office is closed on Monday.\n")
    # (the line is the document's title, and a title in capitals is shown in title case)
    assert doc.blocks[0].text == "State of New York"


def test_a_short_run_of_single_letters_is_left():
    doc = clean_text("Options a b c d are listed below in the annex to this note.\n")
    assert "a b c d" in text(doc)


def test_a_note_marker_after_single_letters_is_no_spaced_letter():
    # Found by hypothesis: "a b u ¹" was closed up into "abu¹" (a superscript digit is a word
    # character to the regex module, not a letter).
    assert "a b u" in text(clean_text("The points a b u ¹ are listed in the annex.\n"))


def test_converter_page_markers_are_removed():
    doc = clean_text("First page text goes here.\n\n--- Page 3 ---\n\n[[Page H12]]\n\nMore text here.\n")
    assert [r.reason for r in doc.removed] == ["page break marker of the converter"] * 2


def test_misread_word_is_flagged_not_corrected():
    doc = clean_text("The G0vernment adopted the plan in the spring.\n")
    assert "G0vernment" in text(doc)
    assert any("G0vernment" in w and "misread" in w for w in doc.warnings)


def test_spaced_letters_that_spell_no_word_are_left_as_printed():
    doc = clean_text("A note on options\n\nThe five choices are listed: u u u u u and a b c d e here.\n")
    assert "u u u u u" in doc.blocks[-1].text and "a b c d e" in doc.blocks[-1].text


def test_a_list_number_without_text_in_a_list_is_removed_with_its_reason():
    doc = clean_text("Steps\n\nSteps to follow:\n\n1. Fill in the form.\n2.\n3. Pay the fee.\n\n"
                     "That is all there is to it in the end.\n")
    assert [(r.text, r.reason) for r in doc.removed if r.rule == "bare_list_numbers"] == [
        ("2.", "list number without text (its item's text was removed or never printed)")]
    assert "Fill in the form." in [b.text for b in doc.blocks]


def test_a_list_number_with_only_an_empty_link_is_removed():
    doc = clean_text("Steps\n\n1.   [Apply online](https://e.org/apply)\n2.   [](https://e.org/img)\n"
                     "3.   [Pay the fee](https://e.org/pay)\n\nThat is all there is to it in the end.\n")
    assert [r.text for r in doc.removed if r.rule == "bare_list_numbers"] == ["2.   [](https://e.org/img)"]


def test_a_paragraph_number_on_a_line_of_its_own_is_kept():
    doc = clean_text("Report\n\nThe first paragraph of the report sets out the mandate.\n\n12.\n\n"
                     "The State party has taken steps to protect migrant workers.\n")
    assert not [r for r in doc.removed if r.rule == "bare_list_numbers"]
