"""Theme pages (documents ranked by strength, each with its strongest passages quoted and
linked to the paragraph) and the themes overview (counts, a theme × document matrix, and
the documents no theme matched, with key phrases suggested from their text)."""

from __future__ import annotations

from bisect import bisect_left
from weakref import WeakKeyDictionary

from ..config import Theme
from ..document import Block, Document, Span, ThemeHit
from ..enrich.themes import best_excerpt, citable_blocks, in_language, main_ids, theme_regex
from ..layout import page_of, url_of
from ..link import LinkedCorpus
from .common import front_matter, human_date, rel
from . import paginate
from .markdown import attr, escape, inline

LEVELS = ("", "some", "moderate", "strong", "very strong")
"""Words for the matrix's shades 1-4 (read out by screen readers, shown in the legend)."""


MAIN_MARK, MENTION_MARK = "●", "○"
"""The matrix's marks: the document treats the theme (a main theme) / only mentions it."""


def is_main(doc: Document, theme_id: str) -> bool:
    return theme_id in main_ids(doc)


def documents_for(corpus: LinkedCorpus, theme_id: str) -> list[tuple[float, Document, ThemeHit]]:
    """The documents carrying a theme: those whose main theme it is first, then those that only
    mention it, each strongest first (then oldest, then by page)."""
    return list(_rankings(corpus).get(theme_id, []))


Rankings = dict[str, list[tuple[float, Document, ThemeHit]]]
_RANKINGS: WeakKeyDictionary[LinkedCorpus, tuple[int, Rankings]] = WeakKeyDictionary()
"""Each live corpus's rankings and how many documents it had (several pages list each theme's
documents): forgotten with the corpus, so a finished build's documents are not kept alive."""


def _rankings(corpus: LinkedCorpus) -> Rankings:
    """``documents_for`` of every theme, worked out in one pass over the documents, once per
    corpus (again if its list of documents grew)."""
    known = _RANKINGS.get(corpus)
    if known is not None and known[0] == len(corpus.documents):
        return known[1]
    rankings: Rankings = {}
    for doc in corpus.documents:
        seen: set[str] = set()
        for hit in doc.themes:
            if hit.theme not in seen:  # a document's first hit for a theme counts
                seen.add(hit.theme)
                rankings.setdefault(hit.theme, []).append((hit.score, doc, hit))
    for ranked in rankings.values():
        ranked.sort(key=lambda r: (not is_main(r[1], r[2].theme), -r[0], r[1].meta.date or "9999", r[1].slug))
    _RANKINGS[corpus] = (len(corpus.documents), rankings)
    return rankings


def doc_anchor(doc: Document) -> str:
    """The id of a document's section on a theme page (the matrix links to it)."""
    return f"doc-{doc.slug}"


def quote(text: str, theme: Theme) -> str:
    """A short excerpt as Markdown, the theme's trigger phrases in bold."""
    spans = [Span(m.start(), m.end(), "strong") for m in theme_regex(theme).finditer(text)]
    return inline(Block("paragraph", text, spans=spans), one_line=True)


def passage_lines(page: str, doc: Document, hit: ThemeHit, theme: Theme) -> list[str]:
    """The passages quoted, each an excerpt holding the words that matched (in bold); a passage
    whose excerpt would not show them is left out."""
    blocks = citable_blocks(doc)
    shown_as_title = doc.title_heading  # not on the page as a paragraph
    out: list[str] = []
    for index, _score in hit.passages:
        if index >= len(blocks) or blocks[index] is shown_as_title:
            continue
        block = blocks[index]
        # The phrases of the block's language matched it (``Block.lang``: an English abstract in a
        # Portuguese report), those of the document's language when it has none of its own.
        local = in_language(theme, block.lang or doc.meta.lang)
        excerpt = best_excerpt(block.text, local)
        if not theme_regex(local).search(excerpt):
            continue
        where = f"paragraph {block.para}" if block.para else "passage"
        target = rel(page, f"{page_of(doc.slug)}#{block.anchor}") if block.anchor else rel(page, page_of(doc.slug))
        # The source line sits outside the quotation, so consecutive quotations stay apart.
        out += [f"> {quote(excerpt, local)}", "",
                f"— [{where.capitalize()}]({target})", "{: .passage-source }", ""]
    return out


