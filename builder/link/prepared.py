"""The per-document part of linking, worked out on every core and cached with the document."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Config
from ..document import Document
from ..enrich.entities import (Definition, Matcher, PackedTexts, TextMatches, declared_matcher,
                               find_definitions as find_acronym_definitions, prepare_text)
from .anchors import citable_blocks, pack_digests, paragraph_digests
from .places import all_blocks
from .wording import Wording


@dataclass(frozen=True, slots=True)
class Prepared:
    """What the link stage needs of one document that does not depend on the others: worked out
    by ``prepare`` in the per-document stage (on every core, cached with the document), so
    linking a corpus only combines them. Every field may be missing (a document that did not
    go through ``pipeline.process``): the link stage then works it out itself."""

    wording: Wording | None = None
    digests: bytes | None = None
    """``anchors.digest`` of each citable block, to carry its anchor (``anchors.pack_digests``)."""
    definitions: list[Definition] | None = None
    """The acronyms the document spells out (``enrich.entities.find_definitions``)."""
    entities: str = ""
    """Fingerprint of the declared entities' ``Matcher`` that found ``texts``."""
    texts: PackedTexts | None = None
    """What that matcher finds in each text block (``all_blocks`` order), then in ``title``."""
    title: str = ""


def prepare(doc: Document, config: Config) -> Prepared:
    """The per-document part of the link stage (see ``Prepared``)."""
    declared = declared_matcher(config.entities)
    title = doc.meta.title or ""
    texts = [*(b.text for b in all_blocks(doc)), title]
    return Prepared(wording=Wording.of(doc), digests=pack_digests(
                        paragraph_digests(citable_blocks(doc))),
                    definitions=find_acronym_definitions(doc), entities=declared.fingerprint,
                    texts=PackedTexts.of(prepare_text(declared, text) for text in texts), title=title)


class Texts:
    """A document's prepared ``TextMatches`` by place (block index, child index), unpacked on first use."""

    __slots__ = ("packed", "index", "unpacked")

    def __init__(self, packed: PackedTexts | None = None, places: list[tuple[int, int]] = ()) -> None:
        self.packed = packed
        self.index = {place: k for k, place in enumerate(places)}
        self.unpacked: dict[int, TextMatches] = {}

    def get(self, place: tuple[int, int]) -> TextMatches | None:
        k = self.index.get(place)
        return None if k is None else self.at(k)

    def at(self, k: int) -> TextMatches | None:
        if self.packed is None:
            return None
        found = self.unpacked.get(k)
        if found is None:
            found = self.unpacked[k] = self.packed[k]
        return found


@dataclass(slots=True)
class PreparedTexts:
    """A document's ``Prepared`` text matches, by place (block index, child index)."""

    texts: Texts
    entities: bool
    """Whether they were found by the declared entities of this build (else only their keys count)."""
    title: TextMatches | None


def prepared_texts(doc: Document, declared: Matcher | None) -> PreparedTexts:
    prepared = doc.link_prepared
    if prepared is None or prepared.texts is None:
        return PreparedTexts(Texts(), False, None)
    positions = [(i, j) for i, block in enumerate(doc.blocks) for j in range(-1, len(block.children))]
    if len(positions) + 1 != len(prepared.texts):
        return PreparedTexts(Texts(), False, None)
    same = declared is not None and prepared.entities == declared.fingerprint
    title = prepared.texts[len(positions)] if same and prepared.title == (doc.meta.title or "") else None
    return PreparedTexts(Texts(prepared.texts, positions), same, title)


def document_wording(doc: Document) -> Wording:
    """The document's ``Wording``: prepared by the per-document stage, or worked out now."""
    prepared = doc.link_prepared
    if prepared is not None and prepared.wording is not None:
        return prepared.wording
    return Wording.of(doc)


def shingles(doc: Document) -> set[int]:
    return set(document_wording(doc).keys)
