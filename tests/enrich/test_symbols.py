"""enrich.symbols: official symbols and identifiers found, each once, in a stable order."""

from __future__ import annotations

from builder.document import Block, Document, Removal, Source
from builder.enrich import symbols
from builder.enrich.metadata import extract

BODY = ("Les États membres ont examiné la situation des travailleurs migrants et adopté des mesures "
        "pour protéger leurs droits dans toutes les régions du pays.")


def test_united_nations_symbols_of_every_body():
    text = ("See A/HRC/52/3, E/CN.4/1998/53/Add.2, CERD/C/GC/35, CCPR/C/GC/36, A/RES/80/9, "
            "S/2019/123 and S/RES/2240 (2015).")
    assert symbols.find(text) == ["A/HRC/52/3", "E/CN.4/1998/53/Add.2", "CERD/C/GC/35", "CCPR/C/GC/36",
                                  "A/RES/80/9", "S/2019/123", "S/RES/2240 (2015)"]


def test_a_treaty_body_s_combined_reports_keep_their_range_of_numbers():
    assert symbols.find("See CERD/C/GRC/CO/23-24 and CRC/C/GBR/CO/6-7/Add.1.") == [
        "CERD/C/GRC/CO/23-24", "CRC/C/GBR/CO/6-7/Add.1"]


def test_national_and_european_identifiers():
    text = ("Directive CELEX 32004L0038; ELI http://data.europa.eu/eli/dir/2004/38/oj. NOR : INTX1234567A. "
            "Referencia: BOE-A-2007-4184. GE.19-12345 (E)")
    assert symbols.find(text) == ["32004L0038", "http://data.europa.eu/eli/dir/2004/38/oj", "INTX1234567A",
                                  "BOE-A-2007-4184", "GE.19-12345"]


def test_ilo_convention_numbers_only_beside_the_ilo_or_a_convention():
    assert symbols.find("The ILO Domestic Workers Convention, 2011 (C189) protects them.") == ["C189"]
    assert symbols.find("ratified ILO Convention No. 97 on migration") == ["C97"]
    assert symbols.find("Room C189 is on the second floor.") == []


def test_each_symbol_once_in_the_order_it_first_appears():
    assert symbols.find("A/68/292, then A/RES/67/172, then A/68/292 again") == ["A/68/292", "A/RES/67/172"]


def test_a_symbol_in_a_sentence_is_cited_not_the_documents_own():
    assert symbols.own_symbols(["Re. Resolution A/RES/67/172 on the Protection of migrants"], []) == []
    assert symbols.own_symbols(["United Nations", "A/RES/80/9", "General Assembly"], []) == ["A/RES/80/9"]


def test_symbol_of_a_running_header_removed_by_cleaning_is_in_the_metadata():
    text = "Rapport\n\n" + BODY + "\n"
    d = Document(Source("t.txt", text, ""), blocks=[Block("paragraph", BODY)],
                 removed=[Removal("A/HRC/52/3", "running header or footer (repeated on 3 pages)", "page_furniture", 40),
                          Removal("A/HRC/52/3", "running header or footer (repeated on 3 pages)",
                                  "page_furniture", 80)])
    assert extract(d).symbols == ["A/HRC/52/3"]


def test_the_documents_own_symbol_comes_first_then_the_cited_ones_sorted():
    text = "CERD/C/GC/35\n\nLe Comité rappelle A/RES/80/9 et A/HRC/52/3. " + BODY + "\n"
    body = "Le Comité rappelle A/RES/80/9 et A/HRC/52/3. " + BODY
    d = Document(Source("t.txt", text, ""), blocks=[Block("paragraph", body)],
                 removed=[Removal("CERD/C/GC/35", "running header or footer", "page_furniture", 1)])
    assert extract(d).symbols == ["CERD/C/GC/35", "A/HRC/52/3", "A/RES/80/9"]


def test_nordic_government_series_are_symbols():
    from builder.enrich.symbols import find as find_symbols

    text = "Se SOU 2022:64 och Ds 2022:5; regeringen lämnar Prop. 2021/22:123. NOU 2022:15 ble lagt fram."
    assert find_symbols(text) == ["SOU 2022:64", "Ds 2022:5", "Prop. 2021/22:123", "NOU 2022:15"]


def test_a_time_or_a_ratio_is_no_series_number():
    from builder.enrich.symbols import find as find_symbols

    assert find_symbols("Ds 12:30 and SOUS 2022:64 and XSOU 2022:1") == []


