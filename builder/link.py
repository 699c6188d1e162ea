"""Stage 4, link: the whole corpus at once, after every document is enriched.

Takes the enriched ``Document``s; decides each page's slug and each citable block's
paragraph number and anchor, and returns a ``Corpus`` that the write stage renders.
Pure: no I/O. (Pinned URLs and anchors come from the permalink manifest.)
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .config import Config
from .document import Document
from .errors import DocumentFailed, naming

__all__ = ["Corpus", "DocumentFailed", "by_name", "link", "naming", "prepare", "sort_key"]

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


def by_name(corpus: Corpus) -> dict[str, Document]:
    """The corpus's documents by seed name, built once per corpus (not once per page: that is
    quadratic, minutes at 10,000 documents)."""
    index = corpus.extra.get("by_name")
    if not isinstance(index, dict) or len(index) != len(corpus.documents):
        index = corpus.extra["by_name"] = {d.name: d for d in corpus.documents}
    return index


def sort_key(doc: Document) -> tuple[str, str, str]:
    return (doc.meta.date or "9999", doc.meta.title.lower(), doc.name)


def prepare(doc: Document, config: Config) -> None:
    """The per-document part of linking (``crosslinks.Prepared``), kept in ``doc.extra["link"]``:
    run by ``pipeline.process`` so that it is done on every core and cached with the document."""
    from . import crosslinks

    with naming(doc.name, "preparing its links"):
        doc.extra["link"] = crosslinks.prepare(doc, config)


def link(documents: list[Document], config: Config) -> Corpus:
    """Pin URLs and anchors, then add the cross-document links."""
    from . import crosslinks, permalinks

    with _no_cycle_collection():
        pins = permalinks.assign(documents, config)
        corpus = Corpus(sorted(documents, key=sort_key), config)
        corpus.extra["permalinks"] = pins
        crosslinks.apply(corpus)
    return corpus


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector paused: linking makes many small objects (spans, mentions,
    index entries) and almost no cycles, while each full collection walks every document of the
    corpus (a tenth of the stage at 1,000 documents). Reference counting still frees the rest."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
