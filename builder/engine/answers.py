"""The answers of the stages' pure functions (``builder.pure``), kept in memory.

A stage declares a rule that is a pure function of its arguments with ``@pure`` and says no
more; this module decides how many of its answers a process keeps (``SIZES``, least recently
used dropped first) and ``keep`` hands that over, once, when a build starts (``setup.start``).
Without it every call runs the plain function: the same answers, more slowly
(tests/test_engine_answers.py checks both agree).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from .. import pure

SIZES: dict[str, int] = {
    # a document's language for its hyphens: asked at every line-end hyphen of the same text
    "builder.clean.text.hyphens.document_language": 8,
    "builder.clean.text.hyphens.zipf": 8192,  # a word's frequency: wordfreq's look-up
    "builder.clean.text.letter_words.patterns": 16,  # the letter rule's patterns for a set of languages
    "builder.enrich.dates._parser": 64,  # dateparser's parser for a set of languages (costly to make)
    "builder.enrich.dates._supported": 1,
    "builder.enrich.dates._read_date": 4096,  # the same date lines recur across documents
    "builder.enrich.entities.normalise": 65536,  # every spelling of every entity, over and over
    "builder.enrich.entities.is_acronym": 65536,
    "builder.enrich.language._classifier": 1,  # the model: about a second to load, once a process
    "builder.enrich.language._shape": 8192,  # a block's shape, asked by several rules
    "builder.enrich.language._reading": 4096,  # a block's reading by the classifier
    "builder.enrich.themes.phrase_pattern": 4096,
    "builder.enrich.themes.weight": 4096,
    "builder.enrich.themes._compiled": 4096,  # a theme's regex, compiled once
    "builder.enrich.themes._start_index": 32,  # the themes' index, made once per set of phrase lists
    "builder.enrich.themes.is_word_of": 16384,  # the same phrases for every document of a language
    "builder.manifest.anchor_number": 4096,
    "builder.write.common.human_date": 4096,  # listings show the same dates on many pages
    "builder.write.common._folder_link": 1024,  # a site has few folders, linked across thousands of times
}
"""How many answers of each pure function a process keeps."""
DEFAULT_SIZE = 4096
"""For a pure function not in ``SIZES`` (tests/test_engine_answers.py asks every one to be)."""


def memo(name: str, plain: Callable[..., Any]) -> Callable[..., Any]:
    """``plain``, keeping its last ``SIZES[name]`` answers."""
    return lru_cache(maxsize=SIZES.get(name, DEFAULT_SIZE))(plain)


def keep() -> None:
    """Keep the answers of every pure function, declared or to be declared (again: nothing happens)."""
    pure.use_memo(memo)
