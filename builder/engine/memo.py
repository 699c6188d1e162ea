"""The render memo: a document's rendered pages kept across builds (``.cache/builder/render/``).

Pages are stored under a hash of the code and of everything they are rendered from (the key
the write stage spells out, ``write.pages.document_inputs``), so an unchanged document is not
rendered again. Entries are sealed and checked like the cache's (``engine.store``): a bad one is
a miss (the pages are rendered again), named once in a warning.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from .codec import decode, encode
from .store import CACHE_DIR, SUFFIX, BadEntry, code_fingerprint, open_entry, report, seal, store

_RENDER = b"render"


class RenderMemo:
    """Rendered pages, stored under ``.cache/builder/render/`` by a hash of the code and of
    everything they are rendered from (``key``), so an unchanged document is not rendered again.
    Entries are sealed and checked like ``Cache``'s: a bad one is a miss (the pages are rendered)."""

    def __init__(self, root: Path, *, enabled: bool = True) -> None:
        self.dir = root / CACHE_DIR / "render"
        self.enabled = enabled
        self.salt = code_fingerprint()
        self.reported: set[str] = set()

    def key(self, inputs: str) -> str:
        return hashlib.sha256(f"{self.salt}\0{inputs}".encode("utf-8", "surrogatepass")).hexdigest()

    def path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}{SUFFIX}"

    def get(self, key: str) -> Any | None:
        """The pages stored under ``key`` (``{path: text}``), or ``None``."""
        if not self.enabled:
            return None
        path = self.path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            pages = decode(open_entry(_RENDER, key, data))
            if type(pages) is not dict or not all(type(k) is str and type(v) in (str, bytes)
                                                  for k, v in pages.items()):
                raise BadEntry("not rendered pages")
        except Exception as exc:  # a bad entry is a miss: the pages are rendered again
            report(self.reported, "rendered pages", key, path, exc)
            return None
        return pages

    def put(self, key: str, value: Any) -> None:
        if self.enabled:
            store(self.path(key), seal(_RENDER, key, encode(value)))
