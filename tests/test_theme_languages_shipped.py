"""The shipped themes.yml in Portuguese, German, Swedish, Italian and Dutch: a paragraph about a
theme in one of those languages gets the theme from that language's phrases, and a word that
triggers a theme in one language does not trigger it in a text of another language where it means
something else."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.config import load_config, load_themes
from builder.document import Block, Document, Metadata, Source
from builder.enrich.themes import split_hits, themes_found
from builder.pipeline import process
from builder.read import find_seeds, read_seed

from conftest import DEV_CORPUS

ROOT = Path(__file__).resolve().parents[1]
THEMES = load_themes(ROOT / "themes.yml")


def doc(lang: str, *texts: str) -> Document:
    return Document(Source("t.txt", "", ""), blocks=[Block("paragraph", t) for t in texts], meta=Metadata(lang=lang))


def main_themes(d: Document) -> list[str]:
    return themes_found(d, THEMES)[1]


def test_a_portuguese_paragraph_about_trafficking_gets_the_theme():
    d = doc("pt", "O tráfico de pessoas é um crime grave. As vítimas de tráfico devem ser protegidas e os "
                  "traficantes julgados, e o contrabando de migrantes combatido.")
    assert main_themes(d) == ["trafficking-smuggling"]
    assert d.warnings == []


def test_a_german_paragraph_about_immigration_detention_gets_the_theme():
    d = doc("de", "Die Abschiebungshaft darf nur angeordnet werden, wenn mildere Mittel nicht ausreichen. "
                  "Alternativen zur Haft sind stets zu prüfen; die Inhaftierung von Familien ist zu vermeiden.")
    assert main_themes(d) == ["immigration-detention"]
    assert d.warnings == []


def test_german_compounds_match_by_their_stem():
    d = doc("de", "Asylbewerber und Flüchtlinge warten oft lange auf die Entscheidung im Asylverfahren. "
                  "Staatenlose haben ein eigenes Verfahren.")
    assert main_themes(d) == ["refugees-asylum"]


def test_a_swedish_paragraph_about_asylum_gets_the_theme():
    d = doc("sv", "Asylsökande ska bo på asylboenden medan Migrationsverket prövar asylansökan. "
                  "Flyktingar som får internationellt skydd får uppehållstillstånd.")
    assert main_themes(d) == ["refugees-asylum"]
    assert d.warnings == []


def test_a_german_trigger_is_innocent_in_swedish():
    # German "Haft" is detention; Swedish "haft" is "had", among the commonest words.
    swedish = doc("sv", "Hon har haft ett arbete i tre år och har haft en bostad i staden.",
                  "Vi har haft ett gott samarbete och de har haft tur med vädret.")
    german = doc("de", "Er war zwei Monate in Haft, bevor er angehört wurde.",
                 "Die Haft endete erst nach der Entscheidung des Gerichts.")
    assert [h.theme for h in themes_found(german, THEMES)[0]] == ["immigration-detention"]
    assert themes_found(swedish, THEMES)[0] == []


def test_an_italian_paragraph_about_asylum_gets_the_theme():
    d = doc("it", "I richiedenti asilo attendono la decisione sulla domanda di asilo. "
                  "Ai rifugiati è riconosciuta la protezione internazionale.")
    assert main_themes(d) == ["refugees-asylum"]
    assert d.warnings == []


def test_italian_asilo_alone_is_not_asylum():
    # "asilo" is asylum, but also the nursery school ("asilo nido"): alone it weighs too little.
    d = doc("it", "Il bambino va all’asilo nido ogni mattina; l’asilo apre alle otto.",
            "L’asilo del quartiere cerca maestre; un asilo costa poco.")
    assert themes_found(d, THEMES)[0] == []


def test_a_dutch_paragraph_about_trafficking_gets_the_theme():
    d = doc("nl", "Mensenhandel en mensensmokkel worden hard aangepakt. Slachtoffers van mensenhandel "
                  "krijgen bescherming en opvang.")
    assert main_themes(d) == ["trafficking-smuggling"]
    assert d.warnings == []


@pytest.mark.parametrize("lang", ["pt", "de", "sv", "it", "nl"])
def test_every_theme_has_phrases_in_the_language(lang):
    assert all(lang in theme.languages for theme in THEMES)


def test_the_development_corpus_documents_in_portuguese_german_and_swedish_get_their_subject():
    """End to end on tests/corpus (printed with ``pytest -s``): its Portuguese page on family
    reunification, its German asylum seekers' benefits act and its Swedish press release on asylum
    housing were not themed before these languages had phrases; each now gets its subject as a main
    theme, and no warning that its language has no phrases."""
    config = load_config(ROOT)
    docs = [process(read_seed(seed), config) for seed in find_seeds(DEV_CORPUS)[0]]
    found = {d.meta.lang: (d, *split_hits(d)) for d in docs if d.meta.lang in ("pt", "de", "sv")}
    for lang, (_, main, mentioned) in sorted(found.items()):
        print(f"\n{lang}: main {[(h.theme, h.score) for h in main]}; "
              f"mentions {[(h.theme, h.score) for h in mentioned]}")
    subjects = {"pt": "family-unity", "de": "refugees-asylum", "sv": "refugees-asylum"}
    assert {lang: subjects[lang] in {h.theme for h in main} for lang, (_, main, _) in found.items()} == \
        {lang: True for lang in subjects}
    assert not [w for d, _, _ in found.values() for w in d.warnings if "has no phrases" in w]
