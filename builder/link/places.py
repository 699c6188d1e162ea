"""Walking a document: its text blocks, each with its section and whether links may go in it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Block, Document


@dataclass(slots=True)
class Place:
    block: Block
    index: int
    child: int
    where: str
    section: str
    linkable: bool


def places(doc: Document) -> Iterator[Place]:
    """Every text block of a document with its section and whether links may go in it.

    A section is a part of the text under one of its top-level headings (the highest level below
    the title's), its subsections included: a reader of a section with five numbered subsections
    sees a name linked once there, not five times. A box is a section of its own, and so are the
    footnotes."""
    top = top_level(doc)
    section = 0
    for i, block in enumerate(doc.blocks):
        if block.kind == "heading":
            if block.level <= top:
                section += 1
            yield Place(block, i, -1, "title" if block.level == 1 else "heading", f"h{section}", False)
        elif block.kind == "admonition":
            # A quotation keeps the quoted words as they were written: no link goes into it.
            linkable = block.label != "quote"
            for j, child in enumerate(block.children):
                yield Place(child, i, j, "paragraph", f"box{i}", linkable and child.kind in ("paragraph", "list_item"))
            if not block.children and block.text:
                yield Place(block, i, -1, "paragraph", f"box{i}", False)
        elif block.kind == "footnote":
            yield Place(block, i, -1, "footnote", "footnotes", True)
        elif block.kind == "letter":
            yield Place(block, i, -1, "letter", f"s{section}", False)
        else:
            yield Place(block, i, -1, "paragraph", f"s{section}", block.kind in ("paragraph", "list_item"))


def top_level(doc: Document) -> int:
    """The level of a document's top-level headings: the highest below the title's (level 1)."""
    return min((b.level for b in doc.blocks if b.kind == "heading" and b.level > 1), default=2)


def quoted(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` inside quotation marks (``“…”``, ``„…“``, ``«…»``, ``"…"``), marks
    included: quoted words (a work's title, someone's words) are shown as they were written."""
    return [m.span() for m in _QUOTED.finditer(text)]


_QUOTED = re.compile(r'“[^“”\n]*”|„[^„“”\n]*[“”]|«[^«»\n]*»|"[^"\n]*"')
"""A quotation: an opening mark, then anything but another mark or a line break up to its closing
mark (an unclosed mark quotes nothing)."""


def free(block: Block, start: int, end: int) -> bool:
    """No other span overlaps ``[start, end)`` (a zero-width marker strictly inside counts)."""
    for s in block.spans:
        if s.start == s.end:
            if start < s.start < end:
                return False
        elif s.start < end and start < s.end:
            return False
    return True


def in_url(block: Block, start: int, end: int) -> bool:
    return any(s.kind == "url" and s.start < end and start < s.end for s in block.spans)


def all_blocks(doc: Document) -> Iterator[Block]:
    for b in doc.blocks:
        yield b
        yield from b.children


def positioned_blocks(doc: Document) -> Iterator[tuple[tuple[int, int], Block]]:
    """``all_blocks`` with each block's place: (block index, child index or -1)."""
    for i, b in enumerate(doc.blocks):
        yield (i, -1), b
        for j, child in enumerate(b.children):
            yield (i, j), child
