"""Links inside a document's text: entity and document spans, and abbreviation tooltips.

``span_renderer`` turns the spans the link stage added (``entity``, ``document``) into
Markdown links relative to the page; ``abbreviation_lines`` gives the abbr extension's
definitions (``*[IOM]: International Organization for Migration``) for the acronyms the
page uses, so Material shows the expansion on hover.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from ..layout import page_of
from ..link import crosslinks
from ..document import Document, Span
from ..link import Corpus, by_name
from .common import rel
from .markdown import escape

ABBR_WORD = re.compile(r"^[A-Za-z0-9][A-Za-z0-9&.\-]*$")
"""An abbreviation the abbr extension can hold (no brackets, no spaces, no backslash)."""


def entity_page(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def span_renderer(doc: Document, corpus: Corpus) -> Callable[[Span, str], str | None]:
    """``render_span`` for ``inline``: entity and document spans as relative links."""
    links = crosslinks.get(corpus)
    docs = by_name(corpus)

    def render(span: Span, inner: str) -> str | None:
        if not inner:
            return None
        if span.kind == "entity" and links and span.target in links.entities:
            return f"[{escape(inner)}]({rel(page_of(doc.slug), entity_page(span.target))})"
        if span.kind == "document" and span.target in docs and span.target != doc.name:
            return f"[{escape(inner)}]({rel(page_of(doc.slug), page_of(docs[span.target].slug))})"
        return None

    return render


def abbreviation_lines(doc: Document, corpus: Corpus) -> list[str]:
    """``*[ACRONYM]: expansion`` lines for the acronyms this page uses (expansions escaped)."""
    links = crosslinks.get(corpus)
    if not links:
        return []
    out = []
    for acronym, expansion in links.abbreviations.get(doc.name, {}).items():
        title = " ".join(expansion.split())
        if ABBR_WORD.match(acronym) and title:
            # The abbr extension keeps the title as literal text in an attribute: entities,
            # not Markdown escapes, are what keep '<', '&' and quotes literal there.
            out.append(f"*[{acronym}]: {html.escape(title, quote=True)}")
    return ([""] + out + [""]) if out else []
