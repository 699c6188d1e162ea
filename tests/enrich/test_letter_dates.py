"""A letter's date line is read in its own language even when the letter is too short for its
language to be detected (German, French, Spanish, Portuguese, Swedish), and never misread when
the language is known."""

from __future__ import annotations

import pytest

from builder.clean import clean
from builder.document import Source
from builder.enrich import dates
from builder.enrich.metadata import extract


def letter_date(text: str) -> str | None:
    return extract(clean(Source("letter.txt", text, ""))).date


@pytest.mark.parametrize(("head", "salutation", "body", "closing", "iso"), [
    ("Berlin, den 3. Mai 2021", "Sehr geehrter Herr Weber,", "anbei die Unterlagen.", "Mit freundlichen Grüßen",
     "2021-05-03"),
    ("Lyon, le 7 juillet 2020", "Madame,", "Veuillez trouver ci-joint le dossier.", "Cordialement,", "2020-07-07"),
    ("Sevilla, a 9 de octubre de 2019", "Estimado Sr. Ruiz:", "Adjunto el expediente.", "Atentamente,",
     "2019-10-09"),
    ("Porto, 2 de fevereiro de 2022", "Exmo. Senhor,", "Segue em anexo o processo.",
     "Com os melhores cumprimentos,", "2022-02-02"),
    ("Malmö den 15 augusti 2018", "Hej,", "Här kommer handlingarna.", "Med vänliga hälsningar", "2018-08-15"),
])
def test_a_short_letters_date_line_in_its_language(head, salutation, body, closing, iso):
    text = f"Ministerium\n\n{head}\n\n{salutation}\n\n{body}\n\n{closing}\n\nA. Person\n"
    assert letter_date(text) == iso


def test_the_documents_language_decides_first():
    assert [f.iso for f in dates.find("Berlin, den 3. Mai 2021", "de")] == ["2021-05-03"]
    assert dates.parser_languages("de")[0] == "de"


def test_without_a_language_a_foreign_month_is_still_read():
    assert [f.iso for f in dates.find("Norrköping den 4 juni 2021", None)] == ["2021-06-04"]
