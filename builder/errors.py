"""Errors of the builder: a small hierarchy, so a bad document never stops the build."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
"""The command line's exit statuses: every document published; some rejected (the site still
built; with ``--check``, also docs/ out of date); a usage, configuration or writing error
(nothing written); a bug in the builder (nothing written); interrupted (nothing written)."""


class BuilderError(Exception):
    """Base class of everything the builder raises on purpose."""


class ConfigError(BuilderError):
    """A configuration file is invalid. The message names the file, key and line."""


class DocumentError(BuilderError):
    """One seed cannot be published; the rest of the site still builds."""

    def __init__(self, source: str, reason: str, action: str = "skipped") -> None:
        super().__init__(f"{source}: {reason} ({action})")
        self.source = source
        self.reason = reason
        self.action = action


class DocumentFailed(BuilderError):
    """A per-document step after cleaning (linking, rendering) failed: the message names the
    seed (the cause is chained), so the build can set that document aside and go on."""

    def __init__(self, source: str, failure: str) -> None:
        super().__init__(f"{source}: {failure}")
        self.source = source
        self.failure = failure

    def __reduce__(self) -> tuple[Any, ...]:  # crosses from a render process to the build's
        return (type(self), (self.source, self.failure))


@contextmanager
def naming(source: str, step: str) -> Iterator[None]:
    """Run a per-document step so that whatever it raises names the seed (``DocumentFailed``)."""
    try:
        yield
    except DocumentFailed:
        raise
    except Exception as exc:
        raise DocumentFailed(source, f"{step} failed: {type(exc).__name__}: {exc}") from exc


class Notice(str):
    """A problem with one file that did not stop the build, as a line of text (what logs and
    ``notices`` in the report show) that also keeps its parts for the report's ``problems``.

    >>> n = Notice("notes.md", "not a .txt file", "ignored")
    >>> n, n.action
    ('notes.md: not a .txt file (ignored)', 'ignored')
    """

    source: str
    reason: str
    action: str

    def __new__(cls, source: str, reason: str, action: str) -> Notice:
        self = super().__new__(cls, f"{source}: {reason} ({action})")
        self.source, self.reason, self.action = source, reason, action
        return self

    def __getnewargs__(self) -> tuple[str, str, str]:  # type: ignore[override]
        return self.source, self.reason, self.action


def problems(rejected: list[dict[str, str]], notices: list[str], documents: list[Any]) -> list[dict[str, str]]:
    """Every problem of the build, one ``{source, reason, action}`` each, sorted by file.

    ``action`` says what was done: ``skipped`` (a rejected seed), ``repaired`` (what reading
    fixed: encoding, byte-order mark, line ends, control characters, mojibake, long lines),
    ``ignored`` (not a seed), ``published once`` (a duplicate).
    """
    out = [{"source": r["source"], "reason": r["reason"], "action": r.get("action", "skipped")} for r in rejected]
    for doc in documents:
        out += [{"source": doc.name, "reason": repair, "action": "repaired"} for repair in doc.source.repairs]
    for notice in notices:
        if isinstance(notice, Notice):
            out.append({"source": notice.source, "reason": notice.reason, "action": notice.action})
        else:
            source, _, reason = str(notice).partition(": ")
            out.append({"source": source, "reason": reason, "action": "noted"})
    return sorted(out, key=lambda p: (p["source"], p["action"], p["reason"]))
