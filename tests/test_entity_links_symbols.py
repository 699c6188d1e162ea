"""The link stage leaves document symbols whole (review F12): a body's acronym inside a symbol
(``A/HRC/53/26``, ``CMW/C/GC/4``) is part of the reference, not a mention to link or explain."""

from __future__ import annotations

from builder.config import Config, EntityDecl
from builder.document import Block, Document, Metadata, Source
from builder.link import Corpus, cross_link, crosslinks
from builder.link.entity_links import symbol_free

HRC = EntityDecl("hrc", "Human Rights Council", "body", "HRC")


def doc(*texts: str) -> Document:
    d = Document(Source("a.txt", "", ""), [Block("paragraph", t) for t in texts], meta=Metadata(title="a"), slug="a")
    for n, b in enumerate(d.blocks, 1):
        b.para, b.anchor = n, f"para-{n}"
    return d


def link(d: Document) -> crosslinks.Links:
    links = crosslinks.get(cross_link(Corpus([d], Config(entities=[HRC]))))
    assert links is not None
    return links


def test_an_acronym_inside_a_symbol_is_not_linked():
    d = doc("See the report (A/HRC/53/26/Add.1) on pushbacks.")
    link(d)
    assert [s for s in d.blocks[0].spans if s.kind == "entity"] == []


def test_an_acronym_inside_a_symbol_is_no_mention_and_gets_no_abbreviation():
    links = link(doc("See A/HRC/47/30 for the earlier findings."))
    assert "a.txt" not in links.mentions.get("hrc", {})
    assert "HRC" not in links.abbreviations.get("a.txt", {})


def test_the_same_acronym_in_the_prose_is_still_linked():
    d = doc("The HRC adopted A/HRC/47/30 last year.")
    link(d)
    assert [(d.blocks[0].text[s.start:s.end]) for s in d.blocks[0].spans if s.kind == "entity"] == ["HRC"]


def test_symbols_are_blanked_with_their_offsets_kept():
    text = "Joint comment (CMW/C/GC/4-CRC/C/GC/23, para. 5)."
    blanked = symbol_free(text)
    assert len(blanked) == len(text) and "CMW" not in blanked and "CRC" not in blanked
    assert blanked.endswith(", para. 5).")
