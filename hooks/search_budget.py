"""MkDocs hook: keep Material's search index small enough for a browser on a large corpus.

Material's search plugin writes one JSON file (``site/search/search_index.json``) holding
the full text of every page; the browser downloads it and indexes it with lunr before the
first search. That grows with the corpus: about 14 kB per document page, so some 140 MB at
10,000 documents. After the search plugin has written it (``on_post_build``, last), this hook
trims it to a budget when the site's text exceeds ``FULL_TEXT_WORDS``: every page keeps its
title and the first ``words_per_page`` words of its text (the metadata line and theme tags at
the top of a document page, then its opening paragraphs); the titles of the sections past the
budget are added to the page's entry instead of having one each. Smaller sites keep the full
text. The page HTML is untouched; only what search looks in shrinks.

The budget is known before the search plugin reads the pages: the words of each page's HTML are
counted as it is converted (``on_page_content``, before any page is rendered with its template),
and on a site above the budget the search plugin parses only the opening of each page, enough
for its budget of words, followed by the page's remaining section headings
(``search_prefix``). Parsing every page in full was a fifth of the site's build time, for text
the trim dropped again; the index is the same either way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger("search_budget")

FULL_TEXT_WORDS = 500_000
"""A site with at most this many words of text keeps the full text in its search index
(about 4 MB of JSON, 1 MB compressed). Measured on the benchmark's corpus: full text is
9.1 MB (2.2 MB gzip) at 1,000 documents; with this budget 1.6 MB at 1,000 documents."""
MIN_WORDS_PER_PAGE = 80
"""Above the budget, each page keeps at least this many words (its opening)."""

_TAG = re.compile(r"<[^>]+>")
_ELEMENT_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
_SECTION_HEADING = re.compile(r'<h([1-6])\b[^>]*\bid="[^"]*"[^>]*>.*?</h\1>', re.S)
"""A heading that starts a section of the search index (Material indexes headings with an id)."""
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
PREFIX_WORDS = 1.25
"""``search_prefix`` keeps this many times a page's budget of words (and ``PREFIX_MARGIN`` more):
its count includes words search leaves out (the ¶ of each paragraph, copy buttons), far fewer
than one in five."""
PREFIX_MARGIN = 100

_site_words: dict[str, int] = {}
"""Words of text of every page the search indexes (by page URL), counted as it is converted."""


def words_per_page(total_words: int, pages: int) -> int | None:
    """How many words of text each page keeps in the index (``None``: all of them)."""
    if total_words <= FULL_TEXT_WORDS or pages == 0:
        return None
    return max(MIN_WORDS_PER_PAGE, FULL_TEXT_WORDS // pages)


def words_of(html: str) -> int:
    """Words of text in ``html`` (tags stripped)."""
    return len(_TAG.sub(" ", html).split())


def site_budget(page_words: dict[str, int]) -> int | None:
    """``words_per_page`` of a site whose indexed pages hold ``page_words`` words each."""
    return words_per_page(sum(page_words.values()), len(page_words))


def search_prefix(html: str, budget: int) -> str:
    """What the search plugin needs to read of a page whose text is cut to ``budget`` words: its
    HTML up to the first tag by which ``PREFIX_WORDS`` times the budget (plus ``PREFIX_MARGIN``)
    words have gone by, the elements still open there closed, then every later section heading
    (past the budget only their titles are kept). ``html`` itself when it is shorter or its tags
    do not nest."""
    wanted = int(PREFIX_WORDS * budget) + PREFIX_MARGIN
    open_tags: list[str] = []
    words = pos = 0
    for m in _ELEMENT_TAG.finditer(html):
        words += len(html[pos:m.start()].split())
        pos = m.end()
        closing, tag, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if tag in VOID or self_closing:
            continue
        if not closing:
            open_tags.append(tag)
        elif not open_tags or open_tags.pop() != tag:
            return html
        elif words >= wanted:
            return (html[:pos] + "".join(f"</{t}>" for t in reversed(open_tags))
                    + "".join(h.group(0) for h in _SECTION_HEADING.finditer(html, pos)))
    return html


def excluded(page: Any) -> bool:
    search = (getattr(page, "meta", None) or {}).get("search") or {}
    return bool(search.get("exclude"))


def reading_prefixes(add_entry: Callable[[Any], None]) -> Callable[[Any], None]:
    """The search index's ``add_entry_from_context``, made to read ``search_prefix`` of each page
    when the site is above the budget (the page keeps its full HTML)."""
    def add_entry_from_context(page: Any) -> None:
        budget = site_budget(_site_words)
        if budget is None or excluded(page):
            return add_entry(page)
        full = page.content
        page.content = search_prefix(full, budget)
        try:
            add_entry(page)
        finally:
            page.content = full
    return add_entry_from_context


def on_pre_build(config: Any, **kwargs: Any) -> None:
    _site_words.clear()
    plugins = config["plugins"]
    search = next((plugins[name] for name in ("material/search", "search") if name in plugins), None)
    index = getattr(search, "search_index", None)
    if index is not None and hasattr(index, "add_entry_from_context"):
        index.add_entry_from_context = reading_prefixes(index.add_entry_from_context)


@event_priority(-100)  # after every other change to the page's HTML
def on_page_content(html: str, page: Any, **kwargs: Any) -> str:
    if not excluded(page):
        _site_words[page.url] = words_of(html)
    return html


def trim(index: dict[str, Any], budget: int | None = None) -> tuple[dict[str, Any], int | None]:
    """The index with each page's text cut to ``budget`` words (entries and titles kept, in order);
    without one, the budget is worked out from the index itself."""
    entries = index.get("docs", [])
    counts = [len(_TAG.sub(" ", e.get("text", "")).split()) for e in entries]
    if budget is None:
        budget = words_per_page(sum(counts), len({e["location"].split("#")[0] for e in entries}))
    if budget is None:
        return index, None
    left: dict[str, int] = {}
    first: dict[str, dict[str, Any]] = {}
    kept: list[dict[str, Any]] = []
    for entry, count in zip(entries, counts):
        page = entry["location"].split("#")[0]
        remaining = left.get(page, budget)
        if page in first and remaining <= 0:
            # A section past the budget: its title joins the page's entry (still found, at the
            # top of the page) instead of costing an entry of its own.
            head = first[page]
            head["text"] = head["text"].removesuffix("</p>") + f" {entry['title']}</p>"
            continue
        if count > remaining:
            words = _TAG.sub(" ", entry["text"]).split()[:remaining]
            entry["text"] = f"<p>{' '.join(words)} …</p>" if words else ""
            count = len(words)
        left[page] = remaining - count
        first.setdefault(page, entry)
        kept.append(entry)
    index["docs"] = kept
    return index, budget


@event_priority(-100)  # after the search plugin has written the index
def on_post_build(config: Any, **kwargs: Any) -> None:
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    if _site_words:  # counted as the pages were converted: the budget the pages were read with
        budget = site_budget(_site_words)
        if budget is None:
            return
        index, _ = trim(index, budget)
    else:
        index, budget = trim(index)
        if budget is None:
            return
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    log.info("search index: %d words of text per page (the site is above %d words)", budget, FULL_TEXT_WORDS)
