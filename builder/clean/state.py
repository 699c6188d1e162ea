"""What every cleaning rule works on: the lines, chunks and blocks of one document
(``Line``, ``Chunk``, ``CleanState``), and how a rule is declared (``Rule``, ``rule``).

Below every rule: imports no rule module and not the registry.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from ..document import Block, Move, Removal, Source
from .text.patterns import hyphen_end


@dataclass(slots=True)
class Line:
    """A source line with its 1-based number. ``text`` is stripped; ``lead`` and ``trail``
    count the spaces the extractor left around it, because they carry structure."""

    no: int
    text: str
    lead: int = 0
    trail: int = 0
    dropped: bool = False
    """Taken out by a rule (recorded in ``removed`` or ``moved``); not a blank line."""

    @property
    def soft(self) -> bool:
        """The line wraps onto the next one (trailing space, or a hyphen at the end)."""
        return self.trail > 0 or hyphen_end(self.text)


@dataclass(slots=True)
class Chunk:
    """Lines between blank lines (or other block boundaries) on their way to blocks."""

    lines: list[Line]
    done: list[Block] | None = None
    """Blocks a rule already made from this chunk (``[]`` = consumed); ``None`` = plain text."""
    after: list[Block] = field(default_factory=list)
    """Blocks placed after this chunk's blocks (floats that interrupted it)."""

    @property
    def text(self) -> str:
        return " ".join(ln.text for ln in self.lines)

    @property
    def first(self) -> int:
        return self.lines[0].no if self.lines else 0


@dataclass(slots=True)
class CleanState:
    """What the rules share while cleaning one document."""

    source: Source
    lines: list[Line]
    chunks: list[Chunk] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[Block] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    moved: list[Move] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    front_matter: dict[str, object] = field(default_factory=dict)
    """Front matter and scraper header fields (``rules.markup.front_matter``): handed on."""
    letter: dict[str, str] = field(default_factory=dict)
    """A letter's parts, role → text (``rules.letter``): handed on."""
    masthead: list[str] = field(default_factory=list)
    """Site name and tagline lines removed above a web page's title (``rules.boilerplate``): handed on."""
    misread: list[tuple[str, int, str]] = field(default_factory=list)
    """Words that look misread by OCR: (as printed, source line, probable reading), from
    ``rules.debris.misreadings``: handed on."""
    markdown_levels: dict[int, int] = field(default_factory=dict)
    """Source line → Markdown heading level, from ``markdown_headings`` to ``heading_levels``."""
    image_lines: list[int] = field(default_factory=list)
    """Source lines that were an image alone, now its description, from ``source_markup`` to
    ``floats`` (which shows each as a caption)."""
    quote_lines: set[int] = field(default_factory=set)
    """Source lines that were a Markdown block quote's (``> …``), from ``source_markup`` to
    ``quotations`` (which marks the paragraphs they make as quotations)."""
    wrapped: bool = False
    """The extractor marks soft wraps with a trailing space (a PDF column)."""
    width: int = 0
    """Typical longest wrapped line (95th percentile), 0 when lines are not wrapped."""
    _lower: str | None = None

    def remove(self, line: Line, reason: str, rule: str) -> None:
        line.dropped = True
        self.count("lines_removed")
        if line.text.strip():
            self.removed.append(Removal(line.text.strip(), reason, rule, line.no))

    def remove_chunk(self, chunk: Chunk, reason: str, rule: str) -> None:
        lines = [ln for ln in chunk.lines if not ln.dropped]
        if lines:
            self.removed.append(Removal(" ".join(ln.text for ln in lines), reason, rule, lines[0].no))
            self.count("lines_removed", len(lines))
        for ln in chunk.lines:
            ln.dropped = True
        chunk.done = []

    def move(self, text: str, reason: str, rule: str, line: int, placed: str) -> None:
        self.moved.append(Move(text if len(text) <= 120 else text[:117] + "…", reason, rule, line, placed))

    def count(self, key: str, n: int = 1) -> None:
        self.stats[key] = self.stats.get(key, 0) + n

    def evidence(self, left: str, right: str) -> tuple[int, int]:
        """How often ``left-right`` and ``leftright`` occur in the document (not counting
        line-end hyphens): the first evidence for a line-end hyphen."""
        if self._lower is None:
            self._lower = self.source.text.lower()
        a, b = left.lower(), right.lower()
        return _count_word(self._lower, f"{a}-{b}"), _count_word(self._lower, a + b)


def _count_word(text: str, word: str) -> int:
    """Occurrences of ``word`` as a whole word (not inside a longer word or compound)."""
    n, at = 0, text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-"):
            n += 1
        at = text.find(word, end)
    return n


# ----------------------------------------------------------------------------- rules

Level = Literal["line", "block", "document"]
LINE: Level = "line"
"""Works on ``state.lines`` before they are grouped (normalise, furniture, footnote bodies)."""
BLOCK: Level = "block"
"""Works on ``state.chunks`` or ``state.blocks`` (split, boilerplate, letter, floats, reflow, …)."""
DOCUMENT: Level = "document"
"""Works on the whole document once its blocks are made (footnotes to the end, counters)."""
LEVELS: tuple[Level, ...] = (LINE, BLOCK, DOCUMENT)
"""The order the levels run in: every line rule, then every block rule, then every document rule."""

RuleFn = Callable[[CleanState], None]
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s")


@dataclass(frozen=True, slots=True)
class Rule:
    """A cleaning step: a function over ``CleanState``, its level, and every reason it writes
    into the report (``Removal.reason``/``Move.reason``; ``{n}`` stands for a number). Its name
    and priority are given when it is registered (``Registry.register``)."""

    fn: RuleFn
    level: Level
    reasons: tuple[str, ...] = ()
    name: str = ""
    """The registered name: what ``Removal.rule``/``Move.rule`` say and ``disabled`` switches off."""
    priority: int = 0
    """Within its level, rules run from the highest priority to the lowest."""

    @property
    def description(self) -> str:
        """What the rule does: the first sentence of its function's docstring."""
        text = " ".join((self.fn.__doc__ or "").strip().split("\n\n")[0].split())
        end = _SENTENCE_BREAK.search(text)
        return text[:end.start()] if end else text

    def registered(self, name: str, priority: int) -> Rule:
        return replace(self, name=name, priority=priority)

    def __call__(self, state: CleanState) -> None:
        self.fn(state)


def rule(level: Level, *reasons: str) -> Callable[[RuleFn], Rule]:
    """Declare a function a cleaning rule of ``level`` that may report ``reasons``::

        @rule(LINE, "page number", "running header or footer (repeated on {n} pages)")
        def page_furniture(state: CleanState) -> None:
            \"\"\"Drop page numbers and running headers/footers repeated on several pages.\"\"\"
    """
    if level not in LEVELS:
        raise ValueError(f"unknown rule level {level!r} (expected one of {', '.join(LEVELS)})")

    def declare(fn: RuleFn) -> Rule:
        if not (fn.__doc__ or "").strip():
            raise TypeError(f"cleaning rule {fn.__name__} has no docstring saying what it does")
        return Rule(fn, level, tuple(reasons))

    return declare
