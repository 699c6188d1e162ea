"""Lines → blocks: the wrapped lines of a chunk become one paragraph, list item or heading.

``join_lines`` joins lines with one space, or with nothing at a line-end hyphen (see
``hyphens``). ``chunk_blocks`` splits a chunk into list items at bullet glyphs (including
PDF-font glyphs such as a lone ``u``) and numbers (a marker other than ``1.`` or ``(a)``
stays in the item's text as printed; a number that only starts a line because the sentence
wrapped there stays in the sentence), splits off a kicker line above a title, keeps the
lines of a group of short lines apart (a byline, a letterhead: never run together), joins
a title wrapped over lines, and marks heading candidates for ``structure``. Used by the rules
``reflow`` (every chunk), ``floats`` (the
chunks of a box) and ``footnote_bodies`` (``join_lines``).
"""

from __future__ import annotations

import re

from ...document import Block, Removal
from ..state import Chunk, CleanState, Line
from .hyphens import CONJUNCTIONS, decide
from .patterns import (BRACKETED_LINE, BULLET, BYLINE, DATE_IN_LINE, DATE_LINE, DOC_SYMBOL, FUNCTION_WORDS, NAME_LINE,
                       SENTENCE_END, WEB_ADDRESS, breadcrumb, furniture_kind, hyphen_end, keyword_heading, list_marker,
                       number_follows, reads_as_sentence)

SYMBOL_FONT_BULLET = "bullet glyph from a PDF symbol font (shown as a list bullet)"
CONVERTER_NUMBER_REASON = "list number a converter put before the text's own number"
_OWN_NUMBER = re.compile(r"^(\d{1,4})\.\s+(?=\S)")
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
    ``awareness-`` + ``raising`` → ``awareness-raising``; ``Vor-`` + ``und Nachteile`` →
    ``Vor- und Nachteile``."""
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
            verdict = decide(state, left, right, line_no)
            if verdict == "join":
                out = out[:-1] + text
                state.count("hyphens_joined")
            else:  # a suspended compound (``Kinder-`` / ``und Jugendhilfe``) keeps the space too
                out = out + (" " if verdict == "suspend" else "") + text
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
    prev_item: tuple[int, str, int] | None = None  # (indent, glyph, level)
    glyph_level: dict[str, int] = {}
    for group in _marker_groups(state, _lone_markers(lines)):
        m = list_marker(group[0].text)
        if m:
            item, prev_item = _list_item(state, group, m, prev_item, glyph_level)
            out.append(item)
            continue
        prev_item = None
        out.extend(_text_blocks(state, group))
    return out


def _marker_groups(state: CleanState, lines: list[Line]) -> list[list[Line]]:
    """The chunk's lines grouped at each list marker (a number that only wrapped stays in its line's group)."""
    groups: list[list[Line]] = []
    numbers: list[int] = []
    widest = max(len(ln.text) for ln in lines)
    for ln in lines:
        m = list_marker(ln.text)
        if m and groups and _wrapped_number(groups[-1][-1], m, numbers, widest):
            groups[-1].append(ln)
            state.count("wrapped_numbers_joined")
            continue
        if not groups or m or _unit_line(groups[-1][-1], ln) or _label_after_item(groups[-1], ln):
            groups.append([ln])
            if m and m.re is not BULLET and m.group(1):
                numbers.append(int(m.group(1)))
        else:
            groups[-1].append(ln)
    return groups


_LABEL_LINE = re.compile(r"^[^\W\d_][^\W\d_]+(?: [^\W\d_]+)?\s?:\s+\S")
"""A line opened by a run-in label of one or two words (``Source: …``, ``Note : …``, ``Quelle: …``)."""


def _label_after_item(group: list[Line], ln: Line) -> bool:
    """``ln`` opens a line of its own under a list item: a run-in label (``Source: …``) after an
    item whose last line ends a sentence, at the item's own indent or left of it (a table's note
    ``(1) …`` and the table's source line under it)."""
    return bool(list_marker(group[0].text)) and ln.lead <= group[0].lead and bool(_LABEL_LINE.match(ln.text)) \
        and bool(SENTENCE_END.search(group[-1].text))


