"""The link stage across documents: entity links, references, related documents, timeline."""

from __future__ import annotations

import dataclasses

import pytest

from builder.config import Config, EntityDecl, Theme
from builder.document import Block, Document, Metadata, Source, Span, ThemeHit
from builder.link import Corpus, cross_link, crosslinks, entity_links


def P(text: str, *spans: Span) -> Block:
    return Block("paragraph", text, spans=list(spans))


def H(text: str, level: int = 2) -> Block:
    return Block("heading", text, level=level)


def make_doc(name: str, *blocks: Block, title: str = "", date: str | None = None,
             themes: tuple[tuple[str, float], ...] = ()) -> Document:
    doc = Document(Source(name, "", ""), list(blocks),
                   meta=Metadata(title=title or name.removesuffix(".txt"), date=date),
                   themes=[ThemeHit(t, s) for t, s in themes], slug=name.removesuffix(".txt"))
    n = 0
    for b in blocks:
        for x in (b, *b.children):
            if x.citable:
                n += 1
                x.para, x.anchor = n, f"para-{n}"
    return doc


def link(*docs: Document, entities: tuple[EntityDecl, ...] = (), themes: tuple[Theme, ...] = ()) -> crosslinks.Links:
    corpus = cross_link(Corpus(list(docs), Config(themes=list(themes), entities=list(entities))))
    links = crosslinks.get(corpus)
    assert links is not None
    return links


def linked(block: Block, kind: str = "entity") -> list[tuple[str, str]]:
    return [(block.text[s.start:s.end], s.target) for s in block.spans if s.kind == kind]


GFMD_DEFINED = "States support the Global Forum on Migration and Development (GFMD) and its work."
CEB = EntityDecl("ceb", "Chief Executives Board for Coordination", "body", "CEB",
                 ["UN System Chief Executives Board for Coordination",
                  "UN System Chief Executives Board for Cooperation"])
HLD = EntityDecl("hld", "High-level Dialogue on International Migration and Development", "event", "HLD",
                 ["High-level Dialogue"], date="2013-10-03")


# --- entity links -------------------------------------------------------------------------

def test_acronym_defined_in_one_document_is_linked_in_another():
    a = make_doc("a.txt", P(GFMD_DEFINED))
    b = make_doc("b.txt", P("The GFMD met in Stockholm."))
    links = link(a, b)
    assert linked(b.blocks[0]) == [("GFMD", "gfmd")]
    assert links.documents_mentioning("gfmd") == ["a.txt", "b.txt"]


def test_only_the_first_mention_in_each_section_is_linked(monkeypatch):
    monkeypatch.setattr(entity_links, "LINK_GAP", 1)  # sections a block apart (the gap: test_entity_links_sections)
    d = make_doc("a.txt", P(GFMD_DEFINED), P("The GFMD again."), H("Next section"), P("The GFMD once more."))
    links = link(d)
    assert linked(d.blocks[0]) == [("Global Forum on Migration and Development", "gfmd")]
    assert linked(d.blocks[1]) == []
    assert linked(d.blocks[3]) == [("GFMD", "gfmd")]
    assert [m.para for m in links.mentions["gfmd"]["a.txt"]] == [1, 1, 2, 3]


def test_headings_are_never_linked_but_count_as_mentions():
    d = make_doc("a.txt", H("The GFMD and its future", level=1), P(GFMD_DEFINED), H("About the GFMD"))
    links = link(d)
    assert d.blocks[0].spans == [] and d.blocks[2].spans == []
    assert [m.where for m in links.mentions["gfmd"]["a.txt"]] == ["title", "paragraph", "paragraph", "heading"]


def test_a_box_is_its_own_section(monkeypatch):
    monkeypatch.setattr(entity_links, "LINK_GAP", 1)  # sections a block apart (the gap: test_entity_links_sections)
    box = Block("admonition", "", label="example", title="GFMD case study", children=[P("The GFMD helped.")])
    d = make_doc("a.txt", P(GFMD_DEFINED), box)
    link(d)
    assert linked(box.children[0]) == [("GFMD", "gfmd")]


def test_a_quotation_is_never_linked_but_counts_as_a_mention():
    quote = Block("admonition", "", label="quote", children=[P("The GFMD must listen to migrants.")])
    d = make_doc("a.txt", quote, P(GFMD_DEFINED))
    links = link(d)
    assert linked(quote.children[0]) == []
    assert linked(d.blocks[1]) == [("Global Forum on Migration and Development", "gfmd")]
    assert len(links.mentions["gfmd"]["a.txt"]) == 3


