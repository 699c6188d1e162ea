"""A byline a scan ran into the lines around it (a photo caption, the headline a word or two a
line, ``by`` / the author, then the article) is taken apart (one behaviour a test, inputs here)."""

from __future__ import annotations

from cleankit import clean_text

from builder.clean.text.blocks import CAPTION_ABOVE_REASON
from builder.enrich.metadata import extract

CAPTION = "An airlift has carried three thousand\nrefugees into the country. Today they\nhave begun a new life there.\n"
ARTICLE = (CAPTION +
           "AGENCY\nWorld\nDay 1966\nTHE\nREFUGEES\nby\nAnna Lindqvist\nWorld Day this year will be\n"
           "dedicated to the cause of the\nrefugees of the world, who need help.\n")


def head_lines(text: str) -> list[str]:
    """The lines shown in the page header (bylines and the like, one line each)."""
    return [line for b in clean_text(text).blocks if b.label == "byline" for line in b.text.split("\n")]


def test_a_byline_inside_a_run_of_lines_is_a_byline_of_its_own():
    assert "by Anna Lindqvist" in head_lines(ARTICLE)


def test_the_headline_printed_a_word_or_two_a_line_above_the_byline_is_one_line_above_the_text():
    assert head_lines(ARTICLE) == ["AGENCY World Day 1966 THE REFUGEES", "by Anna Lindqvist"]


def test_the_article_starts_after_the_byline():
    doc = clean_text(ARTICLE)
    first = next(b for b in doc.blocks if b.kind == "paragraph" and not b.label)
    assert first.text.startswith("World Day this year")


def test_text_above_the_headline_at_the_start_is_a_caption_after_the_first_paragraph():
    doc = clean_text(ARTICLE)
    kinds = [b.kind for b in doc.blocks if b.kind != "paragraph" or not b.label]
    assert kinds == ["paragraph", "admonition"]
    box = doc.blocks[-1]
    assert box.label == "quote" and box.children[0].text.startswith("An airlift")
    assert any(m.reason == CAPTION_ABOVE_REASON for m in doc.moved)


def test_a_line_opening_with_by_that_goes_on_with_its_sentence_is_no_byline():
    doc = clean_text("The declaration on the rights of migrants was adopted\nby Member States and\n"
                     "observers at the conference, after a long debate on the text.\n")
    assert [b.label for b in doc.blocks] == [""]
    assert "adopted by Member States and observers" in doc.blocks[0].text


def test_a_headline_printed_above_the_text_names_no_organisation():
    text = ("---\ntitle: \"United Nations Day, 1966: the world's refugees\"\n---\n\n"
            + CAPTION + "UNHCR\nUnited Nations\nDay 1966\nTHE\nWORLD'S\nREFUGEES\nby\nAnna Lindqvist\n"
            "United Nations Day this year will be\ndedicated to the cause of the\nrefugees of the world.\n")
    assert extract(clean_text(text)).organisation is None
