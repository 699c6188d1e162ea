"""What one stage hands to the next cannot be changed by the next: the hand-offs and the records
they carry are frozen dataclasses, and a stage that needs one changed makes a new one
(``dataclasses.replace``). ``Block`` and ``Metadata`` are not frozen yet (the README's developer
map says who still writes into them)."""

from __future__ import annotations

import dataclasses

import pytest

from builder.config import Config
from builder.document import Block, CleanDocument, Document, Move, Removal, Source, Span, ThemeHit
from builder.link import Corpus, LinkedCorpus, cross_link, link
from builder.link.crosslinks import Links, Mention, Reference, Related, TimelineEntry
from builder.link.pins import Pins
from builder.link.prepared import Prepared
from builder.manifest import Manifest

def test_the_enriched_document_carries_the_clean_one_s_fields_declared_once():
    # Enrich hands on a CleanDocument and what it found: no field is declared on both.
    assert issubclass(Document, CleanDocument)
    assert not set(Document.__annotations__) & set(CleanDocument.__annotations__)
    clean = [f.name for f in dataclasses.fields(CleanDocument)]
    assert [f.name for f in dataclasses.fields(Document)][:len(clean)] == clean


FROZEN = (Source, CleanDocument, Document, Span, Removal, Move, ThemeHit,
          Corpus, LinkedCorpus, Pins, Links, Mention, Related, Reference, TimelineEntry, Prepared)


@pytest.mark.parametrize("cls", FROZEN, ids=lambda cls: cls.__name__)
def test_each_hand_off_and_record_is_a_frozen_dataclass(cls):
    assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen


def test_a_record_cannot_be_written_into():
    span = Span(0, 4, "strong")
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 2  # type: ignore[misc]


def test_a_span_moved_is_a_new_span():
    span = Span(3, 7, "url", "https://example.org")
    assert span.shifted(2) == Span(5, 9, "url", "https://example.org")
    assert span == Span(3, 7, "url", "https://example.org")


def test_a_theme_hit_holds_tuples():
    hit = ThemeHit("ports", 3.0, ((0, 2.0),), ("port",))
    assert isinstance(hit.passages, tuple) and isinstance(hit.phrases, tuple)


def test_cross_linking_returns_a_new_corpus_with_its_links():
    doc = Document(Source("a.txt", "Ports.", "0" * 64), blocks=[Block("paragraph", "Ports.")], slug="a")
    corpus = Corpus([doc], Config())
    linked = cross_link(corpus)
    assert corpus.links is None and isinstance(linked.links, Links)


def test_the_corpus_reads_the_manifest_of_its_pins_else_of_its_configuration():
    loaded, pinned = Manifest(), Manifest()
    doc = Document(Source("a.txt", "Ports.", "0" * 64), slug="a")
    assert Corpus([doc], Config(permalinks=loaded)).manifest is loaded
    assert Corpus([doc], Config(permalinks=loaded), pins=Pins(pinned, set())).manifest is pinned
    assert Corpus([doc], Config()).manifest is None


def test_linking_hands_writing_a_linked_corpus_with_its_pins_and_links():
    doc = Document(Source("a.txt", "Ports.", "0" * 64), blocks=[Block("paragraph", "Ports.")])
    linked = link([doc], Config())
    assert isinstance(linked, LinkedCorpus)
    assert isinstance(linked.pins, Pins) and isinstance(linked.links, Links)


def test_a_linked_corpus_cannot_be_made_without_its_pins_and_links():
    with pytest.raises(TypeError):
        LinkedCorpus([], Config())  # type: ignore[call-arg]


def test_a_linked_corpus_cannot_be_written_into():
    linked = link([Document(Source("a.txt", "Ports.", "0" * 64), blocks=[Block("paragraph", "Ports.")])], Config())
    with pytest.raises(dataclasses.FrozenInstanceError):
        linked.links = Links({})  # type: ignore[misc]


def test_a_linked_corpus_reads_the_manifest_of_its_pins():
    pinned = Manifest()
    linked = LinkedCorpus([], Config(permalinks=Manifest()), pins=Pins(pinned, set()), links=Links({}))
    assert linked.manifest is pinned
