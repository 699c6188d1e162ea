"""enrich.metadata end to end on small raw texts: lines recognised by their function never win
the title (a date line under an act's name, a language code in a journal's header, a reading
time, a contact line, a section label, an attribution, a letterhead's address, a telegram's
routing), and what wins is the document's own title: an act's name line with its date, a
ruling's kind and number, a headline, the subject a telegram cites, the title under a genre
label; an act's name line in capitals is shown in title case."""

from __future__ import annotations

from builder.clean import clean
from builder.document import Source
from builder.enrich.metadata import extract

PROSE = ("The present text sets out the findings of the inquiry and the measures that the authorities "
         "are invited to take in the coming year, with the figures of the last three years.\n")
PROSA = ("Die vorliegende Verordnung regelt die Zustimmung zur Beschäftigung und die Zuständigkeit der "
         "Auslandsvertretungen für die Jahre 2024 bis 2026, wie im Folgenden bestimmt.\n")


def title_of(text: str) -> str:
    return extract(clean(Source("t.txt", text, ""))).title


def test_an_acts_date_line_is_not_its_title_but_dates_its_name():
    text = ("Verordnung\nzur Änderung der Beschäftigungsverordnung\n(Änderungsverordnung – ÄndV)\n\n"
            "Vom 15. Dezember 2023\n\n" + PROSA)
    assert title_of(text) == ("Verordnung zur Änderung der Beschäftigungsverordnung (Änderungsverordnung – ÄndV) "
                              "vom 15. Dezember 2023")


def test_a_journals_language_code_is_not_the_title_of_the_act_under_it_named_with_its_date_and_subject():
    text = ("22.5.2024              EN                Official Journal of the European Union              L series\n\n"
            "                                                                  2024/9999\n"
            "                                                                  22.5.2024\n\n"
            "    REGULATION (EU) 2024/9999 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL\n\n"
            "                                         of 14 May 2024\n\n"
            "     introducing common rules for the screening of persons at the external borders\n\n"
            "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,\n\n"
            "Having regard to the Treaty on the Functioning of the European Union, and in particular Article\n"
            "77(2), point (b) and (d), and Article 79(2), point (c), thereof,\n")
    assert title_of(text) == ("Regulation (EU) 2024/9999 of the European Parliament and of the Council of 14 May 2024 "
                              "introducing common rules for the screening of persons at the external borders")


def test_a_reading_time_is_not_the_title():
    text = ("Novas regras para a autorização de residência entram em vigor\n\nTempo de leitura: 3 minutos\n\n"
            + PROSE)
    assert title_of(text) == "Novas regras para a autorização de residência entram em vigor"


def test_a_contact_line_above_the_headline_is_not_the_title():
    text = ("PRESS RELEASE\n\nContact: Press Office, +44 (0)20 7946 0000, press@example.org\n\n"
            "Charity finds detention sites harm mental health\n\n" + PROSE)
    assert title_of(text) == "Charity finds detention sites harm mental health"


def test_a_section_label_is_not_the_title_of_a_bulletin():
    text = ("Returns and removals: quarterly statistics, January to March 2024\n\nMain points\n\n" + PROSE)
    assert title_of(text) == "Returns and removals: quarterly statistics, January to March 2024"


def test_who_asked_a_question_is_not_its_title():
    text = "Asked by\nJane Smith\nNorth Borough\nGreen Party\n\nQuestion\n\n" + PROSE
    assert "Jane Smith" not in title_of(text)


def test_a_rulings_kind_and_number_wins_over_the_courts_address():
    text = ("  TRIBUNAL SUPERIOR DE JUSTICIA\n  Sección Décima\n  C/ General Castaños, 1 - 28004\n\n"
            "                 SENTENCIA No 318/2024\n\n"
            "  En la Villa de Madrid, a dieciséis de mayo de dos mil veinticuatro, la Sala ha visto el recurso "
            "de apelación interpuesto contra la sentencia del Juzgado.\n")
    assert title_of(text) == "Sentencia no 318/2024"


def test_a_telegrams_routing_is_not_its_title_but_the_subject_it_cites():
    text = ("TELEGRAM\n\nCONFIDENTIAL                  PRIORITY\n\nFM UKMIS GENEVA 141530Z AUG 74\nTO FCO TELNO 612\n"
            "INFO ROUTINE NICOSIA ANKARA\n\nYOUR TELNO 388: CYPRUS DISPLACED PERSONS.\n\n"
            "1. UNHCR TOLD US THIS MORNING THAT THE HIGH COMMISSIONER HAS AGREED TO ACT AS COORDINATOR OF "
            "HUMANITARIAN ASSISTANCE IN CYPRUS AT THE REQUEST OF THE SECRETARY-GENERAL.\n")
    assert title_of(text) == "Cyprus Displaced Persons"


def test_the_title_under_a_genre_label_wins_over_a_letterhead():
    text = ("Immigration, Réfugiés                    Immigration, Refugees\n"
            "et Citoyenneté Canada                    and Citizenship Canada\n\n"
            "AVIS / NOTICE\n\nAvis aux demandeurs d'asile hébergés dans les hôtels temporaires\n\n" + PROSE)
    assert title_of(text).startswith("Avis aux demandeurs d'asile hébergés dans les hôtels temporaires")


def test_a_written_questions_subject_under_the_sites_menu_is_its_title():
    text = ("UK Parliament\nWritten questions, answers and statements\n\nSkip to main content\n"
            "Home  >  Written questions and answers  >  UIN 17044\n\nAsylum: Children\nQuestion for Home Office\n\n"
            "UIN 17044, tabled on 4 March 2024\n\nAsked by\nJane Smith\nNorth Borough\n\nQuestion\n\n" + PROSE)
    assert title_of(text) == "Asylum: Children"
