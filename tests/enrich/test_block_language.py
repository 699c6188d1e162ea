"""enrich.language: blocks written in another language than the document's (a text printed in
two languages, an English abstract in a Spanish report) are found, cautiously, and say so."""

from __future__ import annotations

from dataclasses import replace

from builder.config import Config
from builder.document import Block, CleanDocument, Document, Source
from builder.enrich import enrich
from builder.enrich.metadata import extract
from builder.write.document_page import render_block

EN = ["The States Parties shall take the measures needed to protect migrant workers and members of "
      "their families against violence.",
      "Each State Party undertakes to respect and to ensure to all migrant workers the rights provided "
      "for in the present Convention.",
      "Nothing in this article shall be interpreted as limiting the right of a State to regulate the "
      "entry of foreign nationals."]
FR = ["Les États parties prennent les mesures nécessaires pour protéger les travailleurs migrants et les "
      "membres de leur famille contre la violence.",
      "Chaque État partie s'engage à respecter et à garantir à tous les travailleurs migrants les droits "
      "prévus par la présente Convention.",
      "Aucune disposition du présent article ne peut être interprétée comme limitant le droit d'un État "
      "de réglementer l'entrée des étrangers.",
      "Le présent rapport a été établi par l'équipe de recherche avec le soutien du bureau régional et "
      "des partenaires nationaux."]
ES = ["El presente informe examina la situación de los trabajadores migrantes en el sector agrícola "
      "durante el año 2015 y formula recomendaciones.",
      "La mayoría de los empleadores respetan los contratos firmados, pero persisten problemas de "
      "vivienda y de acceso a la atención sanitaria.",
      "El ministerio se compromete a reforzar las inspecciones de trabajo y a mejorar la coordinación "
      "con las autoridades regionales."]
ABSTRACT = ("Abstract: this report examines the situation of migrant workers in agriculture in 2015 and "
            "makes recommendations to the ministry and to employers.")
RU = ("Министерство изучило положение сезонных работников во время сбора урожая и установило, что "
      "большинство работодателей соблюдают подписанные договоры.")
ZH = ("联合国大会通过了关于保护所有移徙工人及其家庭成员权利的国际公约。该公约要求各缔约国尊重并确保其境内所有移徙工人"
      "享有公约所承认的权利，不分性别、种族、肤色、语言、宗教或信仰。")
SHORT_EN = "See the annex for the full list of participants and their affiliations."
"""Twelve words: long enough to be read, too short to switch on its own."""


def doc(*texts: str) -> Document:
    return Document(Source("t.txt", "", ""), blocks=[Block("paragraph", t) for t in texts])


def langs(d: Document) -> list[str]:
    return [b.lang for b in d.blocks]


def test_an_english_abstract_in_a_spanish_report_is_english():
    d = doc(ABSTRACT, *ES)
    assert extract(d).lang == "es"
    assert langs(d) == ["en", "", "", ""]


def test_english_paragraphs_alternating_with_french_ones_are_english():
    d = doc(*[x for pair in zip(FR, EN) for x in pair])
    assert extract(d).lang == "fr"
    assert langs(d) == ["", "en"] * 3


def test_a_text_in_two_halves_is_in_the_language_of_the_larger_and_marks_the_other():
    d = doc(*EN[:2], *FR)
    meta = extract(d)
    assert meta.lang == "fr"
    assert langs(d) == ["en", "en", "", "", "", ""]
    d = doc(*FR[:2], *EN, ABSTRACT)
    meta = extract(d)
    assert meta.lang == "en"
    assert meta.sources["lang"].startswith("text")
    assert langs(d) == ["fr", "fr", "", "", "", ""]


def test_a_russian_paragraph_in_an_english_document_is_russian():
    d = doc(EN[0], RU, EN[1], EN[2])
    assert extract(d).lang == "en"
    assert langs(d) == ["", "ru", "", ""]


def test_a_chinese_paragraph_in_an_english_document_is_chinese():
    d = doc(EN[0], ZH, EN[1])
    assert extract(d).lang == "en"
    assert langs(d) == ["", "zh", ""]


def test_one_language_documents_have_no_block_in_another():
    for texts in (EN, FR, ES):
        d = doc(*texts)
        extract(d)
        assert langs(d) == [""] * len(texts)
        assert "blocks_in_other_languages" not in d.stats


def test_a_short_line_never_switches():
    d = doc(*FR, "Read the full report online.", "Annex I: list of participants")
    extract(d)
    assert langs(d) == [""] * 6


def test_names_citations_and_numbers_never_switch():
    names = ("Gordon W. Allport, Professor of Psychology, Harvard University, Cambridge, Massachusetts, "
             "United States of America")
    citation = "United Nations, Treaty Series, vol. 2237, No. 39574; vol. 2241, No. 39574; A/RES/55/25, annex II."
    figures = "Total 2015 2016 2017 2018 2019 2020 1,500 2,300 3,100 4,250 5,600 7,800 entries in total"
    d = doc(*FR, names, citation, figures)
    extract(d)
    assert langs(d) == [""] * 7


