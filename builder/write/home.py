"""The home page and the documents listing: all documents sorted by date."""

from __future__ import annotations

from ..link import Corpus
from .common import front_matter, human_date, rel
from .doc_header import theme_label
from .markdown import escape

INTRO = ("This site publishes a collection of documents on migration and human rights "
         "(letters, fact sheets, reports and submissions by governments and international "
         "organisations), cleaned from their raw text and cross-linked by theme. Every page and "
         "every paragraph has a permanent link that you can cite.")


def documents_table(corpus: Corpus, page: str) -> list[str]:
    out = ["| Date | Title | Organisation | Type | Themes |", "|---|---|---|---|---|"]
    for doc in corpus.documents:
        m = doc.meta
        themes = ", ".join(f"[{escape(theme_label(corpus, h.theme))}]({rel(page, f'themes/{h.theme}.md')})"
                           for h in doc.themes)
        out.append(f"| {escape(human_date(m.date))} | [{escape(m.title)}]({rel(page, doc.page)}) | "
                   f"{escape(m.organisation or '')} | {escape(m.doc_type or '')} | {themes} |")
    return out + [""]


def render_home(corpus: Corpus) -> str:
    name = corpus.config.site_name or "Migration and human rights documents"
    out = [front_matter({"title": "Home"}, "seeds/"), f"# {escape(name)}", "", INTRO, "",
           f"The collection holds {len(corpus.documents)} documents addressing "
           f"[{len(corpus.config.themes)} themes](themes/index.md).", "", "## Documents by date", ""]
    out += documents_table(corpus, "index.md")
    return "\n".join(out).rstrip("\n") + "\n"


def render_documents_index(corpus: Corpus) -> str:
    out = [front_matter({"title": "Documents"}, "seeds/"), "# Documents", "",
           "All documents of the collection, oldest first.", ""]
    out += documents_table(corpus, "documents/index.md")
    return "\n".join(out).rstrip("\n") + "\n"
