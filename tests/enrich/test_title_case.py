"""Re-casing text printed in capitals (a title heading, a letterhead, an organisation) keeps what
capitals mean: initials, a case name's ``v.``, the word after an elided article, codes and
references, acronyms; only small words go lower case, by language."""

from __future__ import annotations

from builder.enrich.metadata import smart_case
from builder.clean.text.patterns import title_case


def test_initials_keep_their_capitals():
    assert title_case("CASE OF A.B. AND OTHERS") == "Case of A.B. and Others"


def test_versus_in_a_case_name_stays_lower_case():
    assert title_case("SMITH v. THE UNITED KINGDOM") == "Smith v. the United Kingdom"


def test_a_french_elided_article_keeps_the_capital_of_its_word():
    assert title_case("CONSEIL DE L'EUROPE") == "Conseil de l'Europe"


def test_a_french_elision_with_a_typographic_apostrophe():
    assert title_case("DROIT D’ASILE ET ACCUEIL") == "Droit d’Asile et Accueil"


def test_an_elided_first_word_keeps_its_capital():
    assert title_case("L'ACCUEIL DES RÉFUGIÉS") == "L'Accueil des Réfugiés"


def test_french_small_words_are_lower_case():
    assert title_case("RAPPORT SUR LA PROTECTION DES ENFANTS AVEC OU SANS PAPIERS") == \
        "Rapport sur la Protection des Enfants avec ou sans Papiers"


def test_spanish_small_words_are_lower_case():
    assert title_case("LEY SOBRE LOS DERECHOS DE LOS EXTRANJEROS") == "Ley sobre los Derechos de los Extranjeros"


def test_german_small_words_are_lower_case():
    assert title_case("GESETZ ÜBER DEN AUFENTHALT VON AUSLÄNDERN") == "Gesetz über den Aufenthalt von Ausländern"


def test_a_code_with_a_slash_and_digits_is_kept_whole():
    assert title_case("RECOMMENDATION CM/REC(2019)4 ON MIGRANT CHILDREN") == \
        "Recommendation CM/REC(2019)4 on Migrant Children"


def test_a_word_without_vowels_is_an_acronym():
    assert title_case("REPORT OF THE DWP AND SVR MISSION") == "Report of the DWP and SVR Mission"


def test_hyphenated_words_are_cased_part_by_part_keeping_acronyms():
    assert title_case("IN-COUNTRY UN-HABITAT PROGRAMMES") == "In-Country UN-Habitat Programmes"


def test_a_letterhead_keeps_its_postcode():
    assert smart_case("MINISTRY OF INTERIOR, VALLETTA VLT 1000") == "Ministry of Interior, Valletta VLT 1000"


def test_a_letterhead_keeps_its_reference_codes():
    assert smart_case("Our Ref: IMM/ASY/118/2019") == "Our Ref: IMM/ASY/118/2019"


def test_capitals_before_a_reference_number_belong_to_it():
    assert smart_case("Your Ref: JUA MLT 3/2019") == "Your Ref: JUA MLT 3/2019"


def test_a_date_in_capitals_is_not_taken_for_a_reference():
    assert title_case("RAPPORT DU 3 MARS 2021") == "Rapport du 3 Mars 2021"


def test_mixed_case_words_of_an_organisation_are_untouched():
    assert smart_case("THE PERMANENT MISSION OF THE United States") == "The Permanent Mission of the United States"
