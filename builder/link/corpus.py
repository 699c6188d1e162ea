"""The link stage's hand-off to writing: the ``Corpus``, every published document at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Config
from ..document import Document


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
