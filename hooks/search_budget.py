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
"""

from __future__ import annotations

import json
import re
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


def words_per_page(total_words: int, pages: int) -> int | None:
    """How many words of text each page keeps in the index (``None``: all of them)."""
    if total_words <= FULL_TEXT_WORDS or pages == 0:
        return None
    return max(MIN_WORDS_PER_PAGE, FULL_TEXT_WORDS // pages)


def trim(index: dict[str, Any]) -> tuple[dict[str, Any], int | None]:
    """The index with each page's text cut to the budget (entries and titles kept, in order)."""
    entries = index.get("docs", [])
    counts = [len(_TAG.sub(" ", e.get("text", "")).split()) for e in entries]
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
    index, budget = trim(json.loads(path.read_text(encoding="utf-8")))
    if budget is None:
        return
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    log.info("search index: %d words of text per page (the site is above %d words)", budget, FULL_TEXT_WORDS)
