"""Entity pages and the Glossary index.

One page per entity that at least one document names: its full name, other spellings,
kind, date, a one-line definition (declared, and the corpus's own where it gives one),
and every document and paragraph that names it, linked to the paragraph anchors. The
index (``entities/index.md``) lists them grouped by kind.
"""

from __future__ import annotations

import posixpath
import re

from ..layout import page_of, page_url, relative_url, url_of
from ..link import crosslinks
from ..link.crosslinks import Links, Mention
from ..document import Document
from ..enrich.entities import Entity, normalise
from ..link import LinkedCorpus, by_name
from ..link.pins import Pins
from .common import front_matter, human_date, rel
from .doc_links import entity_page
from .markdown import attr, element_text, escape, verbatim

INDEX = "entities/index.md"
KIND_HEADINGS = {
    "organisation": "Organisations", "body": "Bodies and mechanisms", "instrument": "Instruments",
    "event": "Events", "initiative": "Initiatives and processes", "programme": "Programmes",
    "other": "Other",
}
EXCERPTS_PER_DOCUMENT = 3
"""Paragraphs quoted per document; the others are listed as links."""
QUOTED_DOCUMENTS_MAX = 50
"""Past this many documents, an entity page lists paragraph links without quotes (a page per
entity stays readable on a large collection)."""
EXCERPT_WORDS = 14
"""Words of context on each side of a mention."""
WHERE = {"title": "the title", "heading": "a heading", "box title": "a box title", "footnote": "a footnote",
         "letter": "the letter's heading or signature", "paragraph": "the text"}


def render_entity_pages(corpus: LinkedCorpus) -> dict[str, str]:
    links = crosslinks.get(corpus)
    if not links:
        return {}
    files = {entity_page(e.id): render_entity(e, links, corpus) for e in links.mentioned()}
    files[INDEX] = render_glossary(links, corpus)
    files.update(vanished_entity_pages(corpus, set(files)))
    return files


def vanished_entity_pages(corpus: LinkedCorpus, generated: set[str]) -> dict[str, str]:
    """A notice at each entity page published before that no document names any more, once a
    document has been withdrawn (``withdrawn:`` in metadata.yml): the entities only a withdrawn
    document named leave with it, and their URLs must not break (nor need a hand-written
    ``moved_to``). Without a withdrawal, a vanished entity page still stops the build (the
    permalink guard names it): nothing explains its going."""
    pins = corpus.pins
    if not isinstance(pins, Pins) or not pins.withdrawn:
        return {}
    gone = [page for page in sorted(pins.published)
            if posixpath.dirname(page) == "entities" and page != INDEX and page not in generated
            and page not in pins.redirects and not pins.manifest.pages[page].moved_to]
    return {page: vanished_entity_page(page, pins) for page in gone}


def vanished_entity_page(page: str, pins: Pins) -> str:
    notices = [f"[{escape(pins.manifest.pages[p].title or pins.manifest.pages[p].source or page_url(p))}]"
               f"({rel(page, p)})" for p in sorted(pins.withdrawn)]
    out = [front_matter({"title": "No longer in the glossary", "withdrawn": True},
                        "permalinks.yml and metadata.yml (withdrawn)"),
           "# No longer in the glossary", "",
           f"No document of the collection names the entry that was at this address "
           f"(`{page_url(page)}`) any more. Withdrawn from the collection: {', '.join(notices)}.", "",
           f"The [Glossary]({rel(page, INDEX)}) lists the organisations, bodies and instruments that the "
           "documents name.", ""]
    return "\n".join(out)


def _meta_line(entity: Entity, n_docs: int) -> str:
    parts = [f"**Kind:** {escape(entity.kind)}"]
    others = [s for s in entity.spellings if normalise(s) != normalise(entity.name)]
    if others:
        parts.append("**Also written:** " + ", ".join(escape(s) for s in others))
    if entity.date:
        parts.append(f"**Date:** {escape(human_date(entity.date))}")
    parts.append(f"**Named in:** {n_docs} document{'s' if n_docs != 1 else ''}")
    return " · ".join(parts)