def test_a_link_never_overlaps_another_span(monkeypatch):
    monkeypatch.setattr(entity_links, "LINK_GAP", 1)  # sections a block apart (the gap: test_entity_links_sections)
    url = "http://example.org/GFMD"
    in_url = P(f"See {url} for the GFMD.", Span(4, 4 + len(url), "url", url))
    bold = P("GFMD meeting: it was held.", Span(0, 13, "strong"))
    marker = P("The GF MD note.", Span(6, 6, "footnote", "1"))
    d = make_doc("a.txt", P(GFMD_DEFINED), H("x"), in_url, H("y"), bold, H("z"), marker)
    links = link(d, entities=(EntityDecl("gfmd", "Global Forum on Migration and Development", "initiative", "GFMD",
                                         ["GF MD"]),))
    assert linked(in_url) == [("GFMD", "gfmd")] and in_url.spans[1].start == in_url.text.index("the GFMD") + 4
    assert linked(bold) == []
    assert linked(marker) == []
    assert len(links.mentions["gfmd"]["a.txt"]) == 5   # the one inside the web address is not a mention


def test_an_alias_in_entities_yml_merges_two_spellings():
    a = make_doc("a.txt", P("the UN System Chief Executives Board for Coordination asked"))
    b = make_doc("b.txt", P("at the request of the UN System Chief Executives Board for Cooperation."))
    links = link(a, b, entities=(CEB,))
    assert links.documents_mentioning("ceb") == ["a.txt", "b.txt"]
    assert linked(a.blocks[0])[0][1] == linked(b.blocks[0])[0][1] == "ceb"


def test_linking_twice_gives_the_same_spans():
    d = make_doc("a.txt", P(GFMD_DEFINED))
    corpus = Corpus([d], Config())
    cross_link(corpus)
    first = list(d.blocks[0].spans)
    cross_link(corpus)
    assert d.blocks[0].spans == first


def test_cross_linking_returns_a_new_corpus_and_leaves_the_given_one_as_it_was():
    corpus = Corpus([make_doc("a.txt", P(GFMD_DEFINED))], Config())
    linked_corpus = cross_link(corpus)
    assert corpus.links is None and linked_corpus.links is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        linked_corpus.links = None  # type: ignore[misc]


def test_the_corpus_definition_of_an_entity_is_the_sentence_that_says_what_it_is():
    a = make_doc("a.txt", P(GFMD_DEFINED), P("In 2012, the GFMD is a state-led process open to all. It meets yearly."))
    b = make_doc("b.txt", P("the Committee on Migrant Workers (CMW), which oversees the Convention, met."))
    links = link(a, b)
    assert links.definitions["gfmd"] == ("a.txt", 2, "In 2012, the GFMD is a state-led process open to all.")
    assert links.definitions["cmw"][2] == "Committee on Migrant Workers (CMW), which oversees the Convention"


def test_an_entity_that_is_not_the_subject_is_not_defined():
    d = make_doc("a.txt", P(GFMD_DEFINED), P("Many words, and then many more words, come before the GFMD is a forum."))
    assert "gfmd" not in link(d).definitions


def test_abbreviations_use_the_pages_own_expansion():
    a = make_doc("a.txt", P("the International Labor Organization (ILO) said; the ILO agreed"))
    b = make_doc("b.txt", P("the ILO agreed"))
    ilo = EntityDecl("ilo", "International Labour Organization", "organisation", "ILO",
                     ["International Labor Organization"])
    links = link(a, b, entities=(ilo,))
    assert links.abbreviations["a.txt"] == {"ILO": "International Labor Organization"}
    assert links.abbreviations["b.txt"] == {"ILO": "International Labour Organization"}


# --- documents and events -----------------------------------------------------------------

def test_a_document_that_names_another_documents_title_links_to_it():
    target = make_doc("t.txt", P("Body."), title="Guidance on the Protection of Workers at Sea")
    citing = make_doc("c.txt", P("As set out in the Guidance on the Protection of Workers at Sea, states act."))
    links = link(target, citing)
    assert linked(citing.blocks[0], "document") == [("Guidance on the Protection of Workers at Sea", "t.txt")]
    assert [(r.doc, r.reason) for r in links.referenced_by["t.txt"]] == [("c.txt", "names this document")]


