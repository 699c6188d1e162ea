"""Headings, their levels and numbers; lead paragraphs; run-in labels.

* The title (level 1) is the first heading before any body text; a lone ``- …`` item or a
  long heading-like line right after a heading is a lead paragraph (label ``lead``).
* A section number (``IV.``, ``2.``, ``2.1``, ``B.``) goes to ``Block.number``, never stays
  in the text (so it cannot render as an ordered list). Each numbering style gets a level
  in the order styles first appear (the first is level 2).
* A number that breaks its sequence while the next heading of another style continues it
  (``III``, ``I``, ``2``, ``3``) is *misnumbered*: it takes that style's level and a warning
  says so; the number is not rewritten.
* A short line ending in a colon above a paragraph, and ``Label: Text`` at a paragraph
  start, become bold run-in labels (strong spans).
"""

from __future__ import annotations

import re

from ...document import Block
from ..state import BLOCK, CleanState, rule
from ..text.patterns import SENTENCE_END
from ..text.spans import add_span, cut, strip_block

SECTION_NUMBER = re.compile(r"^(?:(?P<roman>[IVXLC]{1,7})|(?P<arabic>\d{1,2}(?:\.\d{1,2}){0,3})|(?P<letter>[A-Z]))"
                            r"[.)]\s+(?=\S)")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
RUN_IN = re.compile(r"^(?P<label>[A-Z][^.!?:;\n]{1,70}?:)\s+(?=[A-Z“\"‘(\d])")
_BODY = ("paragraph", "list_item", "admonition")


