"""Lines → blocks: the wrapped lines of a chunk become one paragraph, list item or heading.

``join_lines`` joins lines with one space, or with nothing at a line-end hyphen (see
``hyphens``). ``chunk_blocks`` splits a chunk into list items at bullet glyphs (including
PDF-font glyphs such as a lone ``u``) and numbers, splits off a kicker line above a title,
keeps short line groups (a byline) as one line with separators, and marks heading
candidates for ``structure``. Used by the rules ``reflow`` (every chunk), ``floats`` (the
chunks of a box) and ``footnote_bodies`` (``join_lines``).
"""

from __future__ import annotations

import re

from ...document import Block, Removal
from ..state import Chunk, CleanState, Line
from .hyphens import decide
from .patterns import BULLET, DATE_LINE, SENTENCE_END, hyphen_end, list_marker

SYMBOL_FONT_BULLET = "bullet glyph from a PDF symbol font (shown as a list bullet)"
"""The reason reported for a letter used as a bullet (``u Item``): reported by the ``reflow`` rule."""

_SECOND_LEVEL = set("o◦▫□–-")
BOLD_LINE = re.compile(r"^(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1$")
_END_MARKER = re.compile(r"(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\])$")
_END_MARKER_LAST = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹]\n")
"""What a text ends with when ``_END_MARKER`` matches in it (``$`` also matches before a final newline)."""
_WORD_BEFORE = re.compile(r"([^\W\d_]+)-$")
_WORD_AFTER = re.compile(r"^([^\W\d_]+)")


def join_lines(state: CleanState, parts: list[str], line_no: int = 0) -> str:
    """Join wrapped lines into one line. ``coopera-`` + ``tion`` → ``cooperation``;
    ``awareness-`` + ``raising`` → ``awareness-raising``."""
    out = ""
    for text in parts:
        text = text.strip()
        if not text:
            continue
        if not out:
            out = text
            continue
        state.count("lines_joined")
        if hyphen_end(out):
            before = _word_before(out)
            after = _WORD_AFTER.match(text)
            left = before.group(1) if before else ""
            right = after.group(1) if after else text.split()[0]
            if decide(state, left, right, line_no) == "join":
                out = out[:-1] + text
                state.count("hyphens_joined")
            else:
                out = out + text
                state.count("hyphens_kept")
        else:
            out = out + " " + text
    return out


def _word_before(text: str) -> re.Match[str] | None:
    """``_WORD_BEFORE.search(text)``, looking at the end of ``text`` first (the paragraph so far
    can be long; the word before its final hyphen rarely is)."""
    window = max(0, len(text) - 64)
    m = _WORD_BEFORE.search(text, window)
    if window and (m is None or m.start() == window):  # the word may begin before the window
        m = _WORD_BEFORE.search(text)
    return m


def _block(kind: str, text: str, lines: list[Line], **kw) -> Block:
    return Block(kind, text, lines=(lines[0].no, lines[-1].no), **kw)


def chunk_blocks(state: CleanState, chunk: Chunk, first: bool = False) -> list[Block]:
    """One chunk → its blocks (paragraph, list items, heading candidate, kicker, byline)."""
    lines = chunk.lines
    out: list[Block] = []
    if first and len(lines) > 1 and lines[0].lead and len(lines[0].text.split()) <= 3 \
            and not SENTENCE_END.search(lines[0].text):
        out.append(_block("paragraph", lines[0].text, lines[:1], label="kicker"))
        lines = lines[1:]
    groups: list[list[Line]] = []
    for ln in lines:
        if not groups or list_marker(ln.text):
            groups.append([ln])
        else:
            groups[-1].append(ln)
    prev_item: tuple[int, str, int] | None = None  # (indent, glyph, level)
    glyph_level: dict[str, int] = {}
    for group in groups:
        head = group[0]
        m = list_marker(head.text)
        if m:
            number = ""
            if BULLET.match(head.text):
                glyph = head.text[:1]
                if glyph.isalnum():
                    state.removed.append(Removal(glyph, SYMBOL_FONT_BULLET, "reflow", head.no))
            else:
                glyph = "#"
                number = next(g for g in m.groups() if g)
            level = 0
            if prev_item is not None:
                indent, pglyph, plevel = prev_item
                if head.lead > indent + 1:
                    level = plevel + 1
                elif head.lead + 1 < indent:
                    level = max(0, plevel - 1)
                elif glyph != pglyph and glyph in glyph_level:
                    level = glyph_level[glyph]
                elif glyph != pglyph and glyph in _SECOND_LEVEL and pglyph != "#":
                    level = plevel + 1
                else:
                    level = plevel
            glyph_level.setdefault(glyph, level)
            prev_item = (head.lead, glyph, level)
            text = join_lines(state, [head.text[m.end():]] + [ln.text for ln in group[1:]], head.no)
            out.append(_block("list_item", text, group, level=level, number=number))
            continue
        prev_item = None
        out.append(_text_block(state, group))
    return out


def _text_block(state: CleanState, group: list[Line]) -> Block:
    text = join_lines(state, [ln.text for ln in group], group[0].no)
    if _byline(state, group):
        return _block("paragraph", " · ".join(ln.text for ln in group), group, label="byline")
    if heading_candidate(state, group, text):
        return _block("heading", text, group, level=0)
    return _block("paragraph", text, group)


def _byline(state: CleanState, group: list[Line]) -> bool:
    if len(group) < 2 or len(group) > 6:
        return False
    if any(ln.soft for ln in group[:-1]) and not all(ln.trail >= 2 for ln in group[:-1]):
        return False
    return all(len(ln.text.split()) <= 8 and not re.search(r"[!?;:,]$", ln.text) and not ln.text[:1].islower()
               for ln in group)


def heading_candidate(state: CleanState, group: list[Line], text: str) -> bool:
    """Short, unpunctuated, and (in a PDF column) ending without the soft-wrap space."""
    if text[-1:] in _END_MARKER_LAST:  # (the only places the marker can end; a cheap test first)
        text = _END_MARKER.sub("", text)
    bold = BOLD_LINE.match(text)
    inner = bold.group(2).rstrip(":") if bold else text
    if len(group) > 3 or not inner or not (inner[:1].isupper() or inner[:1].isdigit() or inner[:1] in "“\"'‘("):
        return False
    if bold:
        return len(group) == 1 and len(inner) <= 300 and not SENTENCE_END.search(inner)
    if len(text) > 150 or len(text.split()) > 20 or SENTENCE_END.search(text) or text.endswith(",") \
            or DATE_LINE.match(text):
        return False
    if state.wrapped:
        return all(ln.soft for ln in group[:-1]) and not group[-1].soft
    return len(group) == 1