def test_a_document_never_links_to_itself():
    d = make_doc("t.txt", P("This Guidance on the Protection of Workers at Sea applies."),
                 title="Guidance on the Protection of Workers at Sea")
    links = link(d)
    assert linked(d.blocks[0], "document") == []
    assert "t.txt" not in links.referenced_by and "t.txt" not in links.doc_refs


def test_an_event_in_the_title_is_what_the_document_was_written_for():
    written = make_doc("w.txt", H("Our positions for the High-level Dialogue", level=1), P("We support it."),
                       title="Our positions for the High-level Dialogue", date="2013-09-27")
    later = make_doc("l.txt", P("At the HLD, states met."), date="2014")
    unrelated = make_doc("u.txt", P("Nothing about it."))
    links = link(written, later, unrelated, entities=(HLD,))
    assert links.written_for == {"w.txt": ["hld"]}
    assert [(r.doc, r.reason) for r in links.referenced_by["w.txt"]] == [
        ("l.txt", "mentions the HLD, the event this document was written for")]


def test_timeline_lists_documents_and_dated_entities_in_date_order():
    a = make_doc("a.txt", P("At the HLD, states met."), date="2014-02-01")
    b = make_doc("b.txt", P("Before the High-level Dialogue."), date="2013-09-27")
    c = make_doc("c.txt", P("Undated."))
    links = link(a, b, c, entities=(HLD, EntityDecl("x", "Unmentioned Summit", "event", date="2001-01-01")))
    assert [(t.date, t.kind, t.ref) for t in links.timeline] == [
        ("2013-09-27", "document", "b.txt"), ("2013-10-03", "entity", "hld"), ("2014-02-01", "document", "a.txt")]


# --- related documents --------------------------------------------------------------------

RARE = [EntityDecl(f"r{i}", f"Rare Body Number{i}", "body") for i in range(4)]


def test_related_documents_are_ordered_by_what_they_share_and_explained():
    themes = (Theme("trafficking", "Human trafficking", "", ["trafficking"]),)
    base = make_doc("base.txt", P("Rare Body Number0, Rare Body Number1 and Rare Body Number2 met."),
                    themes=(("trafficking", 3.0),))
    two = make_doc("two.txt", P("Rare Body Number0 and Rare Body Number1 agreed."))
    one = make_doc("one.txt", P("Rare Body Number2 spoke."), themes=(("trafficking", 5.0),))
    none = make_doc("none.txt", P("Rare Body Number3 alone."))
    links = link(base, two, one, none, entities=tuple(RARE), themes=themes)
    related = links.related["base.txt"]
    assert [r.doc for r in related] == ["two.txt", "one.txt"]
    assert related[0].reason == "Both mention Rare Body Number0 and Rare Body Number1"
    assert related[1].reason == "Both mention Rare Body Number2; both address “Human trafficking”"
    assert related[0].score > related[1].score
    assert "none.txt" not in links.related


def test_equally_related_documents_are_shown_by_date_and_only_the_first_five():
    base = make_doc("base.txt", P("Rare Body Number0 and Rare Body Number1 met."))
    better = make_doc("better.txt", P("Rare Body Number0 and Rare Body Number1 agreed."), date="2020-01-01")
    equal = [make_doc(f"e{i}.txt", P("Rare Body Number0 spoke."), date=f"201{9 - i}-01-01") for i in range(6)]
    unrelated = [make_doc(f"u{i}.txt", P("Nothing in common.")) for i in range(10)]
    links = link(base, better, *equal, *unrelated, entities=tuple(RARE))
    assert [r.doc for r in links.related["base.txt"]] == ["better.txt", "e5.txt", "e4.txt", "e3.txt", "e2.txt"]


def test_near_identical_passages_are_a_reason_quoted_in_words():
    shared = ("Humanitarian and enforcement objectives can and must work in tandem while preserving "
              "states' abilities to enforce their immigration laws and regulations everywhere")
    a = make_doc("a.txt", P("First. " + shared + "."))
    b = make_doc("b.txt", P("Second: " + shared.replace("and must", "and, must") + "."))
    c = make_doc("c.txt", P("Something else entirely, with other wording about fisheries."))
    d = make_doc("d.txt", P("Still other wording about agriculture and farming communities."))
    links = link(a, b, c, d)
    assert [r.doc for r in links.related["a.txt"]] == ["b.txt"]
    assert links.related["a.txt"][0].reason.startswith("Similar wording (“")
    reason = links.related["a.txt"][0].reason
    assert "objectives can and must work in tandem while preserving states' abilities" in reason


