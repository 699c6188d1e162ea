"""Short lines that look like headings but name no section are never headings (never in the
table of contents): a table's total row, a numbered paragraph that ends ``:-``, a unit whose
whole text is one sentence on its number's line, a section name with a time stamp, a running
header with a navigation trail, a classification marking, a byline. Short lines that do name
a section are headings, also when printed right above their text: a question over its answer,
a label over a paragraph that starts with a number; a label over numbered units stays a line
of its own."""

from __future__ import annotations

from cleankit import clean_text

INTRO = "Reception of asylum seekers\n\nThe first paragraph of the report is a sentence of some length.\n\n"
END = "\n\nThe text goes on with a sentence here, and it is long enough to be prose.\n"


def headings(text: str) -> list[str]:
    return [b.text for b in clean_text(INTRO + text).blocks if b.kind == "heading" and b.level > 1]


def texts(text: str) -> list[str]:
    return [b.text for b in clean_text(INTRO + text).blocks]


def test_a_tables_total_row_is_no_heading():
    assert headings("Total     48,000     41,250     86%" + END) == []


def test_a_row_of_numbers_with_a_short_label_is_no_heading():
    assert headings("Gesamt 12 400 9 800" + END) == []


def test_a_numbered_paragraph_ending_with_a_colon_and_dash_is_no_heading():
    found = headings("3.  The following dates have been agreed:-" + END)
    assert found == []


def test_an_article_whose_whole_text_is_one_sentence_is_no_heading():
    line = "Article 2 : La requête de M. A est rejetée."
    assert headings(line + END) == []
    assert any(t.startswith("Article 2 :") for t in texts(line + END))


def test_an_article_with_its_title_is_still_a_heading():
    assert headings("Article 3 : Entrée en vigueur" + END) == ["Article 3 : Entrée en vigueur"]


def test_a_section_name_with_a_time_stamp_is_no_heading():
    assert headings("TOP STORIES | Mon Mar 4, 2024 9:30am GMT" + END) == []


def test_a_running_header_with_a_navigation_trail_is_no_heading():
    assert headings("IOM SITUATION REPORT > Sudan / May 2024" + END) == []


def test_a_handling_marking_in_capitals_is_no_heading_in_any_language():
    for line in ("URGENT PERSONAL", "MOST IMMEDIATE", "PERSONAL AND CONFIDENTIAL", "TRÈS URGENT", "DRINGEND"):
        assert headings(line + END) == [], line
        assert line in texts(line + END)


def test_a_short_title_with_a_handling_word_in_mixed_case_is_still_a_heading():
    assert headings("Urgent needs" + END) == ["Urgent needs"]


def test_a_classification_marking_is_no_heading():
    assert headings("CONFIDENTIAL" + END) == []
    assert "CONFIDENTIAL" in texts("CONFIDENTIAL" + END)


def test_a_byline_is_no_heading():
    assert headings("By Maria Lopez and John Carter" + END) == []


def test_a_short_question_alone_on_its_line_heads_its_answer():
    assert headings("Wie kan een aanvraag indienen?\n\nDe aanvrager zelf of een gemachtigde kan dat doen." + END) \
        == ["Wie kan een aanvraag indienen?"]


def test_a_question_printed_right_above_its_answer_is_a_heading():
    text = "Hoe lang duurt het?\nDe dienst beslist binnen 90 dagen. Deze termijn kan worden verlengd." + END
    assert headings(text) == ["Hoe lang duurt het?"]


def test_a_label_above_a_paragraph_that_starts_with_a_number_is_a_heading():
    text = "Tillämpliga bestämmelser\n4 kap. 1 och 2 §§ och 8 kap. 1 § i lagen om utlänningar gäller här." + END
    assert headings(text) == ["Tillämpliga bestämmelser"]


def test_a_label_above_a_numbered_unit_is_not_glued_to_it():
    text = "DÉCIDE :\n\nArticle 1er : La décision du préfet est annulée." + END
    assert "DÉCIDE :" in texts(text)


def test_a_numbered_title_over_its_indented_paragraph_is_a_heading():
    text = ("1. Permanenza nei centri\n"
            "     I richiedenti già accolti nei centri possono restarvi per un periodo massimo di sei mesi,\n"
            "al fine di completare il percorso avviato.\n\n"
            "2. Trasferimento\n"
            "     Decorso tale termine, il servizio dispone il trasferimento in un altro centro della rete.\n")
    assert headings(text) == ["1. Permanenza nei centri", "2. Trasferimento"]


def test_a_numbered_item_with_a_hanging_indent_stays_one_item():
    text = ("1.  Welcomes the report of the Secretary-General on the protection of migrants at sea\n"
            "    A/80/123 and the recommendations it contains on search and rescue.\n")
    assert headings(text) == []


def test_a_date_line_is_no_tables_row():
    from builder.clean.text.blocks import names_no_heading

    assert not names_no_heading("12 July 2016")
    assert names_no_heading("Total 12 400 9 800")
