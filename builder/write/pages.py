"""``render``: the whole corpus → ``(docs-relative path, Markdown text)`` pairs, a few pages at
a time, so the site is never held in memory whole. Pure but for the memo (a cache of pages).
The work comes in independent pieces (``render_tasks``: a listing, or a few documents' own
pages) that a ``Runner`` may run side by side on other processes.

A document's own pages (its page, citation files, raw source, provenance page) are
rendered from the document, the configuration and what the link stage found about it;
``document_inputs`` spells that out, and ``memo`` (``engine.memo.RenderMemo``) keeps the pages of
each document by a hash of it, so an incremental build renders only what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial
from typing import Any, Protocol, TypeVar

from ..layout import DOCUMENTS_INDEX, page_of
from ..link import crosslinks
from ..document import Document
from ..errors import naming
from ..link import LinkedCorpus, by_name
from ..report import make_report
from .about import render_about
from .doc_cite import citation_files
from .doc_header import breadcrumbs, year_listing
from .doc_provenance import changes_page, raw_source, source_page
from .document_page import render_document
from .entity_pages import render_entity_pages
from .home import render_documents_index, render_home
from .permalink_pages import permalink_files
from .report_page import anchor_status, provenance_page, render_report_summary
from .theme_pages import render_overview, render_theme
from .timeline import render_timeline
from .year_pages import render_parts, render_theme_parts


class Provenance(Protocol):
    """Gives a document's payload back (``engine.cache.Payloads``): the build keeps documents small."""

    def raw(self, doc: Document) -> bytes: ...

    def full(self, doc: Document) -> Document: ...


class Memo(Protocol):
    def key(self, inputs: str) -> str: ...

    def get(self, key: str) -> Any | None: ...

    def put(self, key: str, value: Any) -> None: ...


T = TypeVar("T")
Pages = list[tuple[str, str | bytes]]
"""Files as ``(docs-relative path, content)`` pairs."""
Task = Callable[[], Pages]
"""A piece of the rendering: a listing page, or the own pages of a few documents."""

DOCUMENTS_PER_TASK = 16


def render(corpus: LinkedCorpus, *, report: dict[str, Any] | None = None, provenance: Provenance | None = None,
           memo: Memo | None = None) -> Iterator[tuple[str, str | bytes]]:
    """Every generated file of the site (in no particular order), rendered here, one piece of
    work (``render_tasks``) after the other; the build runs the pieces on a process pool.

    ``report`` is ``make_report(corpus)`` if already made; ``provenance`` restores the documents'
    payloads (without it, documents are taken as they are); ``memo`` keeps pages across builds.
    """
    for pages in in_process(render_tasks(corpus, report or make_report(corpus), provenance, memo)):
        yield from pages


class Runner(Protocol):
    """Runs each task once and yields its result as it finishes, in any order (``pipeline`` runs
    them on a process pool)."""

    def __call__(self, tasks: list[Callable[[], T]]) -> Iterator[T]: ...


def in_process(tasks: list[Callable[[], T]]) -> Iterator[T]:
    """``Runner`` in this process: one task after the other, each when its pages are asked for."""
    return (task() for task in tasks)


def render_tasks(corpus: LinkedCorpus, report: dict[str, Any], provenance: Provenance | None,
                 memo: Memo | None) -> list[Task]:
    """The site's files as independent pieces of work, pure but for the memo: each listing page
    or group of pages first (the longest to render), then the documents' own pages, a few
    documents a piece."""
    tasks: list[Task] = [
        partial(_page, "index.md", render_home, corpus),
        partial(_page, DOCUMENTS_INDEX, render_documents_index, corpus),
        partial(_page, "themes/index.md", render_overview, corpus),
        partial(_pages, permalink_files, corpus),
        *(partial(_page, f"themes/{theme.id}.md", render_theme, theme, corpus) for theme in corpus.config.themes),
        partial(_page, "about.md", render_about, corpus),
        partial(_pages, render_report_summary, corpus, report),  # about/report.md and its year pages
        partial(_pages, render_entity_pages, corpus),
        partial(_page, "timeline.md", render_timeline, corpus),
        partial(_pages, render_parts, corpus),  # the documents listing split by year, on a large collection
        partial(_pages, render_theme_parts, corpus),  # and each theme's
    ]
    entry_of = {e["source"]: e for e in report["documents"]}
    one = partial(own_pages, corpus=corpus, entry_of=entry_of, provenance=provenance, memo=memo)
    docs = corpus.documents
    tasks += (partial(_documents, one, docs[i:i + DOCUMENTS_PER_TASK])
              for i in range(0, len(docs), DOCUMENTS_PER_TASK))
    return tasks


def _page(path: str, render_one: Callable[..., str], *args: Any) -> Pages:
    return [(path, render_one(*args))]


def _pages(render_some: Callable[..., dict[str, str]], *args: Any) -> Pages:
    return list(render_some(*args).items())


def _documents(one: Callable[[Document], Pages], documents: list[Document]) -> Pages:
    return [page for doc in documents for page in one(doc)]