_SECTION_SIGN = re.compile(r"^§\s*\d{1,4}[A-Za-z-]{0,3}\.\s")
"""A line that opens a legal text's unit by its section sign and number (``§ 697. DEFINITIONS. …``)."""


def _unit_line(prev: Line, ln: Line) -> bool:
    """``ln`` opens a new unit of a legal text: it starts with a section sign and its number,
    and the line above ends a sentence (a unit printed right under the one before it)."""
    return ln.text[:1] == "§" and bool(_SECTION_SIGN.match(ln.text)) and SENTENCE_END.search(prev.text)


def _list_item(state: CleanState, group: list[Line], m: re.Match[str], prev_item: tuple[int, str, int] | None,
               glyph_level: dict[str, int]) -> tuple[Block, tuple[int, str, int]]:
    """A group that starts with a list marker → its list item, and what the next item compares with."""
    head = group[0]
    number = ""
    if BULLET.match(head.text):
        glyph = head.text[:1]
        if glyph.isalnum():
            state.removed.append(Removal(glyph, SYMBOL_FONT_BULLET, "reflow", head.no))
    else:
        glyph = "#"
        number = next(g for g in m.groups() if g)
        if not _kept_as_number(head.text, number):
            number = ""  # "(1)", "1)", "a)": the marker stays in the text as printed
    level = _item_level(head.lead, glyph, prev_item, glyph_level)
    glyph_level.setdefault(glyph, level)
    first_part = head.text[m.end():] if number or glyph != "#" \
        else head.text[:m.end()].rstrip() + " " + head.text[m.end():]
    own = _OWN_NUMBER.match(first_part) if number.isdigit() else None
    if own and own.group(1) != number:  # ``1.   401. DELETED.``: the converter's ``1.``, the text's ``401.``
        state.removed.append(Removal(f"{number}.", CONVERTER_NUMBER_REASON, "reflow", head.no))
        number, first_part = own.group(1), first_part[own.end():]
    text = join_lines(state, [first_part] + [ln.text for ln in group[1:]], head.no)
    return _block("list_item", text, group, level=level, number=number), (head.lead, glyph, level)


def _item_level(lead: int, glyph: str, prev_item: tuple[int, str, int] | None, glyph_level: dict[str, int]) -> int:
    """An item's nesting level: deeper when indented more than the item before or marked with a
    second-level glyph, back up when indented less, the level a glyph already had otherwise."""
    if prev_item is None:
        return 0
    indent, pglyph, plevel = prev_item
    if lead > indent + 1:
        return plevel + 1
    if lead + 1 < indent:
        return max(0, plevel - 1)
    if glyph != pglyph and glyph in glyph_level:
        return glyph_level[glyph]
    if glyph != pglyph and glyph in _SECOND_LEVEL and pglyph != "#":
        return plevel + 1
    return plevel


LONE_MARKER = re.compile(r"^(?:\d{1,3}[.)]|\((?:\d{1,3}|[a-z]|[ivx]{1,5})\))$")
"""A paragraph or item number alone on its line (``1.``, ``(a)``): PDF extractors put the
number of a hanging paragraph on a line of its own, above its text."""


def _lone_markers(lines: list[Line]) -> list[Line]:
    """A number alone on a line is joined to the line below it, which starts its paragraph:
    ``1.`` / ``We, the States …`` → ``1. We, the States …``."""
    if not any(LONE_MARKER.match(ln.text) for ln in lines[:-1]):
        return lines
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if i + 1 < len(lines) and LONE_MARKER.match(ln.text) and not list_marker(lines[i + 1].text) \
                and not LONE_MARKER.match(lines[i + 1].text):
            nxt = lines[i + 1]
            out.append(Line(ln.no, f"{ln.text} {nxt.text}", ln.lead, nxt.trail))
            i += 2
            continue
        out.append(ln)
        i += 1
    return out


