"""The compact header block of a document page: date, from, to, type, and theme tags."""

from __future__ import annotations

import html

from ..document import Document, ThemeHit
from ..enrich.metadata import document_symbol
from ..enrich.themes import split_hits
from ..link import Corpus
from ..link.urls import page_url, relative_url
from .common import human_date
from .markdown import attr, escape, verbatim


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
    """``**Date:** … · **From:** … · **To:** … · **Type:** … · **Symbol:** …`` then the theme tags."""
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
    symbol = document_symbol(m)
    if symbol:
        parts.append(f"**Symbol:** {escape(symbol)}")
    lines = [" · ".join(parts), "{: .doc-meta }", ""]
    main, mentioned = split_hits(doc)
    here = page_url(doc.page)

    def links(hits: list[ThemeHit], cls: str) -> str:
        return " ".join(f'<a class="{cls}" href="{attr(relative_url(here, page_url(f"themes/{h.theme}.md")))}">'
                        f"{html.escape(theme_label(corpus, h.theme), quote=False)}</a>" for h in hits)

    # Raw HTML marked verbatim: a dozen links with attribute lists are slow to read as Markdown.
    # The tags are the main themes (the document treats them in a paragraph); the themes it only
    # mentions follow, smaller.
    if main:
        lines += [verbatim(f'<p class="doc-themes"><strong>Themes:</strong> {links(main, "theme-tag")}</p>'), ""]
    if mentioned:
        lines += [verbatim(f'<p class="doc-themes-mentioned"><small>Also mentions: '
                           f'{links(mentioned, "theme-mention")}</small></p>'), ""]
    return lines
