"""The shipped themes.yml: an English phrase that is a common word of another language is not used
for documents in that language (``is_word_of``), so that language's own list must say the same
thing in its words. Each such phrase is listed here with the native wording that stands for it,
or the reason none is needed; a phrase newly dropped fails until it is listed."""

from __future__ import annotations

from pathlib import Path

from builder.config import load_themes
from builder.enrich.themes import is_word_of, phrase_pattern

ROOT = Path(__file__).resolve().parents[2]

COUNTERPARTS = {
    # (language, theme, English phrase dropped there): native wording its own list matches (None: not needed).
    ("fr", "trafficking-smuggling", "servitude"): "servitude",
    ("fr", "discrimination-xenophobia", "discrimination"): "discrimination",
    ("fr", "discrimination-xenophobia", "public perception*"): "la perception du public",
    ("it", "discrimination-xenophobia", "marginali*"): "l’emarginazione",
    ("fr", "borders-return", "interception"): "interception",
    ("es", "migrants-in-crisis", "crisis"): "crisis",
    ("fr", "migrants-in-crisis", "crises"): "crises",
    ("nl", "migrants-in-crisis", "acute crises"): "acute crisis",
    ("nl", "migrants-in-crisis", "crisis"): "crisis",
    ("nl", "migrants-in-crisis", "crises"): "crises",
    ("nl", "migrants-in-crisis", "conflict"): "conflict",
    ("pt", "migrants-in-crisis", "crises"): "crises",
    ("de", "migration-development", "diaspora*"): "Diaspora",
    ("fr", "migration-development", "diaspora*"): "diaspora",
    ("it", "migration-development", "diaspora*"): "diaspora",
    ("nl", "migration-development", "diaspora*"): "diaspora",
    ("fr", "social-protection", "social protection"): "protection sociale",
    ("fr", "social-protection", "social services"): "services sociaux",
    ("fr", "social-protection", "portable"): None,  # a French word for a mobile phone; "portabilité" matches portab*
    ("es", "global-governance", "multilateral"): "multilateral",
    ("it", "data-post-2015", "data"): "dati",
    ("pt", "data-post-2015", "data"): "dados",
    ("de", "irregular-migration", "migration status"): "Migrationsstatus",
    ("sv", "irregular-migration", "migration status"): "migrationsstatus",
    ("es", "irregular-migration", "irregular"): "irregular",
    ("pt", "irregular-migration", "irregular status"): "situação irregular",
    ("pt", "irregular-migration", "irregular"): "irregular",
    ("fr", "refugees-asylum", "international protection"): "protection internationale",
}


def dropped() -> dict[tuple[str, str, str], list[str]]:
    """(language, theme, English phrase) → that language's own phrases, for every English phrase of
    the shipped themes that is not used in a language the theme has phrases for."""
    return {(lang, t.id, p): own for t in load_themes(ROOT / "themes.yml")
            for lang, own in t.languages.items() for p in t.phrases if is_word_of(p, lang)}


def test_every_english_phrase_dropped_as_a_common_word_is_listed_here():
    assert sorted(dropped()) == sorted(COUNTERPARTS)


def test_the_language_of_a_dropped_phrase_says_it_in_its_own_words():
    own = dropped()
    missing = [key for key, native in COUNTERPARTS.items()
               if native is not None and not any(phrase_pattern(p).search(native) for p in own.get(key, []))]
    assert missing == []