def _kept_as_number(text: str, number: str) -> bool:
    """``1.`` (an ordered list renders it as printed) and ``(a)``/``(iv)`` (rendered in
    brackets) go to ``Block.number``; any other marker stays in the text."""
    if number.isdigit():
        return text[len(number):len(number) + 1] == "."
    return text.startswith("(")


def _wrapped_number(prev: Line, m: re.Match[str], numbers: list[int], widest: int) -> bool:
    """A line that starts with a number only because the sentence above wrapped there
    (``… under section`` / ``7. This …``): the line above is a long one that does not end a
    sentence, and the number continues no list of this chunk."""
    if m.re is BULLET or not m.group(1):
        return False
    if number_follows(prev.text):  # ``… de l'art.`` / ``12. …``, ``… núm.`` / ``3. …``
        return True
    if m.group(0).rstrip().endswith(")") and prev.text.count("(") > prev.text.count(")"):
        return True  # ``… Day (October`` / ``24) this year …``: the number closes the bracket above
    n = int(m.group(1))
    if (numbers and n == numbers[-1] + 1) or (not numbers and n == 1):
        return False
    text = prev.text
    if SENTENCE_END.search(text) or not text[-1:].isalnum() and not text.endswith((",", "-")):
        return False
    return len(text) >= max(30, widest * 0.6)


def _text_blocks(state: CleanState, group: list[Line]) -> list[Block]:
    """A group of lines that are no list item → a paragraph or heading candidate; a group of
    short lines keeps its lines apart (each its own ``byline`` paragraph, or a numbered
    title's heading), joining only a line that continues the one above it."""
    if len(group) >= 2 and sum(bool(BRACKETED_LINE.match(ln.text)) for ln in group) >= 2:
        return _bracketed_labels(state, group)
    cuts = _section_starts(group)
    if cuts:
        out: list[Block] = []
        for a, b in zip([0] + cuts, cuts + [len(group)]):
            out.extend(_text_blocks(state, group[a:b]))
        return out
    if _label_above(state, group):
        return [_block("heading", group[0].text, group[:1], level=0)] + _text_blocks(state, group[1:])
    if _annex_over_title(group):
        title = join_lines(state, [ln.text for ln in group[1:]], group[1].no)
        return [_block("heading", group[0].text, group[:1], level=0), _block("heading", title, group[1:], level=0)]
    if _furniture_above(group):
        state.count("short_lines_kept")
        return [_block("paragraph", group[0].text, group[:1], label="byline")] + _text_blocks(state, group[1:])
    inside = _byline_inside(group)
    if inside is not None:
        return _split_at_byline(state, group, *inside)
    if _byline(state, group):
        runs: list[list[Line]] = [[group[0]]]
        for ln in group[1:]:
            if continues_line(runs[-1][-1].text, ln.text) and not keyword_heading(ln.text):
                runs[-1].append(ln)
            else:
                runs.append([ln])
        if len(runs) > 1:
            out = []
            for run in runs:
                text = join_lines(state, [ln.text for ln in run], run[0].no)
                if keyword_heading(text) and len(run) == 1:
                    out.append(_block("heading", text, run, level=0))
                else:
                    out.append(_block("paragraph", text, run, label="byline"))
                    state.count("short_lines_kept")
            return out
        text = join_lines(state, [ln.text for ln in group], group[0].no)
        if heading_candidate(state, group, text, wrapped_title=True):
            return [_block("heading", text, group, level=0)]
        return [_block("paragraph", text, group)]
    text = join_lines(state, [ln.text for ln in group], group[0].no)
    wrapped_title = 1 < len(group) <= 3 and all(continues_line(a.text, b.text) for a, b in zip(group, group[1:]))
    if heading_candidate(state, group, text, wrapped_title=wrapped_title):
        return [_block("heading", text, group, level=0)]
    if len(group) <= 3 and len(text.split()) <= 20 and names_no_section(text):
        state.count("short_lines_kept")  # a place and date, an address: kept apart, never the body's start
        return [_block("paragraph", text, group, label="byline")]
    return [_block("paragraph", text, group)]


