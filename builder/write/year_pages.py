"""The year pages of a split listing (``paginate``): the documents listing's
(``documents/by-year/<year>[-N].md``) and each theme's (``themes/<id>/by-year/…``)."""

from __future__ import annotations

from ..layout import DOCUMENTS_INDEX
from ..link import LinkedCorpus
from .common import front_matter, rel
from .home import documents_table
from .markdown import escape
from .paginate import parts, theme_parts
from .theme_pages import documents_for


def render_parts(corpus: LinkedCorpus) -> dict[str, str]:
    """The pages of the split documents listing (none when it fits on one page)."""
    all_parts = parts(corpus.documents)
    files: dict[str, str] = {}
    for i, part in enumerate(all_parts):
        nav = [f"[All years]({rel(part.page, DOCUMENTS_INDEX)})"]
        if i > 0:
            nav.insert(0, f"[← {escape(all_parts[i - 1].title)}]({rel(part.page, all_parts[i - 1].page)})")
        if i + 1 < len(all_parts):
            nav.append(f"[{escape(all_parts[i + 1].title)} →]({rel(part.page, all_parts[i + 1].page)})")
        out = [front_matter({"title": part.title}, "seeds/"), f"# {escape(part.title)}", "",
               f"{len(part.docs)} document{'s' if len(part.docs) != 1 else ''}, oldest first.", "",
               " · ".join(nav), ""]
        out += documents_table(corpus, part.page, part.docs)
        files[part.page] = "\n".join(out).rstrip("\n") + "\n"
    return files


def render_theme_parts(corpus: LinkedCorpus) -> dict[str, str]:
    """Every theme's year pages (none on a collection that is not split)."""
    files: dict[str, str] = {}
    for theme in corpus.config.themes:
        all_parts = theme_parts(corpus, theme.id, [doc for _, doc, _ in documents_for(corpus, theme.id)])
        for part in all_parts:
            title = f"{theme.label}: {part.title[0].lower()}{part.title[1:]}"
            out = [front_matter({"title": title, "theme": theme.id}, "themes.yml"), f"# {escape(title)}", "",
                   f"{len(part.docs)} document{'s' if len(part.docs) != 1 else ''} addressing "
                   f"[{escape(theme.label)}]({rel(part.page, f'themes/{theme.id}.md')}), oldest first.", ""]
            out += documents_table(corpus, part.page, part.docs)
            files[part.page] = "\n".join(out).rstrip("\n") + "\n"
    return files
