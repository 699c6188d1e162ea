"""Page numbers as a running header or footer prints them, in any language: the shapes that
``rules.boilerplate.page_furniture`` and ``rules.tables.side_by_side`` both recognise."""

from __future__ import annotations

import re

from .patterns import SENTENCE_END

PAGE_WORD = (r"(?:page|p\.|pg\.?|pag\.|pág\.?|página|pagina|seite|sida|side|sivu|strona|str\.|blz\.?|bladzijde"
             r"|стр\.|страница)")
"""The word before a page number, in the languages of the corpus and their neighbours."""
OF_NAME = r"(?:of|von|de|sur|di|av|af|van|z|из)"
"""The word between a page number and the page count (``2 of 6``, ``2 von 6``, ``2 de 6``)."""
OF_WORD = rf"(?:{OF_NAME}|/)"
"""The word between a page number and the page count (``Page 2 of 6``, ``Seite 2 von 6``, ``Página 2 de 6``)."""
LAYOUT_GAP = re.compile(r"\s{3,}")
PAGE_CELL = re.compile(rf"^{PAGE_WORD}\s*(?P<n>\d{{1,4}})(?:\s*{OF_WORD}\s*(?P<m>\d{{1,4}}))?$"
                       r"|^[-–—]\s*(?P<d>\d{1,4})\s*[-–—]$", re.IGNORECASE)
"""A page number as one text of a line: ``Page 2 of 6``, ``Seite 2 von 6``, ``– 2 –``."""
BARE_PAGE_CELL = re.compile(rf"^(?P<n>\d{{1,4}})(?:\s?/\s?|\s+(?i:{OF_NAME})\s+)(?P<m>\d{{1,4}})$"
                            r"|^[A-Z]{1,2}\d{0,2}\s?[-–]\s?(?P<d>\d{1,3})$")
"""A page number with no word or dashes to say so: ``2/6``, ``1 de 3``, ``2 of 6``, an annex's
``A3 - 1``; one only on a page's first or last line."""
FURNITURE_CELL_WORDS = 12
"""A text beside a page number in a running header or footer is short (a title, a date, a number)."""


def dashed(text: str) -> bool:
    """A page number between dashes (``– 2 –``): no word says it is one."""
    m = PAGE_CELL.match(text)
    return bool(m and m.group("d"))


def page_cell(text: str, edge: bool = False) -> bool:
    """A page number as one text of a line (a bare one only on a page's first or last line)."""
    m = PAGE_CELL.match(text) or (BARE_PAGE_CELL.match(text) if edge else None)
    if not m:
        return False
    n = int(m.group("n") or m.group("d"))
    return 1 <= n and (m.group("m") is None or n <= int(m.group("m")))


def furniture_text(text: str) -> bool:
    """A short text, no sentence: a document's name, title, date or number."""
    return len(text.split()) <= FURNITURE_CELL_WORDS and not SENTENCE_END.search(text) \
        and not text.endswith((",", ";", ":"))


def page_cells(text: str, edge: bool = False) -> tuple[list[str], list[int]]:
    """The texts of a line set apart by layout gaps, and which of them are page numbers."""
    cells = LAYOUT_GAP.split(text)
    return cells, [k for k, c in enumerate(cells) if page_cell(c, edge)]


def furniture_line(text: str) -> bool:
    """Texts set apart by layout gaps, one a page number, the others short and no sentence:
    ``UNHCR Chad / October 2023      Page 2 of 6``."""
    cells, pages = page_cells(text)
    return len(cells) >= 2 and len(pages) == 1 and all(furniture_text(c) for k, c in enumerate(cells) if k != pages[0])
