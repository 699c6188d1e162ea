"""The engine's set-up: its fast paths put in the stages' hands, once, at the start of a build.

A stage keeps the plain version of each rule it applies; where a faster way to the same answer
exists, the stage takes it through a ``use_…`` function, and this is the one place that passes
them (each fast path sits in the engine beside a test proving it answers as the plain version):

- the answers of the stages' pure functions, kept (``answers``);
- the language classifier (``fast_langid``) and the English date shortcut (``fast_dates``);
- the cheap screens in front of costly patterns (``screens``: the symbol kinds a text may hold,
  the dot leader a line may have; ``fast_literals``, through ``textscan``: the strings one of
  which every match of a pattern, or of each of its branches, holds).

``start`` is called by the build before its first document (``pipeline.build``) and by each
worker that processes documents (a forked worker inherits it done; a worker started afresh, or a
Dask worker, calls it itself). Calling it again does nothing. Without it the stages give the same
output, more slowly.

The language model is not loaded here for the workers to inherit: measured at 1,000 documents,
that saves each worker some 0.7 s of CPU but makes the largest process of the build 79 MiB
bigger (the render processes, forked from the build process, inherit the model too), against
issue 22's memory target; each worker loads it when its first document needs it.
"""

from __future__ import annotations

from .. import textscan
from ..clean.text import tables
from ..enrich import dates, language, symbols
from . import answers, fast_dates, fast_langid, fast_literals, screens

_STARTED: list[bool] = []


def start() -> None:
    """Put every fast path in its stage's hands (once a process; again, nothing happens)."""
    if _STARTED:
        return
    answers.keep()  # the pure functions' answers kept (the same answers, asked once)
    language.use_classifier(fast_langid.load)  # the same answers as py3langid's, faster
    dates.use_shortcut(fast_dates.read)  # the same dates as dateparser's, faster
    symbols.use_kind_screen(screens.symbol_kinds)  # the same symbols, each pattern only where it can match
    tables.use_leader_screen(screens.may_have_leader)  # the same leaders, the pattern only where it can match
    screen = fast_literals.Screen()  # the same matches, each pattern (each branch) only where it can match
    textscan.use_pattern_screen(screen.search, screen.may_match)
    _STARTED.append(True)
