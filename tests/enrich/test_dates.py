"""enrich.dates and the date in metadata.extract: the document's own date in any language,
from a date line at the top, in the signature or in a signing formula; never a date the
text merely mentions."""

from __future__ import annotations

from builder.document import Block, Document, Source
from builder.enrich import dates
from builder.enrich.metadata import extract

FR = ("Le ministère a examiné la situation des travailleurs saisonniers pendant la récolte et constate "
      "que la plupart des employeurs respectent les contrats signés avec les travailleurs.")
ES = ("El ministerio ha examinado la situación de los trabajadores temporeros durante la cosecha y "
      "comprueba que la mayoría de los empleadores respetan los contratos firmados.")
DE = ("Das Ministerium hat die Lage der Saisonarbeitskräfte während der Ernte geprüft und stellt fest, "
      "dass die meisten Arbeitgeber die unterzeichneten Verträge einhalten.")
SV = ("Departementet har granskat situationen för säsongsarbetare under skörden och konstaterar att "
      "de flesta arbetsgivare följer de avtal som har undertecknats med arbetstagarna.")
PT = ("O ministério examinou a situação dos trabalhadores sazonais durante a colheita e verificou que "
      "a maioria dos empregadores respeita os contratos assinados com os trabalhadores.")


def doc(*texts: str) -> Document:
    return Document(Source("t.txt", "", ""), blocks=[Block("paragraph", t) for t in texts])


def test_french_signing_formula_at_the_end():
    meta = extract(doc(FR, FR, "Fait à Paris, le 3 mars 2021"))
    assert meta.date == "2021-03-03"


def test_spanish_place_and_date_at_the_top():
    assert extract(doc("Madrid, 4 de junio de 2015", ES, ES)).date == "2015-06-04"


def test_swedish_date_line():
    assert extract(doc("Stockholm den 12 maj 2022", SV, SV)).date == "2022-05-12"


def test_german_date_line_with_ordinal_day():
    assert extract(doc(DE, DE, "Berlin, den 5. Mai 2019")).date == "2019-05-05"


def test_portuguese_date_line():
    assert extract(doc("Lisboa, 1 de março de 2020", PT)).date == "2020-03-01"


def test_a_date_inside_a_sentence_is_not_the_documents_date():
    text = FR + " La loi entre en vigueur le 1er avril 2024 pour tous les travailleurs concernés."
    assert extract(doc(text, FR)).date is None


def test_a_short_closing_sentence_with_a_date_is_not_a_date_line():
    assert extract(doc(SV, "Utredningen ska redovisas senast den 31 augusti 2023.")).date is None


def test_a_date_line_wins_over_earlier_dates_in_sentences():
    text = "Le comité s'est réuni le 12 janvier 2020 et le 4 février 2020 pour examiner la situation des travailleurs."
    assert extract(doc(text, FR, "Fait à Genève, le 3 mars 2021")).date == "2021-03-03"


def test_month_and_year_keep_their_precision():
    assert extract(doc("Paris, mars 2021", FR)).date == "2021-03"


def test_place_and_year_keep_their_precision():
    assert extract(doc("Genève, 2019", FR)).date == "2019"


def test_an_impossible_date_is_a_warning_not_a_guess():
    d = doc("Paris, le 31 février 2020", FR)
    meta = extract(d)
    assert meta.date is None
    assert any("31 février 2020" in w and "impossible" in w for w in d.warnings)


def test_russian_date_line():
    ru = ("Министерство изучило положение сезонных работников во время сбора урожая и установило, что "
          "большинство работодателей соблюдают подписанные договоры.")
    assert extract(doc("Москва, 3 марта 2021 г.", ru)).date == "2021-03-03"


def test_a_language_without_date_support_still_gets_numeric_dates_and_no_error():
    # Latin: dateparser reads no Latin month names; an ISO date line still reads.
    la = ("Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae, aliam Aquitani, tertiam "
          "qui ipsorum lingua Celtae, nostra Galli appellantur.")
    assert dates.parser_languages("la") == dates.FALLBACK_LANGUAGES
    assert extract(doc("Roma, 2021-03-03", la)).date == "2021-03-03"


def test_a_scrape_timestamp_is_not_a_date():
    assert dates.find("Fetched (UTC): 2026-01-20T10:37:28Z", "es") == []


def test_an_unknown_word_before_a_year_is_not_a_month():
    assert dates.find("Convocatoria 2025", "es") == []


def test_weekday_before_the_date_is_part_of_the_date_line():
    found = dates.dateline("mardi 3 mars 2021", "fr")
    assert found is not None and found[0].iso == "2021-03-03"


def test_english_seed_style_dates_are_unchanged():
    en = ("The ministry has reviewed the treatment of seasonal workers in the harvest and found that most "
          "employers respect the contracts they signed with the workers.")
    assert extract(doc("Geneva, 14 February 2013", en)).date == "2013-02-14"
