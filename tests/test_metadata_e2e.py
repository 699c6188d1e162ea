"""End to end on the shipped seeds: each document's metadata and themes, as a reader of
each seed would state them (checked by reading every seed), and theme pages whose
excerpts land on the paragraphs.

Titles: a letter's subject line, else the document's own heading (not its letterhead, web
banner or kicker); a letter with neither gets a synthesised title. Dates: the document's
own date line; an undated text gets a year only from the events it reports as past and
the year it looks ahead to (marked "inferred"); a covered period is kept apart."""

from __future__ import annotations

import re

import pytest

from conftest import SEEDS

EXPECTED = {
    "000_ef61c95160cb2a8b.txt": {
        "title": "Letter from the Permanent Representative of the United States of America to OHCHR "
                 "on the human rights of migrants",
        "title_source": "synthesised",
        "date": "2016-08-10",
        "organisation": "The Permanent Representative of the United States of America to the United Nations "
                        "and Other International Organizations in Geneva",
        "doc_type": "letter",
        "signatory": "Pamela K. Hamamoto",
        "signatory_role": "Ambassador",
        "addressee": "Office of the United Nations High Commissioner for Human Rights, United Nations Office "
                     "at Geneva, CH 1211 Geneva 10",
    },
    "001_4c74c1de1d53b27a.txt": {
        "title": "U.S. Response to OHCHR inquiry regarding the protection of the human rights of migrants",
        "title_source": "subject",
        "date": "2017-08-31",
        "organisation": "The Permanent Mission of the United States of America to the United Nations and "
                        "Other International Organizations in Geneva",
        "doc_type": "submission",
        "signatory": "Jason R. Mack",
        "signatory_role": "U.S. Deputy Permanent Representative to the UN Human Rights Council",
        "addressee": "Office of the United Nations High Commissioner for Human Rights",
    },
    "002_857c087b76eb8ba3.txt": {
        "title": "Promoting Positive Outcomes on Migration and Development: U.S. Positions for the High Level "
                 "Dialogue",
        "title_source": "heading",
        "date": "2013-09-27",
        "organisation": "U.S. Department of State (Bureau of Population, Refugees, and Migration)",
        "doc_type": "fact sheet",
        "signatory": None,
        "addressee": None,
    },
    "003_4bebbf086edf4a0d.txt": {
        "title": "Re. Resolution A/RES/67/172 on the Protection of migrants",
        "title_source": "heading",
        "date": "2013",  # not stated: cites 14 Feb. 2013 as past, calls 2013 reports forthcoming
        "organisation": "International Organization for Migration (IOM)",
        "doc_type": "report",
        "symbols": ["A/RES/67/172"],
    },
    "004_24c340e8294a0566.txt": {
        "title": "Protecting human rights in the context of migration",
        "title_source": "heading",
        "date": "2014",  # not stated: reports November 2013 as past, "will be finalized in 2014"
        "period": "2012-2013",
        "organisation": "Office of the United Nations High Commissioner for Human Rights (OHCHR)",
        "doc_type": "brochure",
        "symbols": ["A/68/292"],
    },
}
INFERRED_DATES = {"003_4bebbf086edf4a0d.txt", "004_24c340e8294a0566.txt"}


def test_every_shipped_seed_has_expected_metadata():
    assert set(EXPECTED) == {p.name for p in SEEDS.glob("*.txt")}


@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_seed_metadata_is_what_its_text_says(seeds_site, source):
    _, report = seeds_site
    doc = next(d for d in report["documents"] if d["source"] == source)
    assert {k: doc[k] for k in EXPECTED[source]} == EXPECTED[source]


def test_only_undated_seeds_have_inferred_dates(seeds_site):
    _, report = seeds_site
    for doc in report["documents"]:
        inferred = doc["metadata_sources"].get("date", "").startswith("inferred")
        assert inferred == (doc["source"] in INFERRED_DATES), doc["source"]


def test_no_shipped_value_is_an_override(seeds_site):
    _, report = seeds_site
    for doc in report["documents"]:
        assert "override" not in doc["metadata_sources"].values(), doc["source"]
        assert doc["metadata_overrides"] == {}


def test_every_seed_has_at_least_two_themes(seeds_site):
    _, report = seeds_site
    for doc in report["documents"]:
        assert len(doc["themes"]) >= 2, (doc["source"], doc["themes"])
    assert report["unthemed"] == []


def test_every_shipped_theme_has_a_document(seeds_site):
    _, report = seeds_site
    carried = {t for d in report["documents"] for t in d["themes"]}
    assert 12 <= len(report["themes"]) <= 16
    assert set(report["themes"]) <= carried, set(report["themes"]) - carried


def test_front_matter_carries_the_metadata(seeds_site):
    project, report = seeds_site
    doc = next(d for d in report["documents"] if d["source"] == "004_24c340e8294a0566.txt")
    text = (project / "docs" / doc["page"]).read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    assert "title: Protecting human rights in the context of migration\n" in front
    assert "period: 2012-2013\n" in front
    assert "doc_type: brochure\n" in front
    assert "- A/68/292\n" in front


def test_every_theme_excerpt_lands_on_a_paragraph_of_the_document(seeds_site):
    project, report = seeds_site
    site = project / "site"
    checked = 0
    for theme in report["themes"]:
        html = (site / "themes" / theme / "index.html").read_text(encoding="utf-8")
        for target, anchor in re.findall(r'href="\.\./\.\./(documents/[^"#]+)#(para-\d+)"', html):
            assert f'id="{anchor}"' in (site / target / "index.html").read_text(encoding="utf-8")
            checked += 1
    assert checked >= 2 * len(report["themes"])
