"""What a document prints about itself (bylines, datelines, publication, contact and address
lines) is labelled for the page header and is no citable paragraph; nothing of it is lost."""

from __future__ import annotations

import pytest

from builder.document import HEAD_LABELS
from cleankit import clean_text, page_words, words

TITLE = "Ministry opens new reception centres"
P = ("The ministry announced a new programme for the reception of asylum seekers, which will open "
     "in several regions next year and run for three years.")
P2 = "Local authorities will be consulted on the choice of sites before the end of the summer."


def head(text: str) -> list[tuple[str, str]]:
    """(label, text) of the blocks the page header shows."""
    return [(b.label, b.text) for b in clean_text(text).blocks if b.kind == "paragraph" and b.label in HEAD_LABELS]


def citable(text: str) -> list[str]:
    return [b.text for b in clean_text(text).blocks if b.citable]


@pytest.mark.parametrize("dateline, place", [
    ("GENEVA, 3 May 2021 —", "GENEVA, 3 May 2021"),
    ("Geneva, 16 September 2021 (ILO News) —", "Geneva, 16 September 2021 (ILO News)"),
    ("Stockholm den 4 maj 2022 –", "Stockholm den 4 maj 2022"),
    ("Berlin, 12. Mai 2022 –", "Berlin, 12. Mai 2022"),
])
def test_a_press_releases_dateline_is_split_from_its_first_paragraph_into_the_header(dateline, place):
    doc = f"PRESS RELEASE\n\n{TITLE}\n\n{dateline} {P}\n\n{P2}\n"
    assert ("dateline", place) in head(doc)
    assert citable(doc) == [P, P2]


@pytest.mark.parametrize("opening", ["3 May 2021 —", "May 3, 2021 —", "Geneva — the city"])
def test_a_paragraph_opening_without_place_and_date_before_a_dash_is_not_split(opening):
    doc = f"{TITLE}\n\n{opening} {P}\n\n{P2}\n"
    assert citable(doc)[0] == f"{opening} {P}"


def test_a_dash_after_a_date_inside_the_text_is_no_dateline():
    doc = f"{TITLE}\n\n{P}\n\nGENEVA, 3 May 2021 — {P2}\n"
    assert citable(doc) == [P, f"GENEVA, 3 May 2021 — {P2}"]


@pytest.mark.parametrize("byline", ["By Jane Doe, Reuters", "By Jane Doe\nReuters", "Par Marie Dupont",
                                    "Written by Jane Doe", "Author: Jane Doe", "By Jane Doe | 3 May 2021",
                                    "By Jane Doe · 3 May 2021 · 4 min read"])
def test_a_news_wire_byline_is_in_the_header(byline):
    doc = f"{TITLE}\n\n{byline}\n\n{P}\n\n{P2}\n"
    assert [t for _, t in head(doc)] == [byline]
    assert citable(doc) == [P, P2]


@pytest.mark.parametrize("heading", ["By Region", "By Country of Birth", "By the Secretariat"])
def test_a_heading_that_names_no_author_stays_a_heading(heading):
    doc = f"{TITLE}\n\n{heading}\n\n{P}\n"
    assert head(doc) == [] and citable(doc) == [P]


@pytest.mark.parametrize("line", ["Published: 3 May 2021", "Last updated 3 May 2021",
                                  "Published 14 March 2024 · 4 minute read",
                                  "Publicado em 18/12/2023 | Atualizado em 19/12/2023"])
def test_a_web_pages_publication_line_under_its_title_is_in_the_header(line):
    doc = f"{TITLE}\n\n{line}\n\n{P}\n\n{P2}\n"
    assert [t for _, t in head(doc)] == [line]
    assert citable(doc) == [P, P2]


def test_a_last_updated_line_closing_the_page_is_in_the_header():
    doc = f"{TITLE}\n\n{P}\n\n{P2}\n\nLast updated: 5 November 2020\n"
    assert head(doc) == [("byline", "Last updated: 5 November 2020")]


def test_a_publication_line_inside_the_text_stays_where_it_is():
    note = "Última actualización, publicada el 03/11/2010, en vigor a partir del 03/11/2010."
    doc = f"{TITLE}\n\n{P}\n\n{note}\n\n{P2}\n"
    assert note in citable(doc)


def test_a_contact_line_is_in_the_header():
    contact = "Media contact: Anna Berg, tel +41 22 799 7912, email press@example.org"
    doc = f"{TITLE}\n\n{P}\n\n{P2}\n\n{contact}\n"
    assert head(doc) == [("contact", contact)]
    assert citable(doc) == [P, P2]