def roman(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def _style_value(block: Block) -> tuple[str, int, int]:
    """(style, value, depth) of a heading number."""
    n = block.number
    if n.isdigit() or "." in n:
        parts = n.split(".")
        return ("arabic" if len(parts) == 1 else f"arabic{len(parts)}", int(parts[-1]), len(parts))
    if re.fullmatch(r"[IVXLC]+", n):
        return "roman", roman(n), 1
    return "letter", ord(n) - ord("A") + 1, 1


def _is_heading_like_item(blocks: list[Block], i: int) -> bool:
    b = blocks[i]
    if b.kind != "list_item" or not b.number.isdigit() or len(b.text) > 120 or SENTENCE_END.search(b.text):
        return False
    # A list is numbered items on consecutive lines; a numbered line with blank lines around
    # it is a section heading even when the next section follows at once.
    prev = blocks[i - 1] if i else None
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    listed = (prev is not None and prev.kind == "list_item" and prev.number and prev.lines[1] + 1 >= b.lines[0]) \
        or (nxt is not None and nxt.kind == "list_item" and nxt.number and b.lines[1] + 1 >= nxt.lines[0])
    return not listed and b.text.lstrip("(“\"‘'")[:1].isupper() or (not listed and b.text[:1] == "(")


@rule(BLOCK)
def structure(state: CleanState) -> None:
    """Decide headings: the title, levels, numbers, misnumbering, lead paragraphs."""
    blocks = state.blocks
    for i, b in enumerate(blocks):
        if _is_heading_like_item(blocks, i):
            b.kind, b.level, b.text = "heading", 0, f"{b.number}. {b.text}"
            shift = len(b.number) + 2
            for s in b.spans:
                s.start += shift
                s.end += shift
            b.number = ""
    for b in blocks:
        if b.kind == "heading":
            _tidy_heading(b)
    _title_and_leads(state)
    _levels(state)


def _tidy_heading(b: Block) -> None:
    b.spans = [s for s in b.spans if not (s.kind in ("strong", "emphasis") and s.start == 0 and s.end >= len(b.text))]
    strip_block(b)
    if b.text.endswith(":"):
        cut(b, len(b.text) - 1, len(b.text))
    m = SECTION_NUMBER.match(b.text)
    if m and b.level != 1:
        b.number = (m.group("roman") or m.group("arabic") or m.group("letter"))
        cut(b, 0, m.end())
        strip_block(b)


def _stacked_title(state: CleanState) -> None:
    """Heading-like lines stacked above the first text (an organ's name over a report's
    title): the longest is the title, the ones above it kickers, the ones below it leads."""
    run = []
    for b in state.blocks:
        if b.kind == "heading" and b.level == 0 and not b.number:
            run.append(b)
        elif b.kind == "letter" or (b.kind == "paragraph" and b.label in ("kicker", "byline")):
            continue
        else:
            if run and b.kind in ("paragraph", "list_item"):
                run.pop()  # the last one heads the text below it: a section heading
            break
    if len(run) < 2 or any(b.kind == "heading" and b.level == 1 for b in state.blocks):
        return
    title = max(run, key=lambda b: len(b.text.split()))
    at = run.index(title)
    title.level = 1
    for b in run[:at]:
        b.kind, b.label = "paragraph", "kicker"
    for b in run[at + 1:]:
        b.kind, b.label = "paragraph", "lead"


def _title_and_leads(state: CleanState) -> None:
    _stacked_title(state)
    blocks = state.blocks
    has_title = any(b.kind == "heading" and b.level == 1 for b in blocks)
    seen_body = False
    for i, b in enumerate(blocks):
        prev = blocks[i - 1] if i else None
        if b.kind == "heading" and b.level == 0:
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if prev is not None and prev.kind == "heading" and not b.number and len(b.text.split()) >= 5:
                b.kind, b.label = "paragraph", "lead"
                seen_body = True
                continue
            if nxt is None or nxt.kind == "footnote":
                b.kind = "paragraph"
                continue
            if not has_title and not seen_body and not b.number:
                b.level = 1
                has_title = True
            continue
        if b.kind == "list_item" and prev is not None and prev.kind == "heading" and prev.level == 1 \
                and (i + 1 >= len(blocks) or blocks[i + 1].kind != "list_item") and not b.number:
            b.kind, b.label, b.level = "paragraph", "lead", 0
            state.count("lead_paragraphs")
            continue
        if b.kind == "paragraph" and not b.label and prev is not None and prev.kind == "heading" \
                and prev.level != 1 and not SENTENCE_END.search(b.text) and len(b.text.split()) <= 40:
            b.label = "lead"  # a descriptor line under a heading, too long to be a heading itself
        if b.kind in _BODY and b.label not in ("kicker", "byline", "lead"):
            seen_body = True


def _levels(state: CleanState) -> None:
    headings = [b for b in state.blocks if b.kind == "heading"]
    style_level: dict[str, int] = {}
    last: dict[str, int] = {}
    numbered = [h for h in headings if h.number]
    for idx, h in enumerate(headings):
        if h.level == 1:
            continue
        if not h.number:
            h.level = 2
            continue
        style, value, _ = _style_value(h)
        expected = last.get(style, 0) + 1
        if style in last and value != expected:
            later = numbered[numbered.index(h) + 1:]
            nxt = later[0] if later else None
            if nxt is not None:
                nstyle, nvalue, _ = _style_value(nxt)
                if nstyle != style and nvalue == value + 1 and last.get(nstyle, 0) + 1 == value:
                    state.warnings.append(
                        f"misnumbered heading '{h.number}. {h.text}' (line {h.lines[0]}): numbered {h.number} "
                        f"where the sequence continuing with {nxt.number} expects {value}; placed at that "
                        "sequence's level, number shown as in the source")
                    state.count("misnumbered_headings")
                    style = nstyle
            if style == _style_value(h)[0]:
                state.warnings.append(f"heading '{h.number}. {h.text}' (line {h.lines[0]}): the numbering "
                                      f"jumps from {last[style]} to {value}")
        if style not in style_level:
            style_level[style] = min(6, 2 + len(style_level))
        h.level = style_level[style]
        last[style] = value
        # A higher-level heading restarts the numbering below it.
        for other, lvl in style_level.items():
            if lvl > h.level:
                last.pop(other, None)


@rule(BLOCK)
def run_in_labels(state: CleanState) -> None:
    """``Headquarters:`` above a paragraph, or ``Family reunification: A central…`` → bold label."""
    blocks = state.blocks
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if b.kind == "paragraph" and not b.label and b.text.endswith(":") and len(b.text.split()) <= 5 \
                and b.text[:1].isupper() and not b.spans and nxt is not None and nxt.kind == "paragraph" \
                and not nxt.label:
            shift = len(b.text) + 1
            nxt.text = b.text + " " + nxt.text
            for s in nxt.spans:
                s.start += shift
                s.end += shift
            add_span(nxt, 0, len(b.text), "strong")
            nxt.lines = (b.lines[0], nxt.lines[1])
            state.count("run_in_labels")
            i += 1
            continue
        if b.kind == "paragraph" and not b.label and not any(s.start == 0 for s in b.spans):
            m = RUN_IN.match(b.text)
            if m and len(m.group("label").split()) <= 8:
                add_span(b, 0, len(m.group("label")), "strong")
                state.count("run_in_labels")
        out.append(b)
        i += 1
    state.blocks[:] = out
