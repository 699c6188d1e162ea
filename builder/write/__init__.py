"""Stage 5, write: ``LinkedCorpus`` → the Markdown tree of ``docs/``.

``render`` yields ``(path, text)`` one page at a time (pure but for its memo of unchanged
pages); ``files`` does the disk work: a staged tree swapped in atomically (``StagedTree``),
the ``--check`` comparison (``TreeDiff``) and the in-place sync for ``mkdocs serve``.
"""

from ..document import Document
from .doc_provenance import diff_pieces
from .pages import render

__all__ = ["prepare", "render"]


def prepare(doc: Document) -> list[tuple[str, str]]:
    """The per-document part of writing, for ``Document.word_diff``: the word diff of the source
    and the cleaned text that the document's "what cleaning changed" page shows
    (``doc_provenance.diff_pieces``). Run by ``pipeline.process``, as ``link.prepare`` is, so
    that it is worked out on every core and cached with the document."""
    return diff_pieces(doc)