def _bracketed_labels(state: CleanState, group: list[Line]) -> list[Block]:
    """A stack of lines wholly in brackets (a periodical's header: ``[Record Volume 160,
    Number 16 (…)]`` / ``[House]`` / ``[Pages H1473-H1478]``): each its own ``byline``
    paragraph; the lines between them are text of their own."""
    out: list[Block] = []
    rest: list[Line] = []
    for ln in group:
        if BRACKETED_LINE.match(ln.text):
            if rest:
                out.extend(_text_blocks(state, rest))
                rest = []
            out.append(_block("paragraph", ln.text, [ln], label="byline"))
            state.count("short_lines_kept")
        else:
            rest.append(ln)
    if rest:
        out.extend(_text_blocks(state, rest))
    return out


def continues_line(prev: str, nxt: str) -> bool:
    """``nxt`` goes on with the phrase ``prev`` left open: it starts in lowercase, or ``prev``
    ends with a hyphen, a comma, an ampersand or a function word (``Office of the`` /
    ``High Commissioner``)."""
    if not prev or not nxt:
        return False
    if nxt[:1].islower() or hyphen_end(prev) or prev.endswith((",", "&", "+")):
        return True
    return prev.split()[-1].lower() in FUNCTION_WORDS


BY_WORD = re.compile(r"^(?i:by|par|por|von|di|door|av)$")
"""The word of a byline alone on its line, the author's name on the next (``by`` / ``Yefim Zarjevski``)."""
HEADLINE_WORDS = 3
"""A headline OCR'd a few words a line: each of its lines at most this many words."""


def _byline_inside(group: list[Line]) -> tuple[int, int, int] | None:
    """A byline a scan ran into the text around it (a photo caption, the headline a word or two a
    line, ``by`` / ``Yefim Zarjevski``, then the article's first lines): (where the headline's short
    lines start, where the byline starts, where the text after it starts), or ``None``. The byline
    follows short lines or a sentence end, and a line opening with a capital follows it: ``… was
    adopted`` / ``by Member States and`` runs on, and is no byline."""
    for k in range(1, len(group) - 1):
        if BY_WORD.match(group[k].text) and NAME_LINE.match(group[k + 1].text):
            end = k + 2
        elif BYLINE.match(group[k].text):
            end = k + 1
        else:
            continue
        if end >= len(group) or not group[end].text[:1].isupper():
            continue
        start = k
        while start > 0 and _headline_line(group[start - 1].text):
            start -= 1
        if k - start >= 2 or SENTENCE_END.search(group[k - 1].text):
            return start, k, end
    return None


CAPTION_ABOVE_REASON = "photo caption (text printed above the article's headline and byline)"


def _split_at_byline(state: CleanState, group: list[Line], start: int, at: int, end: int) -> list[Block]:
    """The lines of ``group`` around a byline found inside it (``_byline_inside``): the headline's
    short lines joined, above the text, the byline, the text. Text printed above the headline at
    the start of the document is no part of the article: a photo caption, boxed after the article's
    first paragraph (a move in the report)."""
    state.count("bylines_split")
    text = join_lines(state, [ln.text for ln in group[at:end]], group[at].no)
    byline = _block("paragraph", text, group[at:end], label="byline")
    head = [_block("paragraph", join_lines(state, [ln.text for ln in group[start:at]], group[start].no),
                   group[start:at], label="byline")] if at > start else []  # a headline a word or two a line
    after = _text_blocks(state, group[end:])
    if not start:
        return [*head, byline, *after]
    before = _text_blocks(state, group[:start])
    if at - start < 2 or not SENTENCE_END.search(group[start - 1].text) or any(
            b.kind in ("paragraph", "list_item") and not b.label for b in state.blocks):
        return [*before, *head, byline, *after]
    box = Block("admonition", "", label="quote", children=before, lines=(group[0].no, group[start - 1].no))
    state.count("captions_moved")
    state.move(" ".join(ln.text for ln in group[:start]), CAPTION_ABOVE_REASON, "reflow", group[0].no,
               f"after the paragraph at line {group[end].no}")
    return [*head, byline, *after[:1], box, *after[1:]]


