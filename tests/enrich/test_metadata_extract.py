"""enrich.metadata: what a document says about itself, found from the shape of its text.

Documents are built here block by block, the way the cleaning stage hands them over
(a letter's parts in ``doc.letter``), so these rules are tested on their own."""

from __future__ import annotations

from builder.config import EntityDecl
from builder.document import Block, Document, Source
from builder.enrich import metadata
from builder.enrich.metadata import extract, find_dates, find_period, find_symbols, infer_date, join_address

BODY = ("The ministry has reviewed the treatment of seasonal workers in the harvest and found that most "
        "employers respect the contracts they signed with the workers.")


def doc(*blocks: Block, letter: dict[str, str] | None = None) -> Document:
    return Document(Source("t.txt", "", ""), blocks=list(blocks), letter=letter or {})


def para(text: str) -> Block:
    return Block("paragraph", text)


def heading(text: str, level: int = 1) -> Block:
    return Block("heading", text, level=level)


# --- titles ------------------------------------------------------------------------------

def test_title_is_the_letters_subject_without_its_label():
    d = doc(heading("Subject: Seasonal workers in the orchards"), para(BODY),
            letter={"subject": "SUBJECT: Seasonal workers in the orchards", "date": "3 March 2015"})
    meta = extract(d)
    assert (meta.title, meta.title_source) == ("Seasonal workers in the orchards", "subject")


def test_title_is_the_level_one_heading():
    meta = extract(doc(para("Annual review"), heading("Seasonal work in the valley"), para(BODY)))
    assert (meta.title, meta.title_source) == ("Seasonal work in the valley", "heading")


def test_banner_masthead_date_and_type_label_are_not_titles():
    d = doc(para("printable banner"), para("Ministry of Agriculture"), para("Fact Sheet"),
            para("12 May 2014"), para("Protecting seasonal workers during the harvest"), para(BODY))
    assert extract(d).title == "Protecting seasonal workers during the harvest"


def test_an_all_capitals_letterhead_is_not_a_title():
    d = doc(heading("THE PERMANENT MISSION OF THE KINGDOM"), para("Rights of seasonal workers on farms"),
            para(BODY))
    assert extract(d).title == "Rights of seasonal workers on farms"


def test_letter_without_subject_gets_a_synthesised_title_from_issuer_addressee_and_topic():
    body = [para("We write about seasonal workers and their contracts. Seasonal workers deserve fair contracts "
                 "and seasonal workers need housing while they work in the orchards of the valley."),
            para("The contracts of seasonal workers should be read to them in their language.")]
    d = doc(*body, letter={"letterhead": "THE PERMANENT MISSION OF RURITANIA TO THE United Nations",
                           "date": "June 2, 2015",
                           "addressee": "World Labour Office\nGeneva"})
    meta = extract(d, entities=[EntityDecl("wlo", "World Labour Office", "organisation", short="WLO")])
    assert meta.title_source == "synthesised"
    assert meta.title == "Letter from the Permanent Mission of Ruritania to WLO on the seasonal workers"
    assert meta.sources["title"] == "synthesised"


def test_synthesised_title_uses_an_acronym_the_body_uses_for_the_addressee():
    d = doc(para("We thank the OWRA for its question on seasonal workers. " + BODY),
            para("The OWRA may publish this answer about seasonal workers."),
            letter={"letterhead": "MINISTRY OF LABOUR", "date": "June 2, 2015",
                    "addressee": "Office of the World Rural Assembly"})
    assert " to OWRA " in extract(d).title


# --- dates -------------------------------------------------------------------------------

def test_date_of_a_letter_is_its_date_line_in_iso_8601():
    d = doc(para("Dear Sir:"), para("Further to your note of June 29, 2017, " + BODY),
            letter={"date": "August 31, 2017", "subject": "Seasonal workers"})
    meta = extract(d)
    assert meta.date == "2017-08-31"
    assert meta.sources["date"] == "letter"


