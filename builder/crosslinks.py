"""Cross-document links: entities, related documents, references between documents.

Takes the whole ``Corpus`` after permalinks are assigned; adds entity spans to blocks
and keeps what the entity, related and timeline pages need in ``corpus.extra``. Pure.
"""

from __future__ import annotations

from .link import Corpus


def apply(corpus: Corpus) -> None:
    """Nothing to link yet."""
