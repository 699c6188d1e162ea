"""patterns.furniture_kind: the short lines of a page or a document's head that are furniture,
in several languages, from their shape: never a title (``not_a_title``), never a heading."""

from __future__ import annotations

import pytest

from builder.clean.text.patterns import furniture_kind, not_a_title


@pytest.mark.parametrize("line", ["Skip to main content", "Naar hoofdinhoud gaan", "Naar zoeken gaan",
                                  "Aller au contenu", "Ir al contenido principal", "Zum Inhalt springen",
                                  "Hoppa till huvudinnehållet", "Vai al contenuto"])
def test_a_skip_link_is_furniture(line):
    assert furniture_kind(line) == "skip link"


@pytest.mark.parametrize("line", ["RESTRICTED", "CONFIDENTIAL", "Top Secret", "Diffusion restreinte",
                                  "Reservado", "VS-Nur für den Dienstgebrauch", "Riservato", "Hemlig"])
def test_a_classification_marking_is_furniture(line):
    assert furniture_kind(line) == "classification marking"


@pytest.mark.parametrize("line", ["By Maria Lopez and John Carter", "Par Marie Dupont et Jean Martin",
                                  "Von Anna Maria Schmidt", "Por Ana García, corresponsal"])
def test_a_byline_is_furniture(line):
    assert furniture_kind(line) == "byline"


@pytest.mark.parametrize("line", ["By Land and Sea", "Von Flucht und Vertreibung", "By the Secretary-General"])
def test_a_title_starting_with_by_is_no_byline(line):
    assert furniture_kind(line) != "byline"


@pytest.mark.parametrize("line", ["Prot. n. 0012345 del 03/05/2021", "Our ref.: ABC/12", "N/Réf. : 2021-118",
                                  "Aktenzeichen: 3 K 12/21", "Dnr 1.3.2-2022-118", "Ons kenmerk 2023-0412"])
def test_a_reference_line_is_furniture(line):
    assert furniture_kind(line) == "reference line"


def test_a_title_that_starts_like_a_reference_word_is_no_reference_line():
    assert furniture_kind("Reference guide to asylum procedures 2020") == ""
    assert furniture_kind("Referendum 2016 and its aftermath") == ""


@pytest.mark.parametrize("line", ["Source: national statistics office.", "Note: data for 2023 are provisional.",
                                  "Fuente: INE", "Quelle: BAMF, eigene Berechnungen"])
def test_a_tables_source_or_note_line_is_furniture(line):
    assert furniture_kind(line) == "source or note line"


@pytest.mark.parametrize("line", ["Diário da República, 1.ª série", "Boletín Oficial del Estado",
                                  "Journal officiel de la République française", "Bundesgesetzblatt Teil I"])
def test_a_gazettes_masthead_is_furniture(line):
    assert furniture_kind(line) == "gazette"


@pytest.mark.parametrize("line", ["N.º 41", "No. 12", "Pág. 3", "Page 2 of 6"])
def test_an_issue_or_page_number_alone_is_furniture(line):
    assert furniture_kind(line) == "issue or page number"


def test_a_section_name_with_a_date_and_time_is_a_time_stamp():
    assert furniture_kind("TOP STORIES | Mon Mar 4, 2024 9:30am GMT") == "time stamp"


@pytest.mark.parametrize("line", ["Operational Update", "SITUATION REPORT", "Monthly Update", "Flash Update"])
def test_a_series_genre_label_is_furniture(line):
    assert furniture_kind(line) == "genre label"


@pytest.mark.parametrize("line", ["Italian court clears six fishermen over a sinking",
                                  "Gezinshereniging: uw partner laten overkomen naar Nederland",
                                  "Human rights violations at international borders"])
def test_a_headline_is_no_furniture_and_may_be_a_title(line):
    assert furniture_kind(line) == ""
    assert not not_a_title(line)


def test_a_portuguese_date_line_is_not_a_title():
    assert not_a_title("3 de março de 2021")


def test_an_italian_date_line_is_not_a_title():
    assert not_a_title("7 giugno 2021")
