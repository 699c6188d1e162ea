"""Stage 3, enrich: add what a document is (metadata), what it is about (themes) and
whom it names (entities). ``enrich``: a ``CleanDocument`` → a ``Document`` (the enriched
document); pure functions over the document and ``Config``."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from ..config import Config
from ..document import CleanDocument, Document
from . import metadata, themes

__all__ = ["enrich"]


def enrich(doc: CleanDocument, config: Config) -> Document:
    """The enriched document of a clean one: its metadata, then its themes (read with the
    metadata: title, language), or key phrases when it has none. The clean document's lists
    are copied first: what enrich adds to them (warnings, counters, a tidied title's removal)
    goes into the enriched document only."""
    clean = _copied(doc)
    meta = metadata.extract(Document(**clean), config.overrides.get(doc.name), config.entities)
    hits, main = themes.themes_found(Document(**clean, meta=meta), config.themes)
    keywords = [] if hits else themes.suggest_phrases(Document(**clean, meta=meta), config.themes)
    return Document(**clean, meta=meta, themes=hits, main_themes=main, keywords=keywords)


def _copied(doc: CleanDocument) -> dict[str, Any]:
    """The fields of ``doc``, each list and dict a copy of its own."""
    return {f.name: _copy(getattr(doc, f.name)) for f in fields(doc)}


def _copy(value: Any) -> Any:
    return list(value) if type(value) is list else dict(value) if type(value) is dict else value
