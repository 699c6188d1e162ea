"""OCR and extraction debris: page markers of any converter (``[[Page H12]]``, ``# Page 3``,
``--- Page 3 ---``, form feeds) are page breaks, removed with their reason; a word split at
a line end by ``¬`` or a soft hyphen is joined; ligatures are unfolded; a letter-spaced word
(``N O T I C E``) is closed up; words that look misread (``tbe``, ``rnedical``, ``G0vernment``)
are listed for an editor (``state.misread`` and a warning), never corrected; a list number
left without its text (``2.`` in a list whose item was an empty link) is removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...document import Block
from ..state import DOCUMENT, LINE, CleanState, Line, rule
from ..text import debris as db
from ..text import hyphens as hy
from ..text import misread as mr

PAGE_MARKER_REASON = "page break marker of the converter"
BRACED_MARKER_REASON = "converter's placeholder line (a braced marker such as a time stamp)"
BARE_NUMBER_REASON = "list number without text (its item's text was removed or never printed)"
MAX_MISREAD_LISTED = 12
MISREAD_WARNING = "words that may be misread by OCR (left as printed, for an editor to check): "


@rule(LINE, PAGE_MARKER_REASON, BRACED_MARKER_REASON)
def page_markers(state: CleanState) -> None:
    """Remove page markers of converters (the page breaks they stand for are kept for the
    furniture rule), and converters' braced placeholder lines. ``--- Page 3 ---``,
    ``[[Page H12]]``, ``{time}  2041`` → removed."""
    raw = state.source.text.split("\n")
    for ln in state.lines:
        if ln.dropped:
            continue
        if ln.text and db.PAGE_MARKER.match(ln.text):
            state.remove(ln, PAGE_MARKER_REASON, "page_markers")
        elif ln.text.startswith("{") and db.BRACED_MARKER.match(ln.text):
            state.remove(ln, BRACED_MARKER_REASON, "page_markers")
        elif "\f" in raw[ln.no - 1] if ln.no <= len(raw) else False:
            state.count("form_feeds")


_BARE_NUMBER = re.compile(r"^\s*\d{1,3}[.)](?:\s*\[\]\([^()\s]*\))*\s*$")
"""A list number alone, or with only empty links after it (``2.``, ``3.   [](https://…)``)."""
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*+•])(?:\s|$)")


@rule(LINE, BARE_NUMBER_REASON)
def bare_list_numbers(state: CleanState) -> None:
    """Remove a list number that has no text, in a list (a list item right above or below it):
    ``1. Fill in the form.⏎2.⏎3. Pay the fee.`` → ``2.`` removed, so it is neither joined to the
    item above nor shown as an empty item. A number alone between paragraphs (a paragraph number
    printed on a line of its own) is not in a list and is kept."""
    lines = [ln for ln in state.lines if not ln.dropped]
    for i, ln in enumerate(lines):
        if not ln.text or not _BARE_NUMBER.match(ln.text):
            continue
        near = [lines[k].text for k in (i - 1, i + 1) if 0 <= k < len(lines)]
        if any(t and _LIST_ITEM.match(t) for t in near):
            state.remove(ln, BARE_NUMBER_REASON, "bare_list_numbers")


INTERLEAVED_REASON = ("OCR read two columns' lines in turn: a line put back after the line whose "
                      "hyphenated word it completes")


@rule(LINE, INTERLEAVED_REASON)
def ocr_debris(state: CleanState) -> None:
    """Join words split at a line end by ``¬`` or a soft hyphen, unfold ligatures, close up
    letter-spaced words (words that look misread are the ``misreadings`` rule's).
    ``dedicat¬⏎ed`` → ``dedicated``; ``ﬁnd`` → ``find``; ``N O T I C E`` → ``NOTICE``."""
    lines = state.lines
    for i, ln in enumerate(lines):
        if ln.dropped or not ln.text:
            continue
        text = ln.text
        if "\u00ad" in text[:-1]:
            text = text[:-1].replace("\u00ad", "") + text[-1]  # invisible break points inside words
            state.count("soft_hyphens_removed")
        if db.has_ligature(text):
            text = text.translate(db.LIGATURES)
            state.count("ligatures_unfolded")
        if "  " in text and db.SPACED_LINE.match(text):
            text = " ".join(part.replace(" ", "") for part in text.split("  ") if part.strip())
            state.count("letter_spaced_words")
        elif " " in text and db.LETTER_SPACED.search(text):
            text = db.LETTER_SPACED.sub(lambda m: _close_up(state, m.group(0)), text)
        ln.text = text
        if text[-1:] in db.SPLIT_MARK and len(text) > 1 and text[-2].isalpha():
            _join_split(state, lines, i)
    _interleaved(state)


_HYPHEN_END = re.compile(r"([^\W\d_]{2,})-$")
_FIRST_WORD = re.compile(r"^([^\W\d_]+)")


