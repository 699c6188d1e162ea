"""Metadata of letters and of pages in any language: the issuer a letterhead names when it stacks
several names, a web page's ``From:`` publisher line, and the main language of a text printed in
two languages."""

from __future__ import annotations

from conftest import DEV_CORPUS

from builder.clean import clean
from builder.document import Block, Document, Source
from builder.enrich.metadata import extract
from builder.read import decode

FRENCH_LETTER = ("RÉPUBLIQUE FRANÇAISE\nMinistère de l'Intérieur\nDirection générale des étrangers en France\n"
                 "Place Beauvau\n75008 Paris\n\nParis, le 12 mars 2021\n\nMadame Durand\n12 rue de la Paix\n\n"
                 "Madame,\n\nVotre demande a été examinée avec attention par mes services.\n\nCordialement,\n\n"
                 "Pierre Dupont\n")


def meta_of(text: str, name: str = "doc.txt"):
    return extract(clean(Source(name, text, "")))


def test_a_letterhead_stacking_a_state_a_ministry_and_a_unit_names_the_ministry_and_its_unit():
    assert meta_of(FRENCH_LETTER).organisation == (
        "Ministère de l'Intérieur (Direction générale des étrangers en France)")


def test_a_letterhead_that_is_one_name_wrapped_over_lines_is_the_whole_name():
    text = ("THE PERMANENT MISSION\nOF THE\nREPUBLIC OF NOWHERE\nTO THE UNITED NATIONS\n\nMarch 3, 2019\n\n"
            "The Secretariat\n\nDear Sir,\n\nWe write about the matter raised in your note.\n\n"
            "Sincerely,\n\nA. Person\n")
    assert meta_of(text).organisation == "The Permanent Mission of the Republic of Nowhere to the United Nations"


def test_a_street_line_of_the_letterhead_is_a_detail_not_the_issuer():
    parts = clean(Source("doc.txt", FRENCH_LETTER, "")).letter
    assert parts["letterhead_details"] == "Place Beauvau, 75008 Paris"


WEB_PAGE = ("Skip to main content\n\nMenu\n\nGuidance\n\nAsylum support: how to apply\n\n"
            "From:[Home Office](https://example.org/home-office)Published 25 February 2016 Updated: 3 May 2024\n\n"
            "This guidance explains how people seeking asylum can apply for support while their claim is "
            "considered, and what the support includes.\n")


def test_a_web_pages_from_line_names_its_publisher():
    meta = meta_of(WEB_PAGE)
    assert meta.organisation == "Home Office"
    assert meta.sources["organisation"] == "text: publisher line (From:)"


def test_a_from_line_in_plain_text_is_read_up_to_its_publication_date():
    assert meta_of(WEB_PAGE.replace("From:[Home Office](https://example.org/home-office)",
                                    "From: Home Office ")).organisation == "Home Office"


def test_a_from_line_naming_a_person_gives_no_organisation():
    meta = meta_of(WEB_PAGE.replace("[Home Office](https://example.org/home-office)", "Jane Doe "))
    assert meta.organisation is None


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
      "de réglementer l'entrée des étrangers."]


def blocks_doc(*texts: str) -> Document:
    return Document(Source("t.txt", "", ""), blocks=[Block("paragraph", t) for t in texts])


def test_a_text_printed_in_english_then_french_is_english_though_its_french_is_longer():
    d = blocks_doc(*EN, *FR)
    assert extract(d).lang == "en"
    assert [b.lang for b in d.blocks] == ["", "", "", "fr", "fr", "fr"]


def test_a_text_printed_in_french_then_english_is_french():
    d = blocks_doc(*FR, *EN)
    assert extract(d).lang == "fr"
    assert [b.lang for b in d.blocks] == ["", "", "", "en", "en", "en"]


def test_a_text_mostly_in_one_language_is_in_that_language_whatever_it_opens_with():
    d = blocks_doc(EN[0], *FR, *FR)
    assert extract(d).lang == "fr"
    assert [b.lang for b in d.blocks][0] == "en"


def _corpus_doc(prefix: str):
    path = next(DEV_CORPUS.glob(f"{prefix}*.txt"))
    return clean(decode(path.name, path.read_bytes()))


def test_the_dev_corpus_web_page_with_a_from_line_is_by_the_body_it_names():
    assert extract(_corpus_doc("08_")).organisation == "Home Office"


def test_no_document_of_the_dev_corpus_in_any_language_is_taken_for_a_letters_frame():
    # Its pages in French, Spanish, Portuguese, German and Swedish hold none of a letter's frame
    # (its one letter, a 1947 cable, has no salutation): the word tables must not invent one.
    framed = [p.name for p in sorted(DEV_CORPUS.glob("*.txt")) if clean(decode(p.name, p.read_bytes())).letter]
    assert framed == []


def test_an_english_resolution_printed_before_a_french_page_of_the_dev_corpus_is_english():
    # The French page holds a little more prose than the English resolution (within a quarter):
    # comparable shares, so the text is in the language it opens with; the French blocks say so.
    english, french = (next(DEV_CORPUS.glob(f"{n}_*.txt")).read_text(encoding="utf-8") for n in ("17", "13"))
    doc = clean(Source("halves.txt", english + "\n\n" + french, ""))
    assert extract(doc).lang == "en"
    assert doc.stats["blocks_in_other_languages"] >= 10
    assert {x.lang for b in doc.blocks for x in [b, *b.children]} >= {"", "fr"}


def test_the_body_under_the_ministry_in_a_stacked_letterhead_is_named_with_it():
    text = ("MINISTÉRIO DA ADMINISTRAÇÃO INTERNA\nAgência para a Integração, Migrações e Asilo\nRua do Exemplo 14\n"
            "1150-025 Lisboa\n\nLisboa, 3 de maio de 2019\n\nExmo. Senhor\nPresidente da Associação\n\n"
            "Prezados Senhores,\n\nAcusamos a receção do vosso pedido, que se encontra em análise.\n\n"
            "Atenciosamente,\n\nJoão Silva\n")
    assert meta_of(text).organisation == (
        "Ministério da Administração Interna (Agência para a Integração, Migrações e Asilo)")