def test_date_is_the_header_date_line_not_a_date_in_the_body():
    d = doc(heading("Seasonal work"), para("Fact Sheet Washington, DC September 27, 2013"),
            para("On 4 May 2012 the ministry met the unions. " + BODY))
    assert extract(d).date == "2013-09-27"


def test_date_forms_parse_to_iso():
    assert [iso for _, iso in find_dates("on 14 Feb. 2013, August 10, 2016, 1st of March 2011, 2015-06-30")] == [
        "2013-02-14", "2016-08-10", "2011-03-01", "2015-06-30"]


def test_impossible_dates_are_ignored():
    assert find_dates("February 30, 2013") == []


def test_undated_text_gets_a_year_bracketed_by_past_events_and_a_look_ahead():
    text = ("In October 2012 the ministry met the unions. In March 2013 it trained inspectors. "
            "The forthcoming 2013 review will say more.")
    year, evidence = infer_date(text)
    assert year == "2013"
    assert evidence.startswith("inferred:") and "2013-03" in evidence


def test_an_undated_text_that_only_tells_the_past_stays_undated():
    d = doc(heading("Seasonal work"), para("In October 2012 the ministry met the unions. " + BODY))
    meta = extract(d)
    assert meta.date is None
    assert "date" in meta.missing
    assert meta.sources["date"].startswith("not found")


def test_look_ahead_far_beyond_the_last_event_is_not_evidence():
    assert infer_date("In May 2013 the plan was adopted. It will run until 2025.")[0] is None


def test_a_year_inside_a_name_is_not_a_look_ahead():
    assert infer_date("In May 2013 we met. The post-2015 agenda will matter.")[0] is None


def test_period_covered_is_kept_as_written():
    assert find_period("In the 2012-2013 biennium, the Office trained judges.") == "2012-2013"
    assert find_period("Results for the biennium 2014–15.") == "2014-2015"
    assert find_period("Over the period 2001-2010 the fund grew.") is None


# --- issuer, type, people, symbols -------------------------------------------------------

def test_organisation_is_the_letterhead_in_normal_case():
    d = doc(para(BODY), letter={"letterhead": "THE PERMANENT MISSION OF THE REPUBLIC OF RURITANIA TO THE "
                                              "United Nations in Geneva", "date": "May 1, 2014"})
    assert extract(d).organisation == ("The Permanent Mission of the Republic of Ruritania to the "
                                       "United Nations in Geneva")


def test_organisation_is_a_masthead_with_its_unit():
    d = doc(para("Ministry of Agriculture"), para("Bureau of Seasonal Labour"), heading("Harvest work"),
            para(BODY))
    assert extract(d).organisation == "Ministry of Agriculture (Bureau of Seasonal Labour)"


def test_organisation_is_inferred_from_the_actor_the_text_names_far_more_than_any_other():
    text = ("The World Rural Assembly (WRA) works with farmers. " + " ".join(["WRA trains inspectors."] * 6)
            + " The FAO helps.")
    meta = extract(doc(heading("Harvest work"), para(text)))
    assert meta.organisation == "World Rural Assembly (WRA)"
    assert meta.sources["organisation"].startswith("inferred")


def test_no_organisation_when_no_actor_dominates():
    text = " ".join(["WRA trains inspectors. FAO funds them."] * 4)
    meta = extract(doc(heading("Harvest work"), para(text)))
    assert meta.organisation is None and "organisation" in meta.missing


def test_type_of_a_letter_with_a_short_body_is_letter():
    meta = extract(doc(para(BODY), letter={"date": "May 1, 2014", "closing": "Sincerely,", "signatory": "A. B."}))
    assert meta.doc_type == "letter"


def test_cover_letter_carrying_a_long_text_is_a_submission():
    blocks = [Block("letter", "May 1, 2014", label="date"), para("Please find attached our answer."),
              Block("letter", "A. B.", label="signatory")] + [para(BODY)] * 12
    meta = extract(doc(*blocks, letter={"date": "May 1, 2014", "signatory": "A. B."}))
    assert meta.doc_type == "submission"


