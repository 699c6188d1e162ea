"""clean/structure: title, heading levels and numbers, misnumbering, leads, run-in labels."""

from __future__ import annotations

from cleankit import clean_text

REPORT = """Input on the protection of migrants

I. Introduction

The present report is submitted pursuant to a request.

II. Activities

IOM assists States in many ways, as described below.

I. State Assistance

IOM is active in assisting States in drafting laws.

2. Facilitating Consistency across States

Another of the major activities of IOM is dialogue.

3. Disseminating Information

IOM runs information campaigns.

III. Conclusion

IOM will continue this work.
"""


def headings(doc):
    return [(b.level, b.number, b.text) for b in doc.blocks if b.kind == "heading"]


def test_first_short_line_is_the_title_and_roman_sections_are_level_2():
    doc = clean_text(REPORT)
    assert headings(doc)[:3] == [(1, "", "Input on the protection of migrants"), (2, "I", "Introduction"),
                                 (2, "II", "Activities")]


def test_arabic_numbered_headings_are_headings_one_level_down_never_list_items():
    doc = clean_text(REPORT)
    assert (3, "2", "Facilitating Consistency across States") in headings(doc)
    assert not [b for b in doc.blocks if b.kind == "list_item"]


def test_a_misnumbered_heading_is_warned_about_not_rewritten():
    doc = clean_text(REPORT)
    assert (3, "I", "State Assistance") in headings(doc)
    assert doc.stats["misnumbered_headings"] == 1
    assert any("misnumbered heading 'I. State Assistance'" in w for w in doc.warnings)


def test_numbering_restarts_under_a_new_higher_section():
    doc = clean_text("Title line\n\nI. One\n\nText here.\n\n1. Sub\n\nText.\n\nII. Two\n\nText.\n\n"
                     "1. Sub again\n\nText.\n")
    assert doc.stats.get("misnumbered_headings", 0) == 0
    assert [w for w in doc.warnings if "numbering" in w] == []


def test_bold_italic_numbered_line_becomes_a_heading_without_markup_or_colon():
    doc = clean_text("Intro paragraph of the letter, which says something.\n\n"
                     "***1. The promotion and protection of the human rights of all migrants:***\n\n"
                     "Migration policies should be consistent with human rights.\n")
    h = doc.blocks[1]
    assert (h.kind, h.level, h.number, h.text, h.spans) == (
        "heading", 2, "1", "The promotion and protection of the human rights of all migrants", [])


def test_a_lone_dash_item_under_the_title_is_a_lead_paragraph_not_a_list():
    doc = clean_text("Re. The protection of migrants\n\n- Input to the report of the Secretary-General on it\n\n"
                     "I. Introduction\n\nText.\n")
    assert (doc.blocks[1].kind, doc.blocks[1].label) == ("paragraph", "lead")


def test_a_descriptor_line_under_a_heading_is_a_lead_paragraph():
    column = "Body text that wraps in a narrow column \nas extracted from the PDF file. \n" * 4
    doc = clean_text(column + "\nNational laws and institutions (EA 1)\n\n"
                     "Increased compliance with international human \nrights standards of national laws\n\n" + column)
    lead = [b for b in doc.blocks if b.label == "lead"]
    assert [b.text for b in lead] == ["Increased compliance with international human rights standards of national laws"]


def test_run_in_label_at_a_paragraph_start_is_bold():
    doc = clean_text("Family reunification: A central priority is to support families.\n")
    b = doc.blocks[0]
    assert [(s.kind, b.text[s.start:s.end]) for s in b.spans] == [("strong", "Family reunification:")]


def test_a_colon_inside_a_quoted_title_makes_no_run_in_label():
    doc = clean_text('The report, "Adrift: Life on the Ship", is based on interviews with residents.\n')
    assert [s for s in doc.blocks[0].spans if s.kind == "strong"] == []


def test_a_label_on_its_own_line_becomes_the_run_in_label_of_the_next_paragraph():
    doc = clean_text("Headquarters:\n\nAnother activity is training on migration law.\n")
    assert len(doc.blocks) == 1
    b = doc.blocks[0]
    assert b.text == "Headquarters: Another activity is training on migration law."
    assert [(s.kind, s.start, s.end) for s in b.spans] == [("strong", 0, 13)]


def test_items_under_a_numbered_paragraph_start_a_list_at_the_top_level():
    doc = clean_text("Intro paragraph of the text here.\n\n"
                     "9.     The Committee urges the State party, in the strongest terms it can find, to act now "
                     "on what follows here:\n"
                     "       (a)    To put an immediate end to pushbacks and to ensure non-refoulement;\n"
                     "       (b)    To conduct a prompt, thorough and independent investigation into the\n"
                     "shipwreck, and to bring those responsible to justice;\n"
                     "       (c)    To review the list of safe third countries;\n\n"
                     "10.    The Committee remains concerned about the segregation of Roma children in education "
                     "and about forced evictions of all kinds.\n")
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [(b.number, b.level) for b in items] == [("a", 0), ("b", 0), ("c", 0)]


def test_long_numbered_sentences_stay_an_ordered_list():
    doc = clean_text("A Fact Sheet Title\n\n  1. Victims must be identified and protected by all States.\n"
                     "  2. Enforcement objectives can and must work in tandem.\n")
    items = [(b.kind, b.number) for b in doc.blocks[1:]]
    assert items == [("list_item", "1"), ("list_item", "2")]


def test_of_stacked_lines_above_the_text_the_longest_is_the_title():
    doc = clean_text("Human Rights Council\n\nReport of the Special Rapporteur on migrants\n\nI. Introduction\n\n"
                     "Text of the report.\n")
    assert [(b.kind, b.label, b.level) for b in doc.blocks[:3]] == [
        ("paragraph", "kicker", 0), ("heading", "", 1), ("heading", "", 2)]


def test_a_section_heading_right_under_the_title_stays_a_heading():
    doc = clean_text("The Title of the Brochure\n\nBackground\n\nText of the brochure.\n")
    assert [(b.kind, b.level, b.text) for b in doc.blocks[:2]] == [
        ("heading", 1, "The Title of the Brochure"), ("heading", 2, "Background")]