def render_theme(theme: Theme, corpus: LinkedCorpus) -> str:
    page = f"themes/{theme.id}.md"
    ranked = documents_for(corpus, theme.id)
    out = [front_matter({"title": theme.label, "theme": theme.id, "documents": len(ranked)}, "themes.yml")
           + f"# {escape(theme.label)}", "", escape(theme.description), ""]
    if not ranked:
        out += ["No document of the collection addresses this theme yet.", ""]
    else:
        n = len(ranked)
        main = sum(is_main(doc, theme.id) for _, doc, _ in ranked)
        out += [f"{n} document{'s' if n != 1 else ''} of the collection address{'es' if n == 1 else ''} "
                f"this theme: {main} treat{'s' if main == 1 else ''} it as a main theme (a passage or "
                f"section of it is about the theme), {n - main} only mention{'s' if n - main == 1 else ''} "
                "it. Those that treat it come first, strongest evidence first. Each quotation is a short "
                "excerpt of one of the document's strongest passages (the words that matched in bold); "
                "its link leads to the paragraph. A document's strength is the weight of the theme's "
                "phrases found in its passages about the theme, added up (in themes.yml a phrase of "
                "several words weighs 2, a single word 1, unless given another weight).", ""]
    year_pages = paginate.theme_parts(corpus, theme.id, [doc for _, doc, _ in ranked])
    if year_pages:  # a large collection: quote the strongest, list them all by year
        out += [f"The {paginate.TOP} strongest are quoted below; all {len(ranked)} are listed by year:", ""]
        out += paginate.year_links(year_pages, page)
        ranked = ranked[:paginate.TOP]
    for _, doc, hit in ranked:
        m = doc.meta
        out += [f"## {escape(m.title or doc.name)} {{: #{doc_anchor(doc)} }}", ""]
        facts = [human_date(m.date)] + [x for x in (m.organisation, m.doc_type) if x]
        role = "main theme" if is_main(doc, theme.id) else "mentioned"
        out += [f"[Read the document]({rel(page, page_of(doc.slug))}) · {escape(' · '.join(facts))} · "
                f"{role}, strength {hit.score:.0f}", ""]
        out += passage_lines(page, doc, hit, theme)
    return "\n".join(out).rstrip("\n") + "\n"


def render_overview(corpus: LinkedCorpus) -> str:
    page = "themes/index.md"
    out = [front_matter({"title": "Themes"}, "themes.yml") + "# Themes", "",
           "Every theme of the collection, with the number of documents that address it. A theme "
           "page lists those documents, strongest first, and quotes the passages that carry the "
           "theme, each linked to its paragraph.", "",
           "| Theme | Main theme of | Mentioned in | Strongest in |", "|---|---|---|---|"]
    for theme in corpus.config.themes:
        ranked = documents_for(corpus, theme.id)
        top = f"[{escape(ranked[0][1].meta.title)}]({rel(page, page_of(ranked[0][1].slug))})" if ranked else "—"
        main = sum(is_main(doc, theme.id) for _, doc, _ in ranked)
        out.append(f"| [{escape(theme.label)}]({theme.id}.md) | {main} | {len(ranked) - main} | {top} |")
    out.append("")
    out += render_matrix(corpus)
    out += render_unthemed(corpus, page)
    return "\n".join(out).rstrip("\n") + "\n"


