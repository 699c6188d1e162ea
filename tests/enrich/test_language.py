"""enrich.language: the language of a document, detected offline from its prose."""

from __future__ import annotations

from builder.document import Block, Document, Source
from builder.enrich import language
from builder.enrich.metadata import extract

FR = ("Le ministère a examiné la situation des travailleurs saisonniers pendant la récolte et constate "
      "que la plupart des employeurs respectent les contrats signés avec les travailleurs.")
ES = ("El ministerio ha examinado la situación de los trabajadores temporeros durante la cosecha y "
      "comprueba que la mayoría de los empleadores respetan los contratos firmados.")
DE = ("Das Ministerium hat die Lage der Saisonarbeitskräfte während der Ernte geprüft und stellt fest, "
      "dass die meisten Arbeitgeber die unterzeichneten Verträge einhalten.")
RU = ("Министерство изучило положение сезонных работников во время сбора урожая и установило, что "
      "большинство работодателей соблюдают подписанные договоры.")
AR = ("درست الوزارة وضع العمال الموسميين خلال موسم الحصاد ووجدت أن معظم أصحاب العمل يحترمون العقود "
      "الموقعة مع العمال.")
EN = ("The ministry has reviewed the treatment of seasonal workers in the harvest and found that most "
      "employers respect the contracts they signed with the workers.")


def doc(*texts: str) -> Document:
    return Document(Source("t.txt", "", ""), blocks=[Block("paragraph", t) for t in texts])


def test_french_text_is_french():
    assert extract(doc(FR)).lang == "fr"


def test_spanish_text_is_spanish():
    assert extract(doc(ES)).lang == "es"


def test_german_text_is_german():
    assert extract(doc(DE)).lang == "de"


def test_russian_paragraph_is_russian():
    assert extract(doc(RU)).lang == "ru"


def test_arabic_paragraph_is_arabic():
    assert extract(doc(AR)).lang == "ar"


def test_english_menu_labels_do_not_outvote_the_prose():
    menu = ["Home", "Contact us", "News", "Search", "Login", "Share", "Print this page"]
    assert extract(doc(*menu, FR, *menu)).lang == "fr"


def test_too_little_text_gets_no_language():
    meta = extract(doc("Bonjour"))
    assert meta.lang is None
    assert "lang" in meta.missing


def test_metadata_yml_overrides_the_language():
    meta = extract(doc(FR), {"lang": "pt-BR"})
    assert meta.lang == "pt"
    assert meta.overridden["lang"] == {"text": "fr", "override": "pt"}
    assert meta.sources["lang"] == "override"


def test_a_value_that_is_not_a_language_code_is_not_used():
    assert extract(doc(FR), {"lang": "French!"}).lang == "fr"


def test_codes_are_normalised():
    assert [language.normalise(c) for c in ("FR", "es_ES", "de-AT", "", "français")] == ["fr", "es", "de", None, None]


def test_the_source_of_the_language_says_it_was_detected():
    assert extract(doc(DE)).sources["lang"].startswith("text (detected")
