"""Reflow: every chunk becomes its blocks, in order (``text.blocks.chunk_blocks``: wrapped lines
joined, list items split at bullets and numbers, kicker, byline, heading candidates); the
floats ``floats`` took out of a paragraph follow it. Then ``layout_gaps``: the runs of spaces
a PDF layout left inside prose lines become one space.
"""

from __future__ import annotations

import re

from ..state import BLOCK, CleanState, rule
from ..text.blocks import CONVERTER_NUMBER_REASON, SYMBOL_FONT_BULLET, chunk_blocks
from ..text.spans import cut, walk


@rule(BLOCK, SYMBOL_FONT_BULLET, CONVERTER_NUMBER_REASON)
def reflow(state: CleanState) -> None:
    """Turn every chunk into blocks, in order; floats follow the paragraph they interrupted.
    ``The quick␠⏎brown fox.`` → ``The quick brown fox.``"""
    first = True
    for chunk in state.chunks:
        if chunk.done is not None:
            state.blocks.extend(chunk.done)
        elif chunk.lines:
            state.blocks.extend(chunk_blocks(state, chunk, first=first))
        state.blocks.extend(chunk.after)
        if chunk.done != []:
            first = False


LAYOUT_GAP = re.compile(r" {2,}")
"""A run of spaces inside a line: the layout of a PDF extraction (``United Nations      General
Assembly``, justified ``Introduced  by  COMMITTEE``), no part of the text's words."""
_PROSE = ("paragraph", "heading", "list_item", "letter")


@rule(BLOCK)
def layout_gaps(state: CleanState) -> None:
    """Runs of spaces inside prose lines become one space (tables and preformatted blocks keep
    theirs: there they are the columns). ``United Nations      General Assembly`` → ``United
    Nations General Assembly``."""
    for b in walk(state.blocks):
        if b.kind not in _PROSE or "  " not in b.text:
            continue
        for m in reversed(list(LAYOUT_GAP.finditer(b.text))):
            cut(b, m.start() + 1, m.end())
        state.count("layout_gaps")
