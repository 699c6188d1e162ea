"""A content-addressed cache of per-document results (the output of ``pipeline.process``).

An entry is keyed by everything that decides what ``process`` returns for one seed:
the seed's name and the hash of its bytes, the configuration fingerprint
(``Config.fingerprint``), the builder version, the Python version and a hash of the
builder's own source files. Change any of them and the entry is simply not found;
nothing is ever invalidated by hand. Entries are stored under ``<root>/.cache/builder/``
(outside ``docs/``); the folder is safe to delete at any time, during a build too.

An entry holds the document without its provenance payload (the seed's bytes, the decoded
text and the word diff: most of its size, read only to render the document's own pages),
then the payload. A build loads the small part of every document and keeps only where each
payload is (``Payloads``), so memory does not hold every seed twice over.

The cache is not trusted. Entries are data, never code: encoded by ``engine.codec``
(MessagePack with a fixed list of the classes it may build), never pickled, so whoever can
write ``.cache/`` (a shared or restored CI cache) cannot run anything. Each entry starts with a
checksum of its content and of the key it is stored under (``engine.store.seal``), verified on every read,
payloads included: an entry that is damaged, truncated, foreign, of an older format or copied
under another key is a miss (reported once, as a warning naming the key), and its document
is processed again. A payload found bad (or gone) when its pages are rendered is recovered
from the seed (``Payloads.reprocess``). The checksum is not a signature: it catches damage
and misplaced entries, not an editor of ``.cache/`` who recomputes it.

The cross-document stages (link, themes and entity pages, listings) never read the
cache: they always recompute from the per-document results, cached or fresh. The pages of
one document are memoised too (``engine.memo.RenderMemo``), on a hash of everything they are rendered
from, with the same checksums.
"""

from __future__ import annotations

import hashlib
import os
import struct
import tempfile
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from ..document import Document
from . import live
from .codec import decode, encode
from .store import CACHE_DIR, HEAD, SUFFIX, BadEntry, Entries, code_fingerprint, payload_checked, report

__all__ = ["CACHE_DIR", "BadEntry", "Cache", "Payloads", "code_fingerprint", "pack", "pack_parts", "unpack"]

_LENGTH = struct.Struct("<Q")


_DOCUMENT = b"document"


class Cache(Entries):
    """Per-document results on disk; ``enabled=False`` makes every lookup a miss and stores nothing."""

    def __init__(self, root: Path, config_fingerprint: str, *, enabled: bool = True) -> None:
        super().__init__(root / CACHE_DIR, _DOCUMENT, "document", enabled=enabled, kept=live.kept(root / CACHE_DIR))
        self.salt = hashlib.sha256(f"{code_fingerprint()}\0{config_fingerprint}".encode()).hexdigest()

    def key(self, name: str, sha256: str) -> str:
        """Cache key of one seed: its name (overrides are per name), its bytes, config and code."""
        return hashlib.sha256(f"{self.salt}\0{name}\0{sha256}".encode()).hexdigest()

    def get(self, key: str) -> tuple[Document, Path, int] | None:
        """The document stored under ``key`` (without its payload), the entry's path and where
        in it the payload starts; ``None`` when there is no such entry or it is bad (checksums,
        format, or a document of another seed: reported, then a miss)."""
        found = self.read(key, partial(self._document, key))
        if found is None:
            return None
        doc, length = found
        return doc, self.path(key), HEAD.size + length

    def _document(self, key: str, first: memoryview) -> tuple[Document, int]:
        """The document of an entry's first part, and the part's length; ``BadEntry`` when it is
        not the document of ``key``."""
        doc, end = unpack(first)
        if end != len(first):
            raise BadEntry("trailing data")
        if self.key(doc.name, doc.source.sha256) != key:
            raise BadEntry("not the document of this key")
        return doc, len(first)

    def put(self, key: str, data: bytes | list[bytes]) -> Path | None:
        """Store a packed ``Document`` (``pack_parts``: whole, or its two parts), sealed (written to a
        temporary file, then renamed); where it is stored, or ``None`` when it could not be."""
        first, payload = (data[0], b"".join(data[1:])) if isinstance(data, list) else _split(data)
        return self.write(key, first, payload)


def _split(packed: bytes) -> tuple[bytes, bytes]:
    """A ``pack`` in its two parts (the document, the payload)."""
    end = _prefixed_end(packed, "packed document")
    return packed[:end], packed[end:]


def _prefixed_end(data: bytes | memoryview, what: str) -> int:
    """Where the part that starts ``data`` ends (its length, then its bytes); ``ValueError``
    (a truncated ``what``) when ``data`` is shorter than that."""
    if len(data) < _LENGTH.size:
        raise ValueError(f"truncated {what}")
    end = _LENGTH.size + _LENGTH.unpack_from(data)[0]
    if end > len(data):
        raise ValueError(f"truncated {what}")
    return end


# --- documents, packed ----------------------------------------------------------------------

def pack(doc: Document) -> bytes:
    """A processed document as stored, and as sent from a worker: the document without its
    payload (with the hash of its text, for duplicate detection), then the payload: the seed's
    bytes, then the text and the word diff."""
    return b"".join(pack_parts(doc))


def pack_parts(doc: Document) -> tuple[bytes, bytes]:
    """``pack`` in two: the document without its payload (its length, then its ``codec``
    encoding), and the payload (the length of the seed's bytes, the bytes, then the text and
    the word diff, encoded)."""
    src = doc.source
    core = encode(replace(doc, source=replace(src, raw=b"", text="", text_sha256=_text_sha256(src.text)),
                          word_diff=None))
    rest = (src.text, doc.word_diff) if doc.word_diff is not None else (src.text,)
    return _LENGTH.pack(len(core)) + core, _LENGTH.pack(len(src.raw)) + src.raw + encode(rest)


