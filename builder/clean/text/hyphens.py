"""Line-end hyphens: a true compound keeps its hyphen, a word split is joined.

Decided from evidence, never guessed:

1. the fragment after the hyphen starts with a digit or a capital → keep (``post-2015``);
2. the document itself: whichever of ``a-b`` and ``ab`` occurs more often elsewhere in it
   (not at a line end) wins;
3. the word-frequency list of ``wordfreq`` (imported only when needed): join when ``ab`` is
   a common word (Zipf ≥ 3) and one of ``a``/``b`` is not a word (``coopera-``/``tion``);
   keep when both halves are words or ``a`` is a prefix (``awareness-raising``);
4. otherwise keep the hyphen and say so in ``warnings``.

(``zipf_frequency("a-b")`` is not the compound's frequency: wordfreq splits at hyphens.)
"""

from __future__ import annotations

from functools import lru_cache

from ..state import CleanState

PREFIXES = frozenset("co non re pre post anti inter intra multi cross self well sub semi pro counter "
                     "ex extra mid over under out off on up down bi tri macro micro mini neo pan "
                     "para quasi socio ultra vice".split())
COMMON = 3.0


@lru_cache(maxsize=4096)
def zipf(word: str) -> float:
    # Optional heavy dependency, imported here on purpose: loading wordfreq takes about a second
    # and most documents never need it (tests/clean/test_hyphens.py checks that it stays unloaded).
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def decide(state: CleanState | None, left: str, right: str, line_no: int = 0) -> str:
    """``"join"`` or ``"keep"`` for ``left-`` at a line end followed by ``right``."""
    if not left or not right or right[:1].isdigit() or right[:1].isupper():
        return "keep"
    a, b = left.lower(), right.lower()
    if state is not None:
        hyphened, solid = state.evidence(a, b)
        if hyphened != solid:
            return "keep" if hyphened > solid else "join"
    whole = zipf(a + b)
    a_word = zipf(a) >= COMMON or a in PREFIXES
    b_word = zipf(b) >= COMMON
    if whole >= COMMON and not (a_word and b_word):
        return "join"
    if a_word and b_word:
        return "keep"
    if state is not None:
        state.warnings.append(f"line {line_no}: kept the hyphen in '{left}-{right}' (no evidence either way; "
                              "check it)")
    return "keep"
