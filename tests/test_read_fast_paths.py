"""Reading's fast paths give exactly what the slow, obvious code gives."""

from __future__ import annotations

import unicodedata

import ftfy
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.read import _CONTROLS, _fix_unicode

FTFY = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, fix_latin_ligatures=False,
                            fix_character_width=False, normalization="NFC", fix_line_breaks=False, explain=False)
# Pieces that exercise ftfy: mojibake, HTML entities and tags, odd spaces and line separators.
PIECES = st.sampled_from(["abc", " ", "\n", "é", "’", "“", "Ã©", "â€™", "Ã", "â€", "Â", "ï¬", "&amp;", "&",
                          "<b>", ">", "\u00a0", "\u2028", "\ufffd", "¹", "•", "x\n\n"])


@given(st.lists(PIECES, max_size=30).map("".join))
@settings(max_examples=300, deadline=None)
def test_unicode_repair_line_by_line_equals_ftfy_on_the_whole_text(text):
    assert _fix_unicode(text) == ftfy.fix_text(text, FTFY)


def test_control_character_pattern_is_exactly_category_cc_without_newline_and_tab():
    chars = [chr(c) for c in range(0x3000)]
    expected = {ch for ch in chars if unicodedata.category(ch) == "Cc" and ch not in "\n\t"}
    assert {ch for ch in chars if _CONTROLS.match(ch)} == expected
