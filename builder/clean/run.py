"""``clean``: one decoded seed → a ``CleanDocument``, by running the rules over a ``CleanState``."""

from __future__ import annotations

import logging

from ..document import CleanDocument, Source
from .registry import build_rules
from .state import CleanState, Line, Rule

log = logging.getLogger(__name__)


def clean(source: Source, rules: list[Rule] | None = None) -> CleanDocument:
    """Clean one decoded seed into a ``CleanDocument`` (``rules``: default ``build_rules()``)."""
    lines = [Line(i + 1, t) for i, t in enumerate(source.text.split("\n"))]
    state = CleanState(source=source, lines=lines)
    for rule in rules if rules is not None else build_rules():
        rule(state)
    log.debug("clean: %s: %d blocks, %d removals, %d moves", source.name, len(state.blocks),
              len(state.removed), len(state.moved))
    return CleanDocument(source=source, blocks=state.blocks, removed=state.removed, moved=state.moved,
                    warnings=state.warnings, stats=state.stats, front_matter=state.front_matter,
                    letter=state.letter, masthead=state.masthead, misread=state.misread)
