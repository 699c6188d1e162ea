"""A content-addressed cache of per-document results (the output of ``pipeline.process``).

An entry is keyed by everything that decides what ``process`` returns for one seed:
the seed's name and the hash of its bytes, the configuration fingerprint
(``Config.fingerprint``), the builder version, the Python version and a hash of the
builder's own source files. Change any of them and the entry is simply not found;
nothing is ever invalidated by hand. Entries (``pack``) are stored under
``<root>/.cache/builder/`` (outside ``docs/``); the folder is safe to delete at any time.

An entry holds the document without its provenance payload (the seed's bytes, the decoded
text and the word diff: most of its size, read only to render the document's own pages),
then the payload. A build loads the small part of every document and keeps only where each
payload is (``Payloads``), so memory does not hold every seed twice over.

The cross-document stages (link, themes and entity pages, listings) never read the
cache: they always recompute from the per-document results, cached or fresh. The pages of
one document are memoised too (``RenderMemo``), on a hash of everything they are rendered
from.
"""

from __future__ import annotations

import hashlib
import logging
import os
import io
import pickle
import sys
import tempfile
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

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

    def get(self, key: str) -> tuple[Document, Path, int] | None:
        """The document stored under ``key`` (without its payload), the entry's path and where
        in it the payload starts; ``None`` when there is no such entry."""
        if not self.enabled:
            return None
        path = self.path(key)
        try:
            doc, offset = unpack(path.read_bytes())  # one read: unpickling from a file reads in pieces
        except OSError:
            return None
        except Exception:  # a truncated or foreign file is just a miss
            log.debug("cache: unreadable entry %s, ignored", key)
            return None
        return (doc, path, offset) if isinstance(doc, Document) else None

    def put(self, key: str, data: bytes | list[bytes]) -> Path | None:
        """Store a packed ``Document``, whole or in parts (written to a temporary file, then renamed); where it is
        stored, or ``None`` when it could not be."""
        if not self.enabled:
            return None
        path = self.path(key)
        return path if _store(path, data) else None


_MADE: set[Path] = set()
"""Folders this process made or found (one ``mkdir`` per folder, not per entry)."""


def _store(path: Path, data: bytes | list[bytes]) -> bool:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if path.parent not in _MADE:
            path.parent.mkdir(parents=True, exist_ok=True)
            _MADE.add(path.parent)
        with tmp.open("wb") as f:
            f.writelines(data if isinstance(data, list) else [data])
        os.replace(tmp, path)
    except OSError as exc:  # a read-only or full disk must not fail the build
        log.debug("cache: cannot store %s (%s)", path.name, exc)
        _MADE.discard(path.parent)  # (perhaps deleted meanwhile: made again next time)
        tmp.unlink(missing_ok=True)
        return False
    return True


def pack(doc: Document) -> bytes:
    """A processed document as stored, and as sent from a worker: three pickles, the document
    without its payload (with the hash of its text, for duplicate detection), the seed's bytes,
    then the text and the word diff."""
    return b"".join(pack_parts(doc))


def pack_parts(doc: Document) -> tuple[bytes, bytes]:
    """``pack`` in two: the document without its payload, and the payload."""
    src = doc.source
    extra = {k: v for k, v in doc.extra.items() if k != "word_diff"}
    extra["text_sha256"] = hashlib.sha256(src.text.encode()).hexdigest()
    core = replace(doc, source=replace(src, raw=b"", text=""), extra=extra)
    rest = (src.text, doc.extra["word_diff"]) if "word_diff" in doc.extra else (src.text,)
    return dumps(core), dumps(src.raw) + dumps(rest)


def unpack(data: bytes) -> tuple[Document, int]:
    """The document of a ``pack`` (without its payload) and where the payload starts."""
    f = io.BytesIO(data)
    doc = pickle.load(f)
    return doc, f.tell()


class Payloads:
    """Where each document's provenance payload waits until its pages are rendered: in its cache
    entry, or (fresh and not cached) in a temporary spill file. Only offsets stay in memory.

    Reads never move a shared file position (``os.pread``), so processes forked from the build
    (``pipeline``'s render pool) read payloads side by side."""

    def __init__(self) -> None:
        self._where: dict[str, tuple[Path | None, int, int]] = {}
        """name → (cache entry, or None for the spill file; where the payload starts; its length,
        -1 for up to the end of the entry)."""
        self._spill: Any = None

    def in_entry(self, name: str, path: Path, offset: int) -> None:
        self._where[name] = (path, offset, -1)

    def keep(self, name: str, payload: bytes | memoryview) -> None:
        """Spill the payload part of a ``pack`` (its bytes from the offset ``unpack`` gave)."""
        if self._spill is None:
            self._spill = tempfile.TemporaryFile(prefix="builder-payloads-", buffering=0)
        offset = self._spill.seek(0, io.SEEK_END)
        view = memoryview(payload)
        while view:  # unbuffered (nothing left to flush twice after a fork), so it may take a few writes
            view = view[self._spill.write(view):]
        self._where[name] = (None, offset, len(payload))

    def _read(self, name: str) -> io.BytesIO:
        path, offset, length = self._where[name]
        if path is None:
            data = os.pread(self._spill.fileno(), length, offset)
        else:
            with path.open("rb") as f:
                f.seek(offset)
                data = f.read()
        return io.BytesIO(data)

    def raw(self, doc: Document) -> bytes:
        """The seed's bytes (the decoded text as UTF-8 if the bytes were not kept)."""
        if doc.name not in self._where:
            return doc.source.raw or doc.source.text.encode("utf-8")
        f = self._read(doc.name)
        raw = pickle.load(f)
        return raw or pickle.load(f)[0].encode("utf-8")

    def full(self, doc: Document) -> Document:
        """``doc`` with its payload back (a copy; ``doc`` itself stays small)."""
        if doc.name not in self._where:
            return doc
        f = self._read(doc.name)
        raw = pickle.load(f)
        rest = pickle.load(f)
        if hashlib.sha256(rest[0].encode()).hexdigest() != doc.extra.get("text_sha256"):
            raise RuntimeError(f"the cache entry of {doc.name} changed during the build; build again")
        extra = {k: v for k, v in doc.extra.items() if k != "text_sha256"}
        if len(rest) > 1:
            extra["word_diff"] = rest[1]
        return replace(doc, source=replace(doc.source, raw=raw, text=rest[0]), extra=extra)

    def close(self) -> None:
        if self._spill is not None:
            self._spill.close()
            self._spill = None


class RenderMemo:
    """Rendered pages, stored under ``.cache/builder/render/`` by a hash of the code and of
    everything they are rendered from (``key``), so an unchanged document is not rendered again."""

    def __init__(self, root: Path, *, enabled: bool = True) -> None:
        self.dir = root / CACHE_DIR / "render"
        self.enabled = enabled
        self.salt = code_fingerprint()

    def key(self, inputs: str) -> str:
        return hashlib.sha256(f"{self.salt}\0{inputs}".encode("utf-8", "surrogatepass")).hexdigest()

    def path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Any | None:
        if not self.enabled:
            return None
        try:
            return pickle.loads(self.path(key).read_bytes())
        except OSError:
            return None
        except Exception:  # a truncated or foreign file is just a miss
            return None

    def put(self, key: str, value: Any) -> None:
        if self.enabled:
            _store(self.path(key), dumps(value))


def dumps(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
