"""Links inside a document's text: entity and document spans, and abbreviation tooltips.

``span_renderer`` turns the spans the link stage added (``entity``, ``document``) into
Markdown links relative to the page; ``abbreviation_lines`` gives the abbr extension's
definitions (``*[IOM]: International Organization for Migration``) for the acronyms the
page uses, so Material shows the expansion on hover; ``symbols_kept_whole`` keeps that
extension out of document symbols.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from ..enrich import symbols
from ..layout import page_of
from ..link import crosslinks
from ..document import Document, Span
from ..link import LinkedCorpus, by_name
from .common import rel
from .markdown import VERBATIM_END, VERBATIM_START, escape

ABBR_WORD = re.compile(r"^[A-Za-z0-9][A-Za-z0-9&.\-]*$")
"""An abbreviation the abbr extension can hold (no brackets, no spaces, no backslash)."""


def entity_page(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def span_renderer(doc: Document, corpus: LinkedCorpus) -> Callable[[Span, str], str | None]:
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


def abbreviated(doc: Document, corpus: LinkedCorpus) -> list[str]:
    """The acronyms the page of ``doc`` explains (``abbreviation_lines``)."""
    links = crosslinks.get(corpus)
    return list(links.abbreviations.get(doc.name, {})) if links else []


def abbreviation_lines(doc: Document, corpus: LinkedCorpus) -> list[str]:
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


_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
"""A Markdown link's target (the builder percent-encodes the brackets of its URLs): an address,
not text; a symbol in it (``https://undocs.org/A/RES/67/172``) must stay as it is."""


def symbols_kept_whole(markdown: str, acronyms: Iterable[str]) -> str:
    """``markdown`` (the Markdown of a page's text, its raw HTML blocks marked ``verbatim``) with
    every acronym of ``acronyms`` that stands inside a document symbol written as character
    references (``A/&#72;&#82;&#67;/53/26``): the same characters on the page, but out of reach
    of the abbr extension, which otherwise wraps the ``HRC`` of ``A/HRC/53/26`` in an
    ``<abbr>`` wherever the page defines HRC (the symbol is one reference to copy and search,
    and the body it names is not what the tooltip would say). Text outside symbols is left as
    it is, and so are link targets and raw HTML (which the extension does not read)."""
    words = sorted({a for a in acronyms if ABBR_WORD.match(a)}, key=len, reverse=True)
    if not words:
        return markdown
    alternatives = "|".join(map(re.escape, words))
    # An acronym touching a symbol's punctuation (A/HRC/…, BOE-A-…, GE.19-…): only such lines
    # are looked at for symbols (finding them is slow, and the acronyms are in most lines).
    # (The word boundary comes first, so most places in a line are passed over at once; before an
    # acronym after ``/`` or ``-`` there is one anyway, as every acronym starts with a letter or digit.)
    touching = re.compile(rf"\b(?:(?:(?<=/)|(?<=\w-))(?:{alternatives})\b|(?:{alternatives})(?=/|-\w|\.\d))")
    found = re.compile(rf"\b(?:{alternatives})\b")
    lines = markdown.split("\n")
    raw = False
    for n, line in enumerate(lines):
        if line in (VERBATIM_START, VERBATIM_END):
            raw = line == VERBATIM_START
        elif not raw and touching.search(line):
            lines[n] = _acronyms_as_references(line, found)
    return "\n".join(lines)


def _acronyms_as_references(line: str, acronym: re.Pattern[str]) -> str:
    """``line`` with each ``acronym`` found inside a document symbol (link targets left out)
    written as character references."""
    text = _LINK_TARGET.sub(lambda m: " " * len(m.group(0)), line)
    inside = [(start, end) for start, end, _ in symbols.matches(text)]
    hits = [m.span() for m in acronym.finditer(text) if any(s <= m.start() and m.end() <= e for s, e in inside)]
    for start, end in reversed(hits):
        line = line[:start] + "".join(f"&#{ord(c)};" for c in line[start:end]) + line[end:]
    return line
