"""Bad input in any language: a document in a language or script the builder has no word list
for builds, with a warning naming the file and the language; an impossible date is reported,
never guessed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "clean"))

from cleankit import clean_text  # noqa: E402

from builder.enrich.metadata import extract  # noqa: E402
from conftest import build_project, make_project  # noqa: E402

GREEK = ("Έκθεση για τους εποχικούς εργαζόμενους\n\nΤο υπουργείο εξέτασε την κατάσταση των εποχικών "
         "εργαζομένων κατά τη διάρκεια της συγκομιδής και διαπίστωσε ότι οι περισσότεροι εργοδότες τηρούν "
         "τις συμβάσεις.\n")
CHINESE = ("季节性工人报告\n\n该部审查了收获期间季节性工人的状况，"
           "发现大多数雇主遵守与工人签订的合同。移民工人有权获得保护和体面工作。\n")
ARABIC = ("تقرير عن العمال الموسميين\n\nدرست الوزارة وضع العمال الموسميين خلال موسم الحصاد ووجدت أن معظم "
          "أصحاب العمل يحترمون العقود الموقعة مع العمال.\n")
RUSSIAN = ("Доклад о сезонных работниках\n\nМинистерство изучило положение сезонных работников во время сбора "
           "урожая и установило, что большинство работодателей соблюдают подписанные договоры.\n")
EN = ("The ministry has reviewed the treatment of seasonal workers in the harvest and found that most "
      "employers respect the contracts they signed with the workers.")
FR = ("Le ministère a examiné la situation des travailleurs saisonniers pendant la récolte et constate que "
      "la plupart des employeurs respectent les contrats signés avec les travailleurs.")
ES = ("El ministerio ha examinado la situación de los trabajadores temporeros durante la cosecha y comprueba "
      "que la mayoría de los empleadores respetan los contratos firmados.")
DE = ("Das Ministerium hat die Lage der Saisonarbeitskräfte während der Ernte geprüft und stellt fest, dass "
      "die meisten Arbeitgeber die unterzeichneten Verträge einhalten.")

SCRIPTS = ("arabic.txt", "chinese.txt", "greek.txt", "russian.txt")
IMPOSSIBLE_FR = (f"Décret relatif aux travailleurs saisonniers\n\n{FR}\n\nFait à Paris, le 31 février 2021.\n\n"
                 "Jean Castex\n")
IMPOSSIBLE_ES = f"Orden sobre los trabajadores temporeros\n\n{ES}\n\nMadrid, 30 de febrero de 2015.\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    project = make_project(tmp_path_factory.mktemp("scripts"), {
        "greek.txt": GREEK, "chinese.txt": CHINESE, "arabic.txt": ARABIC, "russian.txt": RUSSIAN,
        "decret-impossible.txt": IMPOSSIBLE_FR, "orden-imposible.txt": IMPOSSIBLE_ES})
    result, report = build_project(project)
    return result, {d["source"]: d for d in report["documents"]}


def test_documents_in_scripts_without_a_word_list_build(built):
    result, docs = built
    assert result.returncode == 0, result.stderr
    assert {name: d["metadata_sources"]["lang"].startswith("text") for name, d in docs.items()
            if name in SCRIPTS} == dict.fromkeys(
        ("arabic.txt", "chinese.txt", "greek.txt", "russian.txt"), True)
    assert docs["greek.txt"]["title"] == "Έκθεση για τους εποχικούς εργαζόμενους"


@pytest.mark.parametrize("name, language", [("greek.txt", "'el'"), ("chinese.txt", "Chinese (zh)"),
                                            ("arabic.txt", "Arabic (ar)")])
def test_a_language_without_a_word_list_is_a_warning_naming_file_and_language(built, name, language):
    result, docs = built
    assert any(w.startswith("language: ") and language in w and "no word list" in w for w in docs[name]["warnings"])
    assert any(line.strip().startswith(f"{name}: language: ") and language in line
               for line in result.stdout.splitlines())


def test_a_language_with_a_word_list_gets_no_such_warning(built):
    _, docs = built
    assert not [w for w in docs["russian.txt"]["warnings"] if "no word list" in w]


def meta_and_warnings(text: str) -> tuple[str | None, list[str]]:
    doc = clean_text(text)
    return extract(doc).date, [w for w in doc.warnings if "impossible date" in w]


def test_an_impossible_french_signing_date_is_reported_not_guessed():
    date, warnings = meta_and_warnings(f"Rapport\n\n{FR}\n\nFait à Paris, le 31 février 2021\n\nLe ministre\n")
    assert date is None
    assert len(warnings) == 1 and "'31 février 2021'" in warnings[0]


def test_an_impossible_spanish_date_line_is_reported_not_guessed():
    date, warnings = meta_and_warnings(f"Informe\n\nMadrid, 30 de febrero de 2015\n\n{ES}\n")
    assert date is None
    assert len(warnings) == 1 and "'30 de febrero de 2015'" in warnings[0]


def test_an_impossible_english_date_line_is_not_read_as_its_month():
    date, warnings = meta_and_warnings(f"Report on seasonal work\n\nGeneva, 30 February 2021\n\n{EN}\n")
    assert date is None
    assert len(warnings) == 1 and "'30 February 2021'" in warnings[0]


def test_an_impossible_date_in_digits_is_reported():
    date, warnings = meta_and_warnings(f"Bericht\n\nBerlin, den 31.02.2021\n\n{DE}\n")
    assert date is None
    assert len(warnings) == 1 and "'31.02.2021'" in warnings[0]


def test_a_date_in_digits_with_dots_is_read_day_first():
    date, warnings = meta_and_warnings(f"Bericht\n\nBerlin, den 12.05.2021\n\n{DE}\n")
    assert (date, warnings) == ("2021-05-12", [])


@pytest.mark.parametrize("name, written", [("decret-impossible.txt", "'31 février 2021'"),
                                           ("orden-imposible.txt", "'30 de febrero de 2015'")])
def test_an_impossible_date_is_a_build_warning_naming_the_file_and_the_page_is_undated(built, name, written):
    result, docs = built
    assert docs[name]["date"] is None
    assert any(line.strip().startswith(f"{name}: impossible date {written}") for line in result.stdout.splitlines())
