"""The fast language classifier (``engine.fast_langid``) answers exactly as py3langid's own: the
same features counted in the same order, the same classification and ranking, float for float,
on the shipped seeds, on generated documents and on texts in many scripts written here; and the
window it relies on (the automaton's state is settled by the last ``WINDOW`` bytes) is proved
for every state of the installed model."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import visit_counts

from builder.engine import fast_langid, setup
from builder.enrich import language

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from bench.corpus import generate  # noqa: E402  (the benchmark's generator of messy documents)

SCRIPTS = [
    "", "a", "é", "ab", "abcde", "abcdef", "NATIONAL REPORT ON MIGRATION", "1234 5678 — 2021/22",
    "Le présent rapport décrit la situation des travailleurs migrants en France et en Belgique.",
    "Der vorliegende Bericht beschreibt die Lage der Wanderarbeitnehmer in Deutschland.",
    "El presente informe describe la situación de los trabajadores migrantes en España.",
    "Настоящий доклад описывает положение трудящихся-мигрантов в Российской Федерации.",
    "يصف هذا التقرير حالة العمال المهاجرين في المنطقة العربية وحقوقهم.",
    "本报告介绍了移徙工人在该区域的状况以及他们的权利。",
    "Η παρούσα έκθεση περιγράφει την κατάσταση των μεταναστών εργαζομένων στην Ελλάδα.",
    "この報告書は、地域における移住労働者の状況を説明しています。",
    "Mixed: the report, le rapport, el informe, der Bericht 😀 ✓ \u200b tab\there",
]


def texts(folder: Path) -> list[str]:
    """Whole documents and their paragraphs: the seeds, 20 generated documents, the samples above."""
    paths = sorted((ROOT / "seeds").rglob("*.txt")) + generate(20, folder)
    out = list(SCRIPTS)
    for path in paths:
        text = path.read_bytes().decode("utf-8", "replace")
        out.append(text[:language.MAX_CHARS])
        out += [p[:language.BLOCK_SAMPLE] for p in re.split(r"\n\s*\n", text) if p.strip()]
    return out


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    found = texts(tmp_path_factory.mktemp("generated"))
    assert len(found) > 500
    return found


@pytest.fixture(scope="module")
def classifiers() -> tuple[fast_langid.FastIdentifier, object]:
    fast = fast_langid.load()
    assert isinstance(fast, fast_langid.FastIdentifier), "the installed model is not in fast_langid.PROVEN"
    return fast, fast_langid.plain()


def test_features_are_counted_as_py3langid_counts_them_in_the_same_order(samples, classifiers):
    fast, _plain = classifiers
    for text in samples:
        data = fast._encode(text)
        expected = visit_counts(fast.tk_nextmove, fast._rowbase, fast.tk_output, data)
        found = fast.feature_counts(data)
        assert (list(found.items()) if found else None) == (list(expected.items()) if expected else None), text[:80]


def test_classification_and_ranking_are_py3langid_s_float_for_float(samples, classifiers):
    fast, plain = classifiers
    for text in samples:
        assert fast.classify(text) == plain.classify(text), text[:80]
        assert fast.rank(text) == plain.rank(text), text[:80]


def test_the_builder_reads_languages_with_the_fast_classifier():
    setup.start()  # (what a build does first: it passes the fast classifier to the enrich stage)
    assert isinstance(language._identifier(), fast_langid.FastIdentifier)


def test_the_installed_model_s_states_are_settled_by_the_window(classifiers):
    """Pairs (state reached from any state, state reached from the start) after the same bytes:
    once every pair is equal, after ``WINDOW`` bytes at most, the state no longer depends on what
    was read before those bytes."""
    fast, _plain = classifiers
    assert fast_langid.PROVEN[fast_langid.model_digest(fast_langid.model_path())] == fast_langid.WINDOW
    moves = np.asarray(fast.tk_nextmove, dtype=np.int64)
    rows = np.asarray(fast.tk_row, dtype=np.int64) << 8
    n = len(rows)
    byte = np.arange(256, dtype=np.int64)
    pairs = np.arange(n, dtype=np.int64) * n  # (any state, the start) encoded as a * n + b
    for _ in range(fast_langid.WINDOW):
        found = []
        for chunk in np.array_split(pairs, max(1, len(pairs) // 20_000)):
            left = moves[rows[chunk // n, None] + byte]
            right = moves[rows[chunk % n, None] + byte]
            apart = left != right
            found.append(np.unique(left[apart] * n + right[apart]))
        pairs = np.unique(np.concatenate(found))
    assert len(pairs) == 0, f"{len(pairs)} pairs of states still apart after {fast_langid.WINDOW} bytes"


def test_a_model_not_proven_is_read_by_py3langid_itself(monkeypatch):
    monkeypatch.setattr(fast_langid, "PROVEN", {})
    identifier = fast_langid.load()
    assert type(identifier) is not fast_langid.FastIdentifier
    assert identifier.classify("Le présent rapport décrit la situation des travailleurs migrants.")[0] == "fr"
