"""Per-language trigger phrases (``phrases_fr`` …) and their validation in themes.yml."""

from __future__ import annotations

from dataclasses import replace

import pytest

from builder.config import Theme, load_themes
from builder.document import Block, Document, Metadata, Source
from builder.enrich.themes import main_ids, score, themes_found
from builder.errors import ConfigError

WATER = Theme("water", "Water rights", "Who may use the rivers.", ["water rights", "irrigation"],
              languages={"fr": ["droits d’eau", "irrigation", "canal*"]})


def doc(lang: str, *texts: str) -> Document:
    return Document(Source("t.txt", "", ""), blocks=[Block("paragraph", t) for t in texts], meta=Metadata(lang=lang))


def test_a_french_document_gets_its_theme_from_the_french_phrases():
    d = doc("fr", "Les droits d’eau décident qui ouvre le canal. L’irrigation est une affaire de village.")
    hits, main = themes_found(d, [WATER])
    assert [h.theme for h in hits] == ["water"]
    assert "droits d’eau" in hits[0].phrases and "canal*" in hits[0].phrases
    assert main_ids(replace(d, main_themes=main)) == {"water"}
    assert d.warnings == []


def test_the_french_phrases_are_not_used_for_an_english_document():
    d = doc("en", "Les droits d’eau décident qui ouvre les canaux. Les canaux sont vieux.")
    assert score(d, [WATER]) == []


def test_a_document_in_a_language_without_phrases_is_reported_not_themed_by_name():
    d = doc("de", "Die Wasserrechte bestimmen, wer die Bewässerungskanäle öffnet.")
    assert score(d, [WATER]) == []
    assert len(d.warnings) == 1
    assert "no phrases in German (de)" in d.warnings[0] and "not themed" in d.warnings[0]
    assert "phrases_de" in d.warnings[0]


def test_weights_and_languages_are_read_from_themes_yml(tmp_path):
    path = tmp_path / "themes.yml"
    path.write_text("themes:\n  - id: water\n    label: Water\n    description: Rivers.\n"
                    "    phrases:\n      - water rights\n      - river: 0.5\n"
                    "    phrases_es: [derechos de agua, {riego: 2}]\n", encoding="utf-8")
    theme, = load_themes(path)
    assert theme.phrases == ["water rights", "river"]
    assert theme.languages == {"es": ["derechos de agua", "riego"]}
    assert theme.weights == {"river": 0.5, "riego": 2.0}


@pytest.mark.parametrize("entry, message", [
    ("    phrases_french: [eau]\n", "'themes.0.phrases_french' (line 6): Expected 'phrases_' followed by a two-letter "
                                     "language code"),
    ("    phrases_en: [water]\n", "'themes.water.phrases_en' (line 6): English is the default language"),
    ("    phrases_fr: [{eau: lots}]\n", "'themes.water.phrases_fr.0' (line 6): Expected a weight above 0 and at "
                                      "most 10 after 'eau:', but got 'lots'"),
    ("    phrases_fr: []\n", "'themes.water.phrases_fr' (line 6): Expected a non-empty list of strings"),
])
def test_bad_language_keys_and_weights_name_the_file_and_key(tmp_path, entry, message):
    path = tmp_path / "themes.yml"
    path.write_text("themes:\n  - id: water\n    label: Water\n    description: Rivers.\n"
                    "    phrases: [water rights]\n" + entry, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_themes(path)
    assert "themes.yml: " + message in str(err.value)
