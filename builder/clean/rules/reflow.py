"""Reflow: every chunk becomes its blocks, in order (``text.blocks.chunk_blocks``: wrapped lines
joined, list items split at bullets and numbers, kicker, byline, heading candidates); the
floats ``floats`` took out of a paragraph follow it.
"""

from __future__ import annotations

from ..state import BLOCK, CleanState, rule
from ..text.blocks import CONVERTER_NUMBER_REASON, SYMBOL_FONT_BULLET, chunk_blocks


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
