"""Listings that stay small: long lists of documents split by year, then into parts.

A page that lists every document grows with the collection (at 10,000 documents the
home table alone would be megabytes of HTML). Listing pages call these helpers: up to
``LISTING_MAX`` documents a listing shows them all on one page; above that it shows a
short summary and links to one page per year (``documents/by-year/<year>.md``), each
split into parts of at most ``LISTING_MAX`` rows (``<year>-2.md``, ``<year>-3.md``, …).
The year pages themselves are made by ``year_pages``.
"""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from ..document import Document
from ..link import LinkedCorpus
from .common import rel

LISTING_MAX = 200
"""The most documents one listing page shows; longer listings are split by year."""
RECENT = 20
"""How many of the newest documents a summary (the home page) shows when the collection is split."""
UNDATED = "undated"


@dataclass(slots=True)
class Part:
    """One page of a split listing."""

    page: str
    """Docs-relative path of the page (``documents/by-year/2014.md``)."""
    year: str
    """The year (or ``undated``) the page lists."""
    number: int
    """1 for the first part of a year, 2 for the second, …"""
    of: int
    """How many parts the year has."""
    docs: list[Document]

    @property
    def title(self) -> str:
        name = "Undated documents" if self.year == UNDATED else f"Documents of {self.year}"
        return name + (f" (part {self.number} of {self.of})" if self.of > 1 else "")


def is_split(docs: list[Document]) -> bool:
    """Whether a listing of these documents is too long for one page."""
    return len(docs) > LISTING_MAX


def year_of(doc: Document) -> str:
    date = doc.meta.date or ""
    return date[:4] if date[:4].isdigit() else UNDATED


def by_year(docs: list[Document]) -> list[tuple[str, list[Document]]]:
    """Documents grouped by year, oldest year first, undated last; order within a year is kept."""
    groups: dict[str, list[Document]] = {}
    for doc in docs:
        groups.setdefault(year_of(doc), []).append(doc)
    return sorted(groups.items(), key=lambda kv: (kv[0] == UNDATED, kv[0]))


def parts(docs: list[Document], folder: str = "documents/by-year", size: int | None = None) -> list[Part]:
    """The pages of a split listing, by year in chunks of ``size`` (default ``LISTING_MAX``;
    empty when the listing fits on one page)."""
    size = LISTING_MAX if size is None else size
    return [] if len(docs) <= size else year_pages(docs, folder, size)


def year_pages(docs: list[Document], folder: str, size: int) -> list[Part]:
    """``docs`` (in listing order) as ``folder/<year>[-N].md`` pages of at most ``size`` each."""
    out: list[Part] = []
    for year, group in by_year(docs):
        chunks = [group[i:i + size] for i in range(0, len(group), size)]
        for number, chunk in enumerate(chunks, 1):
            name = year if number == 1 else f"{year}-{number}"
            out.append(Part(f"{folder}/{name}.md", year, number, len(chunks), chunk))
    return out


_LISTED_ON: WeakKeyDictionary[LinkedCorpus, tuple[int, dict[str, str]]] = WeakKeyDictionary()
"""Each live corpus's ``listed_on`` map and how many documents it had (every document page asks)."""


def listed_on(corpus: LinkedCorpus, doc: Document) -> str | None:
    """The page of the split documents listing (``documents/by-year/2014-2.md``) that lists ``doc``;
    ``None`` when the listing is not split. Worked out once per corpus (again if it grew)."""
    known = _LISTED_ON.get(corpus)
    if known is None or known[0] != len(corpus.documents):
        known = (len(corpus.documents), {d.name: part.page for part in parts(corpus.documents) for d in part.docs})
        _LISTED_ON[corpus] = known
    return known[1].get(doc.name)


def recent(docs: list[Document], count: int | None = None) -> list[Document]:
    """The ``count`` (default ``RECENT``) newest dated documents, newest first."""
    dated = [d for d in docs if year_of(d) != UNDATED]
    return sorted(dated, key=lambda d: (d.meta.date or "", d.slug), reverse=True)[:count or RECENT]


def year_links(all_parts: list[Part], page: str) -> list[str]:
    """A table of the years, each with its number of documents and links to its page(s)."""
    out = ["| Year | Documents |", "|---|---|"]
    years: dict[str, list[Part]] = {}
    for part in all_parts:
        years.setdefault(part.year, []).append(part)
    for year, group in years.items():
        name = year.capitalize()
        links = ", ".join(f"[{name if p.of == 1 else f'{name}, part {p.number}'}]({rel(page, p.page)})"
                          for p in group)
        out.append(f"| {links} | {sum(len(p.docs) for p in group)} |")
    return out + [""]


TOP = 50
"""On a split collection, how many of its strongest documents a theme page quotes (the rest are
listed, by year, on the theme's year pages)."""


def theme_parts(corpus, theme_id: str, docs: list[Document]) -> list[Part]:
    """The year pages listing every document of a theme, when the collection is split."""
    if not is_split(corpus.documents) or len(docs) <= TOP:
        return []
    order = {d.name: i for i, d in enumerate(corpus.documents)}  # oldest first, like every listing
    ordered = sorted(docs, key=lambda d: order[d.name])
    return year_pages(ordered, f"themes/{theme_id}/by-year", LISTING_MAX)
