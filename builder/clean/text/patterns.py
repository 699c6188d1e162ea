"""Patterns and word lists the rules share: sentence ends, list markers, line-end hyphens, dates.

Plain functions and compiled patterns over strings; imports nothing from the rules.
"""

from __future__ import annotations

import re

_CLOSERS = "”\"’')]"


class _SentenceEnd:
    """``search(text)``: does ``text`` end a sentence (``.!?:;…``, then closing quotes or
    brackets)? Looks at the end only, so it is cheap on long paragraphs."""

    @staticmethod
    def search(text: str) -> bool:
        text = text.rstrip(_CLOSERS)
        return bool(text) and text[-1] in ".!?:;…"


SENTENCE_END = _SentenceEnd()
BULLET = re.compile(r"^(?:[-*+•▪◦●‣∙·■□♦◆➢➤►▶✓✔Ø§\uf0b7\uf0a7\uf0d8\uf076\uf0fc]|u(?=\s+[A-Z“\"(])|o(?=\s+[A-Z“\"(]))\s+")
NUMBERED = re.compile(r"^(?:(\d{1,3})[.)]|\((\d{1,3}|[a-z]|[ivx]{1,5})\)|([a-z])\))\s+")
_LIST_FIRST = frozenset("-*+•▪◦●‣∙·■□♦◆➢➤►▶✓✔Ø§\uf0b7\uf0a7\uf0d8\uf076\uf0fc(abcdefghijklmnopqrstuvwxyz")
"""The characters other than digits a ``BULLET`` or ``NUMBERED`` match starts with."""


def list_marker(text: str) -> re.Match[str] | None:
    """``BULLET.match(text) or NUMBERED.match(text)``, after a quick look at the first character
    (most lines start with a capital, which neither can)."""
    first = text[:1]
    if first not in _LIST_FIRST and not first.isdecimal():  # (``\d`` is any decimal digit)
        return None
    return BULLET.match(text) or NUMBERED.match(text)


def hyphen_end(text: str) -> bool:
    """``coopera-`` (a letter, then a hyphen, at the end); not `` -`` nor ``2-``."""
    return len(text) > 1 and text[-1] == "-" and text[-2].isalpha()


_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
           "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
           "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre")
DATE_LINE = re.compile(
    rf"^(?:[^\W\d_][\w .'-]{{0,40}},\s+)?(?:(?:le|the|on|el)\s+)?(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:of\s+|de\s+)?(?:{_MONTHS})\.?,?\s+(?:de\s+)?\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})\.?$", re.IGNORECASE)
