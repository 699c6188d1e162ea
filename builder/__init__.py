"""Corpus publisher: raw text documents → cleaned, cross-linked Markdown for MkDocs.

The pipeline, one module a stage: ``read`` → ``clean`` → ``enrich`` → ``link`` → ``write``.
"""

__version__ = "0.1.0"
GENERATOR = f"builder {__version__}"