def test_related_documents_of_a_large_corpus_are_found_without_comparing_every_pair():
    n = 4000
    decls = tuple(EntityDecl(f"p{i}", f"Provincial Office Number{i}", "organisation") for i in range(n // 2))
    docs = [make_doc(f"d{i:05}.txt", P(f"The Provincial Office Number{i // 2} reported on schools and roads."))
            for i in range(n)]
    links = link(*docs, entities=decls)
    assert [r.doc for r in links.related["d00010.txt"]] == ["d00011.txt"]


def test_an_acronym_spelled_out_as_two_different_things_is_a_notice_in_the_report(tmp_path):
    from conftest import build_project, make_project

    project = make_project(tmp_path, {
        "a.txt": "The Regional Water Board (RWB) met in March.\n\nThe RWB agreed a plan.\n",
        "b.txt": "The Refugee Welfare Bureau (RWB) opened an office.\n\nThe RWB hired staff.\n",
    })
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    assert any("'RWB' is spelled out as" in n for n in report["notices"]), report["notices"]
    assert any(p["action"] == "noted" and "RWB" in p["reason"] for p in report["problems"])


def test_the_report_lists_each_documents_entities_and_related_documents(tmp_path):
    from conftest import build_project, make_project

    project = make_project(tmp_path, {
        "a.txt": "The Regional Water Board (RWB) met the International Organization for Migration (IOM) "
                 "in March to discuss the trafficking of migrant workers.\n",
        "b.txt": "Later the RWB and IOM published a plan against trafficking of migrant workers.\n",
    })
    _, report = build_project(project)
    docs = {d["source"]: d for d in report["documents"]}
    rwb = next(e for e in report["entities"] if "rwb" in e)
    assert rwb in docs["a.txt"]["entities"] and rwb in docs["b.txt"]["entities"]
    assert docs["a.txt"]["related"] == ["b.txt"]


def test_documents_prepared_per_document_link_as_documents_that_were_not():
    from builder import link as link_stage

    def corpus() -> list[Document]:
        return [make_doc("a.txt", P("The Global Forum on Migration and Development (GFMD) met on labour migration "
                                    "governance and the protection of migrant domestic workers."),
                         title="Report of the Global Forum meeting"),
                make_doc("b.txt", P("As the Report of the Global Forum meeting says, GFMD and IOM agreed on labour "
                                    "migration governance and the protection of migrant domestic workers."),
                         title="Note on the forum")]

    entities = (EntityDecl("iom", "International Organization for Migration", "organisation", short="IOM"),)
    plain = link(*corpus(), entities=entities)
    config = Config(entities=list(entities))
    prepared = [dataclasses.replace(d, link_prepared=link_stage.prepare(d, config)) for d in corpus()]
    again = link(*prepared, entities=entities)
    assert repr(again) == repr(plain)
    assert plain.doc_refs == {"b.txt": ["a.txt"]} and "gfmd" in plain.mentions


def test_shared_postings_keeps_sequences_two_to_cap_documents_share_with_their_documents_in_order():
    from array import array

    from builder.link.related import shared_postings

    keys = [array("q", [7, 1, 1, 5]),  # 1 twice in one document counts once
            array("q", [5, 9, -3]),
            array("q", [5, 7, 2**62]),
            array("q", [2**62, -3])]
    assert shared_postings(keys, cap=3) == {7: [0, 2], 5: [0, 1, 2], -3: [1, 3], 2**62: [2, 3]}
    assert shared_postings(keys, cap=2) == {7: [0, 2], -3: [1, 3], 2**62: [2, 3]}  # 5 is in three
    assert shared_postings([array("q", [1]), array("q")], cap=5) == {}
    assert shared_postings([], cap=5) == {}


def test_an_acronym_written_with_the_last_word_of_its_name_is_not_expanded_with_that_word_twice():
    micic = EntityDecl("micic", "Migrants in Countries in Crisis initiative", "initiative", "MICIC",
                       ["MICIC initiative"])
    d = make_doc("a.txt", P("Many of the practices identified in the MICIC initiative can be useful."))
    links = link(d, entities=(micic,))
    # The tooltip of "MICIC" in "the MICIC initiative" reads "Migrants in Countries in Crisis", not
    # "Migrants in Countries in Crisis initiative" (read out: "… initiative initiative").
    assert links.abbreviations["a.txt"] == {"MICIC": "Migrants in Countries in Crisis"}