def unpack(data: bytes | memoryview) -> tuple[Document, int]:
    """The document of a ``pack`` (without its payload) and where the payload starts; an exception
    (``ValueError`` or another) when ``data`` is not one."""
    view = memoryview(data)
    end = _prefixed_end(view, "packed document")
    doc = decode(view[_LENGTH.size:end])
    if not isinstance(doc, Document):
        raise ValueError(f"not a packed document but a {type(doc).__name__}")
    return doc, end


def _unpack_payload(payload: bytes | memoryview, *, whole: bool) -> tuple[bytes, tuple[Any, ...] | None]:
    """The seed's bytes and (``whole``) the rest of a payload; ``ValueError`` when malformed."""
    view = memoryview(payload)
    end = _prefixed_end(view, "payload")
    raw = bytes(view[_LENGTH.size:end])
    if not whole and raw:
        return raw, None
    rest = decode(view[end:])
    if type(rest) is not tuple or not 1 <= len(rest) <= 2 or type(rest[0]) is not str:
        raise ValueError("not a payload")
    return raw, rest


class Payloads:
    """Where each document's provenance payload waits until its pages are rendered: in its cache
    entry, or (fresh and not cached) in a temporary spill file. Only offsets stay in memory.

    Reads never move a shared file position (``os.pread``), so processes forked from the build
    (the engine's render pool, ``engine.pool.run_forked``) read payloads side by side. A payload read from the cache is
    checked (``Cache``); one found bad, or gone (``.cache`` deleted meanwhile), is reported and
    made again from the seed by ``reprocess`` (the build sets it: seed name → the document
    ``pipeline.process`` makes of it, payload included)."""

    def __init__(self, reprocess: Callable[[str], Document] | None = None) -> None:
        self._where: dict[str, tuple[Path | None, int, int]] = {}
        """name → (cache entry, or None for the spill file; where the payload starts; its length,
        -1 for up to the end of the entry)."""
        self._spill: Any = None
        self.reprocess = reprocess
        self.reported: set[str] = set()

    def in_entry(self, name: str, path: Path, offset: int) -> None:
        self._where[name] = (path, offset, -1)

    def keep(self, name: str, payload: bytes | memoryview) -> None:
        """Spill the payload part of a ``pack`` (its bytes from the offset ``unpack`` gave)."""
        if self._spill is None:
            self._spill = tempfile.TemporaryFile(prefix="builder-payloads-", buffering=0)
        offset = self._spill.seek(0, os.SEEK_END)
        view = memoryview(payload)
        while view:  # unbuffered (nothing left to flush twice after a fork), so it may take a few writes
            view = view[self._spill.write(view):]
        self._where[name] = (None, offset, len(payload))

    def _payload(self, doc: Document, *, whole: bool) -> tuple[bytes, tuple[Any, ...] | None]:
        """The document's payload: the seed's bytes and (``whole``, or no bytes kept) the rest,
        checked against the document; made again from the seed when its entry is bad or gone."""
        path, offset, length = self._where[doc.name]
        try:
            if path is None:
                data = os.pread(self._spill.fileno(), length, offset)
            else:  # (its offset is where the payload was in the entry or in the ``pack``: the header tells)
                data = payload_checked(_DOCUMENT, path.name.removesuffix(SUFFIX), path)
            raw, rest = _unpack_payload(data, whole=whole)
            if rest is not None and _text_sha256(rest[0]) != doc.source.text_sha256:
                raise BadEntry("its text is not the document's")
        except Exception as exc:  # damaged, truncated, replaced or deleted during the build
            report(self.reported, "payload", path.name.removesuffix(SUFFIX) if path else doc.name,
                    path or "spill file", f"{exc or type(exc).__name__}; {doc.name} is read and processed again")
            return self._recover(doc)
        return raw, rest

    def _recover(self, doc: Document) -> tuple[bytes, tuple[Any, ...]]:
        fresh = self.reprocess(doc.name) if self.reprocess is not None else None
        if fresh is None:
            raise RuntimeError(f"the cache entry of {doc.name} changed during the build; build again")
        src = fresh.source
        if src.sha256 != doc.source.sha256 or _text_sha256(src.text) != doc.source.text_sha256:
            raise RuntimeError(f"the seed {doc.name} changed during the build; build again")
        rest = (src.text, fresh.word_diff) if fresh.word_diff is not None else (src.text,)
        return src.raw, rest

    def raw(self, doc: Document) -> bytes:
        """The seed's bytes (the decoded text as UTF-8 if the bytes were not kept)."""
        if doc.name not in self._where:
            return doc.source.raw or doc.source.text.encode("utf-8")
        raw, rest = self._payload(doc, whole=False)
        if raw or rest is None:  # (the rest is read whenever no bytes were kept)
            return raw
        return rest[0].encode("utf-8")

    def full(self, doc: Document) -> Document:
        """``doc`` with its payload back (a copy; ``doc`` itself stays small)."""
        if doc.name not in self._where:
            return doc
        raw, rest = self._payload(doc, whole=True)
        assert rest is not None  # (``whole``)
        return replace(doc, source=replace(doc.source, raw=raw, text=rest[0]),
                       word_diff=rest[1] if len(rest) > 1 else None)

    def close(self) -> None:
        if self._spill is not None:
            self._spill.close()
            self._spill = None


def _text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
