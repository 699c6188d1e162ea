"""A document's wording, sampled: the word sequences that related documents compare."""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from ..document import Block, Document
from ..enrich.entities import straighten
from .places import all_blocks


SHINGLE_WORDS = 6
SHINGLE_ANCHOR_LETTERS = 8
"""Word sequences are sampled where a word of at least this many letters starts them."""
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def anchored_shingles(paragraphs: list[list[str]]) -> Iterator[tuple[int, int, int]]:
    """``(paragraph, word index, key)`` for each run of six words that starts at a long word:
    a cheap sample of the wording that is the same wherever the same words recur. The key is
    a 64-bit hash of the run, the same in every process (equal runs, equal keys), so it can be
    worked out per document, in the process pool, and cached."""
    for p, words in enumerate(paragraphs):
        for i in range(len(words) - SHINGLE_WORDS + 1):
            if len(words[i]) >= SHINGLE_ANCHOR_LETTERS:
                yield p, i, shingle_key(words[i:i + SHINGLE_WORDS])


def shingle_key(words: list[str]) -> int:
    digest = hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


@dataclass(slots=True)
class Wording:
    """A document's anchored shingles in page order (``anchored_shingles``), as compact arrays:
    what related documents need of its wording (computed per document, see ``prepare``)."""

    keys: array
    paragraphs: array
    """Index of each shingle's paragraph among the document's citable blocks."""
    words: array
    """Index of each shingle's first word in its paragraph."""

    @classmethod
    def of(cls, doc: Document) -> Wording:
        keys, paragraphs, words = array("q"), [], []
        for p, i, key in anchored_shingles(paragraph_words(doc)):
            keys.append(key)
            paragraphs.append(p)
            words.append(i)
        return cls(keys, _small_array(paragraphs), _small_array(words))


def _small_array(numbers: list[int]) -> array:
    """Non-negative integers in two bytes each when they fit (they nearly always do), else four."""
    return array("H" if max(numbers, default=0) < 1 << 16 else "I", numbers)


def paragraph_words(doc: Document) -> list[list[str]]:
    return [_WORD.findall(straighten(b.text.lower())) for b in all_blocks(doc) if b.citable]


def paragraph_text(block: Block, words: int) -> tuple[str, list[tuple[int, int]]]:
    """A citable block's text and the offsets of its first ``words`` words (as ``paragraph_words``)."""
    low = straighten(block.text.lower())
    spans = [m.span() for m in islice(_WORD.finditer(low), words)]
    return (block.text if len(low) == len(block.text) else low), spans
