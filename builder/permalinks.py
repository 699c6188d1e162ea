"""Page slugs and paragraph anchors.

Takes the enriched documents; sets ``doc.slug`` and, on every citable block, ``para``
and ``anchor``. Pure.
"""

from __future__ import annotations

from slugify import slugify

from .config import Config
from .document import Document

MAX_SLUG_WORDS = 8


def make_slug(doc: Document) -> str:
    """``2016-08-10`` + the first words of the title → ``2016-08-10-us-response-to-ohchr``."""
    words = slugify(doc.meta.title or "untitled", max_length=80, word_boundary=True).split("-")
    stem = "-".join(words[:MAX_SLUG_WORDS]) or "untitled"
    return f"{doc.meta.date}-{stem}" if doc.meta.date else stem


def number_paragraphs(doc: Document) -> None:
    """Number citable blocks 1, 2, … (as UN documents number paragraphs) and anchor them."""
    n = 0
    for block in doc.blocks:
        for b in [block, *block.children]:
            if b.citable:
                n += 1
                b.para = n
                b.anchor = f"para-{n}"


def assign(documents: list[Document], config: Config) -> None:
    taken: set[str] = set()
    for doc in sorted(documents, key=lambda d: d.name):
        base = make_slug(doc)
        slug, i = base, 2
        while slug in taken:
            slug, i = f"{base}-{i}", i + 1
        taken.add(slug)
        doc.slug = slug
        number_paragraphs(doc)
