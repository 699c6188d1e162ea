"""Stage 5, write: ``Corpus`` → the Markdown tree of ``docs/``.

``render`` yields ``(path, text)`` one page at a time (pure but for its memo of unchanged
pages); ``files`` does the disk work: a staged tree swapped in atomically (``StagedTree``),
the ``--check`` comparison (``TreeDiff``) and the in-place sync for ``mkdocs serve``.
"""

from .pages import render

__all__ = ["render"]
