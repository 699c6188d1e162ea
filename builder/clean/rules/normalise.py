"""Whitespace signals and block boundaries.

``normalise`` records the spaces around each line before stripping them (a PDF extractor
leaves one trailing space on every soft-wrapped line, and a leading space where text
resumes or a new paragraph starts); ``split_blocks`` groups lines into chunks at blank
lines and at paragraph breaks the source marks without one.
"""

from __future__ import annotations

import re

from ..state import BLOCK, LINE, Chunk, CleanState, Line, rule
from ..text.patterns import SENTENCE_END, layout_spaces, list_marker
from ..text.tables import leader_cells


@rule(LINE)
def normalise(state: CleanState) -> None:
    """Record leading/trailing spaces, strip them, and find whether lines are soft-wrapped.
    ``␠in the context␠`` → ``in the context`` (lead=1, trail=1)."""
    lengths = []
    texts = 0
    for line in state.lines:
        raw = layout_spaces(line.text).replace("\u200b", "")  # French spacing before ``:;!?»`` kept
        stripped = raw.strip()
        line.text = stripped
        if not stripped:
            line.lead = line.trail = 0
            continue
        texts += 1
        line.lead = len(raw) - len(raw.lstrip())
        line.trail = len(raw) - len(raw.rstrip())
    if _padded(state.lines):
        _wraps_from_widths(state.lines)
        state.count("padded_lines")
    for line in state.lines:
        if line.trail:
            lengths.append(len(line.text))
    # A PDF column: most text lines end in a space, and those lines are short.
    if texts and len(lengths) >= 0.4 * texts and len(lengths) >= 5:
        lengths.sort()
        n = len(lengths)
        p25, p75, p95 = lengths[n // 4], lengths[(3 * n) // 4], lengths[min(n - 1, int(n * 0.95))]
        width = min(p95, int(p75 + 1.5 * (p75 - p25)))  # Tukey's fence: boxes and captions are outliers
        if width <= 100:
            state.wrapped = True
            state.width = width
    for line in state.lines:
        if line.trail >= 2 and not state.wrapped:
            state.count("hard_breaks_removed")


PADDED_SHARE = 2 / 3
"""Of the lines that end a sentence before a blank line, the share with a trailing space that
shows an extractor pads every line (a paragraph's end as well as its wrapped lines)."""
PADDED_LEAST = 5


def _padded(lines: list[Line]) -> bool:
    """The extractor left a space after every line, also after the last line of a paragraph
    (``… effective responses.␠`` / blank): the trailing space says nothing about wrapping, and a
    cover's short lines (``Eightieth session␠`` / ``Agenda item 107␠``) are no wrapped text."""
    ends = [ln for ln, nxt in zip(lines, lines[1:]) if ln.text and not nxt.text and SENTENCE_END.search(ln.text)]
    return len(ends) >= PADDED_LEAST and sum(1 for ln in ends if ln.trail) >= PADDED_SHARE * len(ends)


PADDED_WRAP = 0.7
"""In a padded text, a line at least this share of the text's width (95th percentile) is wrapped."""


def _wraps_from_widths(lines: list[Line]) -> None:
    """A padded text's wrap signal from the lines' widths instead: a line that fills most of the
    column wrapped (one trailing space kept), a short one did not (``Agenda item 107``, a
    paragraph's last line: none)."""
    widths = sorted(len(ln.text) for ln in lines if ln.text)
    width = widths[min(len(widths) - 1, int(len(widths) * 0.95))]
    for line in lines:
        line.trail = 1 if line.text and len(line.text) >= PADDED_WRAP * width else 0


@rule(BLOCK)
def split_blocks(state: CleanState) -> None:
    """Group lines into chunks at blank lines, and where a line with a leading space follows a
    sentence end (a paragraph break without a blank line). ``a.⏎␠B`` → ``[a.] [B]``."""
    current: list[Line] = []
    for line in state.lines:
        if line.dropped:
            continue
        if not line.text:
            if current:
                state.chunks.append(Chunk(current))
                current = []
            continue
        if current and line.lead > current[-1].lead and SENTENCE_END.search(current[-1].text) \
                and not _list_line(current[-1]) and not _open_bracket(current[-1].text) \
                and leader_cells(line.text) is None:  # (a label wrapped onto its leader line: one row)
            state.chunks.append(Chunk(current))
            current = []
        current.append(line)
    if current:
        state.chunks.append(Chunk(current))
    state.chunks = [part for chunk in state.chunks for part in _short_line_breaks(chunk, state.wrapped)]


def _short_line_breaks(chunk: Chunk, wrapped: bool) -> list[Chunk]:
    """Split a hard-wrapped paragraph after a sentence that ends where the next word would
    still have fitted (plain text), or without the soft-wrap space (PDF column)."""
    lines = chunk.lines
    if len(lines) < 3 or any(_list_line(ln) for ln in lines):
        return [chunk]
    widest = max(len(ln.text) for ln in lines)
    out, start = [], 0
    for i in range(len(lines) - 1):
        ln, nxt = lines[i], lines[i + 1]
        if not SENTENCE_END.search(ln.text) or not nxt.text[:1].isupper() or _LONE_NUMBER.match(ln.text) \
                or _open_bracket(ln.text):
            continue  # (a paragraph number alone on its line, ``1.``, is above its text; a bracket
            # opened on the line and not closed, ``(at request of M. of A.``, goes on below)
        # Greedy wrapping would have put the next word on this line: the break is the author's.
        short = len(ln.text) + 1 + len(nxt.text.split()[0]) <= widest - 2 and widest >= 40
        if (wrapped and not ln.trail and not ln.soft) or (not wrapped and short and not ln.trail):
            out.append(Chunk(lines[start:i + 1]))
            start = i + 1
    out.append(Chunk(lines[start:]))
    return out


def _open_bracket(text: str) -> bool:
    """A bracket opened on the line and not closed on it: the sentence goes on below."""
    return text.count("(") > text.count(")")


_LONE_NUMBER = re.compile(r"^\(?\d{1,3}[.)]$")


def _list_line(line: Line) -> bool:
    return bool(list_marker(line.text))
