"""The build report page (``about/report.md``): what cleaning did to each document, for editors.

It is the JSON report (``builder.report.make_report``) in words and tables, rendered
from that same dictionary so the numbers cannot disagree: per document the lines removed
and why, paragraphs rejoined across page breaks, hyphens resolved, footnotes, captions and
boxes moved, warnings, missing metadata and unthemed status, plus the paragraph anchors
and those carried to changed text since they were first published (permalinks.yml). The page is linked from
``about.md`` and kept out of the reading navigation.

No page grows with the number of documents: ``about/report.md`` is the summary (one table row
per document, its title linked to that document's provenance page ``changes/<slug>.md``, "what
cleaning changed", which holds the detail: the document's report, then its word diff from
``doc_provenance``; one page per document rather than two keeps the site quick to build, and the
report pages ``about/report/<slug>.md`` of earlier builds redirect to it). Above ``SUMMARY_MAX``
documents the summary table is split by year (``about/report/by-year/<year>.md``, parts of at
most ``SUMMARY_MAX`` rows) with ``paginate``'s helpers, and ``about/report.md`` links the years.
Every report page is excluded from search and from the navigation.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import Any

from ..document import Document
from ..layout import page_of, page_url, relative_url
from ..link import LinkedCorpus
from ..link.anchors import fingerprint
from ..report import make_report
from .common import front_matter, rel
from .doc_provenance import changes_page, diff_section, source_page
from .markdown import attr, escape, verbatim
from .paginate import Part, parts, year_links

PAGE = "about/report.md"
SUMMARY_MAX = 500
"""The most rows the summary table shows on one page; a longer summary is split by year."""
YEAR_FOLDER = "about/report/by-year"


def document_page(doc: Document) -> str:
    """Docs-relative path of the page holding one document's report: its provenance page."""
    return changes_page(doc)

COUNTERS = (
    ("lines_removed", "Lines removed"),
    ("rejoined_across_breaks", "Paragraphs rejoined across page breaks"),
    ("lines_joined", "Lines joined into paragraphs"),
    ("hyphens_joined", "Line-end hyphens joined"),
    ("hyphens_kept", "Line-end hyphens kept"),
    ("footnotes", "Footnotes moved to the foot of the page"),
    ("captions_moved", "Captions moved"),
    ("boxes_moved", "Boxes moved"),
    ("headings", "Headings"),
    ("list_items", "List items"),
    ("misnumbered_headings", "Misnumbered headings"),
)
"""``doc.stats`` counters (names from the shared contract) and how the page names them."""

SUMMARY_COLUMNS = ("Source", "Removals", "Lines removed", "Rejoined across page breaks", "Hyphens joined",
                   "Footnotes", "Captions moved", "Boxes moved", "Moved", "Warnings", "Unthemed")

TERMS = (
    ("Document", "the document's title, linked to its \"what cleaning changed\" page, which lists every "
                 "figure of its row item by item beside the original text."),
    ("Source", "the raw text file under seeds/ the page was made from."),
    ("Removals", "the things taken out of the page, each listed with its reason: a line, a run of lines "
                 "taken out together (a site menu, a running header) or a piece of a line (a bullet glyph, "
                 "a markup tag, a label)."),
    ("Lines removed", "the lines of the source that are not on the page at all: a run of lines counts each "
                      "of its lines, blank ones included, a piece of a line counts none; so it can be more "
                      "or fewer than the removals."),
    ("Rejoined across page breaks", "paragraphs a page break had cut in two, put back together."),
    ("Hyphens joined", "words cut by a hyphen at the end of a line, joined again (a hyphen that belongs "
                       "to the word, as in \"well-being\", is kept)."),
    ("Footnotes", "the document's footnotes and endnotes, shown at the foot of its page, each linked from "
                  "its marker in the text."),
    ("Captions moved", "photo captions that interrupted a paragraph, shown after it in a box of their own."),
    ("Boxes moved", "sidebars and call-out boxes that interrupted a paragraph, shown after it."),
    ("Moved", "every block the page shows elsewhere than the source had it (notes found in the flow of "
              "the text, captions, boxes), each listed with where it went."),
    ("Warnings", "what the builder could not settle and leaves to an editor (a heading numbered out of "
                 "sequence, a word that looks misread, a date it could not read), listed on the "
                 "document's page and in the build's output."),
    ("Unthemed", "yes when no theme of themes.yml matched the document; its page suggests phrases to add."),
)
"""Every column of the summary table and what it counts, shown once above the table."""
TERMS_ID = "what-the-columns-mean"
"""The anchor of the explanations (the year pages and each document's report link to it)."""


