"""Metadata from the text itself: title, date, organisation, type, signatory, symbols.

Takes a cleaned ``Document`` and the editor's overrides; fills ``doc.meta``. Layers, in
order of precedence (lowest first, as Pelican does): what the text says, then
``metadata.yml``. Nothing is guessed from the file name.
"""

from __future__ import annotations

import re
from datetime import date as Date
from typing import Any

from ..document import Document, Metadata

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"])}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE_PATTERNS = (
    (re.compile(_MONTH + r"\s+(\d{1,2}),\s+(\d{4})"), ("m", "d", "y")),
    (re.compile(r"(\d{1,2})\s+" + _MONTH + r"\s+(\d{4})"), ("d", "m", "y")),
)
SYMBOL_RE = re.compile(r"\b(?:A|E|S|HRC|CCPR|CERD|CMW|CRC)/(?:RES/)?(?:[A-Z]+\.?\d*/)?\d+(?:/[A-Za-z0-9.]+)*\b")


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every full date in ``text`` as (offset, ISO date), in order."""
    found: list[tuple[int, str]] = []
    for pattern, order in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            parts = dict(zip(order, m.groups()))
            try:
                iso = Date(int(parts["y"]), MONTHS[parts["m"].lower()], int(parts["d"])).isoformat()
            except ValueError:
                continue
            found.append((m.start(), iso))
    return sorted(found)


def extract(doc: Document, overrides: dict[str, Any] | None = None) -> Metadata:
    """Find the metadata of one document; an override always wins and is recorded."""
    meta = Metadata()
    headings = [b for b in doc.blocks if b.kind == "heading"]
    if headings:
        meta.title, meta.title_source = headings[0].text, "heading"
    else:
        first = next((b for b in doc.blocks if b.text.strip()), None)
        if first is not None:
            words = first.text.split()
            meta.title = " ".join(words[:12]) + ("…" if len(words) > 12 else "")
            meta.title_source = "first line"
    # The document's own date: the first full date in its first blocks.
    for block in doc.blocks[:12]:
        dates = find_dates(block.text)
        if dates:
            meta.date = dates[0][1]
            meta.sources["date"] = "text"
            break
    text = "\n".join(b.text for b in doc.blocks)
    meta.symbols = sorted(set(SYMBOL_RE.findall(text)))
    if meta.title:
        meta.sources["title"] = "text"
    for key, value in (overrides or {}).items():
        setattr(meta, key, value)
        meta.sources[key] = "override"
        if key == "title":
            meta.title_source = "override"
    meta.missing = [f for f in ("title", "date", "organisation", "doc_type") if not getattr(meta, f)]
    return meta