def _headline_line(text: str) -> bool:
    return len(text.split()) <= HEADLINE_WORDS and not SENTENCE_END.search(text) and not list_marker(text) \
        and not text[:1].islower()


def _byline(state: CleanState, group: list[Line]) -> bool:
    if len(group) < 2 or len(group) > 6:
        return False
    if any(ln.soft for ln in group[:-1]) and not all(ln.trail >= 2 for ln in group[:-1]):
        return False
    return all(len(ln.text.split()) <= 8 and not re.search(r"[!?;:,]$", ln.text) and not ln.text[:1].islower()
               for ln in group)


LABEL_WORDS = 5
"""A bold line ending in a colon is a label heading what follows with at most this many words
(``**Documents nécessaires :**``); a longer one is a clause leading into a list (``**Le principe
d'égalité … se décline en plusieurs types d'égalité :**``), text, unless it is numbered as a
section (``**1. The promotion and protection of … intolerance:**``)."""


def heading_candidate(state: CleanState, group: list[Line], text: str, wrapped_title: bool = False) -> bool:
    """Short, unpunctuated, and (in a PDF column) ending without the soft-wrap space; a
    numbered title (``Article 5``, ``Capítulo II. Disposiciones``) even with its final period.
    ``wrapped_title``: the lines continue one another (a title wrapped over lines)."""
    if len(group) == 1 and (keyword_heading(text) or LEGAL_UNIT.match(text)) \
            and not (state.wrapped and group[-1].soft) and not _run_in_unit(text):
        return True
    if len(group) > 3 or names_no_heading(text):  # (more than three lines: no heading, whatever it names)
        return False
    if len(group) == 1 and question_heading(text) and not state.wrapped:
        return True
    if text[-1:] in _END_MARKER_LAST:  # (the only places the marker can end; a cheap test first)
        text = _END_MARKER.sub("", text)
    bold = BOLD_LINE.match(text)
    inner = bold.group(2).rstrip(":") if bold else text
    if len(group) > 3 or not inner or not (inner[:1].isupper() or inner[:1].isdigit() or inner[:1] in "“\"'‘("):
        return False
    if bold:
        lead_in = bold.group(2).rstrip().endswith(":") and len(inner.split()) > LABEL_WORDS \
            and not SECTION_LINE.match(inner)  # (``**1. The promotion of … intolerance:**``: a numbered title)
        return len(group) == 1 and len(inner) <= 300 and not SENTENCE_END.search(inner) and not lead_in
    if len(text) > 150 or len(text.split()) > 20 or SENTENCE_END.search(text) or enumeration_item(text) \
            or DATE_LINE.match(text) or names_no_section(text) or _role_and_name(group):
        return False
    if state.wrapped:
        return all(ln.soft for ln in group[:-1]) and not group[-1].soft
    return len(group) == 1 or (wrapped_title and len(text.split()) <= 15)


_ALL_CONJUNCTIONS = frozenset(w for words in CONJUNCTIONS.values() for w in words.split()) | {"and/or"}
_ITEM_END = re.compile(r"[,;]\s+(\S{1,6})$")


def enumeration_item(text: str) -> bool:
    """An item of a running enumeration, never a section's title: a line that ends with a comma
    or a semicolon, or with the conjunction after one that leads to the next item
    (``Leistungen nach diesem Gesetz,``, ``Certidão de casamento devidamente autenticada; ou``,
    ``a valid passport; and``), in any of the languages of ``hyphens.CONJUNCTIONS``."""
    t = text.rstrip()
    if t.endswith((",", ";")):
        return True
    m = _ITEM_END.search(t)
    return m is not None and m.group(1) in _ALL_CONJUNCTIONS


CONTENTS_ENTRY = re.compile(r"\S\s*(?:\.\s?){4,}\s*\d{1,4}$|\S\s*(?:…\s?){2,}\s*\d{1,4}$")
"""A table of contents' entry: a title, a dot leader and its page number (``Sammanfattning ........ 9``)."""
_NUMBER_TOKEN = re.compile(r"^[+\-−]?[\d.,%\u00a0\u202f]*\d[\d.,%]*$")


