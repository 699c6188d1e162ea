"""enrich.metadata end to end on small raw texts: the title is ranked from the candidates of the
document's head. Furniture never wins (a skip link, a classification marking, a byline, a
registry line, a gazette's masthead, a table's source line, the rest of a court's name); a
subject line is a strong candidate in any type of document; a series' genre label is titled
with the place it reports on; a document of tables takes its first caption; a title in
capitals is shown in title case."""

from __future__ import annotations

from builder.clean import clean
from builder.document import Source
from builder.enrich.metadata import extract

PROSE = ("The present text sets out the findings of the inquiry and the measures that the authorities "
         "are invited to take in the coming year, with the figures of the last three years.\n")


def title_of(text: str) -> str:
    return extract(clean(Source("t.txt", text, ""))).title


def test_a_skip_link_is_not_the_title():
    text = ("Naar hoofdinhoud gaan\n\nGezinshereniging: uw partner laten overkomen naar Nederland\n\n"
            + PROSE)
    assert title_of(text) == "Gezinshereniging: uw partner laten overkomen naar Nederland"


def test_a_memos_subject_line_is_the_title_not_its_classification_marking():
    text = ("RESTRICTED\n\nMEMORANDUM\n\nTO:      The Director.\n\nFROM:    Chief, Operations Division.\n\n"
            "SUBJECT: Transport of displaced persons from Genoa to Brazil -\n"
            "         sailing schedule for the spring of 1951.\n\n" + PROSE)
    assert title_of(text) == ("Transport of displaced persons from Genoa to Brazil - sailing schedule "
                              "for the spring of 1951")


def test_a_circulars_oggetto_line_is_the_title_not_its_registry_line():
    text = ("MINISTERO DELL'INTERNO\n\nProt. n. 0012345 del 03/05/2021\n\n"
            "OGGETTO: Accoglienza dei richiedenti asilo nei comuni. Istruzioni.\n\n" + PROSE)
    assert title_of(text) == "Accoglienza dei richiedenti asilo nei comuni. Istruzioni"


def test_a_dutch_onderwerp_line_is_the_title():
    text = "Gemeente Utrecht\n\nOnderwerp: Opvang van asielzoekers in de regio\n\n" + PROSE
    assert title_of(text) == "Opvang van asielzoekers in de regio"


def test_an_acts_own_title_outranks_its_objet_line():
    text = ("Décret n° 2021-239 du 3 mars 2021 relatif aux conditions matérielles d'accueil\n\n"
            "Objet : modalités de versement de l'allocation.\n\n" + PROSE)
    assert title_of(text).startswith("Décret n° 2021-239 du 3 mars 2021")


def test_a_byline_is_not_the_title():
    text = ("TOP STORIES | Mon Mar 4, 2024 9:30am GMT\n\nItalian court clears six fishermen over a sinking\n\n"
            "By Maria Lopez and John Carter\n\n" + PROSE)
    assert title_of(text) == "Italian court clears six fishermen over a sinking"


def test_a_gazette_masthead_is_not_the_title_and_an_acts_number_takes_its_date_line():
    text = ("Diário da República, 1.ª série\n\nN.º 41\n\n3 de março de 2021\n\nPág. 3\n\n"
            "Lei n.º 7/2021\n\nde 3 de março\n\n" + PROSE)
    assert title_of(text) == "Lei n.º 7/2021, de 3 de março"


def test_a_genre_label_is_titled_with_the_place_it_reports_on():
    text = "OPERATIONAL UPDATE\n\nNiger\n1 - 30 June 2024\n\nKEY FIGURES\n\n" + PROSE
    assert title_of(text) == "Niger — Operational Update"


def test_a_document_of_tables_takes_its_first_caption_not_its_source_line():
    text = ("ANNEX 2\n\nTable B2.1  Asylum decisions by country of origin, 2022-2023\n"
            "            (number of persons)\n\n"
            "Country                2022        2023\n"
            "Syria                98 895     131 970\n"
            "Afghanistan          85 195     113 545\n\n"
            "Source: national statistics office.\n")
    assert title_of(text) == "Annex 2 — Asylum decisions by country of origin, 2022-2023"


def test_the_rest_of_a_courts_name_is_not_the_title_but_the_parties_are_in_title_case():
    text = ("CONSEIL D'ETAT\nstatuant au contentieux\n\nN° 470001\n\nASSOCIATION AIDE AUX EXILÉS et autres\n\n"
            "Séance du 2 mai 2022\nDécision du 20 mai 2022\n\n" + PROSE)
    assert title_of(text) == "Association Aide aux Exilés et autres"


def test_a_title_in_capitals_is_shown_in_title_case_keeping_acronyms():
    text = "Subject: RETURN OF MIGRANTS FROM THE EU TO THIRD COUNTRIES\n\n" + PROSE
    assert title_of(text) == "Return of Migrants from the EU to Third Countries"


def test_a_cases_parties_outrank_the_recital_heading_chosen_first():
    from builder.document import Block, Document

    doc = Document(Source("t.txt", "", ""), blocks=[
        Block("heading", "Sur le rapport de la 3ème chambre de la Section du contentieux", level=1),
        Block("paragraph", "Association Droit au Logement et autres", label="lead"), Block("paragraph", PROSE)])
    assert extract(doc).title == "Association Droit au Logement et autres"
