"""The garbage collector's settings for a build: what lives until the end is kept out of its
full passes (``LongLived``), and the collector paused while a stage makes many short-lived
objects and no cycles (``paused``).

The collector's full passes walk every object alive, and run each time the live objects have
grown by a quarter: while thousands of documents (millions of objects, alive until the pages
are written) come in, those passes took a third of the build process's time. The documents hold
no reference cycles, so ``LongLived.keep`` moves everything alive now into the collector's
permanent generation (``gc.freeze``: constant time); newer objects are collected as usual.
``release`` gives them back at the end (unless the host program had frozen objects itself:
then it is left alone). Processes forked meanwhile inherit the frozen objects and leave them
alone too, so they do not copy every page they are on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


class LongLived:
    """Keeps what lives until the end of the build out of the cyclic garbage collector's sight
    (see the module's docstring): ``keep`` after each batch of long-lived objects comes in,
    ``release`` once at the end."""

    def __init__(self) -> None:
        self.active = gc.isenabled() and gc.get_freeze_count() == 0

    def keep(self) -> None:
        if self.active:
            gc.freeze()

    def release(self) -> None:
        if self.active:
            gc.unfreeze()


@contextmanager
def paused() -> Iterator[None]:
    """The cyclic garbage collector paused for the ``with`` block (as it was after): for linking,
    which makes many small objects (spans, mentions, index entries) and almost no cycles, while
    each full collection walks every document of the corpus (a tenth of the stage at 1,000
    documents). Reference counting still frees the rest."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
