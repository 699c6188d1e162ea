"""py3langid's language classifier, giving the same answers faster: its byte automaton walked
with numpy instead of one byte at a time in Python.

py3langid reads a text's features by walking a byte automaton (Aho-Corasick over the model's
byte n-grams) in a Python loop, one step per byte: most of the time the builder spends reading a
document's language. On the model py3langid ships, the automaton's state after a byte depends
only on the last ``WINDOW`` bytes read, whatever came before (``tests/test_langid_fast.py``
proves it for every state of the model whose digest is in ``PROVEN``), so the state at every
position of a text is found for all positions at once: ``WINDOW`` vector steps, each moving
every position's state by one of its earlier bytes. The features are counted in the order they
first appear, as py3langid's ``Counter`` counts them, so its scoring gets the same numbers in
the same order and returns the same floats (a text shorter than ``VECTOR_FROM`` bytes is walked
as py3langid walks it: there the vector steps cost more than they save). Its weights are kept
widened to float32 once (py3langid keeps float16 and widens the rows it reads on every call;
widening is exact).

A model whose digest is not in ``PROVEN`` (another py3langid release), or a py3langid without
the parts used here, is read by py3langid's own classifier: the same answers, at its speed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier, visit_counts

WINDOW = 6
"""Bytes that settle the automaton's state on the proven model (the proof: the test)."""
PROVEN = {"f4f4a2c3465ca1f081541037f9cac23021d68151c2f709c55ae5eedfca522963": WINDOW}
"""sha256 of a model file → the window proven for it (py3langid 0.4.0's ``data/model.npz.xz``)."""
VECTOR_FROM = 1500
"""Bytes from which the vector walk is the faster (its fixed cost is some 40 numpy calls); a
shorter text, a block's sample, is walked byte by byte as py3langid walks it."""
_PARTS = ("_raw_score", "_sparse_score", "_decide", "_rowbase", "tk_nextmove", "tk_row", "tk_output", "nb_ptc")


def model_path() -> Path:
    return MODEL_DIR / MODEL_FILE


def model_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class FastIdentifier(LanguageIdentifier):
    """py3langid's ``LanguageIdentifier`` whose feature counting walks the automaton with numpy
    (``feature_counts``); ``classify`` and ``rank`` are py3langid's own."""

    __slots__ = ("_next", "_rows", "_outputs", "_weights", "_widened", "_window")

    def prepare(self, window: int) -> None:
        """Arrays for the vector walk, for a model whose states are settled by ``window`` bytes."""
        self._window = window
        self._next = np.asarray(memoryview(self.tk_nextmove))  # (py3langid's own array, not a copy)
        self._rows = np.asarray(self.tk_row, dtype=np.int32) << 8
        self._outputs = np.asarray(self.tk_output, dtype=np.int32)
        self._widened = self.nb_ptc
        self._weights = np.asarray(self.nb_ptc, dtype=np.float32)

    def feature_counts(self, data: bytes) -> dict[int, int] | None:
        """Each feature the automaton meets in ``data`` → how many times, in the order first met
        (py3langid's ``visit_counts``); ``None`` when there is none."""
        text = np.frombuffer(data, dtype=np.uint8).astype(np.int32)
        n = len(text)
        state = np.zeros(n, dtype=np.int32)
        for back in range(min(self._window, n) - 1, -1, -1):
            # every position at or past ``back`` reads the byte ``back`` places before it
            cell = self._rows[state[back:]]
            cell += text[:n - back]
            state[back:] = self._next[cell]
        features = self._outputs[state]
        features = features[features >= 0]
        if not len(features):
            return None
        found, first, counts = np.unique(features, return_index=True, return_counts=True)
        order = np.argsort(first)
        return dict(zip(found[order].tolist(), counts[order].tolist()))

    def _raw_score(self, text: bytes) -> Any:
        if len(text) >= VECTOR_FROM:
            visits = self.feature_counts(text)
        else:
            visits = visit_counts(self.tk_nextmove, self._rowbase, self.tk_output, text)
        if not visits:  # py3langid's score of a featureless text
            return super()._raw_score(text)
        weights = self._weights if self.nb_ptc is self._widened else self.nb_ptc  # (set_languages)
        return self._sparse_score(visits, weights)


def plain() -> LanguageIdentifier:
    """py3langid's own classifier, with normalised probabilities (the reference)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def load() -> LanguageIdentifier:
    """The classifier the builder reads languages with: ``FastIdentifier`` on a proven model,
    else py3langid's own (the same answers either way)."""
    window = PROVEN.get(model_digest(model_path()))
    if window is None or not all(hasattr(LanguageIdentifier, part) for part in _PARTS):
        return plain()
    identifier = FastIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.prepare(window)
    return identifier