def terms_list() -> str:
    """``TERMS`` as one raw HTML definition list."""
    rows = "".join(f"<dt>{html.escape(term)}</dt><dd>{html.escape(text, quote=False)}</dd>\n" for term, text in TERMS)
    return f'<dl class="report-terms">\n{rows}</dl>'


def summary_row(entry: dict[str, Any]) -> list[str]:
    """The summary table's numbers for one document of the JSON report, in ``SUMMARY_COLUMNS`` order."""
    stats = entry.get("stats", {})
    return [_text(entry["source"]), str(len(entry["removed"])), str(stats.get("lines_removed", 0)),
            str(stats.get("rejoined_across_breaks", 0)), str(stats.get("hyphens_joined", 0)),
            str(stats.get("footnotes", 0)), str(stats.get("captions_moved", 0)),
            str(stats.get("boxes_moved", 0)), str(len(entry["moved"])), str(len(entry["warnings"])),
            "yes" if entry.get("unthemed") else "no"]


def anchor_status(doc: Document, corpus: LinkedCorpus) -> dict[str, list[str]] | None:
    """The paragraph anchors of ``doc`` against the permalink manifest: ``anchors`` (all),
    ``carried`` (anchors whose paragraph text changed since first published, carried to the
    paragraph that now holds it) and ``aliases`` (older anchors landing on a merged paragraph).

    Worked out from the manifest after linking (``corpus.pins.manifest``), or ``None`` without one.
    A new anchor is pinned with its current text, so a second build reports the same.
    """
    manifest = corpus.manifest
    pages = manifest.pages if manifest is not None else {}
    if not pages:
        return None
    entry = pages.get(page_of(doc.slug)) or next((e for e in pages.values() if e.source == doc.name), None)
    pinned: dict[str, str] = dict(entry.anchors) if entry is not None else {}
    status: dict[str, list[str]] = {"anchors": [], "carried": [], "aliases": []}
    for block in doc.blocks:
        for b in [block, *block.children]:
            if not (b.citable and b.anchor):
                continue
            status["anchors"].append(b.anchor)
            published = pinned.get(b.anchor)
            if published and published.split(" ")[0] != fingerprint(b.text).split(" ")[0]:
                status["carried"].append(b.anchor)
            status["aliases"] += [f"{a} → {b.anchor}" for a in b.aliases]
    return status


def _text(text: str) -> str:
    """Seed or report text inside the page's raw HTML: escaped, its line breaks shown as ⏎."""
    return html.escape(" ⏎ ".join(line.strip() for line in str(text).strip().split("\n")), quote=False)


def _html_list(items: list[tuple[str, str]]) -> str:
    """``(label, text)`` pairs (text already escaped) as one raw HTML list."""
    rows = "".join(f"<li><strong>{html.escape(label)}:</strong> {text}</li>\n" for label, text in items)
    return "<ul>\n" + rows + "</ul>"


def _html_table(head: tuple[str, ...], rows: list[list[str]]) -> str:
    """A raw HTML table of already escaped cells."""
    return ("<table>\n<thead>\n<tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>\n</thead>\n<tbody>\n"
            + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in rows)
            + "</tbody>\n</table>")


def report_items(entry: dict[str, Any], anchors: dict[str, list[str]] | None) -> list[tuple[str, str]]:
    """The figures of one document's JSON report entry, ``(label, escaped HTML text)`` in page order."""
    stats = entry.get("stats", {})
    reasons = Counter(r["reason"] for r in entry["removed"])
    why = "; ".join(f"{reason}: {n}" for reason, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))
    items = [("Removals", f"{len(entry['removed'])}" + (f" ({_text(why)})" if why else ""))]
    items += [(label, str(stats.get(key, 0))) for key, label in COUNTERS]
    items += [(key.replace("_", " ").capitalize(), str(stats[key]))
              for key in sorted(set(stats) - {k for k, _ in COUNTERS})]
    items += [("Blocks moved", str(len(entry["moved"]))), ("Citable paragraphs", str(entry.get("paragraphs", 0)))]
    if entry.get("repairs"):
        items.append(("Reading repaired", _text("; ".join(entry["repairs"]))))
    missing = entry.get("missing_metadata") or []
    items.append(("Missing metadata", _text(", ".join(missing)) if missing else "none"))
    if entry.get("unthemed"):
        hint = ", ".join(entry.get("keywords") or []) or "no key phrases found"
        items.append(("Themes", f"unthemed (suggested phrases for themes.yml: {_text(hint)})"))
    else:
        items.append(("Themes", _text(", ".join(entry["themes"]))))
    if anchors is not None:
        carried, aliases = anchors.get("carried", []), anchors.get("aliases", [])
        items.append(("Paragraph anchors", f"{len(anchors.get('anchors', []))}; "
                      f"carried to changed text since first published: {len(carried)}"
                      + (f" ({_text(', '.join(carried))})" if carried else "")
                      + f"; older anchors landing on a merged paragraph: {len(aliases)}"
                      + (f" ({_text(', '.join(aliases))})" if aliases else "")))
    return items


