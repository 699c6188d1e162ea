"""Sealed files under ``.cache/builder/``: where the engine keeps what it stores, the fingerprint
of the builder's code, and the checksums every stored file carries.

Light on purpose (the standard library only): the up-to-date check (``engine.stamp``) needs
nothing of the cache's codec nor of any stage but ``read``. A sealed file starts with a header
(``MAGIC``, a checksum of its first part, a checksum of the rest, the first part's length);
each checksum covers the kind of file and the key it is stored under as well, so a damaged,
truncated, foreign or misplaced file is told apart from a good one (``BadEntry``). The checksum
is not a signature: it catches damage and misplaced files, not an editor of ``.cache/`` who
recomputes it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import struct
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from .. import __version__

log = logging.getLogger(__name__)

CACHE_DIR = Path(".cache") / "builder"
"""Where the engine stores, relative to the project root (the folder of mkdocs.yml)."""

SUFFIX = ".entry"
"""File name ending of an entry (``<key>.entry``)."""

_PACKAGE = Path(__file__).resolve().parent.parent
"""The ``builder`` package, whose source files ``code_fingerprint`` hashes."""

MAGIC = b"CBENTRY2"
"""The first bytes of every entry (a new format gets a new one: older entries are then misses).
2: ``Document`` declares what stages hand on (no ``extra`` dict), ``Source.text_sha256``."""

HEAD = struct.Struct("<8s32s32sQ")
"""An entry's header: ``MAGIC``, checksum of the first part, checksum of the payload (the rest),
length of the first part."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the builder's source files, so an edited rule invalidates every entry."""
    digest = hashlib.sha256(f"{__version__}\0{sys.version_info[:2]}\0".encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class BadEntry(Exception):
    """An entry that is not what was stored under its key (the message says how)."""


def checksum(kind: bytes, key: str, part: bytes | memoryview) -> bytes:
    """The checksum of ``part`` stored as a ``kind`` under ``key``."""
    digest = hashlib.sha256(kind + b"\0" + key.encode() + b"\0")
    digest.update(part)
    return digest.digest()


def seal(kind: bytes, key: str, first: bytes, payload: bytes = b"") -> list[bytes]:
    """An entry as stored: the header (``HEAD``), then ``first`` and ``payload``."""
    head = HEAD.pack(MAGIC, checksum(kind + b"/first", key, first), checksum(kind + b"/payload", key, payload),
                     len(first))
    return [head, first, payload] if payload else [head, first]


def open_entry(kind: bytes, key: str, data: bytes | memoryview) -> memoryview:
    """The first part of a sealed entry, checked, its payload too; ``BadEntry`` if anything is off."""
    view = memoryview(data)
    if len(view) < HEAD.size:
        raise BadEntry("truncated" if view[:len(MAGIC)] == MAGIC[:len(view)] else "not an entry")
    magic, first_sum, payload_sum, length = HEAD.unpack_from(view)
    if magic != MAGIC:
        raise BadEntry("not an entry of this format")
    end = HEAD.size + length
    if end > len(view):
        raise BadEntry("truncated")
    first = view[HEAD.size:end]
    if checksum(kind + b"/first", key, first) != first_sum:
        raise BadEntry("checksum mismatch (damaged, or stored under another key)")
    if checksum(kind + b"/payload", key, view[end:]) != payload_sum:
        raise BadEntry("payload checksum mismatch (damaged or truncated)")
    return first


def payload_checked(kind: bytes, key: str, path: Path) -> bytes:
    """The payload of the entry at ``path``, checked; ``BadEntry`` or ``OSError``."""
    with path.open("rb") as f:
        head = f.read(HEAD.size)
        if len(head) < HEAD.size:
            raise BadEntry("truncated")
        magic, _first_sum, payload_sum, length = HEAD.unpack(head)
        if magic != MAGIC:
            raise BadEntry("not an entry of this format")
        f.seek(HEAD.size + length)
        payload = f.read()
    if checksum(kind + b"/payload", key, payload) != payload_sum:
        raise BadEntry("payload checksum mismatch (damaged or truncated)")
    return payload


T = TypeVar("T")


class Entries:
    """Sealed entries of one ``kind`` in a folder, each named by its key (``<key>.entry`` in a
    folder named by the key's first two characters): what the cache (``engine.cache``) and the
    render memo (``engine.memo``) share. ``enabled=False`` makes every read a miss and stores
    nothing; ``what`` names the entries in the warning about a bad one."""

    def __init__(self, folder: Path, kind: bytes, what: str, *, enabled: bool = True, kept: Any = None) -> None:
        self.dir = folder
        self.kind = kind
        self.what = what
        self.enabled = enabled
        self.kept = kept
        """Where a long-lived process keeps what it read (``engine.live.Kept``), or ``None``."""
        self.reported: set[str] = set()
        """The keys whose bad entry was already reported."""

    def path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}{SUFFIX}"

    def read(self, key: str, make: Callable[[memoryview], T]) -> T | None:
        """What ``make`` builds of the first part of the entry stored under ``key``, checked
        (``open_entry``: its payload too); ``None`` when there is no such entry or it is bad (its
        checks fail or ``make`` raises: reported once, then a miss, never an error)."""
        if not self.enabled:
            return None
        path = self.path(key)
        kept = self.kept
        if kept is not None:  # a long-lived process read this file before (``engine.live``)
            value = kept.get(key, path)
            if value is not None:
                return value
            before = file_state(path)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            value = make(open_entry(self.kind, key, data))
        except Exception as exc:  # whatever the bytes are, a bad entry is a miss
            report(self.reported, self.what, key, path, exc)
            return None
        if kept is not None:
            kept.put(key, path, before, value)
        return value

    def write(self, key: str, first: bytes, payload: bytes = b"") -> Path | None:
        """Store ``first`` and ``payload`` sealed under ``key`` (``seal``, ``store``): where, or
        ``None`` when it could not be stored."""
        if not self.enabled:
            return None
        path = self.path(key)
        return path if store(path, seal(self.kind, key, first, payload)) else None


def file_state(path: Path) -> tuple[int, int, int] | None:
    """A file's size, modification time and inode (``None``: missing): an entry is written whole
    under a new inode (``store``), so the same state is the same entry."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino


def report(reported: set[str], what: str, key: str, path: Path | str, why: object) -> None:
    """Warn of a bad entry, once (``reported``: the keys already reported)."""
    if key not in reported:
        reported.add(key)
        log.warning("cache: ignored the %s entry %s (%s): %s", what, key, path, why)


_MADE: set[Path] = set()
"""Folders this process made or found (one ``mkdir`` per folder, not per entry)."""


def store(path: Path, data: list[bytes]) -> bool:
    """Write ``data`` at ``path`` atomically; ``False`` (quietly) when it cannot be written. A folder
    deleted meanwhile (``.cache`` removed during the build) is made again, once."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    for attempt in (1, 2):
        try:
            if path.parent not in _MADE or attempt == 2:
                path.parent.mkdir(parents=True, exist_ok=True)
                _MADE.add(path.parent)
            with tmp.open("wb") as f:
                f.writelines(data)
            os.replace(tmp, path)
            return True
        except FileNotFoundError:  # the folder was deleted meanwhile: made again, then once more
            _MADE.discard(path.parent)
            tmp.unlink(missing_ok=True)
        except OSError as exc:  # a read-only or full disk must not fail the build
            log.debug("cache: cannot store %s (%s)", path.name, exc)
            _MADE.discard(path.parent)
            tmp.unlink(missing_ok=True)
            return False
    log.debug("cache: cannot store %s (its folder keeps disappearing)", path.name)
    return False
