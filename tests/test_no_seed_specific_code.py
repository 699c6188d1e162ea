"""The builder works from the shape of text: no code names a seed file or a phrase
that occurs in only one seed."""

from __future__ import annotations

import ast
import re

from conftest import ROOT, SEEDS


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
