"""The compact header block of a document page: date, from, to, type, and theme tags."""

from __future__ import annotations

import html

from ..document import Document, ThemeHit
from ..enrich.metadata import document_symbol
from ..enrich.themes import split_hits
from ..layout import DOCUMENTS_INDEX, page_of, page_url, relative_url
from ..link import Corpus
from .common import human_date
from .markdown import attr, escape, verbatim
from .paginate import UNDATED, is_split, year_of


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


TIMELINE_PAGE = "timeline.md"
"""Where a document's year is listed when the collection is small enough for one listing: the
timeline's section of that year (``## 2014``, anchor ``2014``; ``## Undated documents``)."""


def year_listing(doc: Document, corpus: Corpus) -> tuple[str, str]:
    """The page and anchor listing the documents of ``doc``'s year: its year page
    (``documents/by-year/<year>.md``) on a collection split by year, else its timeline section."""
    year = year_of(doc)
    if is_split(corpus.documents):
        return f"documents/by-year/{year}.md", ""
    if year != UNDATED:
        return TIMELINE_PAGE, year
    return TIMELINE_PAGE, "" if doc.meta.date else "undated-documents"


def breadcrumbs(doc: Document, corpus: Corpus) -> list[str]:
    """Where the page is: Documents › its year › the document, as a raw HTML ``nav`` (the same
    markup as ``overrides/partials/breadcrumbs.html`` gives the other pages)."""
    here = page_url(page_of(doc.slug))
    listing, anchor = year_listing(doc, corpus)
    year = year_of(doc)
    items = [(relative_url(here, page_url(DOCUMENTS_INDEX)), "Documents"),
             (relative_url(here, page_url(listing)) + (f"#{anchor}" if anchor else ""),
              "Undated" if year == UNDATED else year)]
    links = "".join(f'<li><a href="{attr(url)}">{html.escape(text, quote=False)}</a></li>' for url, text in items)
    title = html.escape(doc.meta.title or doc.name, quote=False)
    return [verbatim(f'<nav class="breadcrumbs" aria-label="Breadcrumb" data-search-exclude><ol>{links}'
                     f'<li><span aria-current="page">{title}</span></li></ol></nav>'), ""]


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
    here = page_url(page_of(doc.slug))

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
