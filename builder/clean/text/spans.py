"""Span-aware edits of a block's text: cut, strip and add spans so that every ``Span`` keeps
pointing at the same characters; ``walk`` visits every block and admonition child."""

from __future__ import annotations

from collections.abc import Iterable

from ...document import Block, Span


def cut(block: Block, start: int, end: int) -> None:
    """Delete ``block.text[start:end]``, shifting or shrinking the spans after it."""
    n = end - start
    if n <= 0:
        return
    block.text = block.text[:start] + block.text[end:]
    kept = []
    for s in block.spans:
        a = s.start if s.start <= start else max(start, s.start - n)
        b = s.end if s.end <= start else max(start, s.end - n)
        if b > a or s.start == s.end:
            kept.append(s if (a, b) == (s.start, s.end) else Span(a, b, s.kind, s.target))
    block.spans = kept


def shift(block: Block, n: int, at: int = 0) -> None:
    """Move the spans that start at ``at`` or after ``n`` characters on (text put before them)."""
    block.spans = [s.shifted(n) if s.start >= at else s for s in block.spans]


def strip_block(block: Block, chars: str | None = None) -> None:
    """Strip ``block.text`` (spans follow)."""
    text = block.text
    right = len(text.rstrip(chars))
    cut(block, right, len(text))
    left = len(block.text) - len(block.text.lstrip(chars))
    cut(block, 0, left)


def add_span(block: Block, start: int, end: int, kind: str, target: str = "") -> None:
    block.spans.append(Span(start, end, kind, target))
    block.spans.sort(key=lambda s: (s.start, -s.end))


def walk(blocks: Iterable[Block]) -> Iterable[Block]:
    """Every block and every admonition child."""
    for b in blocks:
        yield b
        yield from b.children