def test_a_contact_line_inside_the_text_stays_where_it_is():
    contact = "Contact: the regional office answers questions on the programme at +41 22 799 7912."
    more = ("Families with children will be housed first, in flats of their own near schools.\n\n"
            "The programme will be reviewed after its first year by an independent panel.\n")
    doc = f"{TITLE}\n\n{P}\n\n{contact}\n\n{P2}\n\n{more}"
    assert head(doc) == []
    assert contact in citable(doc)


def test_a_contact_block_is_in_the_header():
    block = "For more information:\nAnna Berg\nPress officer\nTel: +41 22 799 7912\npress@example.org"
    doc = f"{TITLE}\n\n{P}\n\n{block}\n"
    assert [label for label, _ in head(doc)] == ["contact"]
    assert citable(doc) == [P]


@pytest.mark.parametrize("doc", [
    f"Refugee Aid Network\n12 Rue de Lausanne\n1201 Geneva\nSwitzerland\n\n{TITLE}\n\n{P}\n",
    f"{TITLE}\n\nRefugee Aid Network\n12 Rue de Lausanne\n1201 Geneva, Switzerland\nTel: +41 22 000 0000\n\n{P}\n",
])
def test_an_address_block_at_the_top_is_in_the_header(doc):
    assert [label for label, _ in head(doc)] == ["byline"]
    assert citable(doc) == [P]


def test_a_place_and_date_line_above_the_text_is_in_the_header():
    doc = f"{TITLE}\n\nSTRASBOURG\n\n12 July 2016\n\n{P}\n"
    assert head(doc) == [("byline", "STRASBOURG"), ("dateline", "12 July 2016")]
    assert citable(doc) == [P]


def test_a_cables_dateline_with_a_day_supplied_in_brackets_is_in_the_header():
    doc = f"{TITLE}\n\nMessage CANBERRA, [10] December 1947\n\n{P}\n"
    assert [text for _, text in head(doc)] == ["Message CANBERRA, [10] December 1947"]
    assert citable(doc) == [P]


def test_a_handling_marking_above_the_text_is_in_the_header():
    doc = f"{TITLE}\n\nURGENT PERSONAL\n\n{P}\n"
    assert head(doc) == [("byline", "URGENT PERSONAL")]
    assert citable(doc) == [P]


def test_no_word_is_lost_when_a_dateline_is_split_off():
    doc = f"PRESS RELEASE\n\n{TITLE}\n\nGENEVA, 3 May 2021 (Agency News) — {P}\n\n{P2}\n"
    assert page_words(clean_text(doc)) == words(doc)


def test_an_official_masthead_with_its_distribution_note_is_in_the_header():
    # As a PDF extraction gives it: the masthead's lines run into one paragraph.
    masthead = ("United Nations \nA/RES/80/9 \n \nGeneral Assembly \nDistr.: General \n25 November 2025 \n"
                "25-19346 (E) \n")
    doc = f"{masthead}\n{P}\n"
    assert head(doc) == [("byline", "United Nations A/RES/80/9 General Assembly Distr.: General 25 November 2025")]


def test_a_journals_page_header_opening_with_its_issue_date_is_in_the_page_header():
    text = ("22.5.2024              EN                Official Journal of the European Union              L series\n\n"
            "REGULATION (EU) 2024/1356 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL\n\n" + P + "\n")
    assert ("byline", "22.5.2024 EN Official Journal of the European Union L series") in head(text)


def test_a_heading_opening_with_a_date_and_ending_a_sentence_is_no_page_header():
    text = TITLE + "\n\n12.05.2021 The ministry opened the centres.\n\n" + P + "\n"
    assert all("12.05.2021" not in t for _, t in head(text))


def test_a_footer_address_line_with_a_phone_and_a_web_address_is_a_contact_line():
    text = (TITLE + "\n\n" + P + "\n\n" + P2 + "\n\n"
            "Place Beauvau – 75800 Paris Cedex 08 – Standard : 01 49 27 49 27 – www.interieur.gouv.fr\n")
    assert ("contact", "Place Beauvau – 75800 Paris Cedex 08 – Standard : 01 49 27 49 27 – www.interieur.gouv.fr") \
        in head(text)


def test_a_sentence_with_a_phone_and_a_web_address_stays_a_paragraph():
    line = ("For help call 01 49 27 49 27 – the line is open every day of the week until late – or see "
            "www.interieur.gouv.fr for the forms.")
    assert line in citable(TITLE + "\n\n" + P + "\n\n" + line + "\n")
