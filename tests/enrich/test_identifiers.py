"""enrich.symbols and metadata: identifiers beyond the United Nations' symbols are collected —
a Council of Europe text's number, an ILO convention by its number, a Court application, the
references a letter or a file gives itself, a report series number, a legal act's number."""

from __future__ import annotations

from builder.document import Block, Document, Source
from builder.enrich import symbols
from builder.enrich.metadata import extract

PROSE = ("The present text sets out the findings of the inquiry and the measures that the authorities "
         "are invited to take in the coming year.")


def test_a_council_of_europe_recommendation_number():
    assert symbols.find("Recommendation CM/Rec(2018)7 of the Committee of Ministers") == ["CM/Rec(2018)7"]


def test_an_ilo_convention_by_its_number_in_brackets():
    assert symbols.find("The ILO welcomed ratifications of the Migrant Workers Convention, 1949 (No. 97).") == ["C97"]


def test_a_convention_number_without_the_ilo_named_is_no_symbol():
    assert symbols.find("See the Convention (No. 5) of the regional treaty series.") == []


def test_a_court_application_number():
    assert symbols.find("The case originated in an application (no. 40123/15) against Italy.") == [
        "Application no. 40123/15"]


def test_a_letters_own_and_answered_references():
    assert symbols.own_symbols(["Our Ref: MFA/CON/22/2020", "Your Ref: AL GBR 4/2020"], []) == [
        "MFA/CON/22/2020", "AL GBR 4/2020"]


def test_a_french_and_a_german_labelled_reference():
    assert symbols.references("N/Réf. : DGEF/2021-77") == ["DGEF/2021-77"]
    assert symbols.references("Aktenzeichen: 3 K 812/20") == ["3 K 812/20"]


def test_a_swedish_file_number_keeps_its_label():
    assert symbols.references("Dnr 4.2-2021-5531") == ["Dnr 4.2-2021-5531"]


def test_a_report_series_number_alone_on_its_line():
    assert symbols.references("SOU 2021:28") == ["SOU 2021:28"]


def test_a_labelled_sentence_without_a_number_is_no_reference():
    assert symbols.references("Ref: the attached note on reception conditions") == []


def test_a_legal_acts_number_from_its_title():
    assert symbols.act_symbol("Orden INT/812/2019, de 3 de mayo, por la que se regula") == "Orden INT/812/2019"
    assert symbols.act_symbol("Décret n° 2019-1001 du 4 octobre 2019 relatif au séjour") == "Décret n° 2019-1001"
    assert symbols.act_symbol("Resolution on the rights of migrant workers") is None


def test_the_act_number_is_among_the_documents_own_symbols():
    doc = Document(Source("t.txt", "", ""), blocks=[
        Block("heading", "Ley Orgánica 2/2009, de 11 de diciembre, de reforma del régimen de extranjería", level=1),
        Block("paragraph", PROSE)])
    meta = extract(doc)
    assert meta.symbols == ["Ley Orgánica 2/2009"]


def test_a_bold_labelled_bill_number():
    assert symbols.references("**Bill ID:** S4410") == ["S4410"]


def test_a_bill_number_names_no_issuer():
    assert symbols.issuer("R2704") is None
    assert symbols.issuer("R201") == "International Labour Organization"
