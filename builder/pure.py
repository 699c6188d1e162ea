"""Pure functions a stage declares, whose answers the engine may keep.

A rule that is a pure function of its (hashable) arguments, asked the same question again and
again (a phrase's regex, a word's frequency, a date line read), says so with ``@pure`` and
nothing more: it reads as a plain function. Whether and how many answers are kept is the
engine's business (``engine.answers``, handed over by ``use_memo`` when a build starts, like the
stages' other fast paths); without it every call runs the plain function, with the same answers.

``@pure`` is only for a function whose answer depends on its arguments alone: never on a module
global that changes (pass it in as an argument instead), and never a mutable value a caller
changes (a kept answer is shared by every caller).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Point:
    """A pure function: its ``name`` (``module.qualname``), the ``plain`` function, and the one
    a call runs (``runs[0]``: the plain one, or the engine's memo of it)."""

    name: str
    plain: Callable[..., Any]
    runs: list[Callable[..., Any]]


POINTS: dict[str, Point] = {}
"""Every pure function declared so far, by name."""

Memo = Callable[[str, Callable[..., Any]], Callable[..., Any]]
_MEMO: list[Memo] = []
"""How answers are kept (``use_memo``); none: every call runs the plain function."""


def pure(fn: Callable[P, R]) -> Callable[P, R]:
    """Declare ``fn`` a pure function of its arguments: the engine may keep its answers."""
    name = f"{fn.__module__}.{fn.__qualname__}"
    runs: list[Callable[..., Any]] = [_MEMO[0](name, fn) if _MEMO else fn]

    @functools.wraps(fn)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        return runs[0](*args, **kwargs)  # type: ignore[no-any-return]

    POINTS[name] = Point(name, fn, runs)
    return call


def use_memo(memo: Memo) -> None:
    """Run every pure function, declared so far or later, as ``memo(name, plain)`` (the engine
    passes one that keeps answers; ``plain_calls`` undoes it). The memo already in use: nothing
    happens (the answers kept are kept)."""
    if _MEMO == [memo]:
        return
    _MEMO[:] = [memo]
    for point in POINTS.values():
        point.runs[0] = memo(point.name, point.plain)


def plain_calls() -> None:
    """Every pure function runs its plain version again, keeping nothing."""
    _MEMO.clear()
    for point in POINTS.values():
        point.runs[0] = point.plain
