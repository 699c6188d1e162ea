"""Stage 4, link: the whole corpus at once, after every document is enriched.

Takes the enriched ``Document``s; decides each page's slug and each citable block's
paragraph number and anchor, and returns a ``Corpus`` that the write stage renders.
Pure: no I/O. (Pinned URLs and anchors come from the permalink manifest.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from slugify import slugify

from .config import Config
from .document import Document

MAX_SLUG_WORDS = 8


@dataclass(slots=True)
class Corpus:
    """Everything the write stage needs to render the site."""

    documents: list[Document]
    """Published documents, sorted by date then title."""
    config: Config
    rejected: list[dict[str, str]] = field(default_factory=list)
    """Seeds that could not be published: ``{source, reason, action}``."""
    notices: list[str] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)


def make_slug(doc: Document) -> str:
    """``2016-08-10`` + the first words of the title → ``2016-08-10-us-response-to-ohchr``."""
    words = slugify(doc.meta.title or "untitled", max_length=80, word_boundary=True).split("-")
    stem = "-".join(words[:MAX_SLUG_WORDS]) or "untitled"
    return f"{doc.meta.date}-{stem}" if doc.meta.date else stem


def sort_key(doc: Document) -> tuple[str, str, str]:
    return (doc.meta.date or "9999", doc.meta.title.lower(), doc.name)


def number_paragraphs(doc: Document) -> None:
    """Number citable blocks 1, 2, … (as UN documents number paragraphs) and anchor them."""
    n = 0
    for block in doc.blocks:
        for b in [block, *block.children]:
            if b.citable:
                n += 1
                b.para = n
                b.anchor = f"para-{n}"


def link(documents: list[Document], config: Config) -> Corpus:
    taken: set[str] = set()
    for doc in sorted(documents, key=lambda d: d.name):
        base = make_slug(doc)
        slug, i = base, 2
        while slug in taken:
            slug, i = f"{base}-{i}", i + 1
        taken.add(slug)
        doc.slug = slug
        number_paragraphs(doc)
    return Corpus(sorted(documents, key=sort_key), config)
