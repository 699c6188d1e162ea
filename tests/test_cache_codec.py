"""The cache's encoding (``builder.engine.codec``): every document round-trips exactly (equal values of
the same types), and decoding builds plain data and the allowed classes only, never anything a
cache entry names."""

from __future__ import annotations

import dataclasses
from array import array
from typing import Any

import msgpack
import pytest

from builder import pipeline
from builder.engine import cache, codec
from builder.config import load_config
from builder.document import Block, Document, Source
from builder.read import find_seeds, read_seed

from conftest import ROOT, SEEDS


def same(a: Any, b: Any, where: str = "doc") -> None:
    """``a == b`` with the same type at every level (a tuple is not a list, an array keeps its type code)."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} became {type(b).__name__}"
    if dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, dict):
        assert list(a) == list(b), where
        for k in a:
            same(a[k], b[k], f"{where}[{k!r}]")
    elif isinstance(a, list | tuple):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{i}]")
    elif isinstance(a, array):
        assert a.typecode == b.typecode and a == b, where
    else:
        assert a == b, where


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    config = load_config(ROOT)
    return [pipeline.process(read_seed(seed), config) for seed in find_seeds(SEEDS)[0]]


def test_every_seeds_document_round_trips_exactly(documents):
    assert documents
    for doc in documents:
        same(doc, codec.decode(codec.encode(doc)), doc.name)


def test_every_seeds_document_round_trips_through_a_cache_entry(documents, tmp_path):
    store = cache.Cache(tmp_path, "config")
    payloads = cache.Payloads()
    for doc in documents:
        key = store.key(doc.name, doc.source.sha256)
        store.put(key, list(cache.pack_parts(doc)))
        small, path, offset = store.get(key)
        payloads.in_entry(small.name, path, offset)
        back = payloads.full(small)
        assert back.source.text_sha256 and small.word_diff is None and back.word_diff is not None
        same(dataclasses.replace(doc, source=dataclasses.replace(doc.source, text_sha256=back.source.text_sha256)),
             back, doc.name)
        assert payloads.raw(small) == (doc.source.raw or doc.source.text.encode())


def test_a_documents_link_data_keeps_its_types(documents):
    prepared = codec.decode(codec.encode(documents[0]))
    link = prepared.link_prepared
    assert type(link).__name__ == "Prepared" and isinstance(link.wording.keys, array)
    assert all(type(b.lines) is tuple for b in prepared.blocks)


def test_plain_values_round_trip_exactly():
    value = {"t": (1, (2.5, "x"), [None, True]), "a": array("H", [1, 65535]), "b": b"\x00\xff", 3: "int key",
             (1, "k"): "tuple key", "s": "lone \udc80 surrogate", "big": -(2**63)}
    same(value, codec.decode(codec.encode(value)))


def test_a_class_outside_the_allowed_list_is_not_encoded():
    @dataclasses.dataclass
    class Unknown:
        x: int = 0

    with pytest.raises(TypeError, match="Unknown"):
        codec.encode({"extra": Unknown()})
    with pytest.raises(TypeError):
        codec.encode({1, 2})  # a set (no exact round trip promised): refused too


def test_decoding_never_builds_a_class_named_by_the_data(tmp_path):
    marker = tmp_path / "made"
    for name in (b"os.system", b"builtins.open", b"pathlib.Path", b"builder.document.Block\x00"):
        data = msgpack.packb([msgpack.ExtType(2, name), str(marker), "w"])
        with pytest.raises(ValueError, match="not a known type"):
            codec.decode(data)
    assert not marker.exists()


def test_decoding_checks_the_number_of_fields():
    data = msgpack.packb([msgpack.ExtType(2, b"builder.document.Span"), 1, 2])  # Span has 4
    with pytest.raises(ValueError, match="fields"):
        codec.decode(data)


def test_the_allowed_classes_are_the_documents_and_the_link_stages():
    names = {f"{c.__module__}.{c.__qualname__}" for c in codec.allowed()}
    assert {"builder.document.Document", "builder.document.Block", "builder.link.prepared.Prepared"} <= names
    assert all(n.startswith("builder.") for n in names)


def test_a_document_built_by_hand_round_trips():
    doc = Document(Source("a.txt", "text", "0" * 64, raw=b"raw"), blocks=[Block("paragraph", "text", lines=(1, 1))])
    same(doc, codec.decode(codec.encode(doc)))


def test_packed_documents_unpack_only_to_documents():
    with pytest.raises(ValueError):
        cache.unpack(cache._LENGTH.pack(2) + codec.encode([1]))
