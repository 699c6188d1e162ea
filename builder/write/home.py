"""The home page (what the collection is, then every document by date) and the
documents listing (the Documents section of the site, oldest first)."""

from __future__ import annotations


from ..document import Document
from ..layout import DOCUMENTS_INDEX, page_of, page_url, relative_url
from ..link import LinkedCorpus
from .common import front_matter, human_date
from .doc_header import theme_label
from . import paginate
from .markdown import attr, element_text, escape, verbatim

INTRO = ("This site publishes a collection of documents on migration and human rights "
         "(letters, fact sheets, reports and submissions by governments and international "
         "organisations), each cleaned from its raw text into a readable page with its metadata: "
         "date, issuing organisation, type, signatory and addressee where it has them. Every page "
         "and every paragraph has a permanent link that you can cite.")
MAX_THEMES_SHOWN = 3


def _date_cell(doc: Document) -> str:
    m = doc.meta
    shown = human_date(m.date) if m.date else "undated"
    if m.date and m.sources.get("date", "").startswith("inferred"):
        shown += " (inferred)"
    return shown


def documents_table(corpus: LinkedCorpus, page: str, docs: list[Document] | None = None) -> list[str]:
    """Date, title (linked), organisation, type and strongest themes, oldest first.

    Raw HTML (every piece of text escaped here, marked ``verbatim``) with links relative to the
    URL of ``page``, as the site's directory URLs make them: a listing holds up to
    ``paginate.LISTING_MAX`` rows, and as a Markdown table Python-Markdown scanned every cell for
    inline syntax, most of what building the many listing pages of a large collection cost."""
    here = page_url(page)
    rows = []
    theme_links: dict[str, str] = {}  # each theme's link from this page, made once per table
    for doc in corpus.documents if docs is None else docs:
        m = doc.meta
        shown = doc.themes[:MAX_THEMES_SHOWN]
        links = []
        for h in shown:
            link = theme_links.get(h.theme)
            if link is None:
                link = theme_links[h.theme] = (
                    f'<a href="{attr(relative_url(here, page_url(f"themes/{h.theme}.md")))}">'
                    f"{element_text(theme_label(corpus, h.theme))}</a>")
            links.append(link)
        themes = ", ".join(links)
        if len(doc.themes) > len(shown):
            themes += f" and {len(doc.themes) - len(shown)} more"
        rows.append(f"<tr><td>{element_text(_date_cell(doc))}</td>"
                    f'<td><a href="{attr(relative_url(here, page_url(page_of(doc.slug))))}">'
                    f'{element_text(m.title or doc.name)}</a></td>'
                    f"<td>{element_text(m.organisation or '—')}</td><td>{element_text(m.doc_type or '—')}</td>"
                    f"<td>{themes or '—'}</td></tr>")
    head = "<tr><th>Date</th><th>Title</th><th>Organisation</th><th>Type</th><th>Themes</th></tr>"
    return [verbatim("\n".join(["<table>", "<thead>", head, "</thead>", "<tbody>", *rows, "</tbody>", "</table>"])),
            ""]


def _span(corpus: LinkedCorpus) -> str:
    years = sorted(d.meta.date[:4] for d in corpus.documents if d.meta.date)
    if not years:
        return ""
    return f" from {years[0]}" + (f" to {years[-1]}" if years[-1] != years[0] else "")


def render_home(corpus: LinkedCorpus) -> str:
    name = corpus.config.site_name or "Migration and human rights documents"
    n, t = len(corpus.documents), len(corpus.config.themes)
    out = [front_matter({"title": "Home"}, "seeds/"), f"# {escape(name)}", "", INTRO, "",
           f"The collection holds {n} document{'s' if n != 1 else ''}{_span(corpus)}. To find what they say "
           f"about a subject, start from the [{t} themes](themes/index.md): each theme page quotes the "
           "passages that address it and links to them.", "",
           "## Documents by date", ""]
    if paginate.is_split(corpus.documents):  # a large collection: the newest, then the years
        out[-2:] = [f"## The {paginate.RECENT} newest documents", ""]
        out += documents_table(corpus, "index.md", paginate.recent(corpus.documents))
        out += ["## Documents by year", ""] + paginate.year_links(paginate.parts(corpus.documents), "index.md")
    else:
        out += documents_table(corpus, "index.md")
    return "\n".join(out).rstrip("\n") + "\n"


def render_documents_index(corpus: LinkedCorpus) -> str:
    out = [front_matter({"title": "Documents"}, "seeds/"), "# Documents", "",
           "All documents of the collection, oldest first (undated documents last). A date marked "
           "“inferred” is not stated in the document: the metadata of its page says how it was found.", ""]
    if paginate.is_split(corpus.documents):  # one page per year (in parts of paginate.LISTING_MAX)
        out += paginate.year_links(paginate.parts(corpus.documents), DOCUMENTS_INDEX)
    else:
        out += documents_table(corpus, DOCUMENTS_INDEX)
    return "\n".join(out).rstrip("\n") + "\n"
