"""A content-addressed cache of per-document results (the output of ``pipeline.process``).

An entry is keyed by everything that decides what ``process`` returns for one seed:
the seed's name and the hash of its bytes, the configuration fingerprint
(``Config.fingerprint``), the builder version, the Python version and a hash of the
builder's own source files. Change any of them and the entry is simply not found;
nothing is ever invalidated by hand. Entries are pickled ``Document``s stored under
``<root>/.cache/builder/`` (outside ``docs/``); the folder is safe to delete at any time.

The cross-document stages (link, themes and entity pages, listings) never read the
cache: they always recompute from the per-document results, cached or fresh.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path

from . import __version__
from .document import Document

log = logging.getLogger(__name__)

CACHE_DIR = Path(".cache") / "builder"
"""Where the cache lives, relative to the project root (the folder of mkdocs.yml)."""

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the builder's source files, so an edited rule invalidates every entry."""
    digest = hashlib.sha256(f"{__version__}\0{sys.version_info[:2]}\0".encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class Cache:
    """Per-document results on disk; ``enabled=False`` makes every lookup a miss and stores nothing."""

    def __init__(self, root: Path, config_fingerprint: str, *, enabled: bool = True) -> None:
        self.dir = root / CACHE_DIR
        self.enabled = enabled
        self.salt = hashlib.sha256(f"{code_fingerprint()}\0{config_fingerprint}".encode()).hexdigest()

    def key(self, name: str, sha256: str) -> str:
        """Cache key of one seed: its name (overrides are per name), its bytes, config and code."""
        return hashlib.sha256(f"{self.salt}\0{name}\0{sha256}".encode()).hexdigest()

    def path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Document | None:
        if not self.enabled:
            return None
        try:
            data = self.path(key).read_bytes()
        except OSError:
            return None
        try:
            doc = pickle.loads(data)
        except Exception:  # a truncated or foreign file is just a miss
            log.debug("cache: unreadable entry %s, ignored", key)
            return None
        return doc if isinstance(doc, Document) else None

    def put(self, key: str, data: bytes) -> None:
        """Store a pickled ``Document`` (written to a temporary file, then renamed)."""
        if not self.enabled:
            return
        path = self.path(key)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError as exc:  # a read-only or full disk must not fail the build
            log.debug("cache: cannot store %s (%s)", key, exc)
            tmp.unlink(missing_ok=True)


def dumps(doc: Document) -> bytes:
    return pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)
