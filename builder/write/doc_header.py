"""The compact header block of a document page: date, from, to, type, and theme tags."""

from __future__ import annotations

import html

from ..document import HEAD_LABELS, Block, Document, ThemeHit
from ..enrich.metadata import document_symbol
from ..enrich.themes import split_hits
from ..layout import DOCUMENTS_INDEX, page_of, page_url, relative_url
from ..link import LinkedCorpus
from .common import human_date
from .doc_cite import alias_anchors
from .markdown import attr, escape, inline, verbatim
from .paginate import UNDATED, listed_on, year_of


def theme_label(corpus: LinkedCorpus, theme_id: str) -> str:
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


def year_listing(doc: Document, corpus: LinkedCorpus) -> tuple[str, str]:
    """The page and anchor listing ``doc`` among the documents of its year: on a collection split
    by year, the page of its year that lists it (``documents/by-year/<year>.md``, or
    ``<year>-2.md``… for a year in parts), else its timeline section."""
    year = year_of(doc)
    page = listed_on(corpus, doc)
    if page is not None:
        return page, ""
    if year != UNDATED:
        return TIMELINE_PAGE, year
    return TIMELINE_PAGE, "" if doc.meta.date else "undated-documents"


def breadcrumbs(doc: Document, corpus: LinkedCorpus, subpage: tuple[str, str] | None = None) -> list[str]:
    """Where the page is: Documents › its year › the document, as a raw HTML ``nav`` (the same
    markup as ``overrides/partials/breadcrumbs.html`` gives the other pages). On a page of the
    document's own (``subpage``: its docs-relative path and its name, as the provenance page
    ``changes/<slug>.md``, "What cleaning changed"), the document links its page and the
    subpage's name ends the trail."""
    here = page_url(subpage[0] if subpage else page_of(doc.slug))
    listing, anchor = year_listing(doc, corpus)
    year = year_of(doc)
    title = doc.meta.title or doc.name
    items = [(relative_url(here, page_url(DOCUMENTS_INDEX)), "Documents"),
             (relative_url(here, page_url(listing)) + (f"#{anchor}" if anchor else ""),
              "Undated" if year == UNDATED else year)]
    if subpage:
        items.append((relative_url(here, page_url(page_of(doc.slug))), title))
    links = "".join(f'<li><a href="{attr(url)}">{html.escape(text, quote=False)}</a></li>' for url, text in items)
    current = html.escape(subpage[1] if subpage else title, quote=False)
    return [verbatim(f'<nav class="breadcrumbs" aria-label="Breadcrumb" data-search-exclude><ol>{links}'
                     f'<li><span aria-current="page">{current}</span></li></ol></nav>'), ""]


def header_block(doc: Document, corpus: LinkedCorpus) -> list[str]:
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


def head_blocks(doc: Document) -> list[Block]:
    """The blocks the page shows in its header, in the document's order: over-titles, bylines,
    mastheads, addresses, publication lines, datelines and contact blocks (``HEAD_LABELS``)."""
    return [b for b in doc.blocks if b.kind == "paragraph" and b.label in HEAD_LABELS]


def head_lines(doc: Document, render_span=None, lang: str = "") -> list[str]:
    """The page header's lines under the title and its metadata: each of ``head_blocks`` with the
    source's line breaks, in one compact block (``.doc-head``) with no paragraph number. An
    older paragraph anchor that now lands on one of them (a byline that was paragraph 1) is an
    empty anchor element at its start, so a published ``#para-1`` link still finds its text."""
    parts = []
    for b in head_blocks(doc):
        text = inline(b, render_span).replace("\n", "  \n")  # the source's lines, as line breaks
        if b.lang and b.lang != lang:
            text = f'<span lang="{attr(b.lang)}">{text}</span>'
        parts.append(alias_anchors(b) + text)
    if not parts:
        return []
    lang_attr = f' lang="{attr(lang)}"' if lang else ""
    return ["  \n".join(parts), f"{{: .doc-head{lang_attr} }}", ""]
