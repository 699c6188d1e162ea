"""The cleaning state, the rule registry and the ``clean`` entry point."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..document import Block, Document, Move, Removal, Source, Span

log = logging.getLogger(__name__)


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
    extra: dict[str, object] = field(default_factory=dict)
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


def hyphen_end(text: str) -> bool:
    """``coopera-`` (a letter, then a hyphen, at the end); not `` -`` nor ``2-``."""
    return len(text) > 1 and text[-1] == "-" and text[-2].isalpha()




RuleFn = Callable[[CleanState], None]


@dataclass(slots=True)
class Rule:
    """A named cleaning step; rules run from the highest priority to the lowest."""

    name: str
    priority: int
    fn: RuleFn

    @property
    def doc(self) -> str:
        return (self.fn.__doc__ or "").strip().split("\n")[0]


# ----------------------------------------------------------------------------- span-aware edits

def cut(block: Block, start: int, end: int) -> None:
    """Delete ``block.text[start:end]``, shifting or shrinking the spans after it."""
    n = end - start
    if n <= 0:
        return
    block.text = block.text[:start] + block.text[end:]
    kept = []
    for s in block.spans:
        a = s.start if s.start <= start else max(start, s.start - n)
        b = s.end if s.end <= start else max(start, s.end - n)
        if b > a or s.start == s.end:
            s.start, s.end = a, b
            kept.append(s)
    block.spans = kept


def strip_block(block: Block, chars: str | None = None) -> None:
    """Strip ``block.text`` (spans follow)."""
    text = block.text
    right = len(text.rstrip(chars))
    cut(block, right, len(text))
    left = len(block.text) - len(block.text.lstrip(chars))
    cut(block, 0, left)


def add_span(block: Block, start: int, end: int, kind: str, target: str = "") -> None:
    block.spans.append(Span(start, end, kind, target))
    block.spans.sort(key=lambda s: (s.start, -s.end))


def walk(blocks: Iterable[Block]) -> Iterable[Block]:
    """Every block and every admonition child."""
    for b in blocks:
        yield b
        yield from b.children


# ----------------------------------------------------------------------------- registry

def build_rules(disabled: Iterable[str] = ()) -> list[Rule]:
    """The default rules, highest priority first. Unknown names in ``disabled`` raise
    ``KeyError`` listing all of them."""
    from . import boilerplate, floats, footnotes, inline, letter, normalise, reflow, structure

    rules = [
        Rule("normalise", 100, normalise.normalise),
        Rule("signature_images", 92, boilerplate.signature_images),
        Rule("page_furniture", 90, boilerplate.page_furniture),
        Rule("footnote_bodies", 86, footnotes.footnote_bodies),
        Rule("split_blocks", 80, normalise.split_blocks),
        Rule("web_boilerplate", 76, boilerplate.web_boilerplate),
        Rule("letter", 70, letter.letter),
        Rule("floats", 60, floats.floats),
        Rule("reflow", 50, reflow.reflow),
        Rule("inline", 45, inline.inline_markup),
        Rule("footnote_markers", 42, footnotes.footnote_markers),
        Rule("structure", 40, structure.structure),
        Rule("run_in_labels", 35, structure.run_in_labels),
        Rule("finish", 10, footnotes.finish),
    ]
    names = {r.name for r in rules}
    unknown = sorted(set(disabled) - names)
    if unknown:
        raise KeyError(f"Unknown cleaning rule(s): {', '.join(unknown)}")
    rules = [r for r in rules if r.name not in set(disabled)]
    return sorted(rules, key=lambda r: -r.priority)


def clean(source: Source, rules: list[Rule] | None = None) -> Document:
    """Clean one decoded seed into a ``Document``."""
    lines = [Line(i + 1, t) for i, t in enumerate(source.text.split("\n"))]
    state = CleanState(source=source, lines=lines)
    for rule in rules if rules is not None else build_rules():
        rule.fn(state)
    log.debug("clean: %s: %d blocks, %d removals, %d moves", source.name, len(state.blocks),
              len(state.removed), len(state.moved))
    return Document(source=source, blocks=state.blocks, removed=state.removed, moved=state.moved,
                    warnings=state.warnings, stats=state.stats, extra=dict(state.extra))
