"""Stage 5, write: ``Corpus`` → the Markdown tree of ``docs/``.

``render`` is pure (corpus in, ``{path: text}`` out); ``files`` does the disk work:
an atomic swap of the whole tree, and the ``--check`` comparison.
"""

from .pages import render

__all__ = ["render"]