def names_no_heading(text: str) -> bool:
    """A short line that looks like a heading but names no section: page or document furniture
    (``patterns.furniture_kind``: a classification marking, a byline, a skip link, a reference
    line, a time stamp, …), a navigation trail (``UNHCR UPDATE > Chad / October 2023``), a
    contents entry (``Sammanfattning ........ 9``), or a
    table's row (``Total 190,000 172,400 91%``: two numbers or more, half its words or more, and
    no date: ``12 July 2016`` is a date line)."""
    t = BOLD_LINE.sub(r"\2", text.strip())
    if furniture_kind(t) or breadcrumb(t) or CONTENTS_ENTRY.search(t):
        return True
    words = t.split()
    numbers = sum(bool(_NUMBER_TOKEN.match(w)) for w in words)
    return numbers >= 2 and 2 * numbers >= len(words) and not DATE_LINE.match(t) and not DATE_IN_LINE.search(t)


QUESTION_WORDS = 20
"""A question alone on its line heads the answer below it when it has at most this many words."""


def question_heading(text: str) -> bool:
    """A short question alone on its line (``Wie kan nareizen?``, ``¿Quién puede solicitarlo?``):
    the heading of the answer under it, as on a page of questions and answers; not a question
    that ends a longer text (``… de erro. Porquê?``)."""
    t = text.strip()
    body = t.rstrip("?").lstrip("¿")
    return t.endswith("?") and len(t.split()) <= QUESTION_WORDS and body[:1].isupper() \
        and not any(mark in body for mark in (". ", "? ", "! ", ": "))


def _run_in_unit(text: str) -> bool:
    """``Article 3 : Le surplus des conclusions de la requête est rejeté.``: a unit whose whole
    text is one sentence on its number's line (a run-in article), not a unit's title."""
    m = keyword_heading(text)
    rest = text[m.end():].strip(" .:–—-") if m else ""
    return bool(rest) and text.rstrip().endswith(".") and reads_as_sentence(rest)


_DATE = (r"(?:\[?\d{1,2}\]?(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+|of\s+)?[^\W\d_]{3,10}\.?,?\s+(?:de\s+)?\d{4}"
         r"|[^\W\d_]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})")
PLACE_DATE_TAIL = rf"\b[^\W\d_][\w'’.-]*(?:,\s*|\s+)(?:[^\W\d_]{{1,3}}\s+)?{_DATE}"
"""A place, then the date, at the end of a line (``… Paris, le 3 mars 2021``)."""
PLACE_DATE = re.compile(rf"^(?:[^\W\d_][\w'’.-]*\s+){{0,2}}{PLACE_DATE_TAIL}\.?$")
"""A place and a date, in any language (the month is any word between a day and a year):
``Norrköping den 28 mars 2022``, ``Paris, le 3 mars 2021``, ``Geneva, 4 May 2020``,
``Berlin, 12.03.2021``, a cable's ``Message CANBERRA, [10] December 1947`` (a day the editor
supplied in brackets): where and when a text was signed or sent, never a section's name."""
_LINK_LABEL = re.compile(r"\((?:[^()]*\b)?(?:pdf|docx?|xlsx?|odt|epub|zip|csv)\b[^()]*\)"
                         r"|\(\s*\d[\d.,]*\s*[kKMG]i?B\s*\)|\b\d[\d.,]*\s*[kKMG]i?B\b", re.IGNORECASE)
"""A download link's label: a file format or size in brackets (``Report (PDF, 4,2 MB)``)."""

_REFERENCE_FIELD = re.compile(r"^[^\W\d_][\w .]{0,24}?\s?:\s*(?=\S*\d)[^\s:]{2,40}$")
"""A labelled reference code: ``NOR : INTV2103152D``, ``Dnr: 1.3.2-2022-118``, ``Ref.: ABC/12``."""