def own_pages(doc: Document, *, corpus: LinkedCorpus, entry_of: dict[str, dict[str, Any]],
              provenance: Provenance | None, memo: Memo | None) -> Pages:
    """A document's own files: ``document_files`` (memoised) and its raw source. A failure names
    the document (``errors.DocumentFailed``), so the build can set it aside."""
    with naming(doc.name, "rendering its pages"):
        pages, full = _document_pages(doc, corpus, entry_of.get(doc.name), provenance, memo)
        if full is not None:
            raw = raw_source(full)
        else:  # from the memo: only the raw bytes are needed of the payload
            raw = provenance.raw(doc) if provenance else raw_source(doc)
        return [*pages.items(), (source_page(doc), raw)]


def document_files(doc: Document, corpus: LinkedCorpus, entry: dict[str, Any] | None,
                   anchors: dict[str, list[str]] | None) -> dict[str, str]:
    """A document's own pages but the raw source: its page, citation files and provenance page
    (``entry``: its JSON report entry; ``anchors``: ``report_page.anchor_status``)."""
    files = {page_of(doc.slug): render_document(doc, corpus), **citation_files(doc, corpus)}
    if entry is not None:
        page = changes_page(doc)
        files[page] = with_breadcrumbs(provenance_page(entry, doc, corpus, anchors),
                                       breadcrumbs(doc, corpus, (page, PROVENANCE_NAME)))
    return files


PROVENANCE_NAME = "What cleaning changed"
"""The provenance page's name in its breadcrumbs (its title says it, with the document's)."""


def with_breadcrumbs(page: str, crumbs: list[str]) -> str:
    """``page`` (Markdown opening with its front matter) with ``crumbs`` after the front matter,
    before its title."""
    end = page.index("\n---\n", 3) + len("\n---\n")
    return page[:end] + "\n" + "\n".join(crumbs) + page[end:]


def _document_pages(doc: Document, corpus: LinkedCorpus, entry: dict[str, Any] | None, provenance: Provenance | None,
                    memo: Memo | None) -> tuple[dict[str, str], Document | None]:
    """``document_files``, from the memo when their inputs (``document_inputs`` and the document's
    report entry) are unchanged; with the document with its payload when they were rendered."""
    inputs = document_inputs(doc, corpus) if memo is not None else None
    key = memo.key(inputs + repr(entry)) if memo is not None and inputs is not None else ""
    cached = memo.get(key) if key else None
    if isinstance(cached, dict):
        return cached, None
    full = provenance.full(doc) if provenance else doc
    pages = document_files(full, corpus, entry, anchor_status(doc, corpus))
    if key:
        memo.put(key, pages)
    return pages, full


def document_inputs(doc: Document, corpus: LinkedCorpus) -> str | None:
    """Everything ``document_files`` and ``anchor_status`` read, as text (the memo's key), or
    ``None`` when that cannot be told (the pages are then rendered every time).

    The document itself (its payload stands in by the seed's hash, ``source.sha256``, with the
    configuration and code that made it), the configuration, what the link stage found about it
    (abbreviations, events, related and referencing documents, link targets), what it shows of
    the documents it links to, its entry in the permalink manifest, and the
    listing page that lists it (its breadcrumbs link it: the timeline, or its year's page)."""
    config = corpus.config
    links = crosslinks.get(corpus)
    docs = by_name(corpus)

    def brief(name: str) -> tuple[str, str, str, str | None] | None:
        other = docs.get(name)
        return None if other is None else (other.name, other.slug, other.meta.title, other.meta.date)

    targets = sorted({(s.kind, s.target) for b in doc.blocks for x in (b, *b.children) for s in x.spans
                      if s.kind in crosslinks.LINK_KINDS})
    linked: list[Any] = []
    if links is not None:
        linked = [links.abbreviations.get(doc.name),
                  [(e, links.entities[e].title) for e in links.written_for.get(doc.name, [])],
                  [(r.doc, r.reason, brief(r.doc)) for r in links.related.get(doc.name, [])],
                  [(r.doc, r.reason, brief(r.doc)) for r in links.referenced_by.get(doc.name, [])],
                  [(kind, target, target in links.entities if kind == "entity" else brief(target))
                   for kind, target in targets]]
    else:
        linked = [[(kind, target, brief(target)) for kind, target in targets if kind == "document"]]
    manifest = corpus.manifest
    pages = manifest.pages if manifest is not None else {}
    if pages and page_of(doc.slug) not in pages:  # anchor_status would look the document up by its source
        return None
    # The link stage's prepared data (``link_prepared``, half of a document's size) is left out: it
    # follows from the document's text and the configuration, and the pages read only what linking
    # made of it (the spans in the blocks, ``linked``).
    shown = replace(doc, link_prepared=None) if doc.link_prepared is not None else doc
    # The breadcrumbs link the listing page that lists the document (the timeline, or a year's page).
    return repr((config.fingerprint, config.site_url, config.site_name, shown, linked, pages.get(page_of(doc.slug)),
                 year_listing(doc, corpus)))