def test_type_stated_in_the_header():
    meta = extract(doc(para("Fact Sheet"), heading("Harvest work"), para(BODY)))
    assert (meta.doc_type, meta.sources["doc_type"]) == ("fact sheet", "text")


def test_type_from_how_the_text_names_itself():
    meta = extract(doc(heading("Harvest work"), para("The present report describes the harvest. " + BODY)))
    assert meta.doc_type == "report"


def test_type_of_a_text_with_boxes_and_captions_is_brochure():
    box = Block("admonition", "", label="example", children=[para(BODY)])
    meta = extract(doc(heading("Harvest work"), para(BODY), box))
    assert meta.doc_type == "brochure"


def test_signatory_role_and_addressee_come_from_the_letter():
    d = doc(para(BODY), letter={"date": "May 1, 2014", "signatory": "Ana  Berg", "signatory_role": "Deputy\nDirector",
                                "addressee": "Office of the\nRural Assembly\nGeneva"})
    meta = extract(d)
    assert (meta.signatory, meta.signatory_role, meta.addressee) == (
        "Ana Berg", "Deputy Director", "Office of the Rural Assembly, Geneva")


def test_address_lines_rejoin_a_name_wrapped_over_two_lines():
    entities = [EntityDecl("wlo", "World Labour Office", "organisation")]
    assert join_address("World Labour\nOffice\nRue 1\nGeneva", entities) == "World Labour Office, Rue 1, Geneva"
    assert join_address("Office of the High Commissioner\nfor Farms, Geneva", []) == (
        "Office of the High Commissioner for Farms, Geneva")


def test_document_symbols_cited():
    text = "Under A/RES/67/172 and the report A/68/292, see also A/HRC/23/46 and E/CN.4/2005/85; not 24/7."
    assert find_symbols(text) == ["A/68/292", "A/HRC/23/46", "A/RES/67/172", "E/CN.4/2005/85"]


# --- overrides and missing values --------------------------------------------------------

def test_override_wins_and_is_recorded_beside_what_the_text_said():
    d = doc(heading("Seasonal work"), para("Fact Sheet May 2, 2014"), para(BODY))
    meta = extract(d, {"date": "2014-05-03", "organisation": "Ministry of Farms"})
    assert meta.date == "2014-05-03"
    assert meta.organisation == "Ministry of Farms"
    assert meta.sources["date"] == meta.sources["organisation"] == "override"
    assert meta.overridden["date"] == {"text": "2014-05-02", "override": "2014-05-03"}
    assert meta.overridden["organisation"] == {"text": None, "override": "Ministry of Farms"}
    assert "organisation" not in meta.missing


def test_title_override_sets_title_source():
    meta = extract(doc(heading("Seasonal work"), para(BODY)), {"title": "Harvest rights"})
    assert (meta.title, meta.title_source) == ("Harvest rights", "override")


def test_values_not_found_are_absent_and_listed_as_missing():
    meta = extract(doc(heading("Seasonal work"), para(BODY)))
    assert meta.signatory is None and meta.addressee is None
    assert set(meta.missing) == {"date", "organisation", "doc_type", "signatory", "signatory_role", "addressee"}


def test_nothing_comes_from_the_file_name():
    d = Document(Source("2016-08-10_ministry-of-farms_report.txt", "", ""), blocks=[para(BODY)])
    meta = extract(d)
    assert meta.date is None and meta.organisation is None


def test_smart_case_keeps_mixed_case_and_initials():
    assert metadata.smart_case("THE MISSION OF THE U.S. TO THE United Nations") == (
        "The Mission of the U.S. to the United Nations")


def test_a_sentence_is_not_a_title():
    d = doc(para("A farm"), para("Seasonal workers came early this year to the orchard."), para("Short."))
    assert extract(d).title == "A farm"