def names_no_section(text: str) -> bool:
    """A short line that is not the name of a section: furniture (``names_no_heading``), a place
    and date, a web address, a
    labelled reference code, a document symbol (``A/HRC/53/26``) or print code
    (``LBD12038-03-4``), a bare number (a cover's bill or job number, ``10527``), a download
    link's label, a note wholly in brackets (``(Adopted by … on 24 April 2019)``) or an item that is
    only one (``2a. (weggefallen)``), the end of a quotation opened on an earlier line
    (``Medical Psychology”``), or two texts side by side."""
    t = text.strip()
    if _BARE_NUMBER.match(t) or names_no_heading(t):
        return True
    if WEB_ADDRESS.search(t) or PLACE_DATE.match(t) or _LINK_LABEL.search(t) or _REFERENCE_FIELD.match(t):
        return True
    if DOC_SYMBOL.match(t) and "/" in t and any(c.isdigit() for c in t):
        return True
    if _CODE_LINE.match(t):
        return True
    note = _ITEM_MARK.sub("", t, count=1)
    if note.startswith("(") and note.endswith(")") and note.count("(") == 1:
        return True  # (also an item that is only a note: ``2a. (weggefallen)``, ``Dos. (Anulado)``)
    if _unopened_quote(t):
        return True
    parts = _COLUMN_GAP.split(t)
    return len(parts) >= 2 and len(parts[0].split()) >= 2  # (``III.   Trends``: a number's gap)


_ITEM_MARK = re.compile(r"^(?:\d{1,3}[a-z]?|[^\W\d_]{2,8})\.\s+(?=\()")
"""An item's number or ordinal word before a note in brackets: ``2a.``, ``Dos.``, ``4.``."""
_QUOTES = {"”": "“", "»": "«", "’": "‘"}


def _unopened_quote(text: str) -> bool:
    """``Medical Psychology”``, ``Journal of Medical Psychology"``: a line that closes a quotation it
    never opened, the end of a sentence the extraction broke off, never a section's name."""
    last = text[-1:]
    if last == '"':
        return text.count('"') % 2 == 1
    opener = _QUOTES.get(last)
    return opener is not None and opener not in text and not (last == "’" and text[-2:-1].isalpha())


_BARE_NUMBER = re.compile(r"^\d{3,}$")
"""A line that is only a number of three digits or more: a bill, job or file number on a
cover, never a section's name (a section number is followed by its title)."""
_CODE_LINE = re.compile(r"^(?=[^\s\d]*\d(?:\D*\d){4})(?=\S*[^\W\d_])[\w./()-]+$")
"""One token of letters and five digits or more: a print or bill code (``LBD12038-03-4``,
``GE.23-07412``), never a section's name (``COVID-19`` has too few digits)."""
_COLUMN_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
"""A layout gap inside a line: two texts printed side by side (``Council of Europe      Conseil
de l'Europe``, a bilingual masthead), not one title."""


def _role_and_name(group: list[Line]) -> bool:
    """``Le ministre de l'intérieur,`` / ``Gérald Darmanin``: a line ending in a comma over a
    capitalised line is a role and a name (or an address), not a title wrapped over lines
    (a title goes on in lowercase: ``Migration, development`` / ``and human rights``)."""
    return any(a.text.endswith(",") and b.text[:1].isupper() for a, b in zip(group, group[1:]))


SECTION_LINE = re.compile(r"^(?:[IVXLC]{1,7}|[A-Z]|\d{1,2}(?:\.\d{1,2}){0,3})[.)]\s+(?=[^\W\d_])")
"""A line that starts with a section number (``III.``, ``A.``, ``2.1``) and then a word."""
LEGAL_UNIT = re.compile(
    r"^(?:Disposici[óo]n|Disposiç[ãa]o|Disposition)\s+(?:adicional|transitori[oa]|transit[óo]ria|derogatoria|"
    r"revogat[óo]ria|final|finale|transitoire|abrogatoire)(?:\s+[^\W\d_]{3,12}|\s+\d{1,3})?(?=$|[.:\s–—])"
    r"(?:[.:]?\s*[^\W\d_][^.!?;]{0,160}\.?)?$", re.IGNORECASE)
"""A legal text's closing units, named by kind and order rather than numbered:
``Disposición adicional única. Menores de edad.``, ``Disposición final primera``,
``Disposição transitória``, ``Disposition finale``."""


