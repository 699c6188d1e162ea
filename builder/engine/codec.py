"""A data-only encoding of the builder's results, for the cache (``engine.cache``) and the render
memo (``engine.memo``).

Cache entries are read back from a folder that anyone who can write ``.cache/`` controls (a
shared or restored CI cache), so decoding them must never run code: no pickle. Values are
MessagePack (``msgpack``) with three tagged kinds on top of its plain data (None, bool, int,
float, str, bytes, list, dict):

- a tuple is an array whose first item is the tag ``TUPLE``;
- an object is an array whose first item is the tag naming its class, then its fields in
  declaration order. Only the dataclasses of ``allowed()`` (``_allowed``) can be named: decoding looks the name
  up in that table and calls nothing else (a name not in it is an error, never an import);
- an ``array.array`` is an extension holding its type code and its items, little-endian.

Anything else (a subclass of a plain type, a set, an unknown class) cannot be encoded: a
``TypeError`` names it, so a new type reaching a document is added to ``_allowed`` on purpose.
``encode``/``decode`` round-trip exactly: equal values, of the same types.
"""

from __future__ import annotations

import sys
from array import array
from dataclasses import fields
from typing import Any

import msgpack

from ..link.prepared import Prepared
from ..link.wording import Wording
from ..document import Block, Document, Metadata, Move, Removal, Source, Span, ThemeHit
from ..enrich.entities import Definition, PackedTexts

_TUPLE_CODE = 1
_OBJECT_CODE = 2
_ARRAY_CODE = 3
_LITTLE = sys.byteorder == "little"
_TYPECODES = frozenset("bBhHiIqQfd")
"""Array type codes of one size on every platform (not ``l``/``L``)."""


def _allowed() -> tuple[type, ...]:
    """The classes a decoded value may hold."""
    return (Document, Source, Block, Span, Removal, Move, Metadata, ThemeHit,  # builder.document
            Prepared, Wording, Definition, PackedTexts)  # Document.link_prepared (link.prepared.prepare)


class _Tag:
    """The decoded first item of a tagged array: how to make its value of the other items."""

    __slots__ = ("make",)

    def __init__(self, make: Any) -> None:
        self.make = make


class _Codec:
    def __init__(self) -> None:
        self.fields: dict[type, tuple[str, ...]] = {}
        self.tags: dict[type, msgpack.ExtType] = {}
        self.heads: dict[bytes, _Tag] = {}
        """What an object's tag (its class's name) decodes to."""
        self.tuple_tag = msgpack.ExtType(_TUPLE_CODE, b"")
        self.tuple_head = _Tag(_tuple)
        for cls in _allowed():
            names = tuple(f.name for f in fields(cls))
            if any(not f.init for f in fields(cls)) or hasattr(cls, "__post_init__"):
                raise TypeError(f"{cls.__qualname__}: only plain dataclasses can be decoded")
            name = f"{cls.__module__}.{cls.__qualname__}".encode()
            self.fields[cls] = names
            self.tags[cls] = msgpack.ExtType(_OBJECT_CODE, name)
            self.heads[name] = _Tag(_maker(cls, len(names)))

    def _default(self, obj: Any) -> Any:
        cls = type(obj)
        if cls is tuple:
            return [self.tuple_tag, *obj]
        names = self.fields.get(cls)
        if names is not None:
            return [self.tags[cls], *[getattr(obj, name) for name in names]]
        if cls is array and obj.typecode in _TYPECODES:
            if not _LITTLE:
                obj = array(obj.typecode, obj)
                obj.byteswap()
            return msgpack.ExtType(_ARRAY_CODE, obj.typecode.encode() + obj.tobytes())
        raise TypeError(f"the cache cannot store a {cls.__module__}.{cls.__qualname__} "
                        "(not plain data nor a class of builder.engine.codec.allowed())")

    def _ext(self, code: int, data: bytes) -> Any:
        if code == _TUPLE_CODE and not data:
            return self.tuple_head
        if code == _OBJECT_CODE:
            head = self.heads.get(data)
            if head is not None:
                return head
        elif code == _ARRAY_CODE:
            typecode = data[:1].decode("ascii", "replace")
            if typecode not in _TYPECODES:
                raise ValueError(f"not an array type code: {typecode!r}")
            value = array(typecode)
            value.frombytes(data[1:])  # (ValueError when not a whole number of items)
            if not _LITTLE:
                value.byteswap()
            return value
        raise ValueError(f"not a known type: {code} {bytes(data)[:80]!r}")

    @staticmethod
    def _list(items: list[Any]) -> Any:
        if items and type(items[0]) is _Tag:
            return items[0].make(items)
        return items

    def encode(self, value: Any) -> bytes:
        packer = msgpack.Packer(default=self._default, use_bin_type=True, strict_types=True,
                                unicode_errors="surrogatepass")  # (one per call: safe from any thread)
        return packer.pack(value)

    def decode(self, data: bytes | memoryview) -> Any:
        value = msgpack.unpackb(data, ext_hook=self._ext, list_hook=self._list, raw=False, strict_map_key=False,
                                unicode_errors="surrogatepass")
        if type(value) is _Tag:  # (a tag alone, outside an array)
            raise ValueError("a type tag outside an array")
        return value


def _maker(cls: type, arity: int) -> Any:
    size = arity + 1

    def make(items: list[Any]) -> Any:
        if len(items) != size:
            raise ValueError(f"{cls.__qualname__} has {arity} fields, not {len(items) - 1}")
        del items[0]
        return cls(*items)  # (a plain dataclass's __init__ only assigns its fields)
    return make


def _tuple(items: list[Any]) -> tuple[Any, ...]:
    del items[0]
    return tuple(items)


_CODEC: _Codec | None = None


def _codec() -> _Codec:
    global _CODEC
    if _CODEC is None:
        _CODEC = _Codec()
    return _CODEC


def encode(value: Any) -> bytes:
    """``value`` as bytes; ``TypeError`` when it holds something ``decode`` could not make again."""
    return _codec().encode(value)


def decode(data: bytes | memoryview) -> Any:
    """The value ``encode`` gave ``data`` for; ``ValueError`` (or another ``Exception``) for
    anything else: truncated, foreign or altered bytes never build anything but plain data and
    the classes of ``allowed()``."""
    return _codec().decode(data)


def allowed() -> tuple[type, ...]:
    """Every class a decoded value may be an instance of (besides plain data)."""
    return tuple(_codec().fields)

