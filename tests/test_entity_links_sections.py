"""Where an entity is linked on its document's page: the first mention in each section, a section
being the part under a top-level heading (its subsections included), a box or the footnotes, and
not again within ``LINK_GAP`` blocks of its last link; never inside a quotation, whether a caption
box or words in quotation marks (they count as mentions)."""

from __future__ import annotations

from builder.config import Config, EntityDecl
from builder.document import Block, Document, Metadata, Source
from builder.link import Corpus, cross_link, crosslinks
from builder.link.entity_links import LINK_GAP
from builder.link.places import quoted

GFMD = EntityDecl("gfmd", "Global Forum on Migration and Development", "body", "GFMD")


def P(text: str) -> Block:
    return Block("paragraph", text)


def H(text: str, level: int) -> Block:
    return Block("heading", text, level=level)


def linked_doc(*blocks: Block) -> tuple[Document, crosslinks.Links]:
    doc = Document(Source("a.txt", "", ""), list(blocks), meta=Metadata(title="a"), slug="a")
    n = 0
    for b in blocks:
        for x in (b, *b.children):
            if x.citable:
                n += 1
                x.para, x.anchor = n, f"para-{n}"
    links = crosslinks.get(cross_link(Corpus([doc], Config(entities=[GFMD]))))
    assert links is not None
    return doc, links


def links_in(block: Block) -> list[str]:
    return [block.text[s.start:s.end] for s in block.spans if s.kind == "entity"]


def filler() -> list[Block]:
    """Paragraphs enough to put two sections as far apart as a link to one entity must be."""
    return [P("Words without names.") for _ in range(LINK_GAP)]


def test_a_subsection_belongs_to_its_section_and_links_nothing_linked_above_it():
    doc, _ = linked_doc(H("II. Mandate", 2), P("The GFMD met."), *filler(), H("1. Its meetings", 3),
                        P("The GFMD met again."), *filler(), H("III. Activities", 2), P("The GFMD met once more."))
    assert [links_in(b) for b in doc.blocks if "GFMD" in b.text] == [["GFMD"], [], ["GFMD"]]


def test_a_subsection_links_the_first_mention_of_its_section_when_the_section_s_own_text_has_none():
    doc, _ = linked_doc(H("II. Mandate", 2), P("Nothing here."), H("1. Its meetings", 3), P("The GFMD met."),
                        P("The GFMD met again."))
    assert [links_in(b) for b in doc.blocks if b.kind == "paragraph"] == [[], ["GFMD"], []]


def test_the_top_level_is_the_highest_below_the_title_whatever_its_number():
    doc, _ = linked_doc(H("Title", 1), H("Part A", 3), P("The GFMD met."), *filler(), H("A.1", 4),
                        P("The GFMD met."), *filler(), H("Part B", 3), P("The GFMD met."))
    assert [links_in(b) for b in doc.blocks if "GFMD" in b.text] == [["GFMD"], [], ["GFMD"]]


def test_a_section_starting_soon_after_the_last_link_leaves_the_entity_unlinked():
    doc, _ = linked_doc(H("A", 2), P("The GFMD met."), H("B", 2), P("The GFMD met."), *filler(), H("C", 2),
                        P("The GFMD met."))
    assert [links_in(b) for b in doc.blocks if "GFMD" in b.text] == [["GFMD"], [], ["GFMD"]]


def test_a_box_soon_after_the_last_link_leaves_it_unlinked_and_one_further_on_links_it():
    def box() -> Block:
        return Block("admonition", "", label="example", title="Case", children=[P("The GFMD helped.")])
    near, far = box(), box()
    linked_doc(P("The GFMD met."), near, *filler(), far)
    assert [links_in(b.children[0]) for b in (near, far)] == [[], ["GFMD"]]


def test_words_in_quotation_marks_are_not_linked_but_count_as_mentions():
    doc, links = linked_doc(P("It published “Why the GFMD matters” and the GFMD met."))
    block = doc.blocks[0]
    assert [(s.start, block.text[s.start:s.end]) for s in block.spans] == [(block.text.rindex("GFMD"), "GFMD")]
    assert len(links.mentions["gfmd"]["a.txt"]) == 2


def test_a_quoted_mention_leaves_the_section_s_link_to_the_next_mention():
    doc, _ = linked_doc(P('The report "The GFMD at ten" came out.'), P("The GFMD met."))
    assert [links_in(b) for b in doc.blocks] == [[], ["GFMD"]]


def test_quotation_marks_of_several_languages_are_quotations_and_an_unclosed_one_is_not():
    text = 'a “b” c „d“ e «f» g "h" i “j'
    assert [text[s:e] for s, e in quoted(text)] == ["“b”", "„d“", "«f»", '"h"']


def test_a_mention_glued_by_a_hyphen_into_a_longer_name_is_no_link_but_the_next_is():
    doc, links = linked_doc(P("The GFMD-2019 round and GFMD-led talks ended. The GFMD met."))
    assert links_in(doc.blocks[0]) == ["GFMD"]
    assert doc.blocks[0].spans[0].start == doc.blocks[0].text.index("The GFMD met") + 4


def test_the_issuing_body_in_a_legal_act_s_citation_is_no_link():
    doc, _ = linked_doc(P("Under Regulation (GFMD) 2019/1896 and Decision (GFMD) No 862/2007 the GFMD met."))
    assert links_in(doc.blocks[0]) == ["GFMD"]
    assert doc.blocks[0].spans[0].start == doc.blocks[0].text.index("the GFMD") + 4


def test_a_mention_in_brackets_that_no_act_number_follows_is_linked():
    doc, _ = linked_doc(P("The Global Forum (GFMD) met."))
    assert links_in(doc.blocks[0]) in (["Global Forum on Migration and Development"], ["GFMD"])
