"""Issue 20's target for line-end hyphens, measured: in a document of any language, no line-end
hyphen is left inside a word of that language, and true compounds keep theirs.

The development corpus (tests/corpus) and the review documents (bench/review) have few line-end
hyphens of their own, so their prose is printed again as a justified text would come: each
paragraph the builder publishes is wrapped at 60 characters, a long word that reaches the margin
split at a syllable (``deroga-`` / ``ciones``) and a hyphenated word broken at its hyphen
(``rendez-`` / ``vous``). What the published word must be comes from the text itself (the word
before it was split), never from the builder. ``pytest -s`` prints the figures per language."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from builder.clean import clean
from builder.document import Source
from builder.enrich.metadata import extract

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "tests" / "corpus").glob("*.txt")) + sorted((ROOT / "bench" / "review").glob("*.txt"))
WIDTH = 60
_WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*[.,;:]?$")
_VOWELS = set("aeiouyáéíóúàèìòùâêîôûäëïöüåãõæø")


def _syllable_split(word: str) -> int:
    """Where a printer would split ``word``: before a consonant between two vowels, nearest the
    middle (``deroga|ciones``), else the middle."""
    cuts = [i for i in range(3, len(word) - 2) if word[i - 1] in _VOWELS and word[i] not in _VOWELS
            and word[i + 1] in _VOWELS]
    return min(cuts, key=lambda i: abs(i - len(word) / 2)) if cuts else len(word) // 2


def rewrap(paragraphs: list[str]) -> tuple[str, list[tuple[str, str]]]:
    """The paragraphs hard-wrapped with line-end hyphens; (word, "join" or "keep") for each."""
    lines: list[str] = []
    cases: list[tuple[str, str]] = []
    for para in paragraphs:
        line = ""
        for w in para.split():
            core = w.rstrip(".,;:")
            if len(line) + 1 + len(w) > WIDTH and _WORD.match(w) and ("-" in core or len(core) >= 8 and core.islower()):
                cut = core.index("-") + 1 if "-" in core else _syllable_split(core)
                lines.append(f"{line} {core[:cut]}{'' if '-' in core else '-'}".strip())
                line = w[cut:]
                cases.append((core, "keep" if "-" in core else "join"))
            elif len(line) + 1 + len(w) > WIDTH:
                lines.append(line)
                line = w
            else:
                line = f"{line} {w}".strip()
        lines += [line, ""]
    return "\n".join(lines), cases


def _prose(doc) -> list[str]:
    return [x.text for b in doc.blocks for x in [b, *b.children] if x.kind == "paragraph"
            and len(x.text.split()) >= 12 and not re.search(r"[\[\]|*_`<>]", x.text)]


def measure() -> dict[str, Counter]:
    """Per language: how many split words were joined and compounds kept, right and wrong."""
    out: dict[str, Counter] = {}
    for path in FILES:
        doc = clean(Source(path.name, path.read_text(encoding="utf-8"), ""))
        lang = extract(doc).lang or "?"
        text, cases = rewrap(_prose(doc))
        again = clean(Source(path.name, text, ""))
        flat = " ".join(" ".join(x.text for b in again.blocks for x in [b, *b.children]).split())
        for word, want in cases:
            whole = re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", flat) is not None
            out.setdefault(lang, Counter())[(want, whole)] += 1
            if not whole:
                out[lang][f"{want}: {word}"] += 1
    return out


@pytest.fixture(scope="module")
def figures() -> dict[str, Counter]:
    got = measure()
    print("\n\nlanguage  split words joined   compounds kept")
    for lang, c in sorted(got.items()):
        joins, keeps = c[("join", True)], c[("keep", True)]
        print(f"{lang:<9} {joins:>5}/{joins + c[('join', False)]:<13} {keeps:>4}/{keeps + c[('keep', False)]}")
        wrong = sorted(k for k in c if isinstance(k, str))
        if wrong:
            print("          wrong: " + ", ".join(wrong))
    return got


# Portuguese 36/39 (2026-12-08, after the title and heading work put more of the dev corpus's
# Portuguese page into prose): the three kept are wholes the word list does not hold whose
# halves are both words (aloja|dora, apostila|das, sub|arrendatário), which a word list cannot
# tell from compounds.
@pytest.mark.parametrize("lang, least", [("fr", 0.9), ("es", 0.975), ("pt", 0.9), ("de", 1.0), ("sv", 1.0),
                                         ("en", 0.975)])
def test_split_words_are_joined(figures, lang, least):
    c = figures[lang]
    assert c[("join", True)] / (c[("join", True)] + c[("join", False)]) >= least


SOLID_TOO = {"keep: co-ordinator"}
"""Compounds whose solid spelling is the common one (``coordinator``): joined, the same word."""


def test_every_compound_keeps_its_hyphen(figures):
    assert {lang: [k for k in c if isinstance(k, str) and k.startswith("keep") and k not in SOLID_TOO]
            for lang, c in figures.items() if c[("keep", False)]} == {"en": []}
