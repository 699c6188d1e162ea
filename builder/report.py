"""The machine-readable build report (``--report FILE``).

Field names are a contract: later versions add fields, never rename these.
"""

from __future__ import annotations

import re
from typing import Any

from . import GENERATOR
from .document import Document
from .errors import problems
from .layout import page_of, url_of
from .link import LinkedCorpus, crosslinks


TITLE_MISREAD_WARNING = ("the page title carries a word that may be misread by OCR (left as printed: "
                         "set the title in metadata.yml to correct it): ")


def misreadings(doc: Document) -> list[dict[str, Any]]:
    """The words of ``doc`` that look misread by OCR (``doc.misread``): each as printed, its source
    line, its probable reading, and whether the page title carries it."""
    return [{"word": word, "line": line, "reading": reading, "in_title": _in_title(word, doc)}
            for word, line, reading in doc.misread]


def title_misreadings(doc: Document) -> list[str]:
    """A warning when the page title carries a word that looks misread: the title is shown, and
    pinned in the page's address, as printed."""
    flagged = [f"{word} ({reading}?)" for word, _, reading in doc.misread if _in_title(word, doc)]
    return [TITLE_MISREAD_WARNING + ", ".join(flagged)] if flagged else []


def _in_title(word: str, doc: Document) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", doc.meta.title or ""))


def make_report(corpus: LinkedCorpus) -> dict[str, Any]:
    links = crosslinks.get(corpus)
    mentioned: dict[str, list[str]] = {}
    for entity_id, by_doc in (links.mentions if links else {}).items():
        for name in by_doc:
            mentioned.setdefault(name, []).append(entity_id)
    documents = []
    for doc in sorted(corpus.documents, key=lambda d: d.name):
        m = doc.meta
        documents.append({
            "source": doc.name,
            "page": page_of(doc.slug),
            "url": url_of(doc.slug),
            "title": m.title,
            "title_source": m.title_source,
            "date": m.date,
            "period": m.period,
            "organisation": m.organisation,
            "doc_type": m.doc_type,
            "signatory": m.signatory,
            "signatory_role": m.signatory_role,
            "addressee": m.addressee,
            "symbols": m.symbols,
            "metadata_sources": m.sources,
            "missing_metadata": m.missing,
            "metadata_overrides": m.overridden,
            "themes": [h.theme for h in doc.themes],
            "theme_scores": {h.theme: h.score for h in doc.themes},
            "unthemed": not doc.themes,
            "keywords": doc.keywords,
            "encoding": doc.source.encoding,
            "repairs": doc.source.repairs,
            "removed": [r.as_json() for r in doc.removed],
            "moved": [mv.as_json() for mv in doc.moved],
            "warnings": doc.warnings + title_misreadings(doc),
            "misreadings": misreadings(doc),
            "stats": dict(sorted(doc.stats.items())),
            "paragraphs": sum(1 for b in doc.blocks for x in [b, *b.children] if x.citable),
            "entities": sorted(mentioned.get(doc.name, [])),
            "related": [r.doc for r in links.related.get(doc.name, [])] if links else [],
        })
    return {
        "generator": GENERATOR,
        "documents": documents,
        "rejected": corpus.rejected,
        "notices": corpus.notices,
        "problems": problems(corpus.rejected, corpus.notices, corpus.documents),
        "themes": [t.id for t in corpus.config.themes],
        "entities": sorted(e.id for e in links.mentioned()) if links else [],
        "unthemed": [{"source": d.name, "keywords": d.keywords} for d in corpus.documents if not d.themes],
    }