def _section_starts(group: list[Line]) -> list[int]:
    """Where a stack of numbered section titles printed without blank lines between them
    (``III.  Trends …`` / ``A.  Pushbacks …``) is cut into one title a line: at each line
    after the first that starts with a section number and does not continue the line above
    it, when the first line starts with one too and every line is a short title-like line."""
    if len(group) < 2 or not SECTION_LINE.match(group[0].text):
        return []
    cuts = [k for k in range(1, len(group))
            if SECTION_LINE.match(group[k].text) and not continues_line(group[k - 1].text, group[k].text)]
    if not cuts or any(len(ln.text.split()) > 20 or SENTENCE_END.search(ln.text) and not keyword_heading(ln.text)
                       for ln in group[:cuts[-1]]):
        return []  # (the last title may have its paragraph under it: ``_label_above`` reads it)
    return cuts


ANNEX_LINE = re.compile(r"^(?:annex|annexe|anexo|anexa|anhang|anlage|appendix|ap[ée]ndice|appendice|allegato|"
                        r"bijlage|bilaga|liite)(?:\s+(?:[IVXLC]{1,6}|\d{1,3}|[A-Z]))?\s*[.:]?$", re.IGNORECASE)
"""A line that only names an annex or appendix, with its number or letter, in several languages:
``Annex``, ``ANNEX II``, ``Anexo 1``, ``Anhang``, ``Appendix B``, ``Bilaga 2``."""
ANNEX_TITLE_WORDS = 30


def _annex_over_title(group: list[Line]) -> bool:
    """An annex's name over its title wrapped on up to three lines (``Annex`` / ``2025 Political
    Declaration on the … Global`` / ``Plan of Action to Combat Trafficking in Persons``): one
    heading, ``Annex — 2025 Political Declaration …``; a sentence under it stays text."""
    if not 2 <= len(group) <= 4 or not ANNEX_LINE.match(group[0].text):
        return False
    title = " ".join(ln.text for ln in group[1:])
    return (title[:1].isupper() or title[:1].isdigit()) and len(title.split()) <= ANNEX_TITLE_WORDS \
        and not SENTENCE_END.search(title) and not reads_as_sentence(title) and not names_no_heading(title)


def _furniture_above(group: list[Line]) -> bool:
    """A furniture line printed directly above a paragraph, with no blank line (``Tempo de leitura: 3
    minutos`` / ``A Agência …``; ``patterns.furniture_kind``): a line of its own, never the start of
    the paragraph, which it does not run on into."""
    first = group[0].text
    return len(group) >= 2 and furniture_kind(first) not in _WRAPPING_FURNITURE \
        and first.count("(") <= first.count(")") and not continues_line(first, group[1].text)


_WRAPPING_FURNITURE = ("", "byline", "attribution")
"""Furniture whose line may wrap onto the next (names, a committee's referral): never cut from it."""


def _label_above(state: CleanState, group: list[Line]) -> bool:
    """A short title-like line printed directly above its paragraph, with no blank line
    (``Hintergrund`` / ``Die Integrationskurse bestehen …``, ``B.  Scope`` / ``The …``,
    ``Tillämpliga bestämmelser`` / ``4 kap. 1 § …``, ``Hoe lang duurt het?`` / ``De IND …``): the
    line is far shorter than the text's lines, does not run on into the next one, and the text
    below (starting with a capital or a number) ends a sentence."""
    if len(group) < 2 or state.wrapped:
        return False
    label, second = group[0].text, group[1].text
    numbered = bool(SECTION_LINE.match(label))
    if len(label.split()) > (12 if numbered else 5) or len(" ".join(label.split())) > (100 if numbered else 40) \
            or list_marker(label) or not label[:1].isupper() \
            or label.endswith((":", ",", ";")) or continues_line(label, second) \
            or not (second[:1].isupper() or second[:1].isdigit()):
        return False
    if len(second) < max(40, 2 * len(label)) or not SENTENCE_END.search(group[-1].text):
        return False
    return heading_candidate(state, group[:1], label)
