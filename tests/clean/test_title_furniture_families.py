"""patterns.not_a_title by function, from the shape of a line in any language: a line that is
mostly a date, a language code or a lone short token, a page widget's figure, a contact line, a
generic section label, an attribution of a question, a postal address and a telegram's routing
header are never a document's title; a headline, an act named by its date and a title naming a
month are."""

from __future__ import annotations

import pytest

from builder.clean.text.patterns import furniture_kind, mostly_date, not_a_title


@pytest.mark.parametrize("line", ["Vom 15. Dezember 2023", "of 14 May 2024", "Wednesday 6 March 2024",
                                  "Stockholm i juni 2023", "Publicado em 14/11/2024 | Atualizado em 15/11/2024"])
def test_a_line_that_is_mostly_a_date_is_not_a_title(line):
    assert mostly_date(line)
    assert not_a_title(line)


def test_an_act_named_by_its_date_is_no_date_line():
    assert not mostly_date("Loi du 4 mars 2002")


def test_a_title_naming_a_period_is_no_date_line():
    assert not not_a_title("Returns and removals: quarterly statistics, January to March 2024")


@pytest.mark.parametrize("line", ["EN", "PT", "fr", "UN"])
def test_a_language_code_or_lone_short_token_is_not_a_title(line):
    assert not_a_title(line)


@pytest.mark.parametrize("line", ["Tempo de leitura: 3 minutos", "Reading time: 5 min", "Lesezeit: 4 Minuten",
                                  "4 min read"])
def test_a_widgets_label_and_figure_is_furniture(line):
    assert furniture_kind(line) == "widget"


@pytest.mark.parametrize("line", ["Contact: Press Office, +44 (0)20 7946 0321, press@example.org.uk",
                                  "Pressekontakt: Referat Presse", "press@example.org", "Tél. : +33 1 49 27 49 27"])
def test_a_contact_line_is_furniture(line):
    assert furniture_kind(line) == "contact line"


@pytest.mark.parametrize("line", ["Main points", "Key findings", "Résumé", "Resumen", "Zusammenfassung",
                                  "Sammanfattning", "Points clés"])
def test_a_generic_section_label_is_not_a_title(line):
    assert not_a_title(line)


@pytest.mark.parametrize("line", ["Asked by Stuart Brown", "Tabled by Jane Smith MP", "Question from Ana Ruiz",
                                  "Question posée par M. Dupont", "Pregunta formulada por Ana Ruiz"])
def test_who_asked_or_tabled_a_question_is_furniture(line):
    assert furniture_kind(line) == "attribution"


@pytest.mark.parametrize("line", ["C/ General Castaños, 1 - 28004", "Place Beauvau – 75800 Paris Cedex 08",
                                  "Frankenstraße 210", "10 Downing Street, London SW1A 2AA"])
def test_a_postal_address_is_furniture(line):
    assert furniture_kind(line) == "address"


@pytest.mark.parametrize("line", ["Over 12000 migrants arrive", "Via Crucis 2020", "The 2015 Paris Agreement"])
def test_a_headline_with_a_number_is_no_address(line):
    assert furniture_kind(line) != "address"


@pytest.mark.parametrize("line", ["FM UKMIS GENEVA 141530Z AUG 74", "TO FCO TELNO 612",
                                  "INFO ROUTINE NICOSIA ANKARA ATHENS"])
def test_a_telegrams_routing_line_is_furniture(line):
    assert furniture_kind(line) == "routing header"


def test_a_telegrams_precedence_is_furniture():
    assert furniture_kind("PRIORITY") == "classification marking"


@pytest.mark.parametrize("line", ["Refugee Rights Network: \"Barge detention is harming people's mental health\"",
                                  "AIMA regulariza mais de 180 mil processos pendentes de autorização de residência",
                                  "Sentencia no 318/2024"])
def test_a_headline_is_a_possible_title(line):
    assert not not_a_title(line)


@pytest.mark.parametrize("line", ["URGENT PERSONAL", "Personal and confidential"])
def test_markings_combined_are_one_marking(line):
    assert furniture_kind(line) == "classification marking"
