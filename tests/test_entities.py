"""Entities: acronyms the text spells out, entities.yml, and finding every spelling in text."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from builder.config import EntityDecl, load_entities
from builder.document import Block, Document, Source
from builder.enrich.entities import Matcher, build_registry, find_definitions, guess_kind, is_acronym
from builder.errors import ConfigError


def doc(name: str, *paragraphs: str) -> Document:
    return Document(Source(name, "\n\n".join(paragraphs), ""), [Block("paragraph", p) for p in paragraphs])


def definitions(text: str) -> list[tuple[str, str]]:
    return [(d.acronym, d.expansion) for d in find_definitions(doc("a.txt", text))]


def found(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.entity) for m in matcher.find(text)]


# --- acronyms the text defines ------------------------------------------------------------

def test_acronym_in_brackets_after_its_full_name_is_a_definition():
    assert definitions("We thank the International Organization for Migration (IOM) for its work.") == [
        ("IOM", "International Organization for Migration")]


def test_definition_skips_function_words_and_the_leading_article():
    assert definitions("a request from the Office of the Special Envoy for Ocean Affairs (OSEOA) was") == [
        ("OSEOA", "Office of the Special Envoy for Ocean Affairs")]


def test_a_word_in_capitals_gives_all_its_letters():
    assert definitions("the UN Convention against Transnational Organized Crime (UNTOC) and") == [
        ("UNTOC", "UN Convention against Transnational Organized Crime")]


def test_expansion_may_have_words_the_acronym_leaves_out():
    assert definitions("ahead of the 2013 High Level Dialogue on Migration and Development (HLD).") == [
        ("HLD", "High Level Dialogue on Migration and Development")]


def test_hyphenated_words_count_each_part():
    assert definitions("the second High-level Dialogue (HLD) on") == [("HLD", "High-level Dialogue")]


def test_plural_acronym_is_defined():
    assert definitions("Support Regional Consultative Processes (RCPs) as forums.") == [
        ("RCPs", "Regional Consultative Processes")]


@pytest.mark.parametrize("text", [
    "as reported in 2011 (2007).",
    "the report (A/68/292) was drafted",
    "we met in Geneva last week (IOM).",
    "the results (see above) show",
    "the minister (Mr Smith) spoke",
])
def test_brackets_that_do_not_spell_out_an_acronym_are_not_definitions(text):
    assert definitions(text) == []


def test_definition_stops_at_punctuation_before_the_name():
    assert definitions("In 2013, as agreed; the Global Migration Group (GMG) met") == [
        ("GMG", "Global Migration Group")]


def test_kind_comes_from_the_head_noun():
    assert guess_kind("Committee on Migrant Workers") == "body"
    assert guess_kind("Global Assistance Fund") == "programme"
    assert guess_kind("Convention on the Rights of the Child") == "instrument"
    assert guess_kind("International Organization for Migration") == "organisation"
    assert guess_kind("World Migration Report") == "other"


# --- the registry -------------------------------------------------------------------------

def test_same_acronym_defined_in_two_documents_is_one_entity():
    reg = build_registry([], [doc("a.txt", "the Global Forum on Migration and Development (GFMD) met"),
                              doc("b.txt", "at the Global Forum on Migration and Development (GFMD) we")])
    assert list(reg.entities) == ["gfmd"]
    assert [name for name, _b, _x in reg.entities["gfmd"].defined_in] == ["a.txt", "b.txt"]


def test_two_spellings_of_one_acronym_merge_and_the_commonest_names_it():
    reg = build_registry([], [doc("a.txt", "the International Labor Organization (ILO) said"),
                              doc("b.txt", "the International Labour Organization (ILO) said"),
                              doc("c.txt", "the International Labour Organization (ILO) also")])
    ilo = reg.entities["ilo"]
    assert ilo.name == "International Labour Organization"
    assert "International Labor Organization" in ilo.aliases


def test_acronym_defined_in_text_merges_into_the_declared_entity():
    decl = EntityDecl("forum", "Global Forum on Migration and Development", "initiative", "GFMD")
    reg = build_registry([decl], [doc("a.txt", "the Global Forum on Migration and Development (GFMD) met")])
    assert list(reg.entities) == ["forum"]
    assert reg.entities["forum"].kind == "initiative"


def test_new_expansion_of_a_declared_acronym_becomes_an_alias():
    decl = EntityDecl("hld", "High-level Dialogue on International Migration and Development", "event", "HLD")
    reg = build_registry([decl], [doc("a.txt", "the 2013 High Level Dialogue on Migration and Development (HLD).")])
    assert "High Level Dialogue on Migration and Development" in reg.entities["hld"].aliases


def test_acronym_spelled_out_as_something_else_is_reported_not_merged():
    decl = EntityDecl("csw", "Commission on the Status of Women", "body", "CSW")
    reg = build_registry([decl], [doc("a.txt", "the Council of Social Workers (CSW) met")])
    assert "Council of Social Workers" not in reg.entities["csw"].spellings
    assert any("CSW" in n and "a.txt" in n for n in reg.notices)


def test_derived_entity_never_takes_a_reserved_page_name():
    reg = build_registry([], [doc("a.txt", "the Independent National Data Exchange X-ray (INDEX) met")])
    assert "index" not in reg.entities
    assert [e.short for e in reg.entities.values()] == ["INDEX"]


# --- finding spellings --------------------------------------------------------------------

def matcher(*decls: EntityDecl) -> Matcher:
    return build_registry(list(decls), []).matcher()


HLD = EntityDecl("hld", "High-level Dialogue on International Migration and Development", "event", "HLD",
                 ["High-level Dialogue on Migration and Development", "High-level Dialogue"])
IOM = EntityDecl("iom", "International Organization for Migration", "organisation", "IOM")


def test_names_ignore_case_and_hyphens_match_spaces():
    m = matcher(HLD)
    assert found(m, "the High Level Dialogue and the high-level dialogue") == [
        ("High Level Dialogue", "hld"), ("high-level dialogue", "hld")]


def test_a_name_broken_across_lines_is_found():
    m = matcher(HLD)
    assert found(m, "the High-level Dialogue on\nInternational Migration and Development, held") == [
        ("High-level Dialogue on\nInternational Migration and Development", "hld")]


def test_the_longest_spelling_wins():
    m = matcher(HLD)
    assert found(m, "at the High-level Dialogue on Migration and Development.") == [
        ("High-level Dialogue on Migration and Development", "hld")]


def test_commas_in_a_name_are_optional():
    m = matcher(EntityDecl("p", "Protocol against the Smuggling of Migrants by Land, Sea and Air", "instrument"))
    assert found(m, "its Protocol against the Smuggling of Migrants by Land, Sea, and Air.") == [
        ("Protocol against the Smuggling of Migrants by Land, Sea, and Air", "p")]


def test_acronyms_keep_their_case():
    m = matcher(IOM)
    assert found(m, "IOM and iom.int and Iom") == [("IOM", "iom")]


def test_acronym_with_a_possessive_or_inside_a_slash_is_found():
    m = matcher(IOM)
    assert found(m, "IOM’s role; the IOM/OSCE modules; IOM-led") == [("IOM", "iom")] * 3


def test_part_of_a_longer_word_is_not_a_mention():
    m = matcher(IOM, EntityDecl("eu", "European Union", "organisation", "EU"))
    assert found(m, "EUROPE, IOMX and the Transeuropean Union") == []


def test_curly_and_straight_apostrophes_are_the_same():
    m = matcher(EntityDecl("ceb", "Chief Executives Board", "body", aliases=["UN System's Chief Executives Board"]))
    assert found(m, "the UN System’s Chief Executives Board") == [("UN System’s Chief Executives Board", "ceb")]


def test_acronyms_in_shouted_text_are_not_trusted():
    m = matcher(EntityDecl("who", "World Health Organization", "organisation", "WHO"))
    assert found(m, "TO WHO IT MAY CONCERN AT THE MISSION") == []
    assert found(m, "a joint report with WHO and others") == [("WHO", "who")]


def test_is_acronym():
    assert is_acronym("IOM") and is_acronym("RCPs") and is_acronym("UNDESA")
    assert not is_acronym("UN Women") and not is_acronym("Philippines") and not is_acronym("Iom")


def test_thousands_of_entities_are_found_in_one_scan():
    decls = [EntityDecl(f"e{i}", f"Committee number {i} on migration", "body", f"CN{i}X") for i in range(1000)]
    m = matcher(*decls)
    text = "The Committee number 999 on migration (CN999X) met CN17X and CN500X. " * 20
    started = time.process_time()
    for _ in range(200):
        hits = found(m, text)
    assert time.process_time() - started < 5
    assert hits[:4] == [("Committee number 999 on migration", "e999"), ("CN999X", "e999"),
                        ("CN17X", "e17"), ("CN500X", "e500")]


# --- entities.yml -------------------------------------------------------------------------

def test_shipped_entities_yml_is_valid_and_declares_the_core_entities():
    ids = {e.id for e in load_entities(Path(__file__).resolve().parent.parent / "entities.yml")}
    assert {"iom", "ohchr", "ilo", "unhcr", "micic", "hld-2013", "icrmw", "untoc", "trafficking-protocol",
            "smuggling-protocol", "gfmd", "gmg", "ceb"} <= ids


def test_entities_yml_errors_name_the_file_key_and_line(tmp_path):
    path = tmp_path / "entities.yml"
    path.write_text("entities:\n  - id: iom\n    name: IOM\n    kind: agency\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"entities\.yml: 'entities\.iom\.kind' \(line 4\)"):
        load_entities(path)


def test_entity_date_must_be_an_iso_date(tmp_path):
    path = tmp_path / "entities.yml"
    path.write_text("entities:\n  - id: hld\n    name: Dialogue\n    kind: event\n    date: October 2013\n",
                    encoding="utf-8")
    with pytest.raises(ConfigError, match=r"entities\.yml: 'entities\.hld\.date' \(line 5\): Expected an ISO date"):
        load_entities(path)


# --- finding mentions again, in a corpus -----------------------------------------------------

def test_the_fold_table_lists_every_letter_re_takes_for_an_ascii_letter_or_digit():
    from builder.enrich.entities import _FOLD
    others = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    taken = {m.group() for m in re.finditer(r"(?i)[a-z0-9]", others)}
    assert taken == {chr(c) for c in _FOLD}


def test_a_spelling_the_text_holds_has_its_keys_among_the_texts_keys():
    from builder.enrich.entities import normalise, spelling_keys, text_keys
    keys = set(text_keys("Thanks to the ſpecial Rapporteur on the Human-Rights of Migrants (SR-HRM)."))
    assert set(spelling_keys(normalise("Special Rapporteur on the human rights"), False)) <= keys
    assert set(spelling_keys(normalise("SR-HRM", keep_case=True), True)) <= keys
    assert not set(spelling_keys(normalise("Special Envoy"), False)) <= keys


def corpus_found(decls: list[EntityDecl], docs: list[Document], text: str) -> list[tuple[str, str]]:
    from builder.enrich.entities import CorpusMatcher, declared_matcher, prepare_text
    declared = declared_matcher(decls)
    matcher = CorpusMatcher(build_registry(decls, docs), declared)
    return [(text[m.start:m.end], m.entity) for m in matcher.find(text, prepare_text(declared, text))]


def test_corpus_matcher_reuses_declared_matches_and_finds_what_the_corpus_adds():
    decls = [EntityDecl("iom", "International Organization for Migration", "organisation", short="IOM")]
    docs = [doc("a.txt", "the Joint Inspection Unit (JIU) reported")]
    text = "IOM asked the JIU and the joint inspection unit; the International Organization for Migration agreed."
    assert corpus_found(decls, docs, text) == found(build_registry(decls, docs).matcher(), text)
    assert [e for _w, e in corpus_found(decls, docs, text)] == ["iom", "jiu", "jiu", "iom"]


def test_corpus_matcher_lets_a_longer_added_spelling_win_as_the_combined_pattern_does():
    decls = [EntityDecl("un", "United Nations", "organisation")]
    docs = [doc("a.txt", "the United Nations Development Programme (UNDP) said")]
    text = "The United Nations Development Programme and the United Nations met."
    assert corpus_found(decls, docs, text) == found(build_registry(decls, docs).matcher(), text) == [
        ("United Nations Development Programme", "undp"), ("United Nations", "un")]


def test_corpus_matcher_skips_a_declared_spelling_that_starts_inside_an_added_one():
    decls = [EntityDecl("iur", "Inspection Unit Report", "other")]
    docs = [doc("a.txt", "the Joint Inspection Unit (JIU) reported")]
    text = "The Joint Inspection Unit Report and the Inspection Unit Report."
    assert corpus_found(decls, docs, text) == found(build_registry(decls, docs).matcher(), text) == [
        ("Joint Inspection Unit", "jiu"), ("Inspection Unit Report", "iur")]


def test_corpus_matcher_picks_as_the_combined_pattern_where_both_match_at_one_place():
    decls = [EntityDecl("ji", "Joint Inspection", "other"), EntityDecl("sr", "SR", "other")]
    docs = [doc("a.txt", "the Joint Inspection Unit (JIU) reported; the Special Rapporteur (SRs) said")]
    text = "Joint Inspection Unit, Joint Inspection, SRs and SR."
    assert corpus_found(decls, docs, text) == found(build_registry(decls, docs).matcher(), text) == [
        ("Joint Inspection Unit", "jiu"), ("Joint Inspection", "ji"), ("SRs", "sr"), ("SR", "sr")]


def test_corpus_matcher_does_not_trust_acronyms_in_shouted_text():
    decls = [EntityDecl("iom", "International Organization for Migration", "organisation", short="IOM")]
    docs = [doc("a.txt", "the Joint Inspection Unit (JIU) reported")]
    text = "IOM AND JIU: JOINT INSPECTION UNIT"
    assert corpus_found(decls, docs, text) == found(build_registry(decls, docs).matcher(), text) == [
        ("JOINT INSPECTION UNIT", "jiu")]


SPELLING_WORDS = ["Joint", "Inspection", "Unit", "JIU", "IOM", "Migration", "International", "Organization",
                  "for", "IOM-UN", "UN", "Report", "jiu", "’s", "the"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SPELLING_WORDS), st.sampled_from([" ", "-", ", ", " - ", "  ", "("])),
                max_size=14))
def test_corpus_matcher_finds_what_the_registrys_matcher_finds(words: list[tuple[str, str]]):
    from builder.enrich.entities import CorpusMatcher, declared_matcher, prepare_text
    text = "".join(w + sep for w, sep in words)
    decls = [EntityDecl("iom", "International Organization for Migration", "organisation", short="IOM",
                        aliases=["IOM-UN", "Migration Report"]),
             EntityDecl("iu", "Inspection Unit", "other"), EntityDecl("un", "UN", "organisation")]
    docs = [doc("a.txt", "the Joint Inspection Unit (JIU) and the Unit for Migration Reports (UMR)")]
    registry = build_registry(decls, docs)
    declared = declared_matcher(decls)
    matcher = CorpusMatcher(registry, declared)
    prepared = prepare_text(declared, text)
    assert found_by(matcher.find(text, prepared), text) == found(registry.matcher(), text)
    assert matcher.acronyms_in(text, prepared) == registry.matcher().acronyms_in(text)


def found_by(mentions, text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.entity) for m in mentions]
