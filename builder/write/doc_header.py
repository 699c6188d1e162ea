"""The compact header block of a document page: date, from, to, type, and theme tags."""

from __future__ import annotations

from ..document import Document
from ..link import Corpus
from .common import human_date, rel
from .markdown import escape


def theme_label(corpus: Corpus, theme_id: str) -> str:
    return next((t.label for t in corpus.config.themes if t.id == theme_id), theme_id)


def header_block(doc: Document, corpus: Corpus) -> list[str]:
    m = doc.meta
    parts = [f"**Date:** {escape(human_date(m.date))}"]
    if m.organisation:
        parts.append(f"**From:** {escape(m.organisation)}")
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