def test_a_new_york_job_number_with_its_language_letter_is_a_symbol():
    from builder.enrich.symbols import find as find_symbols

    assert find_symbols("Distr.: General\n25 November 2025\n25-19346 (E)\n*2519346*") == ["25-19346"]
    assert find_symbols("in 2019-20 and 10-12345 people, pages 12-34567") == []


# --- labelled references a document gives itself, in eight languages ----------------------

def test_an_italian_protocol_number_keeps_its_label_and_drops_its_date():
    assert symbols.references("Prot. n. 0004127 del 15/02/2022") == ["Prot. n. 0004127"]


def test_a_case_number_alone_at_the_start_of_a_line_keeps_its_sign():
    assert symbols.references("N° 462784") == ["N° 462784"]


def test_a_number_sign_inside_a_sentence_is_no_reference():
    assert symbols.references("No. 5 of the list of items") == []


def test_a_german_printed_papers_number_in_a_column_keeps_its_label():
    assert symbols.references("Deutscher Bundestag                    Drucksache 20/8412") == ["Drucksache 20/8412"]


def test_a_german_printed_papers_number_between_dashes():
    assert symbols.references("– Drucksache 20/8106 –") == ["Drucksache 20/8106"]


def test_a_spanish_file_number():
    assert symbols.references("Nº de expediente: 123/2021") == ["123/2021"]


def test_a_dutch_reference():
    assert symbols.references("Ons kenmerk: 2023-0045") == ["2023-0045"]


def test_a_swedish_reference_under_its_label_in_columns():
    lines = ["Migrationsverket                  BESLUT",
             "                                  Datum              Beteckning",
             "                                  2023-06-19         23-418277"]
    assert symbols.column_references(lines) == ["23-418277"]


def test_a_date_under_its_label_in_columns_is_no_reference():
    assert symbols.column_references(["Datum        Sida", "2023-06-19   1 (3)"]) == []


# --- identifiers cited anywhere -----------------------------------------------------------

def test_a_portuguese_law_number_with_a_dotted_number_sign():
    assert symbols.find("aprovado pela Lei n.º 27/2008, de 30 de junho") == ["Lei n.º 27/2008"]


def test_a_spanish_organic_law_cited_in_a_sentence():
    assert symbols.find("según la Ley Orgánica 4/2000, sobre derechos") == ["Ley Orgánica 4/2000"]


def test_an_eu_regulation_with_its_union_in_brackets():
    assert symbols.find("Article 46 of Regulation (EU) 2019/1896 applies") == ["Regulation (EU) 2019/1896"]


def test_a_german_eu_regulation_with_its_number_word():
    assert symbols.find("nach der Verordnung (EU) Nr. 604/2013 zuständig") == ["Verordnung (EU) Nr. 604/2013"]


def test_an_act_number_without_a_year_is_no_identifier():
    assert symbols.find("as the Act 1.2 of the schedule provides") == []


def test_a_celex_number_after_its_label():
    assert symbols.find("CELEX:32013L0032") == ["32013L0032"]


def test_german_federal_gazette_citations():
    assert symbols.find("BGBl. I S. 1234; BGBl. 2023 I Nr. 217") == ["BGBl. I S. 1234", "BGBl. 2023 I Nr. 217"]


def test_a_swedish_statute_by_its_number():
    assert symbols.find("8 kap. 1 § utlänningslagen (2005:716).") == ["SFS 2005:716"]


def test_an_agencys_coded_reference():
    assert symbols.find("se rättsligt ställningstagande RS/099/2021.") == ["RS/099/2021"]


def test_an_acts_coded_number_is_the_acts_not_a_second_symbol():
    assert symbols.find("Orden ESS/1070/2015, de 4 de junio") == ["Orden ESS/1070/2015"]


def test_the_applications_a_judgment_cites_after_the_cases_name():
    text = ("summarised in Darboe and Camara v. Italy (no. 5797/17, §§ 66-85, 21 July 2022) and in "
            "Khlaifia and Others v. Italy ([GC], no. 16483/12, §§ 158-67, 15 December 2016).")
    assert symbols.find(text) == ["Application no. 5797/17", "Application no. 16483/12"]


def test_a_number_in_brackets_with_no_case_before_it_is_no_application():
    assert symbols.find("the figures for 2019 (no. 12/19 in the list) were revised") == []