def provenance_page(entry: dict[str, Any], doc: Document, corpus: LinkedCorpus,
                    anchors: dict[str, list[str]] | None) -> str:
    """The provenance page of one document: its build report, then what cleaning changed word by word.
    ``entry`` is the document's entry in the JSON report, ``anchors`` its ``anchor_status``.

    The report's lists and tables are raw HTML with every piece of text escaped here, marked
    ``verbatim``: the same page as Markdown, but Python-Markdown neither scans each table cell for
    inline syntax nor parses the tags (which made these pages slow to build)."""
    page = document_page(doc)
    title = f"What cleaning changed: {entry['title'] or entry['source']}"
    out = [front_matter({"title": title, "source": entry["source"], "search": {"exclude": True}},
                        f"seeds/{entry['source']}"), f"# {escape(title)}", "",
           f"Source file: {escape(entry['source'])} · [page]({rel(page, page_of(doc.slug))}) · "
           f"[raw text]({rel(page, source_page(doc))}) · [build report of all documents]({rel(page, PAGE)})",
           "",
           "What the builder did to this document: the lines it took out of the page and why, what it moved "
           "and joined, then the original text with every change marked word by word. The figures are "
           f"explained on the [build report]({rel(page, PAGE)}#{TERMS_ID}).", "",
           "## Build report", "", verbatim(_html_list(report_items(entry, anchors))), ""]
    if entry["warnings"]:
        warnings = "".join(f"<li>{_text(w)}</li>\n" for w in entry["warnings"])
        out += ["## Warnings", "", verbatim("<ul>\n" + warnings + "</ul>"),
                ""]
    out += misread_section(entry)
    if entry["removed"]:
        out += ["## Removed", "", verbatim(_html_table(("Line", "Why", "Text"), [
            [str(r.get("line") or ""), _text(r["reason"]), _text(r["text"])] for r in entry["removed"]])), ""]
    if entry["moved"]:
        out += ["## Moved", "", verbatim(_html_table(("Line", "Why", "Now", "Text"), [
            [str(m.get("line") or ""), _text(m["reason"]), _text(m.get("placed") or ""), _text(m["text"])]
            for m in entry["moved"]])), ""]
    return "\n".join(out + diff_section(doc, page)).rstrip("\n") + "\n"


MISREAD_INTRO = ("Words that look misread by OCR: not words of the document's language, while a common "
                 "confusion of the scanner (rn for m, tb for th, l for I, 0 for o …) makes each a frequent word. "
                 "Marks that look strayed in are listed too: a comma inside a name the text writes whole "
                 "elsewhere, a hyphen after an article, an apostrophe no quotation mark opened. "
                 "They are left as printed, for an editor to check against the original.")


def misread_section(entry: dict[str, Any]) -> list[str]:
    """The words of one document that look misread (the JSON report's ``misreadings``): a table of
    line, word as printed, probable reading and where it is shown (the title too, or the text)."""
    found = entry.get("misreadings") or []
    if not found:
        return []
    rows = [[str(m["line"]), _text(m["word"]), _text(m["reading"]), "title and text" if m["in_title"] else "text"]
            for m in found]
    return ["## Words that may be misread", "", MISREAD_INTRO, "",
            verbatim(_html_table(("Line", "As printed", "Probably", "Shown in"), rows)), ""]


def summary_table(page: str, entries: list[dict[str, Any]], by_source: dict[str, Document]) -> list[str]:
    """The summary table on ``page``: one row per entry, its title linked to the document's
    provenance page (raw HTML marked ``verbatim``, links relative to the page's URL)."""
    here = page_url(page)
    rows = [[f'<a href="{attr(relative_url(here, page_url(document_page(by_source[e["source"]]))))}">'
             f"{_text(e['title'] or e['source'])}</a>", *summary_row(e)] for e in entries]
    table = _html_table(("Document", *SUMMARY_COLUMNS), rows)
    # A box of its own that scrolls sideways: twelve columns do not fit a phone's or a narrow
    # window's column, and the page itself must never scroll sideways.
    return [verbatim(f'<div class="report-table" role="region" aria-label="Summary table" tabindex="0">\n'
                     f"{table}\n</div>"), ""]


