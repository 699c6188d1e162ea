"""Stage 4, link: the whole corpus at once, after every document is enriched.

Takes the enriched ``Document``s; decides each page's slug and each citable block's
paragraph number and anchor (``pins``, ``anchors``), adds the cross-document links
(``cross_link``: ``entity_links``, ``document_links``, ``related``, ``timeline``, found into a
``crosslinks.Links``), and returns a ``LinkedCorpus``, what the write stage renders. Pure: no I/O.
(Pinned URLs and anchors come from the permalink manifest, ``builder.manifest``; after
rendering, ``guard.seal`` checks that none would break.)
"""

from __future__ import annotations

import logging
from dataclasses import replace

from ..config import Config
from ..document import Document
from ..enrich.entities import CorpusMatcher, build_registry, declared_matcher
from ..errors import DocumentFailed, naming
from . import prepared as per_document
from .corpus import Corpus, LinkedCorpus, by_name, sort_key
from .crosslinks import LINK_KINDS, Links
from .document_links import link_documents, referenced_by
from .entity_links import find_definitions, find_subjects, link_entities
from .pins import pin
from .places import all_blocks
from .prepared import prepared_texts
from .related import related_documents
from .timeline import timeline

__all__ = ["Corpus", "DocumentFailed", "LinkedCorpus", "by_name", "cross_link", "find_links", "link", "naming",
           "prepare", "sort_key"]

log = logging.getLogger(__name__)


def prepare(doc: Document, config: Config) -> per_document.Prepared:
    """The per-document part of linking (``prepared.Prepared``), for ``doc.link_prepared``:
    run by ``pipeline.process`` so that it is done on every core and cached with the document."""
    with naming(doc.name, "preparing its links"):
        return per_document.prepare(doc, config)


def link(documents: list[Document], config: Config) -> LinkedCorpus:
    """Pin URLs and anchors (``pin``: on copies of ``documents``, left as they are), then add the
    cross-document links: the ``LinkedCorpus`` the write stage renders."""
    pinned, pins = pin(documents, config)
    docs = sorted(pinned, key=sort_key)
    return LinkedCorpus(docs, config, pins=pins, links=find_links(docs, config))


def cross_link(corpus: Corpus) -> Corpus:
    """Deprecated (tests of an unpinned corpus): the corpus with what ``find_links`` found in its ``links``."""
    return replace(corpus, links=find_links(corpus.documents, corpus.config))


def find_links(docs: list[Document], config: Config) -> Links:
    """Find entity mentions and references in the pinned ``docs``, add link spans to their
    blocks, and return what was found."""
    for doc in docs:
        for b in all_blocks(doc):
            b.spans = [s for s in b.spans if s.kind not in LINK_KINDS]
    registry = build_registry(config.entities, docs)
    links = Links(registry.entities, notices=list(registry.notices))
    declared = declared_matcher(config.entities)
    prepared = {}
    for doc in docs:
        with naming(doc.name, "linking it"):
            prepared[doc.name] = prepared_texts(doc, declared)
    matcher = CorpusMatcher(registry, declared)
    link_documents(docs, links, prepared)
    links = replace(links, mentions=link_entities(docs, registry, links, prepared, matcher))
    find_subjects(docs, links, registry.matcher(), prepared, matcher)
    find_definitions(docs, links)
    links = replace(links, referenced_by=referenced_by(docs, links))
    links = replace(links, related=related_documents(docs, links, {t.id: t.label for t in config.themes}))
    links = replace(links, timeline=timeline(docs, links))
    for notice in links.notices:
        log.info("%s", notice)
    return links
