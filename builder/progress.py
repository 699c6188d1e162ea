"""Progress while building, and the summary at the end, for the person at the terminal.

``make_progress`` gives a live progress display (rich) per stage of the build only when
the output is a terminal and the build is not running in CI; everywhere else it gives a
silent ``Progress`` whose methods do nothing, so the pipeline calls it unconditionally.
``summary`` is what ``python -m builder build`` prints at the end: documents published,
rejected and repaired, themes, entities, and every warning with its file.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any

from .layout import page_of

if TYPE_CHECKING:
    from .pipeline import BuildResult

CI_OFF = ("", "0", "false", "no")
"""Values of ``CI`` that do not mean "running in CI"."""


def in_ci(env: Mapping[str, str] | None = None) -> bool:
    """True when the ``CI`` variable is set (as CI services set it: ``CI=true``)."""
    value = (os.environ if env is None else env).get("CI")
    return value is not None and value.strip().lower() not in CI_OFF


def progress_wanted(stream: IO[str] | None = None, env: Mapping[str, str] | None = None) -> bool:
    """Show progress only on a terminal, and never in CI."""
    stream = sys.stdout if stream is None else stream
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return tty and not in_ci(env)


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A log handler writing to whatever ``sys.stderr`` is at the time (so log lines printed
    while the progress display is live appear above it, not through it)."""

    @property  # type: ignore[override]
    def stream(self) -> IO[str]:
        return sys.stderr

    @stream.setter
    def stream(self, value: IO[str]) -> None:
        pass


class Progress:
    """Progress of a build, stage by stage. This one shows nothing (not a terminal, CI, ``-q``)."""

    def stage(self, name: str, total: int | None = None) -> None:
        """Start a stage (the previous one is finished); ``total`` steps, or unknown."""

    def advance(self, steps: int = 1) -> None:
        """Count ``steps`` steps of the current stage as done."""

    def close(self) -> None:
        """Finish the last stage and stop drawing."""

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class RichProgress(Progress):
    """One line per stage with a bar, done/total and the time spent (rich)."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        # rich is loaded only for a bar on a terminal
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bars, SpinnerColumn, TextColumn,
                                   TimeElapsedColumn)

        console = Console(file=stream or sys.stdout, force_terminal=True)
        self._bars = Bars(SpinnerColumn(finished_text="✓"), TextColumn("{task.description}"), BarColumn(),
                          MofNCompleteColumn(), TimeElapsedColumn(), console=console)
        self._task: Any = None
        self._started = False

    def _finish(self) -> None:
        if self._task is not None:
            task = self._bars.tasks[-1]
            self._bars.update(self._task, total=task.total or 1, completed=task.total or 1)
            self._task = None

    def stage(self, name: str, total: int | None = None) -> None:
        if not self._started:
            self._bars.start()
            self._started = True
        self._finish()
        self._task = self._bars.add_task(name, total=total)

    def advance(self, steps: int = 1) -> None:
        if self._task is not None:
            self._bars.advance(self._task, steps)

    def close(self) -> None:
        if self._started:
            self._finish()
            self._bars.stop()
            self._started = False


def make_progress(quiet: bool = False, stream: IO[str] | None = None,
                  env: Mapping[str, str] | None = None) -> Progress:
    """A live progress display when wanted (terminal, not CI, not quiet), else a silent one."""
    if quiet or not progress_wanted(stream, env):
        return Progress()
    return RichProgress(stream)


def summary(result: BuildResult, docs: str, verbose: int = 0, changed: int | None = None) -> list[str]:
    """The lines printed at the end of a build (stdout), most important first.

    ``verbose`` adds one line per document and the notices (duplicates, ignored files).
    """
    corpus = result.corpus
    documents = corpus.documents
    rejected = corpus.rejected
    repaired = [d for d in documents if d.source.repairs]
    themes_used = {h.theme for d in documents for h in d.themes}
    unthemed = [d for d in documents if not d.themes]
    mentioned = {s.target for d in documents for b in d.blocks for x in [b, *b.children]
                 for s in x.spans if s.kind == "entity"}
    warnings = [(d.name, w) for d in documents for w in d.warnings]
    written = f", {changed} changed" if changed is not None else ""
    out = [f"Built {len(documents)} document(s), {len(result.files)} files{written} into {docs} in "
           f"{result.seconds:.2f} s; {len(rejected)} rejected.",
           f"  documents: {len(documents)} published, {len(rejected)} rejected, {len(repaired)} repaired on reading",
           f"  themes: {len(themes_used)} of {len(corpus.config.themes)} in use"
           + (f"; {len(unthemed)} document(s) without a theme" if unthemed else ""),
           f"  entities: {len(mentioned)} mentioned"
           + (f" ({len(corpus.config.entities)} declared)" if corpus.config.entities else ""),
           f"  warnings: {len(warnings)}"]
    out += [f"    {name}: {warning}" for name, warning in warnings]
    if verbose:
        for d in documents:
            themes = ", ".join(h.theme for h in d.themes) or "no theme"
            repairs = f"; repaired: {'; '.join(d.source.repairs)}" if d.source.repairs else ""
            out.append(f"  {d.name} → {page_of(d.slug)}: {len(d.removed)} removed, {len(d.moved)} moved, "
                       f"{themes}{repairs}")
        out += [f"  notice: {n}" for n in corpus.notices]
    return out