def summary_parts(docs: list[Document]) -> list[Part]:
    """The year pages of the summary table (empty when it fits on ``about/report.md``)."""
    return parts(docs, YEAR_FOLDER, SUMMARY_MAX)


def render_report_pages(corpus: LinkedCorpus, report: dict[str, Any] | None = None) -> dict[str, str]:
    """Every build report page, ``{docs-relative path: Markdown}``, from the JSON report of ``corpus``
    (made here unless given): the summary ``about/report.md``, each document's provenance page
    (``changes/<slug>.md``) and, on a large collection, the summary's year pages."""
    report = report or make_report(corpus)
    files = render_report_summary(corpus, report)
    by_source = {doc.name: doc for doc in corpus.documents}
    for e in report["documents"]:
        doc = by_source.get(e["source"])
        if doc is not None:
            files[document_page(doc)] = provenance_page(e, doc, corpus, anchor_status(doc, corpus))
    return files


def render_report_summary(corpus: LinkedCorpus, report: dict[str, Any]) -> dict[str, str]:
    """The summary ``about/report.md`` and, on a large collection, its year pages (the build's
    pages but each document's own provenance page, which ``write.pages`` renders with the document)."""
    by_source = {doc.name: doc for doc in corpus.documents}
    entries = [e for e in report["documents"] if e["source"] in by_source]
    entry_of = {e["source"]: e for e in entries}
    docs = [by_source[e["source"]] for e in entries]
    all_parts = summary_parts(docs)
    files: dict[str, str] = {}
    out = [front_matter({"title": "Build report", "search": {"exclude": True}}, "seeds/"), "# Build report", "",
           "What the builder did to each document of this build: the lines it took out of the page and why, "
           "the paragraphs it put back together, what it moved, and what it could not find. Nothing is "
           "dropped silently: every removed line is listed, with its reason, on the document's own \"what "
           "cleaning changed\" page (follow its title below), beside its original text with the changes "
           "marked in place. The same figures are in the JSON "
           "report (`python -m builder build --report FILE`). "
           f"Back to [About this collection]({rel(PAGE, 'about.md')}).",
           "", f"## What the columns mean {{: #{TERMS_ID} }}", "", verbatim(terms_list()), "",
           "## Summary", ""]
    if all_parts:
        out += [f"{len(entries):,} documents, too many for one table: the summary is split by year.", ""]
        out += year_links(all_parts, PAGE)
    else:
        out += summary_table(PAGE, entries, by_source)
    if report.get("rejected"):
        out += ["## Not published", "", "| Source | Why | Action |", "|---|---|---|"]
        out += [f"| {escape(r['source'])} | {escape(r['reason'])} | {escape(r.get('action', ''))} |"
                for r in report["rejected"]]
        out.append("")
    if report.get("notices"):
        out += ["## Notices", ""] + [f"- {escape(n)}" for n in report["notices"]] + [""]
    files[PAGE] = "\n".join(out).rstrip("\n") + "\n"
    for i, part in enumerate(all_parts):
        title = f"Build report: {part.title[0].lower()}{part.title[1:]}"
        nav = [f"[Build report]({rel(part.page, PAGE)})",
               f"[What the columns mean]({rel(part.page, PAGE)}#{TERMS_ID})"]
        if i > 0:
            nav.insert(0, f"[← {escape(all_parts[i - 1].title)}]({rel(part.page, all_parts[i - 1].page)})")
        if i + 1 < len(all_parts):
            nav.append(f"[{escape(all_parts[i + 1].title)} →]({rel(part.page, all_parts[i + 1].page)})")
        page = [front_matter({"title": title, "search": {"exclude": True}}, "seeds/"), f"# {escape(title)}", "",
                " · ".join(nav), "", "## Summary", ""]
        page += summary_table(part.page, [entry_of[d.name] for d in part.docs], by_source)
        files[part.page] = "\n".join(page).rstrip("\n") + "\n"
    return files


def render_report_page(corpus: LinkedCorpus, report: dict[str, Any] | None = None) -> str:
    """The summary page ``about/report.md`` alone (see ``render_report_pages``)."""
    return render_report_pages(corpus, report)[PAGE]
