"""Theme pages (documents ranked by strength, with their strongest passages) and the
themes overview (counts and a theme × document matrix)."""

from __future__ import annotations

from ..config import Theme
from ..link import Corpus
from .common import excerpt, front_matter, rel
from .markdown import attr, escape


def documents_for(corpus: Corpus, theme_id: str):
    ranked = []
    for doc in corpus.documents:
        hit = next((h for h in doc.themes if h.theme == theme_id), None)
        if hit:
            ranked.append((hit.score, doc, hit))
    ranked.sort(key=lambda r: (-r[0], r[1].meta.date or "", r[1].slug))
    return ranked


def render_theme(theme: Theme, corpus: Corpus) -> str:
    page = f"themes/{theme.id}.md"
    out = [front_matter({"title": theme.label, "theme": theme.id}, "themes.yml") + f"# {escape(theme.label)}", "",
           escape(theme.description), ""]
    ranked = documents_for(corpus, theme.id)
    out += [f"{len(ranked)} document(s) in this collection address this theme, strongest first.", ""]
    for _, doc, hit in ranked:
        out += [f"## [{escape(doc.meta.title)}]({rel(page, doc.page)})", ""]
        for index, _score in hit.passages:
            block = doc.blocks[index]
            link = rel(page, f"{doc.page}#{block.anchor}")
            out += [f"> {escape(excerpt(block.text))}", ">", f"> — [paragraph {block.para}]({link})", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def render_overview(corpus: Corpus) -> str:
    page = "themes/index.md"
    out = [front_matter({"title": "Themes"}, "themes.yml") + "# Themes", "",
           "Every theme of the collection, with the number of documents that address it. "
           "The matrix below shows at a glance which document addresses which theme; "
           "a darker cell means stronger evidence, and each cell links to the passages.", "",
           "| Theme | Documents |", "|---|---|"]
    for theme in corpus.config.themes:
        n = len(documents_for(corpus, theme.id))
        out.append(f"| [{escape(theme.label)}]({theme.id}.md) | {n} |")
    out.append("")
    out += render_matrix(corpus, page)
    unthemed = [d for d in corpus.documents if not d.themes]
    if unthemed:
        out += ["## Unthemed documents", ""]
        for doc in unthemed:
            hint = ", ".join(doc.keywords) or "no key phrases found"
            out.append(f"- [{escape(doc.meta.title)}]({rel(page, doc.page)}): suggested phrases: {escape(hint)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def render_matrix(corpus: Corpus, page: str) -> list[str]:
    if not corpus.documents or not corpus.config.themes:
        return []
    top = max((h.score for d in corpus.documents for h in d.themes), default=1.0) or 1.0
    head = "".join(f'<th scope="col"><a href="../{attr(d.url)}" title="{attr(d.meta.title)}">{i}</a></th>'
                   for i, d in enumerate(corpus.documents, 1))
    rows = []
    for theme in corpus.config.themes:
        cells = []
        for doc in corpus.documents:
            hit = next((h for h in doc.themes if h.theme == theme.id), None)
            if hit:
                level = min(4, 1 + int(4 * hit.score / top))
                cells.append(f'<td class="m m{level}"><a href="{attr(theme.id)}/" '
                             f'title="{attr(theme.label)}: {attr(doc.meta.title)}">{hit.score:.0f}</a></td>')
            else:
                cells.append('<td class="m m0"></td>')
        rows.append(f'<tr><th scope="row"><a href="{attr(theme.id)}/">{attr(theme.label)}</a></th>{"".join(cells)}</tr>')
    legend = "".join(f"<li>{i}: {attr(d.meta.title)}</li>" for i, d in enumerate(corpus.documents, 1))
    return ["## Theme × document matrix", "",
            f'<table class="theme-matrix"><thead><tr><th scope="col">Theme</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>', "",
            f'<ol class="matrix-legend">{legend}</ol>', ""]
