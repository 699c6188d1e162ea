"""Quotation marks, French spacing and abbreviations, per language: cleaning, reflow and Markdown
escaping keep « », „ “, ‹ › and the no-break spaces before ``:;!?``; a line that ends with an
abbreviation (``M.``, ``Sr.``, ``art.``, ``n°``, ``núm.``, ``Nr.``, ``z. B.``) breaks no
paragraph and starts no list or heading."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "clean"))

from cleankit import clean_text  # noqa: E402

from builder.clean.text.patterns import SENTENCE_END, layout_spaces  # noqa: E402
from builder.write.markdown import inline  # noqa: E402
from conftest import build_project, make_project, mkdocs_build  # noqa: E402

NBSP, NNBSP = "\u00a0", "\u202f"
FRENCH = (f"Rapport annuel\n\nLe ministre a déclaré{NBSP}: «{NBSP}Nous protégerons les droits des travailleurs\n"
          f"migrants{NNBSP}!{NBSP}» Puis il a ajouté{NNBSP}: « Est-ce possible ? » et ‹ oui ›{NBSP}; "
          f"soit 1{NBSP}500 personnes.\n")


def body(text: str) -> list[tuple[str, str]]:
    """(kind, text) of every block but the title."""
    return [(b.kind, b.text) for b in clean_text(text).blocks[1:]]


def test_french_no_break_spaces_survive_cleaning_and_reflow():
    [(kind, text)] = body(FRENCH)
    assert kind == "paragraph"
    assert f"déclaré{NBSP}: «{NBSP}Nous" in text
    assert f"migrants{NNBSP}!{NBSP}» Puis" in text
    assert f"ajouté{NNBSP}: « Est-ce possible ? »" in text
    assert f"‹ oui ›{NBSP}; soit 1{NBSP}500 personnes." in text


def test_french_spacing_survives_markdown_escaping():
    doc = clean_text(FRENCH)
    markdown = inline(doc.blocks[1])
    assert f"déclaré{NBSP}: «{NBSP}Nous" in markdown
    assert f"migrants{NNBSP}!{NBSP}»" in markdown


def test_no_break_spaces_of_layout_become_plain_spaces():
    assert layout_spaces(f"Nom{NBSP}{NBSP}{NBSP}Prénom") == "Nom   Prénom"
    assert layout_spaces(f"le{NBSP}ministre") == "le ministre"


def test_german_and_spanish_quotation_marks_survive():
    text = ("Bericht\n\nDer Minister sagte: „Wir schützen die Rechte der Wanderarbeitnehmer“ und ‚ja‘.\n\n"
            "El ministro dijo: «Protegeremos los derechos» y “sí”; ¿verdad? ¡claro!\n")
    doc = clean_text(text)
    assert [inline(b) for b in doc.blocks[1:]] == [
        "Der Minister sagte: „Wir schützen die Rechte der Wanderarbeitnehmer“ und ‚ja‘.",
        "El ministro dijo: «Protegeremos los derechos» y “sí”; ¿verdad? ¡claro!"]


@pytest.mark.parametrize("line", [f"Il a dit{NNBSP}: «{NBSP}Nous partons{NNBSP}!{NBSP}»",
                                  "Er sagte: „Wir gehen.“", "Dijo: «Nos vamos.»", "Il a dit : ‹ Non. ›"])
def test_a_sentence_ending_inside_closing_quotes_ends_the_sentence(line):
    assert SENTENCE_END.search(line)


@pytest.mark.parametrize("line", ["le rapporteur spécial, M.", "la présidente, Mme.", "el relator especial, el Sr.",
                                  "la presidenta, la Sra.", "Ernährung und Heizung, z.", "Kosten, z.B.",
                                  "the Chair, Mr.", "conformément à l'art."])
def test_a_line_ending_with_an_abbreviation_does_not_end_a_sentence(line):
    assert not SENTENCE_END.search(line)


def test_etc_and_et_al_may_end_a_sentence():
    assert SENTENCE_END.search("des droits, des libertés, etc.")
    assert SENTENCE_END.search("as shown by Smith et al.")


def test_french_monsieur_at_a_line_end_keeps_the_paragraph_whole():
    text = ("Rapport annuel\n\nLe rapport a été présenté au conseil par le rapporteur spécial, M.\n"
            "Dupont, qui a rappelé les obligations des États envers les travailleurs migrants.\n"
            "Le conseil a pris note du rapport et des recommandations formulées par le rapporteur.\n")
    [(kind, text)] = body(text)
    assert kind == "paragraph" and "spécial, M. Dupont, qui" in text


def test_french_numero_at_a_line_end_starts_no_list():
    text = ("Rapport annuel\n\nLa décision a été publiée au Journal officiel de la République, dans le numéro n°\n"
            "12. Elle est entrée en vigueur le lendemain de sa publication selon le décret.\n")
    assert body(text) == [("paragraph", "La décision a été publiée au Journal officiel de la République, dans le "
                                        "numéro n° 12. Elle est entrée en vigueur le lendemain de sa publication "
                                        "selon le décret.")]


def test_french_article_at_a_line_end_keeps_its_number():
    text = ("Rapport annuel\n\nLes étrangers en situation irrégulière peuvent être éloignés selon "
            "l'article 3 et l'art.\n"
            "1. Le préfet statue dans un délai de deux mois à compter de la demande qui lui est faite.\n")
    [(kind, text)] = body(text)
    assert kind == "paragraph" and "l'art. 1. Le préfet" in text


def test_spanish_senor_at_a_line_end_keeps_the_paragraph_whole():
    text = ("Informe anual\n\nEl informe fue presentado al consejo por el relator especial, el Sr.\n"
            "García, quien recordó las obligaciones de los Estados hacia los trabajadores migrantes.\n"
            "El consejo tomó nota del informe y de las recomendaciones del relator.\n")
    [(kind, text)] = body(text)
    assert kind == "paragraph" and "el Sr. García, quien" in text


def test_spanish_numero_at_a_line_end_starts_no_list():
    text = ("Informe anual\n\nLa resolución fue publicada en el Boletín Oficial del Estado núm.\n"
            "3. Entró en vigor al día siguiente de su publicación según lo dispuesto en el decreto.\n")
    [(kind, text)] = body(text)
    assert kind == "paragraph" and "del Estado núm. 3. Entró en vigor" in text


def test_german_nummer_at_a_line_end_starts_no_list():
    text = ("Jahresbericht\n\nDie Änderung wurde im Bundesgesetzblatt veröffentlicht, und zwar in der Ausgabe Nr.\n"
            "5. Sie tritt am Tag nach der Verkündung in Kraft, wie es das Gesetz vorsieht.\n")
    [(kind, text)] = body(text)
    assert kind == "paragraph" and "Ausgabe Nr. 5. Sie tritt" in text


def test_german_zum_beispiel_split_over_two_lines_keeps_the_paragraph_whole():
    text = ("Jahresbericht\n\nDie Leistungen umfassen den notwendigen Bedarf an Ernährung und Heizung, z.\n"
            "B. die Kosten der Unterkunft, sowie die Gesundheitspflege und die Gebrauchsgüter des Haushalts.\n"
            "Der Bedarf wird durch Sachleistungen gedeckt.\n")
    [(kind, text)] = body(text)
    assert kind == "paragraph" and "Heizung, z. B. die Kosten" in text


def test_real_numbered_paragraphs_after_a_sentence_stay_a_list():
    text = ("Rapport annuel\n\nLe comité formule les recommandations suivantes.\n"
            "1. Les États renforcent les inspections du travail dans le secteur agricole.\n"
            "2. Les États garantissent l'accès des travailleurs migrants aux soins de santé.\n")
    assert [kind for kind, _ in body(text)] == ["paragraph", "list_item", "list_item"]


def test_french_spacing_and_quotes_reach_the_html(tmp_path):
    project = make_project(tmp_path, {"rapport.txt": FRENCH + "\n" + (
        "Le présent rapport décrit la situation des travailleurs saisonniers pendant la récolte et "
        "constate que la plupart des employeurs respectent les contrats.\n")})
    result, _ = build_project(project)
    assert result.returncode == 0, result.stderr
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stdout + built.stderr
    page = next((project / "site" / "documents").glob("*/index.html")).read_text(encoding="utf-8")
    assert f"déclaré{NBSP}: «{NBSP}Nous" in page or "déclaré&nbsp;: «&nbsp;Nous" in page
    assert f"migrants{NNBSP}!" in page