def _interleaved(state: CleanState) -> None:
    """OCR that read the lines of two columns in turn: a line ends with a word part and a hyphen
    (``through an international organi-``), the next line does not complete it (``their own
    creation,``) and the one after does (``zation of``): that line is put back right after the
    hyphen, the other after it (a move in the report). The word joined must be a word of the
    document or a common word of its language; when both or neither are, nothing moves."""
    lines = [ln for ln in state.lines if ln.text and not ln.dropped]
    lang = ""
    for a, b, c in zip(lines, lines[1:], lines[2:]):
        m = _HYPHEN_END.search(a.text)
        if m is None or c.no != b.no + 1 or b.no != a.no + 1:
            continue
        wb, wc = _FIRST_WORD.match(b.text), _FIRST_WORD.match(c.text)
        if wc is None or not wc.group(1)[:1].islower():
            continue
        lang = lang or hy.document_language(state.source.text)
        left = m.group(1).lower()
        if _known(state, left, lang):
            continue  # (``part-`` / ``time``: a compound's hyphen after a whole word, no split word)
        if (wb is not None and _known(state, left + wb.group(1).lower(), lang)) \
                or not _known(state, left + wc.group(1).lower(), lang):
            continue
        state.move(c.text, INTERLEAVED_REASON, "ocr_debris", c.no, f"after line {a.no}, before line {b.no}")
        b.text, c.text = c.text, b.text
        b.lead, c.lead, b.trail, c.trail = c.lead, b.lead, c.trail, b.trail
        state.count("interleaved_lines")


def _known(state: CleanState, word: str, lang: str) -> bool:
    """A word of the document (whole, elsewhere in it) or a common word of its language."""
    if len(word) < 4:
        return False
    return hy.zipf(word, lang) >= hy.COMMON or state.evidence(word[:2], word[2:])[1] > 0


def _close_up(state: CleanState, spaced: str) -> str:
    """``N O T I C E`` → ``NOTICE`` when all capitals or all small letters and the letters spell
    a word: one the document uses elsewhere, or a common word of its language (wordfreq). A run
    of letters that spells none (``a b c d e``, a list of options) is left as printed."""
    word = spaced.replace(" ", "")
    if not (word.isupper() or word.islower()):
        return spaced
    elsewhere = word.lower() in state.source.text.lower().replace(spaced.lower(), "")
    if not elsewhere:
        if len(word) < 4:
            return spaced
        if hy.zipf(word.lower(), hy.document_language(state.source.text)) < hy.COMMON:
            return spaced
    state.count("letter_spaced_words")
    return word


def _join_split(state: CleanState, lines: list[Line], i: int) -> None:
    """Move the first word of the next text line up to close a word split by ``¬``."""
    ln = lines[i]
    j = i + 1
    while j < len(lines) and (lines[j].dropped or not lines[j].text) and j - i <= 3:
        j += 1
    if j >= len(lines) or not lines[j].text or lines[j].dropped or not lines[j].text[:1].isalpha():
        ln.text = ln.text[:-1] + ("-" if ln.text[-1] == "¬" else "")
        return
    nxt = lines[j]
    word, _, rest = nxt.text.partition(" ")
    ln.text = ln.text[:-1] + word
    state.count("split_words_joined")
    if rest.strip():
        nxt.text = rest.strip()
    else:
        nxt.text = ""
        nxt.dropped = True
        ln.trail = nxt.trail


@rule(DOCUMENT)
def misreadings(state: CleanState) -> None:
    """List the words of the cleaned text that look misread by OCR (``text.misread``): each
    distinct word as printed, its source line and its probable reading, in ``state.misread``
    and one warning; the text is left as printed.
    ``Tbe tirne is short`` → ``[("Tbe", 1, "The"), ("tirne", 1, "time")]``. Marks that look strayed
    in (``mr.stray_marks``: ``the United, Nations``, ``the-Charter``, ``adopted on' 16``) are listed
    the same way, as printed and as probably meant."""
    pieces = list(_texts(state.blocks))
    text = "\n".join(t for t, _ in pieces)
    counts = mr.word_counts(text)
    lang = mr.clear_language(text, counts)
    if lang is None:
        return
    raw = state.source.text.split("\n")
    if mr.shows_confusions(counts, lang):
        state.misread = [(word, _line_of(word, raw, lines), reading)
                         for word, lines, reading in mr.misreadings(pieces, lang, hy.zipf)]
    state.misread += [(printed, _line_of(printed, raw, _lines_of(printed, pieces)), reading)
                      for printed, reading in mr.stray_marks(text, lang)]
    if state.misread:
        listed = [f"{word} ({reading}?, line {line})" for word, line, reading in state.misread]
        more = len(listed) - MAX_MISREAD_LISTED
        state.warnings.append(MISREAD_WARNING + ", ".join(listed[:MAX_MISREAD_LISTED])
                              + (f" and {more} more" if more > 0 else ""))


def _lines_of(printed: str, pieces: list[tuple[str, tuple[int, int]]]) -> tuple[int, int]:
    """The source lines of the first block holding ``printed``."""
    return next((lines for text, lines in pieces if printed in text), (0, 0))


def _texts(blocks: list[Block]) -> Iterator[tuple[str, tuple[int, int]]]:
    """The text of every block (admonition bodies and table cells included) with its source lines."""
    for b in blocks:
        if b.text:
            yield b.text, b.lines
        for child in b.children:
            yield from _texts([child])


def _line_of(word: str, raw: list[str], lines: tuple[int, int]) -> int:
    """The first source line of ``lines`` where ``word`` stands (a word joined across a line end
    stands on none of them: the block's first line)."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    first, last = lines
    for no in range(max(first, 1), min(last, len(raw)) + 1):
        if pattern.search(raw[no - 1]):
            return no
    return first
