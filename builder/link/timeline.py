"""The timeline: dated documents and the dated entities they mention, in date order."""

from __future__ import annotations

from ..document import Document
from .crosslinks import Links, TimelineEntry


def timeline(docs: list[Document], links: Links) -> list[TimelineEntry]:
    entries = [TimelineEntry(d.meta.date, "document", d.name) for d in docs if d.meta.date]
    entries += [TimelineEntry(e.date, "entity", e.id) for e in links.mentioned() if e.date]
    entries.sort(key=lambda t: (t.date, 0 if t.kind == "entity" else 1, t.ref))
    return entries
