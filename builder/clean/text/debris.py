"""Patterns for OCR and extraction debris: page markers of converters, line-end split marks,
ligatures, letter-spaced words (misread words: ``misread``). No rule imports.
"""

from __future__ import annotations

import re

PAGE_MARKER = re.compile(
    r"^(?:\[\[\s*page\s+[A-Z]?\d{1,5}\s*\]\]|#{1,6}\s*page\s+\d{1,5}|[-=*_~]{2,}\s*page\s+\d{1,5}\s*[-=*_~]{2,}|"
    r"<!--\s*page\s*(?:break|\d{1,5})?\s*-->|\[\s*page\s+(?:break|\d{1,5})\s*\]|"
    r"\[?\s*(?:page\s*break|end\s+of\s+page\s+\d{1,5})\s*\]?)$", re.IGNORECASE)
"""``[[Page H12]]``, ``# Page 3``, ``--- Page 3 ---``, ``<!-- page 3 -->``, ``[Page 3]``."""
BRACED_MARKER = re.compile(r"^\{[A-Za-z][\w-]{0,15}\}(?:\s+[\w:.-]{1,12})?$")
"""A converter's placeholder on a line of its own: ``{time}  2041``, ``{pagebreak}``."""
SPLIT_MARK = "¬\u00ad"
"""Line-end marks of a word split across lines (OCR's ``¬``, a soft hyphen)."""
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_LIGATURE_CHARS = "ﬀﬁﬂﬃﬄﬅﬆ"
_LETTER = r"[^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉½¼¾]"
"""A letter: a word character that is no digit, not even a superscript one (a note marker ``¹``)."""
LETTER_SPACED = re.compile(rf"(?<!\S)(?:{_LETTER} ){{3,}}{_LETTER}(?!\S)")
"""Four or more single letters separated by single spaces: ``N O T I C E``."""
SPACED_LINE = re.compile(rf"^(?:{_LETTER}(?: {_LETTER})*)(?: {{2,}}{_LETTER}(?: {_LETTER})*)+$")
"""A line entirely letter-spaced, words two spaces apart: ``S T A T E  O F  N E W  Y O R K``."""


def has_ligature(text: str) -> bool:
    return any(c in text for c in _LIGATURE_CHARS)

