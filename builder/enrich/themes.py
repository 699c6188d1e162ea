"""Themes, scored per paragraph so a theme page can point at the passages.

Takes a ``Document`` and the taxonomy from ``themes.yml``; returns the themes whose
evidence passes the threshold, strongest first, each with its best passages.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..config import Theme
from ..document import Document, ThemeHit

MIN_SCORE = 2.0
"""A document carries a theme when its phrase hits add up to at least this."""
MAX_PASSAGES = 3


@lru_cache(maxsize=4096)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Whole-word, case-insensitive match; spaces and hyphens match each other."""
    parts = [re.escape(p) for p in re.split(r"[\s-]+", phrase.strip()) if p]
    return re.compile(r"(?<!\w)" + r"[\s-]+".join(parts) + r"(?!\w)", re.IGNORECASE)


def score(doc: Document, themes: list[Theme]) -> list[ThemeHit]:
    hits: list[ThemeHit] = []
    for theme in themes:
        passages: list[tuple[int, float]] = []
        matched: set[str] = set()
        total = 0.0
        for i, block in enumerate(doc.blocks):
            if not block.citable:
                continue
            n = 0
            for phrase in theme.phrases:
                k = len(phrase_pattern(phrase).findall(block.text))
                if k:
                    matched.add(phrase)
                    n += k
            if n:
                # Several phrases in one paragraph is stronger evidence than one phrase repeated.
                s = n ** 0.5 * (1 + 0.5 * (len([p for p in theme.phrases if phrase_pattern(p).search(block.text)]) - 1))
                passages.append((i, round(s, 3)))
                total += s
        if total >= MIN_SCORE:
            passages.sort(key=lambda p: (-p[1], p[0]))
            hits.append(ThemeHit(theme.id, round(total, 3), passages[:MAX_PASSAGES], sorted(matched)))
    hits.sort(key=lambda h: (-h.score, h.theme))
    return hits
