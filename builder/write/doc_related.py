"""The foot of a document page: related documents and "Referenced by"."""

from __future__ import annotations

from ..document import Document
from ..link import Corpus


def related_block(doc: Document, corpus: Corpus) -> list[str]:
    """Markdown lines for this section (none yet)."""
    return []
