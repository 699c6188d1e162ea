"""End to end on the development corpus (tests/corpus, third-party documents in
English, French, Spanish, German, Portuguese and Swedish): each document's language, the date
of every document that states one, and the ``lang`` attribute on the HTML of non-English
pages. The expectations come from the corpus's SOURCES.md and from reading each file; they
live here, never in the builder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

LANGS = {"09": "es", "10": "es", "11": "pt", "12": "fr", "13": "fr", "14": "de", "18": "sv"}
"""Non-English documents by number (SOURCES.md); every other one is English."""
DATES = {"01": "2025-11-25", "02": "2024-06-02", "04": "2014-01-28", "09": "2007-02-16",
         "14": "1993-06-30", "16": "2023-12-13", "19": "1947-12-10", "20": "1947-06"}
"""The documents that state their own date (a date line at the top or a signing formula)."""
UNDATED = ("07", "08", "10", "11", "12", "13", "15", "17", "18")
"""Documents that state no date of their own (only dates they mention, or a scrape's time)."""

@pytest.fixture(scope="module")
def built(dev_corpus_site: tuple[Path, dict]) -> tuple[Path, dict]:
    return dev_corpus_site


def _front_matter(project: Path, page: str) -> str:
    text = (project / "docs" / page).read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[0]


def _by_number(report: dict) -> dict[str, dict]:
    return {d["source"][:2]: d for d in report["documents"]}


def test_every_document_has_its_language(built):
    project, report = built
    docs = _by_number(report)
    assert len(docs) == 19
    for number, d in docs.items():
        assert d["metadata_sources"].get("lang", "").startswith("text"), d["source"]
        stated = re.search(r"^lang: (\S+)$", _front_matter(project, d["page"]), re.M)
        assert (stated.group(1) if stated else "en") == LANGS.get(number, "en"), d["source"]


def test_every_document_that_states_its_date_gets_it(built):
    _, report = built
    docs = _by_number(report)
    assert {n: docs[n]["date"] for n in DATES} == DATES


def test_no_date_is_taken_from_a_mention(built):
    _, report = built
    docs = _by_number(report)
    assert {n: docs[n]["date"] for n in UNDATED if docs[n]["date"] and not
            docs[n]["metadata_sources"].get("date", "").startswith("inferred")} == {}


def test_non_english_pages_carry_lang_in_html_and_keep_paragraph_links(built):
    project, _ = built
    site = project / "site" / "documents"
    html = {p.parent.name: p.read_text(encoding="utf-8") for p in site.glob("*/index.html")}
    french = [h for h in html.values() if 'lang="fr"' in h]
    assert len(french) == 2
    for page in french:
        assert re.search(r'<h1[^>]* lang="fr"', page)
        assert '<span lang="fr">' in page
        assert page.count('class="para-link"') == page.count('class="para"')
    english = [h for h in html.values() if "<span lang=" not in h and ' lang="' not in h.split("<body", 1)[1]]
    assert len(english) >= 12
