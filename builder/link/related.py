"""Related documents: those that share the most rare entities, themes and wording with each one,
best first, each with the reason in words. Candidates come from inverted indexes (entities, the
strongest documents of each theme, shared word sequences), so the work grows with the links,
not with the square of the corpus."""

from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict
from itertools import compress, repeat
from operator import add, itemgetter

import numpy as np

from ..document import Block, Document
from .crosslinks import Links, Related
from .places import all_blocks
from .prepared import document_wording
from .wording import SHINGLE_WORDS, paragraph_text


RELATED_MAX = 5
"""Related documents shown at the foot of a page."""
RELATED_MIN_SCORE = 0.5
ENTITY_CANDIDATE_DF = 100
"""Entities named by more documents than this do not propose candidates (they still score)."""
THEME_CANDIDATES = 20
"""The strongest documents of each theme are candidates for every document of that theme."""
SHINGLE_MAX_DF = 20
WORDING_MIN_SHARED = 3
"""Shared word sequences needed before "similar wording" counts."""
WORDING_MIN_WORDS = 8
PHRASE_MAX_WORDS = 20
"""The longest shared passage must be at least this long to be quoted as the reason."""


def shared_postings(keys: list[array], cap: int) -> dict[int, list[int]]:
    """Shingle key → the documents (their indexes, ascending) that have it, for the keys that at
    least 2 and at most ``cap`` documents have: the sequences worth comparing documents by.

    Sorted arrays (numpy) rather than sets of every key of the corpus: most shingles are in one
    document only, and a set of all of them took most of the builder's memory at 10,000
    documents."""
    per_doc = [np.unique(np.asarray(k, dtype=np.int64)) for k in keys]  # each key once per document
    if not per_doc:
        return {}
    flat = np.concatenate(per_doc)
    owner = np.repeat(np.arange(len(per_doc), dtype=np.int32), [len(k) for k in per_doc])
    del per_doc
    order = np.argsort(flat, kind="stable")  # stable: a key's documents stay in ascending order
    flat, owner = flat[order], owner[order]
    del order
    starts = np.flatnonzero(np.concatenate(([True], flat[1:] != flat[:-1])))
    counts = np.diff(np.append(starts, len(flat)))
    wanted = (counts >= 2) & (counts <= cap)
    postings: dict[int, list[int]] = {}
    for start, count in zip(starts[wanted].tolist(), counts[wanted].tolist()):
        postings[int(flat[start])] = owner[start:start + count].tolist()
    return postings


