"""clean/reflow and clean/normalise: wrapped lines become one paragraph; breaks are found."""

from __future__ import annotations

from cleankit import clean_text


def blocks(text: str):
    return clean_text(text).blocks


def test_joins_lines_wrapped_inside_a_paragraph():
    out = blocks("The quick brown fox \njumps over the lazy \ndog.\n")
    assert [b.text for b in out] == ["The quick brown fox jumps over the lazy dog."]
    assert out[0].kind == "paragraph"


def test_blank_line_separates_paragraphs():
    out = blocks("First paragraph ends here.\n\nSecond paragraph ends here.\n")
    assert [b.text for b in out] == ["First paragraph ends here.", "Second paragraph ends here."]


def test_dash_bullets_become_list_items():
    out = blocks("Some examples include:\n\n- one thing;\n- another thing.\n")
    assert [b.kind for b in out] == ["paragraph", "list_item", "list_item"]
    assert out[1].text == "one thing;"


PDF_COLUMN = (
    "The agency reported a steady rise in the number \n"
    "of arrivals across the region during the year.\n"
    " The second paragraph starts with a leading space \n"
    "after a sentence end, with no blank line before it.\n"
)


def test_leading_space_after_a_sentence_end_starts_a_new_paragraph():
    out = blocks(PDF_COLUMN + "\n" + PDF_COLUMN)
    assert [b.text[:14] for b in out] == ["The agency rep", "The second par"] * 2


def test_leading_space_after_a_comma_does_not_break_the_paragraph():
    out = blocks("It works with States, \n including on return and \nreadmission, \nand on integration.\n" * 2)
    joined = "It works with States, including on return and readmission, and on integration."
    assert [b.text for b in out] == [joined] * 2


def test_trailing_spaces_and_two_space_hard_breaks_are_gone():
    out = blocks("Body text of a wrapped  \nparagraph goes on here  \nand ends here.\n")
    assert [b.text for b in out] == ["Body text of a wrapped paragraph goes on here and ends here."]


def test_a_sentence_ending_well_short_of_the_column_ends_a_plain_text_paragraph():
    text = ("The delegation welcomed the report and its many recommendations on the\n"
            "protection of migrant workers in the region.\n"
            "It asked the secretariat to publish a summary of the findings before\n"
            "the next session of the committee.\n")
    out = blocks(text)
    assert len(out) == 2
    assert out[1].text.startswith("It asked the secretariat")


def test_a_kicker_line_above_the_title_is_its_own_paragraph():
    out = blocks(" Migration \nProtecting the rights \nof people on the move\n\nBackground\n\n"
                 "Body text of the report that goes on \nfor a while in a narrow column \nof a brochure, "
                 "as extracted \nfrom a PDF file.\n")
    assert (out[0].kind, out[0].label, out[0].text) == ("paragraph", "kicker", "Migration")
    assert (out[1].kind, out[1].level, out[1].text) == ("heading", 1, "Protecting the rights of people on the move")


def test_a_group_of_short_lines_keeps_its_lines_apart_never_joined_with_separators():
    out = blocks("A Title For The Page\n\nFact Sheet\nBureau of Statistics\nGeneva\nMay 4, 2013\n\n"
                 "The body says something important about the topic at hand. It goes on.\n")
    assert (out[1].label, out[1].text) == ("byline", "Fact Sheet\nBureau of Statistics\nGeneva\nMay 4, 2013")
    assert not any("·" in b.text for b in out)
