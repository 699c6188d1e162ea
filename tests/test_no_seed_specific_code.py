"""The builder works from the shape of text: no code names a seed file or a phrase
that occurs in only one seed."""

from __future__ import annotations

import ast
import re

from conftest import DEV_CORPUS, ROOT, SEEDS


def string_literals() -> list[tuple[str, str]]:
    out = []
    for path in (ROOT / "builder").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.append((path.relative_to(ROOT).as_posix(), node.value))
    return out


def test_no_code_names_a_seed_file():
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "builder").rglob("*.py"))
    for seed in SEEDS.glob("*.txt"):
        stem = seed.stem
        for token in {stem, *stem.split("_")[1:]}:
            assert token not in code, f"builder names seed {seed.name}"


def test_no_string_in_the_code_occurs_in_only_one_seed():
    seeds = [re.sub(r"\s+", " ", s.read_text(encoding="utf-8")).lower() for s in SEEDS.glob("*.txt")]
    offenders = []
    for path, literal in string_literals():
        words = re.findall(r"[A-Za-z]{2,}", literal)
        if len(words) < 2 or "\n" in literal.strip():
            continue  # single words are vocabulary, not a seed's wording
        phrase = re.sub(r"\s+", " ", literal.strip()).lower()
        if len(phrase) >= 12 and sum(phrase in s for s in seeds) == 1:
            offenders.append((path, literal))
    assert not offenders, offenders


def corpus_texts() -> list[str]:
    return [re.sub(r"\s+", " ", p.read_text(encoding="utf-8")).lower() for p in sorted(DEV_CORPUS.glob("*.txt"))]


def test_no_code_names_a_development_corpus_file():
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "builder").rglob("*.py"))
    named = [p.name for p in DEV_CORPUS.glob("*.txt") if p.stem in code or p.stem.split("_", 1)[1] in code]
    assert not named, f"builder names development-corpus files: {named}"


def test_no_string_in_the_code_occurs_in_only_one_development_corpus_document():
    """The dev corpus is an example like the seeds: a phrase of four words or more found in one of
    its documents and no other is that document's wording, not a rule. (Shorter ones are a kind's
    vocabulary: "skip to main content", "política de privacidad" are on every such site.)"""
    texts = corpus_texts()
    offenders = []
    for path, literal in string_literals():
        words = re.findall(r"[^\W\d_]{2,}", literal)
        if len(words) < 4 or "\n" in literal.strip():
            continue
        phrase = re.sub(r"\s+", " ", literal.strip()).lower()
        if len(phrase) >= 24 and sum(phrase in t for t in texts) == 1:
            offenders.append((path, literal))
    assert not offenders, offenders
