"""clean/inline: source Markdown becomes plain text plus spans, never raw markup."""

from __future__ import annotations

import pytest

from cleankit import clean_text


def spans(block):
    return [(s.kind, block.text[s.start:s.end], s.target) for s in block.spans]


def test_source_emphasis_becomes_an_emphasis_span():
    b = clean_text("IOM works through, *inter alia*, assisting States.\n").blocks[0]
    assert b.text == "IOM works through, inter alia, assisting States."
    assert spans(b) == [("emphasis", "inter alia", "")]


def test_source_strong_becomes_a_strong_span():
    b = clean_text("Note the **important** part of it.\n").blocks[0]
    assert b.text == "Note the important part of it."
    assert spans(b) == [("strong", "important", "")]


def test_an_empty_link_becomes_plain_text():
    b = clean_text("The UN [Commission on the Status of Women](#) (CSW) met.\n").blocks[0]
    assert b.text == "The UN Commission on the Status of Women (CSW) met."
    assert b.spans == []


def test_angle_bracket_and_bare_urls_become_url_spans_without_trailing_punctuation():
    b = clean_text("See <http://example.org/a-b> and https://example.org/c?d=1.\n").blocks[0]
    assert b.text == "See http://example.org/a-b and https://example.org/c?d=1."
    assert spans(b) == [("url", "http://example.org/a-b", "http://example.org/a-b"),
                        ("url", "https://example.org/c?d=1", "https://example.org/c?d=1")]


def test_www_urls_get_a_scheme_in_the_target_only():
    b = clean_text("Visit www.example.org for more.\n").blocks[0]
    assert spans(b) == [("url", "www.example.org", "http://www.example.org")]


def test_markdown_link_with_a_web_target_keeps_the_target():
    b = clean_text("Read [the report](https://example.org/r) now.\n").blocks[0]
    assert b.text == "Read the report now."
    assert spans(b) == [("url", "the report", "https://example.org/r")]


def test_no_markdown_syntax_is_left_in_block_text():
    doc = clean_text("**SUBJECT: A response**\n\nText with *emphasis* and **strong** and [link](#).\n")
    for b in doc.blocks:
        assert "*" not in b.text and "](" not in b.text


def test_a_lone_asterisk_is_plain_text():
    b = clean_text("The 5 * 3 rule and a footnote* stay.\n").blocks[0]
    assert b.text == "The 5 * 3 rule and a footnote* stay."


def test_a_name_between_double_underscores_is_kept_as_written():
    b = clean_text("The script tests __name__ before it calls __init__.\n").blocks[0]
    assert b.text == "The script tests __name__ before it calls __init__."
    assert b.spans == []


def test_strong_markers_inside_a_word_are_kept_as_written():
    b = clean_text("The file is called snake__case__name.txt here.\n").blocks[0]
    assert b.text == "The file is called snake__case__name.txt here."
    assert b.spans == []


def test_one_word_between_single_underscores_is_still_emphasis():
    b = clean_text("A _Note_ on terms.\n").blocks[0]
    assert b.text == "A Note on terms."
    assert spans(b) == [("emphasis", "Note", "")]


def test_bold_words_between_double_underscores_are_still_strong():
    b = clean_text("This is __very important__ to us.\n").blocks[0]
    assert b.text == "This is very important to us."
    assert spans(b) == [("strong", "very important", "")]


def test_a_link_target_with_parentheses_leaves_no_stray_bracket():
    b = clean_text("See [this link](javascript:alert(1)) now.\n").blocks[0]
    assert b.text == "See this link now."
    assert b.spans == []  # never a link to javascript:


@pytest.mark.parametrize("target", ['javascript:f(g(1))', 'javascript:alert("a) b")', "javascript:alert('it) is')"])
def test_a_script_link_with_nested_or_quoted_parentheses_leaves_no_stray_bracket(target):
    doc = clean_text(f"See [this link]({target}) now.\n")
    assert [b.text for b in doc.blocks] == ["See this link now."]
    assert [r.text for r in doc.removed] == [target]  # the target is reported, never shown


def test_a_web_address_with_parentheses_is_kept_whole():
    b = clean_text("See [the list](http://example.org/a_(b)) now.\n").blocks[0]
    assert b.text == "See the list now."
    assert spans(b) == [("url", "the list", "http://example.org/a_(b)")]


def test_strong_text_followed_by_a_note_marker_is_read():
    b = clean_text("The network counted **1,873 people**<sup>1</sup> in all.\n\n<sup>1</sup> By group.\n").blocks[0]
    assert "*" not in b.text and ("strong", "1,873 people", "") in spans(b)


MD_HEAD = "# A report on border violence\n\n"
MD_BODY = "\n\n## Summary\n\nThe network recorded many pushbacks from one country to the next in the year.\n"


def test_a_wholly_italic_line_under_a_markdown_title_is_a_byline_not_a_heading():
    doc = clean_text(MD_HEAD + "*Border Watch Network — Report No. 7 — November 2022*" + MD_BODY)
    b = next(b for b in doc.blocks if b.text.startswith("Border Watch"))
    assert (b.kind, b.label) == ("paragraph", "byline")
    assert "*" not in b.text


def test_a_wholly_italic_sentence_in_a_markdown_text_keeps_its_emphasis_as_a_paragraph():
    doc = clean_text(MD_HEAD + "Some text first, of a few words.\n\n*Figures are minimums*" + MD_BODY)
    b = next(b for b in doc.blocks if b.text.startswith("Figures"))
    assert (b.kind, b.label) == ("paragraph", "")
    assert spans(b) == [("emphasis", "Figures are minimums", "")]


def test_a_wholly_italic_short_line_in_plain_text_is_left_to_the_heading_rules():
    doc = clean_text("A report\n\n*Findings*\n\nThe network recorded many pushbacks from one country to the next.\n")
    assert any(b.kind == "heading" and b.text == "Findings" for b in doc.blocks)