def _levels(corpus: LinkedCorpus) -> dict[tuple[str, str], int]:
    """(theme, document) → shade 1-4: the quartile of its strength among all the matrix's
    cells, so a few long documents do not leave every other cell pale."""
    scores = sorted(h.score for d in corpus.documents for h in d.themes)
    out = {}
    for d in corpus.documents:
        for h in d.themes:
            below = bisect_left(scores, h.score)  # how many cells are weaker (scores is sorted)
            out[(h.theme, d.name)] = 1 + min(3, 4 * below // max(1, len(scores)))
    return out


def render_matrix(corpus: LinkedCorpus) -> list[str]:
    """A theme × document table: rows are themes, columns documents (numbered, oldest
    first), each shaded cell links to the document's passages on the theme page.

    Raw HTML (a Markdown table cannot carry ``scope``, a caption or per-cell classes), so
    links are URLs relative to this page's URL (``themes/``), as the site's directory URLs
    make them."""
    if not corpus.documents or not corpus.config.themes:
        return []
    if paginate.is_split(corpus.documents):  # one column per document would not fit
        return render_year_matrix(corpus)
    levels = _levels(corpus)
    head = "".join(
        f'<th scope="col"><a href="../{attr(url_of(d.slug))}" title="{attr(d.meta.title)}">'
        f'<span aria-hidden="true">{i}</span><span class="visually-hidden">{attr(d.meta.title)}</span></a></th>'
        for i, d in enumerate(corpus.documents, 1))
    rows = []
    for theme in corpus.config.themes:
        cells = []
        for doc in corpus.documents:
            hit = next((h for h in doc.themes if h.theme == theme.id), None)
            if hit:
                level = levels[(theme.id, doc.name)]
                main = is_main(doc, theme.id)
                label = (f"{theme.label} in {doc.meta.title}: "
                         f"{'a main theme' if main else 'mentioned'}, strength {level} of 4 "
                         f"({LEVELS[level]} evidence), see the passages")
                kind = "main" if main else "mention"
                cells.append(f'<td class="m m{level} {kind}"><a href="{attr(theme.id)}/#{attr(doc_anchor(doc))}" '
                             f'title="{attr(label)}" aria-label="{attr(label)}">'
                             f'{MAIN_MARK if main else MENTION_MARK}</a></td>')
            else:
                cells.append('<td class="m m0"><span class="visually-hidden">none</span></td>')
        rows.append(f'<tr><th scope="row"><a href="{attr(theme.id)}/">{attr(theme.label)}</a></th>'
                    f'{"".join(cells)}</tr>')
    legend = "".join(f'<li><a href="../{attr(url_of(d.slug))}">{attr(d.meta.title)}</a> '
                     f'({attr(human_date(d.meta.date))})</li>' for d in corpus.documents)
    key = ", ".join(f"{i} {LEVELS[i]}" for i in range(1, 5))
    return ["## Theme × document matrix", "",
            f"Rows are themes, columns are the documents numbered oldest first (listed below the table). "
            f"{MAIN_MARK} means the theme is one of the document's main themes (a passage or section "
            f"of it is about the theme); {MENTION_MARK} means the document only mentions it. The darker the "
            f"shade, the stronger the evidence ({key}: the quarter of all the table's cells it ranks "
            f"in). Each cell links to the passages.", "",
            f'<p class="matrix-key"><span aria-hidden="true">{MAIN_MARK}</span> main theme · '
            f'<span aria-hidden="true">{MENTION_MARK}</span> mentioned</p>', "",
            '<div class="theme-matrix-wrap"><table class="theme-matrix">'
            '<caption>Which documents address which themes, and how strongly</caption>'
            f'<thead><tr><th scope="col">Theme</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>', "",
            f'<ol class="matrix-legend">{legend}</ol>', ""]


def render_year_matrix(corpus: LinkedCorpus) -> list[str]:
    """On a large collection: a theme × year table of document counts (columns are years)."""
    years = [year for year, _ in paginate.by_year(corpus.documents)]
    counts: dict[tuple[str, str], int] = {}
    for doc in corpus.documents:
        for hit in doc.themes:
            key = (hit.theme, paginate.year_of(doc))
            counts[key] = counts.get(key, 0) + 1
    head = "".join(f'<th scope="col">{attr(y)}</th>' for y in years)
    rows = []
    for theme in corpus.config.themes:
        cells = "".join(f"<td>{counts.get((theme.id, y), '')}</td>" for y in years)
        rows.append(f'<tr><th scope="row"><a href="{attr(theme.id)}/">{attr(theme.label)}</a></th>{cells}</tr>')
    return ["## Themes by year", "",
            "How many documents of each year address each theme.", "",
            '<div class="theme-matrix-wrap"><table class="theme-matrix">'
            "<caption>Documents addressing each theme, by year</caption>"
            f'<thead><tr><th scope="col">Theme</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>', ""]


def render_unthemed(corpus: LinkedCorpus, page: str) -> list[str]:
    unthemed = [d for d in corpus.documents if not d.themes]
    if not unthemed:
        return []
    out = ["## Unthemed documents", "",
           "No theme's phrases match these documents strongly enough. The key phrases suggested from "
           "their text may be worth adding to a theme in `themes.yml`.", ""]
    for doc in unthemed:
        hint = "; ".join(doc.keywords) or "no key phrases found"
        out.append(f"- [{escape(doc.meta.title or doc.name)}]({rel(page, page_of(doc.slug))}): suggested phrases: "
                   f"{escape(hint)}")
    return out + [""]