def related_documents(docs: list[Document], links: Links, theme_labels: dict[str, str]) -> dict[str, list[Related]]:
    n = len(docs)
    if n < 2:
        return {}
    ents: list[set[str]] = [set() for _ in docs]
    index = {d.name: i for i, d in enumerate(docs)}
    for eid, by_doc in links.mentions.items():
        for name in by_doc:
            ents[index[name]].add(eid)
    themes = [{h.theme: h.score for h in d.themes} for d in docs]
    entity_df = Counter(e for s in ents for e in s)
    theme_df = Counter(t for s in themes for t in s)

    def idf(df: int) -> float:
        return math.log((n + 1) / df)

    candidates: list[set[int]] = [set() for _ in docs]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(ents):
        for e in s:
            postings[e].append(i)
    for ids in postings.values():
        if 1 < len(ids) <= ENTITY_CANDIDATE_DF:
            for i in ids:
                candidates[i].update(ids)
    by_theme: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(themes):
        for t in s:
            by_theme[t].append(i)
    for t, ids in by_theme.items():
        top = sorted(ids, key=lambda i: -themes[i][t])[:THEME_CANDIDATES]
        for i in ids:
            candidates[i].update(top)
    wordings = [document_wording(doc) for doc in docs]
    cap = min(SHINGLE_MAX_DF, max(2, n // 20))
    sh_postings = shared_postings([w.keys for w in wordings], cap)
    wording_bonus = [0.0] + [1.5 * math.log(1 + k) for k in range(1, SHINGLE_MAX_DF * 50)]
    most_shared = len(wording_bonus) - 1
    bonus: list[dict[int, float]] = [{} for _ in docs]   # document → document sharing its wording → bonus
    # How many sequences each document shares with each other, one document at a time: counting
    # every pair of the corpus at once held millions of pairs at 10,000 documents.
    for x, w in enumerate(wordings):
        shared_with_x: Counter[int] = Counter()
        # (a set's intersection with a dict would walk the dict)
        for key in {key for key in w.keys if key in sh_postings}:
            shared_with_x.update(sh_postings[key])
        del shared_with_x[x]
        for y, count in shared_with_x.items():
            if count >= WORDING_MIN_SHARED:
                candidates[x].add(y)
                bonus[x][y] = wording_bonus[min(count, most_shared)]

    e_idf = {e: idf(df) for e, df in entity_df.items()}
    t_idf = {t: 0.5 * idf(df) for t, df in theme_df.items()}
    # What a pair shares, as bit masks: the weights of a combination of entities (or themes) are
    # summed once, not once per pair that shares it.
    entity_order, theme_order = sorted(e_idf), sorted(t_idf)
    entity_bit = {e: 1 << k for k, e in enumerate(entity_order)}
    theme_bit = {t: 1 << k for k, t in enumerate(theme_order)}
    entity_masks = [sum(map(entity_bit.__getitem__, s)) for s in ents]
    theme_masks = [sum(map(theme_bit.__getitem__, s)) for s in themes]
    entity_sum = _WeightSums([e_idf[e] for e in entity_order])
    theme_sum = _WeightSums([t_idf[t] for t in theme_order])
    sort_keys = [(d.meta.date or "9999", d.slug) for d in docs]
    quotable = sh_postings.keys()
    out: dict[str, list[Related]] = {}
    for a, doc in enumerate(docs):
        candidates[a].discard(a)
        others = list(candidates[a])
        if not others:
            continue
        # entity_sum[mask_a & mask_b] + theme_sum[…] + bonus, for every candidate b (maps: no
        # Python-level loop)
        shared_entities = map(entity_masks[a].__and__, map(entity_masks.__getitem__, others))
        shared_themes = map(theme_masks[a].__and__, map(theme_masks.__getitem__, others))
        scores = list(map(add, map(add, map(entity_sum.__getitem__, shared_entities),
                                   map(theme_sum.__getitem__, shared_themes)),
                          map(bonus[a].get, others, repeat(0.0))))
        # Best first by the rounded score, then date and slug: only the scores within rounding of
        # the fifth best can be among the first five.
        floor = max(RELATED_MIN_SCORE, sorted(scores, reverse=True)[:RELATED_MAX][-1] - 2e-6)
        scored = [(-round(score, 6), *sort_keys[b], b, score) for b, score in zip(others, scores) if score >= floor]
        scored.sort(key=itemgetter(0, 1, 2))
        top = scored[:RELATED_MAX]
        if not top:
            continue
        # Where this document has the sequences it shares with each related document that shares wording.
        wording = {b for *_key, b, _score in top if b in bonus[a]}
        shared_with: dict[int, list[tuple[int, int]]] = {}
        if wording:
            w = wordings[a]
            mine = {key for key in w.keys if key in quotable}
            for b in wording:
                both = mine.intersection(wordings[b].keys)
                shared_with[b] = [(w.paragraphs[k], w.words[k])
                                  for k in compress(range(len(w.keys)), map(both.__contains__, w.keys))]
            citable = [b for b in all_blocks(doc) if b.citable]
        related = []
        ents_a, themes_a = ents[a], themes[a]
        for *_key, b, score in top:
            shared_e = sorted(ents_a & ents[b], key=lambda e: (-e_idf[e], links.entities[e].label.lower()))
            shared_t = sorted(themes_a.keys() & themes[b].keys(), key=lambda t: (-min(themes_a[t], themes[b][t]), t))
            phrase = ""
            if b in wording:
                phrase = _phrase(citable, shared_with[b])
            if len(phrase.split()) < WORDING_MIN_WORDS:
                phrase = ""
            reason = _reason([links.entities[e].label for e in shared_e],
                             [theme_labels.get(t, t) for t in shared_t], phrase)
            related.append(Related(docs[b].name, round(score, 3), reason))
        out[doc.name] = related
    return out


class _WeightSums(dict[int, float]):
    """Bit mask → the sum of the weights of its bits (lowest bit first), worked out on first use."""

    def __init__(self, weights: list[float]) -> None:
        super().__init__()
        self.weights = weights

    def __missing__(self, mask: int) -> float:
        total, rest = 0.0, mask
        while rest:
            low = rest & -rest
            total += self.weights[low.bit_length() - 1]
            rest ^= low
        self[mask] = total
        return total


def _listing(items: list[str], most: int) -> str:
    shown = items[:most]
    rest = len(items) - len(shown)
    if rest:
        return ", ".join(shown) + f" and {rest} more"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _reason(entities: list[str], themes: list[str], phrase: str) -> str:
    parts = []
    if entities:
        parts.append("both mention " + _listing(entities, 3))
    if themes:
        parts.append("both address " + _listing([f"“{t}”" for t in themes[:2]], 2))
    if phrase:
        parts.append(f"similar wording (“{phrase}”)")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def _phrase(paragraphs: list[Block], shared: list[tuple[int, int]]) -> str:
    """The longest passage covered by shared word sequences (given by paragraph and word index),
    as the document writes it.

    Sequences are sampled, so two of them a few words apart are one passage: the quote is
    of similar wording, not a promise that every word is the same.
    """
    best = (-1, 0, 0)   # paragraph, first word, end word
    run: tuple[int, int, int] = (-1, -1, -1)
    for p, i in shared:
        if p == run[0] and i <= run[2] + SHINGLE_WORDS:
            run = (p, run[1], i + SHINGLE_WORDS)
        else:
            run = (p, i, i + SHINGLE_WORDS)
        if run[2] - run[1] > best[2] - best[1]:
            best = run
    p, first, end = best
    if p < 0:
        return ""
    cut = min(end, first + PHRASE_MAX_WORDS)
    text, offsets = paragraph_text(paragraphs[p], cut)
    quote = " ".join(text[offsets[first][0]:offsets[cut - 1][1]].split())
    return quote + (" …" if cut < end else "")
