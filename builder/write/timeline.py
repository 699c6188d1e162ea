"""The timeline page: the documents and the dated events, instruments and initiatives they
mention, oldest first, each linked (documents to their page, the others to their entity
page, with the documents that mention them)."""

from __future__ import annotations

from ..layout import page_of
from ..link import crosslinks
from ..link import LinkedCorpus
from .common import front_matter, human_date, rel
from .doc_links import entity_page
from .markdown import escape

PAGE = "timeline.md"
WHAT = {"event": "Event", "instrument": "Adopted", "initiative": "Launched", "programme": "Launched",
        "organisation": "Established", "body": "Established", "other": "Dated"}
MENTIONS_LISTED = 5
"""Documents named after an event; beyond this, a count."""


def render_timeline(corpus: LinkedCorpus) -> str:
    out = [front_matter({"title": "Timeline"}, "the documents and entities.yml") + "# Timeline", "",
           "The documents of the collection and the dated events, instruments and initiatives "
           "they mention, oldest first.", ""]
    links = crosslinks.get(corpus)
    docs = {d.name: d for d in corpus.documents}
    year = ""
    for entry in links.timeline if links else []:
        if entry.date[:4] != year:
            year = entry.date[:4]
            out += ([""] if out[-1] else []) + [f"## {escape(year)}", ""]
        when = f"**{escape(human_date(entry.date))}**"
        if entry.kind == "document":
            doc = docs.get(entry.ref)
            if doc is None:
                continue
            line = f"- {when} · Document: [{escape(doc.meta.title or doc.name)}]({rel(PAGE, page_of(doc.slug))})"
            events = [links.entities[e] for e in links.written_for.get(doc.name, [])]
            if events:
                line += ", written for " + ", ".join(
                    f"[{escape(e.title)}]({rel(PAGE, entity_page(e.id))})" for e in events)
            if doc.meta.doc_type:
                line += f" ({escape(doc.meta.doc_type)})"
            out.append(line)
        else:
            e = links.entities[entry.ref]
            named = [docs[n] for n in links.mentions.get(e.id, {}) if n in docs]
            line = f"- {when} · {WHAT.get(e.kind, 'Dated')}: [{escape(e.title)}]({rel(PAGE, entity_page(e.id))})"
            if len(named) <= MENTIONS_LISTED:
                line += " — mentioned in " + ", ".join(
                    f"[{escape(d.meta.title or d.name)}]({rel(PAGE, page_of(d.slug))})" for d in named)
            else:
                line += f" — mentioned in {len(named)} documents"
            out.append(line)
    undated = [d for d in corpus.documents if not d.meta.date]
    if undated:
        if len(out) and out[-1] != "":
            out.append("")
        out += ["## Undated documents", ""]
        out += [f"- [{escape(d.meta.title or d.name)}]({rel(PAGE, page_of(d.slug))})" for d in undated]
    return "\n".join(out).rstrip("\n") + "\n"
