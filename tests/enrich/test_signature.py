"""enrich.signature: the signatory of a signed document that is no letter, from the names under
the date line that closes it, in any language."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "clean"))

from cleankit import clean_text  # noqa: E402

from builder.enrich.metadata import extract  # noqa: E402

FR = ("Le ministre de l'intérieur est chargé de l'exécution du présent décret, qui sera publié au Journal "
      "officiel de la République française.")
ES = ("La presente orden entrará en vigor el día siguiente al de su publicación en el Boletín Oficial del "
      "Estado y será de aplicación a las ofertas de empleo.")
SV = ("Migrationsverket bedömer att kommunernas mottagande i huvudsak fungerar väl, men att barnets bästa "
      "behöver beaktas tydligare vid beslut om placering.")
EN = ("The Council shall review the implementation of the present decision at its next session and report "
      "on the measures taken by States.")


def signed(text: str) -> tuple[str | None, str | None]:
    meta = extract(clean_text(text))
    return meta.signatory, meta.signatory_role


def test_the_name_under_a_french_signing_line_signs():
    text = (f"Décret relatif à l'accueil\n\n{FR}\n\nFait à Paris, le 3 mars 2021.\n\nJean Castex\n\n"
            "Par le Premier ministre :\n")
    assert signed(text) == ("Jean Castex", None)


def test_a_signatory_joined_to_the_spanish_date_line_by_a_dash_signs_with_the_role_before_the_name():
    text = (f"Orden por la que se regula la gestión\n\n{ES}\n\n   Madrid, 4 de junio de 2015.–La Ministra de Empleo y "
            "Seguridad Social, Fátima Báñez\nGarcía.\n")
    assert signed(text) == ("Fátima Báñez García", "La Ministra de Empleo y Seguridad Social")


def test_the_role_under_the_name_of_a_swedish_report_is_read():
    text = f"Rapport om mottagandet\n\n{SV}\n\nNorrköping den 28 mars 2022\n\nMikael Ribbenvik\nGeneraldirektör\n"
    assert signed(text) == ("Mikael Ribbenvik", "Generaldirektör")


def test_a_name_in_capitals_is_written_in_capitals_and_small_letters():
    text = f"Real Decreto sobre entrada\n\n{ES}\n\nDado en Madrid, el 16 de febrero de 2007.\n\nJUAN CARLOS R.\n"
    assert signed(text)[0] == "Juan Carlos R."


def test_a_heading_under_a_date_line_at_the_top_is_no_signatory():
    text = ("Message\n\nCANBERRA, 10 December 1947\n\nURGENT PERSONAL\n\n" + "\n\n".join([EN] * 9) + "\n")
    assert signed(text) == (None, None)


def test_a_body_under_the_closing_date_line_is_no_signatory():
    text = f"Decision on reporting\n\n{EN}\n\nGeneva, 4 June 2015\n\nHuman Rights Council\n"
    assert signed(text) == (None, None)


def test_a_paragraph_under_the_closing_date_line_ends_the_block():
    text = f"Decision on reporting\n\n{EN}\n\nGeneva, 4 June 2015\n\n{EN}\n\nJohn Smith\n"
    assert signed(text) == (None, None)


# --- a signature block with no date line above it -----------------------------------------

from builder.enrich import signature  # noqa: E402


def block(*lines: str) -> list[tuple[int, str]]:
    return list(enumerate(lines, 1))


def test_a_name_after_a_signed_mark_signs():
    assert signature.closing_block(block("(Signed)  R. H. VAN DER MEER", "Chief, Operations Division"), "en") == \
        ("R. H. van der Meer", "Chief, Operations Division", 1)


def test_a_french_signe_mark_signs_without_the_civil_title():
    assert signature.closing_block(block("Le président :", "Signé : M. Jacques-Henri Stahl"), "fr")[:2] == \
        ("Jacques-Henri Stahl", "Le président")


def test_an_italian_name_in_brackets_under_its_role_signs():
    assert signature.closing_block(block("IL CAPO DIPARTIMENTO", "(Di Bari)"), "it")[0] == "Di Bari"


def test_a_swedish_name_over_its_role_signs():
    assert signature.closing_block(block("Maria Lindqvist", "Beslutsfattare"), "sv")[:2] == \
        ("Maria Lindqvist", "Beslutsfattare")


def test_of_names_side_by_side_the_presidents_signs():
    got = signature.closing_block(block("Hasan Bakırcı                 Arnfinn Bårdsen",
                                        "  Registrar                      President"), "en")
    assert got[:2] == ("Arnfinn Bårdsen", "President")


def test_the_left_column_of_a_treaty_signs_first():
    got = signature.closing_block(block("FOR THE KINGDOM OF EXAMPLE          FOR THE REPUBLIC OF SAMPLE",
                                        "Elena Ruiz Delgado                  Ismaïla Madior Fall",
                                        "Minister of Inclusion,              Minister of Foreign Affairs"), "en")
    assert got[0] == "Elena Ruiz Delgado"


def test_the_left_column_signs_first_whatever_the_alphabet():
    got = signature.closing_block(block("Roberta Metsola                     Hadja Lahbib",
                                        "Minister of Inclusion               Minister of Foreign Affairs"), "en")
    assert got[0] == "Roberta Metsola"


def test_a_name_with_no_role_and_no_mark_signs_nothing():
    assert signature.closing_block(block("Jane Doe", "Thank you for reading."), "en") is None


def test_a_line_of_a_role_a_comma_and_a_name_under_a_date_line_signs():
    text = ("Lei n.º 1/2024\n\nde 20 de maio\n\nA presente lei entra em vigor no dia seguinte ao da sua publicação "
            "e aplica-se aos pedidos pendentes.\n\nAprovada em 22 de março de 2024.\n\n"
            "O Presidente da Assembleia da República, José Pedro Aguiar-Branco.\n\n"
            "Promulgada em 10 de maio de 2024.\n\nO Presidente da República, Marcelo Rebelo de Sousa.\n")
    assert signed(text) == ("José Pedro Aguiar-Branco", "O Presidente da Assembleia da República")


def test_a_memos_closing_signature_is_read():
    text = ("MEMORANDUM\n\nTO: The Director\nFROM: Chief, Operations Division\n\n" + EN + "\n\n" + EN
            + "\n\nJane Roe\nDirector General\n")
    assert signed(text)[0] == "Jane Roe"


def test_a_press_releases_closing_contact_signs_nothing():
    text = ("PRESS RELEASE\n\nGeneva, 3 May 2021 – " + EN + "\n\n" + EN + "\n\nJane Doe\nSpokesperson\n")
    assert signed(text) == (None, None)


def test_a_front_matter_author_that_is_a_network_signs_nothing():
    text = ("---\ntitle: A report\nauthor: Border Violence Watch Network\n---\n\n# A report\n\n"
            + EN + "\n\n" + EN + "\n")
    assert signed(text)[0] is None


DE = ("Diese Verordnung tritt am Tag nach der Verkündung in Kraft und gilt für alle Anträge, die nach "
      "diesem Tag gestellt werden.")


def test_a_german_minister_named_by_a_compound_signs_with_the_role_printed_over_the_name():
    text = (f"Verordnung zur Änderung der Beschäftigungsverordnung\n\n{DE}\n\nBerlin, den 15. Dezember 2023\n\n"
            "                 Der Bundesminister\n              für Arbeit und Soziales\n"
            "                   Hubertus Heil\n\n                 Die Bundesministerin\n"
            "               des Innern und für Heimat\n                  Nancy Faeser\n")
    assert signed(text) == ("Hubertus Heil", "Der Bundesminister für Arbeit und Soziales")
