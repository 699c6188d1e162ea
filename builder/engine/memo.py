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

from . import live
from .codec import decode, encode
from .store import CACHE_DIR, BadEntry, Entries, code_fingerprint

_RENDER = b"render"


class RenderMemo(Entries):
    """Rendered pages, stored under ``.cache/builder/render/`` by a hash of the code and of
    everything they are rendered from (``key``), so an unchanged document is not rendered again.
    Entries are sealed and checked like ``Cache``'s: a bad one is a miss (the pages are rendered)."""

    def __init__(self, root: Path, *, enabled: bool = True) -> None:
        folder = root / CACHE_DIR / "render"
        super().__init__(folder, _RENDER, "rendered pages", enabled=enabled, kept=live.kept(folder))
        self.salt = code_fingerprint()

    def key(self, inputs: str) -> str:
        return hashlib.sha256(f"{self.salt}\0{inputs}".encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str) -> Any | None:
        """The pages stored under ``key`` (``{path: text}``), or ``None`` (a bad entry is a miss:
        the pages are rendered again)."""
        return self.read(key, _pages)

    def put(self, key: str, value: Any) -> None:
        self.write(key, encode(value))


def _pages(first: memoryview) -> dict[str, str | bytes]:
    pages = decode(first)
    if type(pages) is not dict or not all(type(k) is str and type(v) in (str, bytes) for k, v in pages.items()):
        raise BadEntry("not rendered pages")
    return pages
