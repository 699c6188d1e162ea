"""The compact header block of a document page: date, from, to, type, and theme tags."""

from __future__ import annotations

from ..document import Document
from ..link import Corpus
from .common import human_date, rel
from .markdown import escape


def theme_label(corpus: Corpus, theme_id: str) -> str:
    return next((t.label for t in corpus.config.themes if t.id == theme_id), theme_id)


def date_text(doc: Document) -> str:
    """The date as a reader should take it: stated, inferred (said so) or absent."""
    m = doc.meta
    if not m.date:
        return "not stated" + (f" (covers {m.period})" if m.period else "")
    shown = human_date(m.date)
    if m.sources.get("date", "").startswith("inferred"):
        shown += " (not stated; inferred from the text)"
    if m.period:
        shown += f"; covers {m.period}"
    return shown


def header_block(doc: Document, corpus: Corpus) -> list[str]:
    """``**Date:** … · **From:** … · **To:** … · **Type:** …`` then the theme tags."""
    m = doc.meta
    parts = [f"**Date:** {escape(date_text(doc))}"]
    if m.organisation:
        parts.append(f"**From:** {escape(m.organisation)}")
    if m.signatory:
        signed = m.signatory + (f", {m.signatory_role}" if m.signatory_role else "")
        parts.append(f"**Signed:** {escape(signed)}")
    if m.addressee:
        parts.append(f"**To:** {escape(m.addressee)}")
    if m.doc_type:
        parts.append(f"**Type:** {escape(m.doc_type)}")
    lines = [" · ".join(parts), "{: .doc-meta }", ""]
    if doc.themes:
        tags = " ".join(f"[{escape(theme_label(corpus, h.theme))}]({rel(doc.page, f'themes/{h.theme}.md')})"
                        "{: .theme-tag }" for h in doc.themes)
        lines += [f"**Themes:** {tags}", "{: .doc-themes }", ""]
    return lines
