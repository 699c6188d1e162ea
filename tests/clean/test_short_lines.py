"""clean: short lines are never joined with separators; wrapped titles are joined; titles
are chosen from what can be a title."""

from __future__ import annotations

import pytest

from cleankit import clean_text

BODY = "The body of the document says something important about the topic at hand. It goes on.\n"


def title(doc):
    return next((b.text for b in doc.blocks if b.kind == "heading" and b.level == 1), None)


def test_short_lines_above_the_text_keep_their_line_breaks_never_a_separator():
    doc = clean_text("A Title For The Page\n\nPress Office\nMinistry of Labour\nGeneva\n\n" + BODY)
    byline = doc.blocks[1]
    assert byline.text == "Press Office\nMinistry of Labour\nGeneva"
    assert not any("·" in b.text for b in doc.blocks)


def test_short_lines_inside_the_text_stay_separate_paragraphs():
    doc = clean_text("A Title For The Page\n\n" + BODY + "\nMadrid\nBarcelona\nValencia\n\n" + BODY)
    assert [b.text for b in doc.blocks[2:5]] == ["Madrid", "Barcelona", "Valencia"]


def test_a_title_wrapped_over_two_lines_is_one_title_with_a_space():
    doc = clean_text("Protecting the rights of\npeople on the move\n\n" + BODY)
    assert title(doc) == "Protecting the rights of people on the move"


def test_a_capitalised_title_wrapped_after_a_function_word_is_one_title():
    doc = clean_text("THE PROTECTION OF\nREFUGEES IN EUROPE\n\n" + BODY)
    assert title(doc) == "The Protection of Refugees in Europe"


@pytest.mark.parametrize("label", ["Summary", "Press release", "Communiqué", "Nota de prensa", "Résumé"])
def test_a_genre_label_is_never_the_title(label):
    doc = clean_text(f"{label}\n\nMinister opens the dialogue on labour migration\n\n" + BODY)
    assert title(doc) == "Minister opens the dialogue on labour migration"


@pytest.mark.parametrize("trail", ["Home > News > Press releases", "Home / News", "Inicio › Noticias › 2024"])
def test_a_breadcrumb_is_never_the_title(trail):
    doc = clean_text(f"{trail}\n\nMinister opens the dialogue on labour migration\n\n" + BODY)
    assert title(doc) == "Minister opens the dialogue on labour migration"


@pytest.mark.parametrize("line", ["A/RES/80/9", "4 May 2013", "12 de junio de 2015"])
def test_a_document_symbol_or_a_date_is_never_the_title(line):
    doc = clean_text(f"{line}\n\nPolitical declaration on trafficking in persons\n\n" + BODY)
    assert title(doc) == "Political declaration on trafficking in persons"


def test_a_title_in_capitals_is_shown_in_title_case_keeping_acronyms():
    doc = clean_text("THE WORLD'S REFUGEES AND THE ROLE OF UNHCR AND IOM\n\n"
                     "The UNHCR and IOM work together on the protection of people. It goes on.\n")
    assert title(doc) == "The World's Refugees and the Role of UNHCR and IOM"


def test_a_short_capital_word_printed_in_capitals_in_the_text_stays_an_acronym():
    doc = clean_text("REPORT ON THE ABC PROGRAMME\n\nThe ABC programme helps people in many ways. It goes on.\n")
    assert title(doc) == "Report on the ABC Programme"


@pytest.mark.parametrize("label", ["Subject", "Objet", "Asunto", "Re"])
def test_a_subject_line_of_a_letter_is_its_title(label):
    doc = clean_text(f"Geneva, 4 May 2013\n\n{label}: Protection of migrant workers\n\nDear Colleague,\n\n"
                     + BODY + "\nSincerely,\n\nJane Doe\nDirector\n")
    assert doc.letter["subject"] == "Protection of migrant workers"
    assert title(doc) == "Protection of migrant workers"


def test_a_furniture_line_printed_right_above_a_paragraph_is_a_line_of_its_own():
    doc = clean_text("Tempo de leitura: 3 minutos\nA agência concluiu a análise de milhares de processos de "
                     "autorização de residência que se encontravam pendentes.\n")
    assert [b.text for b in doc.blocks][0] == "Tempo de leitura: 3 minutos"
