"""Provenance on a document page: the raw source and what cleaning changed."""

from __future__ import annotations

from ..document import Document
from ..link import Corpus


def provenance_block(doc: Document, corpus: Corpus) -> list[str]:
    """Markdown lines for this section (none yet)."""
    return []
