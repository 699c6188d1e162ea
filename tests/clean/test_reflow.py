"""clean: wrapped lines become one paragraph."""

from __future__ import annotations

from builder.clean import clean
from builder.read import decode


def blocks(text: str):
    return clean(decode("t.txt", text.encode())).blocks


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
