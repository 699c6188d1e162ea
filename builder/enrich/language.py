"""The language a document is written in, detected offline.

``py3langid`` (a naive Bayes classifier over byte n-grams, its model shipped inside the
package, nothing downloaded) reads the document's prose: the paragraphs and list items of
eight words or more, so that menus, labels and tables left by a scrape or an extraction do
not outvote the text. A document with too little prose for a confident answer gets no
language (``None``), never a guess.

Codes are ISO 639-1 (``fr``, ``es``, ``de``, ``ar``, ``ru``…); a language that has no
two-letter code keeps the ISO 639-3 code the model gives (``pcm``), which is a valid BCP 47
tag for the HTML ``lang`` attribute too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from collections.abc import Iterable

MIN_WORDS = 8
"""Blocks shorter than this are labels, menu items or table cells, not prose."""
MIN_LETTERS = 40
"""Below this many letters of prose the classifier's answer is not trusted."""
MIN_CONFIDENCE = 0.6
"""Normalised probability the best language needs to be stated."""
MAX_CHARS = 20_000
"""The classifier reads this much prose at most (enough for a sure answer, bounded time)."""
NO_LANGUAGE = {"zxx", "und"}
"""Model labels meaning "no linguistic content" or "undetermined"."""
_CODE = re.compile(r"[a-z]{2,3}")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The classifier, loaded once per process (about a second: the model is compressed)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def prose(texts: Iterable[str]) -> str:
    """The prose among ``texts`` (blocks of ``MIN_WORDS`` words or more), else all of it."""
    texts = [t for t in texts if t and t.strip()]
    long = [t for t in texts if len(t.split()) >= MIN_WORDS]
    out, size = [], 0
    for t in long or texts:
        out.append(t)
        size += len(t) + 1
        if size >= MAX_CHARS:
            break
    return "\n".join(out)[:MAX_CHARS]


def detect(text: str) -> tuple[str | None, float]:
    """(language code or ``None``, confidence) for ``text``.

    >>> detect("Le présent rapport décrit la situation des travailleurs migrants en France.")[0]
    'fr'
    """
    letters = sum(c.isalpha() for c in text)
    if letters < MIN_LETTERS:
        return None, 0.0
    lang, confidence = _identifier().classify(text)
    if lang in NO_LANGUAGE or confidence < MIN_CONFIDENCE:
        return None, float(confidence)
    return lang, float(confidence)


def normalise(code: Any) -> str | None:
    """A language code from ``metadata.yml`` (``FR``, ``fr-CA``, ``pt_BR``) → ``fr``, ``pt``…;
    ``None`` when it is not a language code."""
    value = str(code or "").strip().lower().replace("_", "-").split("-")[0]
    return value if _CODE.fullmatch(value) else None
