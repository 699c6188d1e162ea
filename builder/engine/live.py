"""What a long-lived process keeps between builds of one project (``mkdocs serve``).

A build from the command line starts from the disk: it reads every cached document and rendered
page (``engine.store``: each entry read whole and its checksums verified) and parses the
permalink manifest (a YAML parse of every page ever published). Under ``mkdocs serve`` the same
process builds again after every saved edit, and nearly all of that is what it read the time
before. ``start(root)`` opens a session for the project at ``root`` (the MkDocs hook does, for
``serve``); while it is open, builds of that project keep, in memory:

- each entry read from ``.cache/builder/`` (a document, a document's rendered pages), under its
  key, with the state of its file (size, modification time, inode): the next read of that key
  is answered from memory when the file is still the one read (entries are written whole under a
  new inode, ``store.store``), else read from the disk again (``Kept``);
- the permalink manifest the build wrote (``wrote_manifest``), parsed: the next build takes it
  (``manifest``) when ``permalinks.yml`` still holds exactly the text written, else parses the
  file as usual (a hand edit, another build's).

Nothing kept changes what a build makes: the kept entry is what reading the file gives, and the
kept manifest is what parsing the written text gives (``as_read``; tests/test_serve.py builds a
project through a session, edit after edit, and compares with clean builds). ``stop(root)`` ends
the session; nothing is kept across processes.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .store import file_state


@dataclass(slots=True)
class Kept:
    """Entries read from one folder of the cache, by key: ``(state of the file, what was read)``
    (``store.Entries.read`` asks here first)."""

    entries: dict[str, tuple[tuple[int, int, int], Any]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    """The keys asked for since the last ``sweep``."""

    def get(self, key: str, path: Path) -> Any | None:
        """What was read under ``key`` when its file at ``path`` is still the one read, else ``None``."""
        self.used.add(key)
        kept = self.entries.get(key)
        if kept is None:
            return None
        if file_state(path) != kept[0]:
            del self.entries[key]
            return None
        return kept[1]

    def put(self, key: str, path: Path, before: tuple[int, int, int] | None, value: Any) -> None:
        """Keep ``value``, read from ``path`` in the state ``before`` it had before the read (a file
        replaced meanwhile no longer matches it: not kept, read again next time)."""
        if before is not None and value is not None and before == file_state(path):
            self.entries[key] = (before, value)

    def sweep(self) -> None:
        """Forget the entries no build asked for since the last sweep (an edited seed's previous
        document, every document of a configuration before its edit): memory holds one build's."""
        self.entries = {key: kept for key, kept in self.entries.items() if key in self.used}
        self.used.clear()


@dataclass(slots=True)
class Session:
    """What is kept for one project between its builds in this process."""

    folders: dict[Path, Kept] = field(default_factory=dict)
    memos: dict[str, dict[Any, Any]] = field(default_factory=dict)
    """Named memos a stage is handed (``memo``), e.g. each manifest page's lines."""
    manifest: tuple[str, Any] | None = None
    """The sha256 of the manifest text last written, and that text as parsed
    (``manifest.as_read``)."""


_SESSIONS: dict[Path, Session] = {}


def _key(root: Path) -> Path:
    return Path(os.path.abspath(root))


def start(root: Path) -> Session:
    """Open (or find) the session of the project at ``root``."""
    return _SESSIONS.setdefault(_key(root), Session())


def stop(root: Path) -> None:
    _SESSIONS.pop(_key(root), None)


def active(root: Path) -> bool:
    """Whether a session of the project at ``root`` is open."""
    return _key(root) in _SESSIONS


def _session_of(path: Path) -> Session | None:
    """The session of the project that ``path`` (a folder under its root) belongs to."""
    path = _key(path)
    for root, session in _SESSIONS.items():
        if path == root or root in path.parents:
            return session
    return None


def kept(folder: Path) -> Kept | None:
    """Where entries read from ``folder`` (under ``.cache/builder/``) are kept, when a session of
    its project is open; else ``None`` (read from the disk every time)."""
    session = _session_of(folder)
    if session is None:
        return None
    return session.folders.setdefault(_key(folder), Kept())


def sweep(root: Path) -> None:
    """After a build of the project at ``root``: keep only what it read (``Kept.sweep``)."""
    session = _SESSIONS.get(_key(root))
    if session is not None:
        for kept in session.folders.values():
            kept.sweep()


def memo(root: Path, name: str) -> dict[Any, Any] | None:
    """The memo ``name`` of the session of the project at ``root``, for a stage to keep results in
    between builds (it answers as without it); ``None`` without a session."""
    session = _SESSIONS.get(_key(root))
    return None if session is None else session.memos.setdefault(name, {})


def manifest(path: Path) -> Any | None:
    """The manifest at ``path`` as parsing it gives (a ``manifest.Manifest`` the caller must not
    change), when a session wrote exactly its text; else ``None`` (parse the file)."""
    session = _session_of(path.parent)
    if session is None or session.manifest is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest, parsed = session.manifest
    return parsed if hashlib.sha256(data).hexdigest() == digest else None


def wrote_manifest(path: Path, text: str, parsed: Any) -> None:
    """The build wrote ``text`` at ``path``, which parses as ``parsed`` (``manifest.as_read`` of what
    it dumped): keep it, for a session of its project (nothing without one; ``None``: forget it)."""
    session = _session_of(path.parent)
    if session is not None:
        session.manifest = None if parsed is None else (hashlib.sha256(text.encode("utf-8")).hexdigest(), parsed)
