"""The foot of a document page: the event it was written for, related documents (each with
the reason in words) and "Referenced by"."""

from __future__ import annotations

from ..layout import page_of
from ..link import crosslinks
from ..document import Document
from ..link import LinkedCorpus, by_name
from .common import human_date, rel
from .doc_links import entity_page
from .markdown import escape


def related_block(doc: Document, corpus: LinkedCorpus) -> list[str]:
    links = crosslinks.get(corpus)
    if not links:
        return []
    docs = by_name(corpus)
    out: list[str] = []
    events = [links.entities[e] for e in links.written_for.get(doc.name, [])]
    if events:
        names = ", ".join(f"[{escape(e.title)}]({rel(page_of(doc.slug), entity_page(e.id))})" for e in events)
        out += [f"**Written for:** {names}", "{: .doc-written-for }", ""]
    related = [r for r in links.related.get(doc.name, []) if r.doc in docs and r.doc != doc.name]
    if related:
        out += ["## Related documents", ""]
        out += [_item(doc, docs[r.doc], r.reason) for r in related]
        out.append("")
    refs = [r for r in links.referenced_by.get(doc.name, []) if r.doc in docs and r.doc != doc.name]
    if refs:
        out += ["## Referenced by", ""]
        out += [_item(doc, docs[r.doc], r.reason) for r in refs]
        out.append("")
    return out


def _item(doc: Document, other: Document, reason: str) -> str:
    title = escape(other.meta.title or other.name)
    when = f" ({escape(human_date(other.meta.date))})" if other.meta.date else ""
    text = reason[:1].upper() + reason[1:]
    return f"- [{title}]({rel(page_of(doc.slug), page_of(other.slug))}){when}: {escape(text)}."