def render_entity(entity: Entity, links: Links, corpus: LinkedCorpus) -> str:
    page = entity_page(entity.id)
    docs = by_name(corpus)
    by_doc = {name: ms for name, ms in links.mentions.get(entity.id, {}).items() if name in docs}
    fields = {"title": entity.title, "entity": entity.id, "kind": entity.kind}
    source = "entities.yml" if entity.declared else "the acronyms the documents spell out"
    out = [front_matter(fields, source) + f"# {escape(entity.title)}", "",
           _meta_line(entity, len(by_doc)), "{: .entity-meta }", ""]
    if entity.definition:
        out += [escape(entity.definition), ""]
    found = links.definitions.get(entity.id)
    if found and found[0] in docs:
        name, para, sentence = found
        doc = docs[name]
        out += [f"> {escape(sentence)}", ">",
                f"> — [{escape(doc.meta.title or doc.name)}, paragraph {para}]"
                f"({rel(page, f'{page_of(doc.slug)}#para-{para}')})", ""]
    written = [n for n, events in links.written_for.items() if entity.id in events and n in docs]
    if written:
        out += ["## Written for this event", ""]
        out += [f"- {_doc_link(page, docs[n])}" for n in written] + [""]
    out += ["## Where the documents name it", ""]
    quotes = EXCERPTS_PER_DOCUMENT if len(by_doc) <= QUOTED_DOCUMENTS_MAX else 0
    # Raw HTML (escaped here, marked verbatim), with URLs relative to this page's URL as the site's
    # directory URLs make them: as a Markdown list, its thousands of links on a large collection
    # made entity pages the slowest pages of the site to build.
    here = page_url(page)
    out += [verbatim("\n".join(['<ul class="entity-mentions">', *(
        line for name, mentions in by_doc.items() for line in _document_mentions(here, docs[name], mentions, quotes)),
        "</ul>"])), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _doc_link(page: str, doc: Document) -> str:
    when = f" ({escape(human_date(doc.meta.date))})" if doc.meta.date else ""
    return f"[{escape(doc.meta.title or doc.name)}]({rel(page, page_of(doc.slug))}){when}"


def _document_mentions(here: str, doc: Document, mentions: list[Mention], quotes: int) -> list[str]:
    """One document's item of the mentions list, as raw HTML lines (``here``: the page's URL)."""
    n = len(mentions)
    url = attr(relative_url(here, url_of(doc.slug)))
    when = f" ({element_text(human_date(doc.meta.date))})" if doc.meta.date else ""
    out = [f'<li><a href="{url}">{element_text(doc.meta.title or doc.name)}</a>{when}: '
           f'{n} mention{"s" if n != 1 else ""}',
           "<ul>"]
    paragraphs: list[Mention] = []
    elsewhere: list[str] = []
    for m in mentions:
        if m.anchor:
            if not any(p.anchor == m.anchor for p in paragraphs):
                paragraphs.append(m)
        elif WHERE[m.where] not in elsewhere:
            elsewhere.append(WHERE[m.where])
    for m in paragraphs[:quotes]:
        out.append(f'<li><a href="{url}#{attr(m.anchor)}">Paragraph {m.para}</a>: {_excerpt(doc, m)}</li>')
    rest = paragraphs[quotes:]
    if rest:
        more = ", ".join(f'<a href="{url}#{attr(m.anchor)}">{m.para}</a>' for m in rest)
        also = "Also paragraph" if quotes else "Paragraph"
        out.append(f"<li>{also}{'s' if len(rest) > 1 else ''} {more}</li>")
    if elsewhere:
        out.append(f"<li>Also in {', '.join(elsewhere)}</li>")
    return out + ["</ul>", "</li>"]


def _excerpt(doc: Document, m: Mention) -> str:
    """The words around a mention, as HTML, the mention in bold (a word glued to it, IOM's, stays glued)."""
    block = doc.blocks[m.block]
    text = (block.children[m.child] if m.child >= 0 else block).text
    pre, post = text[:m.start], text[m.end:]
    glue_left = re.search(r"\S*$", pre).group()
    glue_right = re.match(r"\S*", post).group()
    before = pre[:len(pre) - len(glue_left)].split()
    after = post[len(glue_right):].split()
    left = ("… " if len(before) > EXCERPT_WORDS else "") + " ".join(before[-EXCERPT_WORDS:])
    right = " ".join(after[:EXCERPT_WORDS]) + (" …" if len(after) > EXCERPT_WORDS else "")
    middle = (element_text(glue_left) + "<strong>" + element_text(" ".join(m.text.split())) + "</strong>"
              + element_text(glue_right))
    return " ".join(x for x in (element_text(left), middle, element_text(right)) if x)


def render_glossary(links: Links, corpus: LinkedCorpus) -> str:
    out = [front_matter({"title": "Glossary"}, "entities.yml and the documents") + "# Glossary", "",
           "The organisations, bodies, instruments, events, initiatives and programmes that the "
           "documents name. Each page lists every document and paragraph that names it. In the "
           "documents, the first mention in each section links to its page, and abbreviations show "
           "their full name when you hover over them.", ""]
    entities = links.mentioned()
    if not entities:
        return "\n".join(out + ["No document names an entity yet.", ""])
    kinds = list(KIND_HEADINGS) + sorted({e.kind for e in entities} - set(KIND_HEADINGS))
    for kind in kinds:
        group = sorted((e for e in entities if e.kind == kind), key=lambda e: e.name.lower())
        if not group:
            continue
        out += [f"## {KIND_HEADINGS.get(kind, kind.capitalize())}", "", "| Name | Short form | Documents |",
                "|---|---|---|"]
        for e in group:
            n = len(links.mentions.get(e.id, {}))
            out.append(f"| [{escape(e.name)}]({rel(INDEX, entity_page(e.id))}) | {escape(e.short)} | {n} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
