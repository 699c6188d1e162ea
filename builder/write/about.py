"""The "About this collection" page (``about.md``): what the collection is, how it is built,
how to check a page against its source, and the way to the build report."""

from __future__ import annotations

from .. import GENERATOR
from ..layout import DOCUMENTS_INDEX
from ..link import LinkedCorpus
from .common import front_matter, human_date, rel
from .markdown import escape
from .report_page import PAGE as REPORT_PAGE

PAGE = "about.md"


def render_about(corpus: LinkedCorpus) -> str:
    docs = corpus.documents
    dates = sorted(d.meta.date for d in docs if d.meta.date)
    span = (f", dated from {escape(human_date(dates[0]))} to {escape(human_date(dates[-1]))}"
            if len(dates) > 1 else "")
    orgs = sorted({d.meta.organisation for d in docs if d.meta.organisation})
    entities = len({s.target for d in docs for b in d.blocks for x in [b, *b.children]
                    for s in x.spans if s.kind == "entity"})
    removed = sum(len(d.removed) for d in docs)
    out = [front_matter({"title": "About this collection"}, "seeds/"), "# About this collection", "",
           "## What it is", "",
           f"This collection holds {len(docs)} document(s){span}: letters, fact sheets, reports and "
           "submissions by governments and international organisations"
           + (f" ({len(orgs)} organisation(s) named)" if orgs else "") + ", "
           f"grouped under [{len(corpus.config.themes)} theme(s)]({rel(PAGE, 'themes/index.md')})"
           + (f" and linked to {entities} organisation(s), instrument(s) and event(s) they mention" if entities else "")
           + f". The [list of documents]({rel(PAGE, DOCUMENTS_INDEX)}) has them all, oldest first.", "",
           "## How it is built", "",
           "Each document arrives as a raw text file, the way it came out of a PDF, a scanner or a web "
           "page. A program (the builder) turns each one into a readable page, in five steps:", "",
           "1. **Read**: the file is decoded (whatever its character encoding) and damaged characters are repaired.",
           "2. **Clean**: page numbers, running headers, web navigation and other furniture are taken out; "
           "lines broken by the page or the scanner are joined into paragraphs; words hyphenated at a "
           "line end are joined; footnotes go to the foot of the page; captions and boxes are set apart.",
           "3. **Describe**: the title, date, sender, addressee and type of each document are found in "
           "its text (editors correct them in `metadata.yml`), and its themes are scored from the "
           "phrases listed in `themes.yml`.",
           "4. **Link**: every page and every paragraph gets a permanent address that you can cite; "
           "addresses once published never change.",
           "5. **Publish**: the pages are written as Markdown and the site is built with MkDocs.", "",
           "Nothing is dropped silently: "
           f"{removed} passage(s) taken out across the collection are each listed, with the reason, in the "
           f"[build report]({rel(PAGE, REPORT_PAGE)}).", "",
           "## Checking a page against its source", "",
           "Every document page ends with a **Source** section. It links the original raw text, "
           "published unchanged (its SHA-256 is on the page), and a view of **what cleaning changed**: "
           "the original text with removed words struck through and added words underlined. If you cite "
           "a passage, you can check it there word for word.", "",
           "## For the editors", "",
           f"The [build report]({rel(PAGE, REPORT_PAGE)}) shows, for each document, what cleaning did: lines "
           "removed and why, paragraphs rejoined across page breaks, hyphens resolved, footnotes, captions "
           "and boxes moved, warnings, missing metadata, documents without a theme, and the paragraph "
           "anchors carried to changed text since they were first published.", "",
           f"*Built by {escape(GENERATOR)}.*", ""]
    return "\n".join(out).rstrip("\n") + "\n"
