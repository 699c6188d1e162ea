"""The themes' fast path (``enrich.themes``: one reading of a paragraph for every theme, each
theme's regex tried only where a phrase of it may start, behind a look-ahead for the characters
a match may start with) finds, match for match, what the plain reference finds: each theme's
phrases as one regex, without the look-ahead, run over the whole text (``finditer``), on the
shipped seeds and on generated text.

The bounds the fast path relies on are read from the regexes the phrase syntax writes
(``_read_regex``), with no private module of ``re``: every match checked here starts with one of
its phrase's literal prefixes and with one of its theme's first characters.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from builder.config import load_config
from builder.enrich.themes import (_alternatives, _first_chars, _literal_prefixes, matches_each, phrase_regex,
                                   start_index)

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from bench.corpus import generate  # noqa: E402  (the benchmark's generator of messy documents)


def plain(phrases: list[str]) -> re.Pattern[str]:
    """The reference: a theme's phrases, whole words, ignoring case, nothing in front."""
    return re.compile(r"(?<!\w)(?:" + _alternatives(tuple(phrases)) + r")(?!\w)", re.IGNORECASE)


def paragraphs(paths: list[Path]) -> list[str]:
    out = []
    for path in paths:
        text = path.read_bytes().decode("utf-8", "replace")
        out += [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return out


def test_the_fast_path_finds_what_the_plain_regexes_find_on_the_seeds_and_generated_text(tmp_path):
    themes = load_config(ROOT).themes
    texts = paragraphs(sorted((ROOT / "seeds").rglob("*.txt"))) + paragraphs(generate(40, tmp_path / "gen"))
    assert len(texts) > 1000
    references = [plain(theme.phrases) for theme in themes]
    index = start_index(themes)
    bounds = [(_first_chars(_alternatives(tuple(t.phrases))), [_literal_prefixes(phrase_regex(p)) for p in t.phrases])
              for t in themes]
    found = 0
    for text in texts:
        expected = []
        for theme, reference, (first, prefixes) in zip(themes, references, bounds):
            counts: dict[str, int] = {}
            for m in reference.finditer(text):
                i = int(m.lastgroup[1:])  # type: ignore[index]
                counts[theme.phrases[i]] = counts.get(theme.phrases[i], 0) + 1
                if first is not None:
                    assert re.match("[" + re.escape("".join(first)) + "]", m.group(), re.IGNORECASE), m.group()
                if prefixes[i] is not None and m.group().isascii():
                    assert m.group().lower().startswith(tuple(prefixes[i])), (theme.phrases[i], m.group())
            expected.append(counts)
            found += sum(counts.values())
        assert matches_each(text, themes, index) == expected, text[:200]
    assert found > 1000  # the texts do hold the phrases


def test_the_bounds_are_read_from_the_phrase_syntax():
    assert _literal_prefixes(phrase_regex("organi(s|z)ation")) == {"organisation", "organization", "organiation"}
    assert _literal_prefixes(phrase_regex("(a|b) c")) == {"a", "b", "c"}
    assert _literal_prefixes(phrase_regex("anti-traffick*")) == {"anti", "antitraffick"}
    assert _literal_prefixes(phrase_regex("(all)")) is None  # may match nothing
    assert _first_chars(_alternatives(("labo(u)r", "’twas", "Co-operation"))) == {"l", "'", "’", "C"}
    assert _first_chars(_alternatives(("*ism",))) is None  # any word character
    # What the phrase syntax never writes is not guessed at: no bound, the plain regex decides.
    for regex in (r"a{2}", r"(?=a)b", r"^a", r"\bword", r"a+?", r"[^a]b", r"[a-z]x", "(?i)a"):
        assert _literal_prefixes(regex) is None and _first_chars(regex) is None, regex
