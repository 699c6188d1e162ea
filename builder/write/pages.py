"""``render``: the whole corpus → ``{docs-relative path: Markdown text}``. Pure."""

from __future__ import annotations

from ..link import Corpus
from .document_page import render_document
from .home import render_documents_index, render_home
from .theme_pages import render_overview, render_theme


def render(corpus: Corpus) -> dict[str, str]:
    files: dict[str, str] = {"index.md": render_home(corpus),
                             "documents/index.md": render_documents_index(corpus),
                             "themes/index.md": render_overview(corpus)}
    for doc in corpus.documents:
        files[doc.page] = render_document(doc, corpus)
    for theme in corpus.config.themes:
        files[f"themes/{theme.id}.md"] = render_theme(theme, corpus)
    return dict(sorted(files.items()))
