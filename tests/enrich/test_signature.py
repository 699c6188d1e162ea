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