def test_a_fairly_sure_block_switches_only_beside_another_block_in_that_language():
    alone = doc(*FR, SHORT_EN)
    extract(alone)
    assert langs(alone) == ["", "", "", "", ""]
    together = doc(*FR, SHORT_EN, "The annex also lists the documents that the participants sent before the meeting.")
    extract(together)
    assert langs(together) == ["", "", "", "", "en", "en"]


def test_headings_and_list_items_are_read_too():
    d = Document(Source("t.txt", "", ""), blocks=[Block("paragraph", t) for t in ES]
                 + [Block("list_item", EN[0]), Block("heading", EN[1], level=2)])
    extract(d)
    assert langs(d) == ["", "", "", "en", "en"]


def test_the_build_report_counts_the_blocks_in_another_language():
    d = doc(ABSTRACT, *ES, EN[0])
    extract(d)
    assert d.stats["blocks_in_other_languages"] == 2


def test_metadata_yml_language_is_the_one_blocks_are_compared_with():
    d = doc(*FR, EN[0])
    extract(d, {"lang": "en"})
    assert langs(d) == ["fr", "fr", "fr", "fr", ""]


def test_a_block_in_another_language_carries_its_lang_attribute():
    d = doc(ABSTRACT, *ES)
    d = replace(d, meta=extract(d))
    d.blocks[0].anchor, d.blocks[0].para = "para-1", 1
    assert render_block(d.blocks[0], d)[0].startswith('<span lang="en">Abstract: this report')
    assert render_block(d.blocks[1], d)[0].startswith('<span lang="es">El presente informe')
    heading = Block("heading", EN[1], level=2, lang="en")
    assert render_block(heading, d)[0].endswith('{: lang="en" }')


def test_english_document_blocks_in_english_carry_no_lang_attribute():
    d = doc(*EN)
    d = replace(d, meta=extract(d))
    assert "lang=" not in "".join(render_block(d.blocks[0], d))


def test_enrich_marks_its_own_blocks_and_leaves_the_clean_documents_as_they_are():
    clean = CleanDocument(Source("report.txt", "", "0" * 64), [Block("paragraph", t) for t in (ABSTRACT, *ES)])
    enriched = enrich(clean, Config())
    assert [b.lang for b in enriched.blocks] == ["en", "", "", ""]
    assert [b.lang for b in clean.blocks] == ["", "", "", ""]


def test_a_short_line_between_blocks_in_another_language_is_in_theirs():
    d = doc(*FR, EN[0], "What you need to do:", EN[1])
    extract(d)
    assert langs(d)[-3:] == ["en", "en", "en"]


def test_a_short_line_with_the_document_s_function_words_keeps_its_language():
    d = doc(*FR, EN[0], "Ce que vous devez faire :", EN[1])
    extract(d)
    assert langs(d)[-2] == ""


def test_a_heading_naming_a_language_is_in_that_language_and_so_are_the_short_blocks_under_it():
    d = Document(Source("t.txt", "", ""), blocks=[
        Block("heading", "FRANÇAIS", level=2), *[Block("paragraph", t) for t in FR],
        Block("heading", "ENGLISH", level=2), Block("paragraph", "Your rights:"), Block("paragraph", EN[0]),
        Block("list_item", "No one will be left without shelter.")])
    extract(d)
    assert langs(d)[0] == "" and langs(d)[-4:] == ["en", "en", "en", "en"]


def test_a_section_named_for_a_language_ends_at_the_next_heading_of_its_level():
    d = Document(Source("t.txt", "", ""), blocks=[
        *[Block("paragraph", t) for t in FR], Block("heading", "English", level=2), Block("paragraph", "Annex I"),
        Block("heading", "Annexe", level=2), Block("paragraph", "Liste")])
    extract(d)
    assert langs(d)[-4:] == ["en", "en", "", ""]


def test_a_paragraph_running_an_english_sentence_into_its_french_version_is_two_paragraphs():
    pair = ("This notice is available in Arabic, Dari, Spanish and Tigrinya at the front desk of the hotel. "
            "Cet avis est disponible en arabe, en dari, en espagnol et en tigrigna à la réception de l'hôtel.")
    d = Document(Source("t.txt", "", ""), blocks=[Block("paragraph", t) for t in (*FR, EN[0])]
                 + [Block("paragraph", pair, lines=(9, 10))])
    extract(d)
    assert [(b.text[:12], b.lang, b.lines) for b in d.blocks[-2:]] == [("This notice ", "en", (9, 9)),
                                                                         ("Cet avis est", "", (10, 10))]


def test_a_paragraph_in_one_language_is_never_split():
    d = doc(*FR, EN[0], " ".join(EN))
    extract(d)
    assert len(d.blocks) == len(FR) + 2
