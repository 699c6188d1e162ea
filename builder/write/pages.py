"""``render``: the whole corpus → ``{docs-relative path: Markdown text}``. Pure."""

from __future__ import annotations

from ..link import Corpus
from .about import render_about
from .doc_provenance import provenance_files
from .doc_cite import citation_files
from .document_page import render_document
from .entity_pages import render_entity_pages
from .home import render_documents_index, render_home
from .paginate import render_parts, render_theme_parts
from .permalink_pages import permalink_files
from .report_page import render_report_pages
from .theme_pages import render_overview, render_theme
from .timeline import render_timeline


def render(corpus: Corpus) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {"index.md": render_home(corpus),
                             "documents/index.md": render_documents_index(corpus),
                             "themes/index.md": render_overview(corpus)}
    for doc in corpus.documents:
        files[doc.page] = render_document(doc, corpus)
        files.update(citation_files(doc, corpus))
    files.update(permalink_files(corpus))
    for theme in corpus.config.themes:
        files[f"themes/{theme.id}.md"] = render_theme(theme, corpus)
    files["about.md"] = render_about(corpus)
    files.update(render_report_pages(corpus))  # about/report.md, its year pages, and changes/<slug>.md per document
    files.update(provenance_files(corpus))  # sources/<slug>.txt
    files.update(render_entity_pages(corpus))
    files["timeline.md"] = render_timeline(corpus)
    files.update(render_parts(corpus))  # the documents listing split by year, on a large collection
    files.update(render_theme_parts(corpus))  # and each theme's
    return dict(sorted(files.items()))
