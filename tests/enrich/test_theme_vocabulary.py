"""The shipped themes.yml knows the general vocabulary of its themes in each language it lists:
a short text written the way the field writes finds its theme (small inputs written here)."""

from __future__ import annotations

from pathlib import Path

from builder.config import load_themes
from builder.document import Block, Document, Metadata, Source
from builder.enrich.themes import themes_found

ROOT = Path(__file__).resolve().parents[2]
THEMES = load_themes(ROOT / "themes.yml")


def found(lang: str, *texts: str) -> set[str]:
    d = Document(Source("t.txt", "", ""), blocks=[Block("paragraph", t) for t in texts], meta=Metadata(lang=lang))
    return {h.theme for h in themes_found(d, THEMES)[0]}


def test_pushbacks_and_sea_rescue_are_border_enforcement():
    assert "borders-return" in found("en", "The network recorded 214 pushbacks from the border in 2022.",
                                     "The coast guard denied that it had delayed search and rescue.")


def test_deprivation_of_liberty_is_detention():
    assert "immigration-detention" in found("en", "The applicants complained of a de facto deprivation of liberty.",
                                            "They were deprived of their liberty for weeks in detention.")


def test_resettlement_and_movements_of_refugees_are_refugee_vocabulary():
    assert "refugees-asylum" in found("en", "Subject: movement of refugees to Australia.",
                                      "The resettlement of the refugees in the camp is pending.")


def test_an_italian_unaccompanied_minor_in_the_singular_is_a_migrant_child():
    assert "migrant-children" in found("it", "Il minore straniero non accompagnato può essere affidato ai servizi.",
                                       "I minori non accompagnati restano nel progetto.")


def test_a_swedish_asylum_decision_speaks_of_status_declaration_and_persecution():
    assert "refugees-asylum" in found("sv", "Migrationsverket avslår din ansökan om statusförklaring.",
                                      "Det finns ingen risk för förföljelse vid ett återvändande.")


def test_the_same_vocabulary_is_listed_in_the_other_languages():
    assert "immigration-detention" in found("fr", "Les requérants se plaignent d’une privation de liberté de fait.",
                                            "Ils ont été privés de leur liberté pendant des semaines.")
    assert "borders-return" in found("es", "Salvamento marítimo rescató a los supervivientes del naufragio.",
                                     "Las devoluciones en caliente continúan en la frontera.")
