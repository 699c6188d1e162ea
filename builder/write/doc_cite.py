"""The citation box of a document page (cite this page: APA, Chicago, BibTeX, CSL-JSON)."""

from __future__ import annotations

from ..document import Document
from ..link import Corpus


def citation_block(doc: Document, corpus: Corpus) -> list[str]:
    """Markdown lines for this section (none yet)."""
    return []
