"""Metadata end to end on documents the builder was not written for: the reviewer's 13 imitation
documents (bench/review/) and the development corpus (/work/shared/dev-corpus/), each cleaned and
enriched from its raw file. Titles carry no site name, symbol or section label; identifiers are
collected; every document of a kind the issue lists has its type."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.clean import clean
from builder.document import Metadata, Source
from builder.enrich.metadata import extract, is_section_label
from builder.enrich.symbols import matches

REVIEW = Path(__file__).resolve().parents[2] / "bench" / "review"
DEV = Path("/work/shared/dev-corpus")


def metadata_of(folder: Path) -> dict[str, Metadata]:
    return {p.name: extract(clean(Source(p.name, p.read_text(encoding="utf-8"), "")))
            for p in sorted(folder.glob("*.txt"))}


@pytest.fixture(scope="module")
def review() -> dict[str, Metadata]:
    return metadata_of(REVIEW)


@pytest.fixture(scope="module")
def dev() -> dict[str, Metadata]:
    if not DEV.is_dir():
        pytest.skip("the dev corpus is not on this machine")
    return metadata_of(DEV)


def bad_titles(metas: dict[str, Metadata]) -> list[str]:
    return [m.title for m in metas.values()
            if " | " in m.title or is_section_label(m.title)
            or any(start == 0 for start, _, _ in matches(m.title.split(" ")[0]))]


def test_no_review_title_holds_a_site_name_a_symbol_or_a_section_label(review):
    assert bad_titles(review) == []


def test_no_dev_title_holds_a_site_name_a_symbol_or_a_section_label(dev):
    assert bad_titles(dev) == []


def test_review_identifiers_are_collected(review):
    want = {"bilingual-en-fr.txt": "CM/Rec(2019)4", "boe-es-resolucion.txt": "Orden ESS/1070/2015",
            "decret-fr-accueil.txt": "Décret n° 2021-239", "court-judgment-en.txt": "Application no. 11593/12",
            "ocr-letter-en.txt": "JUA MLT 3/2019", "sv-myndighet-rapport.txt": "Rapport 2022:3",
            "wire-press-release-en.txt": "C189"}
    assert {name: symbol for name, symbol in want.items() if symbol not in review[name].symbols} == {}


def test_review_types(review):
    assert {name: m.doc_type for name, m in review.items()} == {
        "bilingual-en-fr.txt": "recommendation", "boe-es-resolucion.txt": "legal act",
        "converter-markup-en.txt": "note", "court-judgment-en.txt": "judgment",
        "decret-fr-accueil.txt": "legal act", "ngo-web-en.txt": "web page", "ocr-letter-en.txt": "letter",
        "pressemitteilung-de.txt": "press release", "pt-pagina-web.txt": "web page",
        "stats-dotleader-en.txt": "statistics", "sv-myndighet-rapport.txt": "report",
        "un-report-pushbacks.txt": "report", "wire-press-release-en.txt": "press release"}


def test_every_dev_document_of_a_listed_kind_has_its_type(dev):
    kinds = {"01": "resolution", "02": "legal act", "04": "transcript", "07": "declaration", "08": "web page",
             "09": "legal act", "10": "web page", "11": "web page", "12": "fact sheet", "13": "fact sheet",
             "14": "legal act", "15": "resolution", "16": "legal act", "17": "resolution", "18": "press release",
             "19": "letter", "20": "note"}
    assert {name[:2]: m.doc_type for name, m in dev.items() if name[:2] in kinds} == kinds


def test_dev_web_and_act_titles_are_the_pages_own(dev):
    titles = {name[:2]: m.title for name, m in dev.items()}
    assert titles["10"] == "Expulsión"
    assert titles["08"] == "Immigration Rules part 14: stateless persons"
    assert re.match(r"Real Decreto 240/2007, de 16 de febrero, sobre entrada", titles["09"])
    assert not titles["11"].endswith("AIMA")
