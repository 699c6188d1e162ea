"""Related documents: those that share the most rare entities, themes and wording with each one,
best first, each with the reason in words. Candidates come from inverted indexes (entities, the
strongest documents of each theme, shared word sequences), so the work grows with the links,
not with the square of the corpus."""

from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict
from collections.abc import KeysView
from dataclasses import dataclass
from itertools import compress, repeat
from operator import add, itemgetter

import numpy as np

from ..document import Block, Document
from .crosslinks import Links, Related
from .places import all_blocks
from .prepared import document_wording
from .wording import SHINGLE_WORDS, Wording, paragraph_text


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
    """Each document's related documents, best first (at most ``RELATED_MAX``), each with the reason."""
    if len(docs) < 2:
        return {}
    compared = _compare(docs, links)
    scores = _Scores(compared)
    out: dict[str, list[Related]] = {}
    for a, doc in enumerate(docs):
        top = scores.best(a)
        if top:
            out[doc.name] = _explain(compared, a, top, links, theme_labels)
    return out


@dataclass(slots=True)
class _Compared:
    """What related documents compare, each list by index in ``docs``."""

    docs: list[Document]
    ents: list[set[str]]
    """The entities each document mentions."""
    themes: list[dict[str, float]]
    """Theme → score, of each document."""
    wordings: list[Wording]
    e_idf: dict[str, float]
    """Entity → its weight: the rarer in the corpus, the more it says."""
    t_idf: dict[str, float]
    candidates: list[set[int]]
    """The documents worth scoring against each document."""
    bonus: list[dict[int, float]]
    """Document → document sharing its wording → bonus."""
    quotable: KeysView[int]
    """Word sequences shared by few enough documents to be quoted as the reason."""


def _compare(docs: list[Document], links: Links) -> _Compared:
    n = len(docs)
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

    candidates = _sharing_names_or_themes(ents, themes)
    wordings = [document_wording(doc) for doc in docs]
    sh_postings = shared_postings([w.keys for w in wordings], min(SHINGLE_MAX_DF, max(2, n // 20)))
    bonus = _sharing_wording(wordings, sh_postings, candidates)
    return _Compared(docs, ents, themes, wordings, {e: idf(df) for e, df in entity_df.items()},
                     {t: 0.5 * idf(df) for t, df in theme_df.items()}, candidates, bonus, sh_postings.keys())


def _sharing_names_or_themes(ents: list[set[str]], themes: list[dict[str, float]]) -> list[set[int]]:
    """Candidates of each document: those naming an entity few documents name, and the strongest
    documents of each of its themes."""
    candidates: list[set[int]] = [set() for _ in ents]
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
    return candidates


def _sharing_wording(wordings: list[Wording], sh_postings: dict[int, list[int]],
                     candidates: list[set[int]]) -> list[dict[int, float]]:
    """The bonus of each pair of documents that share at least ``WORDING_MIN_SHARED`` word
    sequences (each such pair becomes a candidate too)."""
    wording_bonus = [0.0] + [1.5 * math.log(1 + k) for k in range(1, SHINGLE_MAX_DF * 50)]
    most_shared = len(wording_bonus) - 1
    bonus: list[dict[int, float]] = [{} for _ in wordings]
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
    return bonus


class _Scores:
    """A pair's score: the weights of the entities and themes both have, plus its wording bonus.
    What a pair shares is a bit mask: the weights of a combination of entities (or themes) are
    summed once, not once per pair that shares it."""

    def __init__(self, compared: _Compared) -> None:
        self.compared = c = compared
        entity_order, theme_order = sorted(c.e_idf), sorted(c.t_idf)
        entity_bit = {e: 1 << k for k, e in enumerate(entity_order)}
        theme_bit = {t: 1 << k for k, t in enumerate(theme_order)}
        self.entity_masks = [sum(map(entity_bit.__getitem__, s)) for s in c.ents]
        self.theme_masks = [sum(map(theme_bit.__getitem__, s)) for s in c.themes]
        self.entity_sum = _WeightSums([c.e_idf[e] for e in entity_order])
        self.theme_sum = _WeightSums([c.t_idf[t] for t in theme_order])
        self.sort_keys = [(d.meta.date or "9999", d.slug) for d in c.docs]

    def best(self, a: int) -> list[tuple[float, str, str, int, float]]:
        """The best candidates of document ``a``, best first by the rounded score, then date and slug:
        ``(-rounded score, date, slug, b, score)``."""
        candidates = self.compared.candidates[a]
        candidates.discard(a)
        others = list(candidates)
        if not others:
            return []
        # entity_sum[mask_a & mask_b] + theme_sum[…] + bonus, for every candidate b (maps: no
        # Python-level loop)
        shared_entities = map(self.entity_masks[a].__and__, map(self.entity_masks.__getitem__, others))
        shared_themes = map(self.theme_masks[a].__and__, map(self.theme_masks.__getitem__, others))
        scores = list(map(add, map(add, map(self.entity_sum.__getitem__, shared_entities),
                                   map(self.theme_sum.__getitem__, shared_themes)),
                          map(self.compared.bonus[a].get, others, repeat(0.0))))
        # Only the scores within rounding of the fifth best can be among the first five.
        floor = max(RELATED_MIN_SCORE, sorted(scores, reverse=True)[:RELATED_MAX][-1] - 2e-6)
        scored = [(-round(score, 6), *self.sort_keys[b], b, score) for b, score in zip(others, scores)
                  if score >= floor]
        scored.sort(key=itemgetter(0, 1, 2))
        return scored[:RELATED_MAX]


def _explain(c: _Compared, a: int, top: list[tuple[float, str, str, int, float]], links: Links,
             theme_labels: dict[str, str]) -> list[Related]:
    """Document ``a``'s related documents ``top``, each with the reason in words: the entities and
    themes both have, rarest first, and the longest passage of wording they share."""
    wording = {b for *_key, b, _score in top if b in c.bonus[a]}
    shared_with = _where_shared(c, a, wording)
    citable = [b for b in all_blocks(c.docs[a]) if b.citable] if wording else []
    related = []
    ents_a, themes_a = c.ents[a], c.themes[a]
    for *_key, b, score in top:
        shared_e = sorted(ents_a & c.ents[b], key=lambda e: (-c.e_idf[e], links.entities[e].label.lower()))
        shared_t = sorted(themes_a.keys() & c.themes[b].keys(), key=lambda t: (-min(themes_a[t], c.themes[b][t]), t))
        phrase = ""
        if b in wording:
            phrase = _phrase(citable, shared_with[b])
        if len(phrase.split()) < WORDING_MIN_WORDS:
            phrase = ""
        reason = _reason([links.entities[e].label for e in shared_e],
                         [theme_labels.get(t, t) for t in shared_t], phrase)
        related.append(Related(c.docs[b].name, round(score, 3), reason))
    return related


def _where_shared(c: _Compared, a: int, wording: set[int]) -> dict[int, list[tuple[int, int]]]:
    """Where document ``a`` has the sequences it shares with each document of ``wording``:
    (paragraph, word index) of each, in page order."""
    shared_with: dict[int, list[tuple[int, int]]] = {}
    if wording:
        w = c.wordings[a]
        mine = {key for key in w.keys if key in c.quotable}
        at = list(compress(range(len(w.keys)), map(mine.__contains__, w.keys)))  # where ``mine`` are, in order
        for b in wording:
            both = mine.intersection(c.wordings[b].keys)
            shared_with[b] = [(w.paragraphs[k], w.words[k]) for k in at if w.keys[k] in both]
    return shared_with


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
