"""The cleaning state, the rule registry and the ``clean`` entry point."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..document import Block, Document, Move, Removal, Source


@dataclass(slots=True)
class Line:
    """A source line with its 1-based number; ``text`` keeps leading/trailing spaces
    because they carry structure in PDF extractions."""

    no: int
    text: str


@dataclass(slots=True)
class CleanState:
    """What the rules share while cleaning one document."""

    source: Source
    lines: list[Line]
    raw_blocks: list[list[Line]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    moved: list[Move] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    extra: dict[str, object] = field(default_factory=dict)

    def remove(self, line: Line, reason: str, rule: str) -> None:
        if line.text.strip():
            self.removed.append(Removal(line.text.strip(), reason, rule, line.no))

    def count(self, key: str, n: int = 1) -> None:
        self.stats[key] = self.stats.get(key, 0) + n


RuleFn = Callable[[CleanState], None]


@dataclass(slots=True)
class Rule:
    name: str
    priority: int
    fn: RuleFn


def split_blocks(state: CleanState) -> None:
    """Group lines into blocks at blank lines.  ``a⏎b⏎⏎c`` → ``[a, b] [c]``."""
    current: list[Line] = []
    for line in state.lines:
        if line.text.strip():
            current.append(line)
        elif current:
            state.raw_blocks.append(current)
            current = []
    if current:
        state.raw_blocks.append(current)


_BULLET = re.compile(r"^\s*[-*•▪◦●‣∙·]\s+")
_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+")
_SENTENCE_END = re.compile(r"[.!?:;”\"')\]]$")


def _join(lines: list[str]) -> str:
    out = ""
    for text in lines:
        text = text.strip()
        if not out:
            out = text
        elif out.endswith("-") and text[:1].islower() and not out.endswith(" -"):
            out = out + text  # keep the hyphen; the full rule decides later
        else:
            out = out + " " + text
    return re.sub(r" {2,}", " ", out)


def reflow(state: CleanState) -> None:
    """Join the wrapped lines of each block; list items start their own block.
    ``The quick⏎brown fox.`` → ``The quick brown fox.``"""
    for raw in state.raw_blocks:
        items: list[list[Line]] = []
        for line in raw:
            if _BULLET.match(line.text) or _NUMBERED.match(line.text) or not items:
                items.append([line])
            else:
                items[-1].append(line)
        for item in items:
            text = _join([ln.text for ln in item])
            state.blocks.append(Block("paragraph", text, lines=(item[0].no, item[-1].no)))
            if len(item) > 1:
                state.count("lines_joined", len(item) - 1)


def classify(state: CleanState) -> None:
    """Turn bullet/number-led blocks into list items, short unpunctuated lines into headings."""
    first_heading = True
    for block in state.blocks:
        text = block.text
        if m := _BULLET.match(text):
            block.kind, block.text = "list_item", text[m.end():]
        elif (m := _NUMBERED.match(text)) and len(text) > 80:
            block.kind, block.number, block.text = "list_item", m.group(1), text[m.end():]
        elif len(text) < 100 and not _SENTENCE_END.search(text) and len(text.split()) <= 14:
            block.kind = "heading"
            block.level = 1 if first_heading else 2
            first_heading = False


def build_rules() -> list[Rule]:
    """The default rules, highest priority first."""
    rules = [
        Rule("split_blocks", 100, split_blocks),
        Rule("reflow", 50, reflow),
        Rule("classify", 30, classify),
    ]
    return sorted(rules, key=lambda r: -r.priority)


def clean(source: Source, rules: list[Rule] | None = None) -> Document:
    """Clean one decoded seed into a ``Document``."""
    lines = [Line(i + 1, t) for i, t in enumerate(source.text.split("\n"))]
    state = CleanState(source=source, lines=lines)
    for rule in rules if rules is not None else build_rules():
        rule.fn(state)
    return Document(source=source, blocks=state.blocks, removed=state.removed, moved=state.moved,
                    warnings=state.warnings, stats=state.stats, extra=dict(state.extra))
