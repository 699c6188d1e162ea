"""Cross-document links: entities, related documents, references between documents, timeline.

Takes the whole ``Corpus`` after permalinks are assigned (slugs and paragraph anchors).
Adds spans to blocks and keeps what the entity, related and timeline pages need in
``corpus.extra["links"]`` (a ``Links``). Pure: no I/O.

- Entity mentions: every spelling of every entity (``enrich.entities``) in every block is
  a mention, listed on the entity page. The first mention of an entity in each section
  (the blocks between two headings; a box; the footnotes) becomes a link,
  ``Span(kind="entity")``, but never in a heading, a box title or the letter parts, and
  never over another span (a URL, a footnote marker, bold).
- Documents naming documents: another document's full title in the text becomes a
  ``Span(kind="document")``; a document is never linked from itself.
- Subjects: events, instruments and initiatives named in a document's title are what it
  is about; an event there is the event the document was written for. "Referenced by"
  lists the documents that name the document, its event or its subject.
- Related documents: the documents that share the most rare entities, themes and
  wording with each one, best first, each with the reason in words. Candidates come from
  inverted indexes (entities, the strongest documents of each theme, shared word
  sequences), so the work grows with the links, not with the square of the corpus.
- Timeline: dated documents and the dated entities they mention, in date order.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import compress, islice, repeat
from operator import add, itemgetter
from dataclasses import dataclass, field

import numpy as np

from . import permalinks
from .config import Config
from .document import Block, Document, Span
from .errors import naming
from .enrich.entities import (CorpusMatcher, Definition, Entity, Matcher, PackedTexts, Registry, TextMatches,
                              build_registry, declared_matcher, find_definitions as find_acronym_definitions,
                              normalise, prepare_text, spelling_keys, straighten)
from .link import Corpus

log = logging.getLogger(__name__)

RELATED_MAX = 5
"""Related documents shown at the foot of a page."""
RELATED_MIN_SCORE = 0.5
ENTITY_CANDIDATE_DF = 100
"""Entities named by more documents than this do not propose candidates (they still score)."""
THEME_CANDIDATES = 20
"""The strongest documents of each theme are candidates for every document of that theme."""
SHINGLE_WORDS = 6
SHINGLE_ANCHOR_LETTERS = 8
"""Word sequences are sampled where a word of at least this many letters starts them."""
SHINGLE_MAX_DF = 20
WORDING_MIN_SHARED = 3
"""Shared word sequences needed before "similar wording" counts."""
WORDING_MIN_WORDS = 8
PHRASE_MAX_WORDS = 20
"""The longest shared passage must be at least this long to be quoted as the reason."""
TITLE_MIN_WORDS = 4
TITLE_MIN_CHARS = 24
"""A title shorter than this is too generic to recognise in another document."""
DEFINITION_MAX_WORDS = 45
SUBJECT_KINDS = ("event", "instrument", "initiative", "programme")
LINK_KINDS = ("entity", "document")

_IS_A = re.compile(r"\s+(?:is|was)\s+(?:the|an?|one)\s")
"""``IOM is the only …``: the sentence defines the entity when the entity is its subject.
(Matched where the mention ends. Neither pattern reads an apostrophe, so curly ones need no
straightening.)"""
_WHICH = re.compile(r"(?:\s*\([^()]{1,20}\))?\s*,\s*which\s+(?!we\b|they\b|i\b|you\b|he\b|she\b|it\b)")
"""``the Committee on Migrant Workers (CMW), which oversees …``: the clause defines it."""
_CLAUSE_STOP = re.compile(r"[,;:.!?]\s|[;:]|\.$")
SUBJECT_WITHIN_WORDS = 6
"""An entity is a sentence's subject when at most this many words come before it."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"'(])")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@dataclass(slots=True)
class Mention:
    """Where a document names an entity."""

    doc: str
    block: int
    """Index in ``doc.blocks``."""
    anchor: str
    """Paragraph anchor (``para-4``), or ``""`` outside paragraphs."""
    para: int
    where: str
    """``paragraph``, ``title``, ``heading``, ``box title``, ``footnote``, ``letter``."""
    start: int
    end: int
    text: str
    """The spelling as written."""
    child: int = -1
    """Index in the block's children (a paragraph inside a box), or -1."""


@dataclass(slots=True)
class Related:
    doc: str
    score: float
    reason: str


@dataclass(slots=True)
class Reference:
    doc: str
    reason: str


@dataclass(slots=True)
class TimelineEntry:
    date: str
    kind: str
    """``document`` or ``entity``."""
    ref: str
    """Document source name or entity id."""


@dataclass(slots=True)
class Links:
    """What the link stage found, for the write stage."""

    entities: dict[str, Entity]
    mentions: dict[str, dict[str, list[Mention]]] = field(default_factory=dict)
    """Entity id → document name → mentions, documents in corpus order."""
    definitions: dict[str, tuple[str, int, str]] = field(default_factory=dict)
    """Entity id → (document name, paragraph number, sentence) where the corpus defines it."""
    abbreviations: dict[str, dict[str, str]] = field(default_factory=dict)
    """Document name → acronym as written → its expansion (for tooltips)."""
    doc_refs: dict[str, list[str]] = field(default_factory=dict)
    """Document name → documents it names."""
    subjects: dict[str, list[str]] = field(default_factory=dict)
    """Document name → entity ids its title names (events, instruments, initiatives)."""
    written_for: dict[str, list[str]] = field(default_factory=dict)
    """Document name → events its title names."""
    related: dict[str, list[Related]] = field(default_factory=dict)
    referenced_by: dict[str, list[Reference]] = field(default_factory=dict)
    timeline: list[TimelineEntry] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def documents_mentioning(self, entity_id: str) -> list[str]:
        return list(self.mentions.get(entity_id, {}))

    def mentioned(self) -> list[Entity]:
        """Entities named by at least one document (those that get a page)."""
        return [e for eid, e in self.entities.items() if self.mentions.get(eid)]


def get(corpus: Corpus) -> Links | None:
    links = corpus.extra.get("links")
    return links if isinstance(links, Links) else None


# --- the per-document part ---------------------------------------------------------------

@dataclass(slots=True)
class Prepared:
    """What the link stage needs of one document that does not depend on the others: worked out
    by ``prepare`` in the per-document stage (on every core, cached with the document), so
    linking a corpus only combines them. Every field may be missing (a document that did not
    go through ``pipeline.process``): the link stage then works it out itself."""

    wording: Wording | None = None
    digests: bytes | None = None
    """``permalinks.digest`` of each citable block, to carry its anchor (``permalinks.pack_digests``)."""
    definitions: list[Definition] | None = None
    """The acronyms the document spells out (``enrich.entities.find_definitions``)."""
    entities: str = ""
    """Fingerprint of the declared entities' ``Matcher`` that found ``texts``."""
    texts: PackedTexts | None = None
    """What that matcher finds in each text block (``_all_blocks`` order), then in ``title``."""
    title: str = ""


def prepare(doc: Document, config: Config) -> Prepared:
    """The per-document part of the link stage (see ``Prepared``)."""
    declared = declared_matcher(config.entities)
    title = doc.meta.title or ""
    texts = [*(b.text for b in _all_blocks(doc)), title]
    return Prepared(wording=Wording.of(doc), digests=permalinks.pack_digests(
                        permalinks.paragraph_digests(permalinks.citable_blocks(doc))),
                    definitions=find_acronym_definitions(doc), entities=declared.fingerprint,
                    texts=PackedTexts.of(prepare_text(declared, text) for text in texts), title=title)


class _Texts:
    """A document's prepared ``TextMatches`` by place (block index, child index), unpacked on first use."""

    __slots__ = ("packed", "index", "unpacked")

    def __init__(self, packed: PackedTexts | None = None, places: list[tuple[int, int]] = ()) -> None:
        self.packed = packed
        self.index = {place: k for k, place in enumerate(places)}
        self.unpacked: dict[int, TextMatches] = {}

    def get(self, place: tuple[int, int]) -> TextMatches | None:
        k = self.index.get(place)
        return None if k is None else self.at(k)

    def at(self, k: int) -> TextMatches | None:
        if self.packed is None:
            return None
        found = self.unpacked.get(k)
        if found is None:
            found = self.unpacked[k] = self.packed[k]
        return found


@dataclass(slots=True)
class _Prepared:
    """A document's ``Prepared`` text matches, by place (block index, child index)."""

    texts: _Texts
    entities: bool
    """Whether they were found by the declared entities of this build (else only their keys count)."""
    title: TextMatches | None


def _prepared(doc: Document, declared: Matcher | None) -> _Prepared:
    prepared = doc.extra.get("link")
    if not isinstance(prepared, Prepared) or prepared.texts is None:
        return _Prepared(_Texts(), False, None)
    positions = [(i, j) for i, block in enumerate(doc.blocks) for j in range(-1, len(block.children))]
    if len(positions) + 1 != len(prepared.texts):
        return _Prepared(_Texts(), False, None)
    same = declared is not None and prepared.entities == declared.fingerprint
    title = prepared.texts[len(positions)] if same and prepared.title == (doc.meta.title or "") else None
    return _Prepared(_Texts(prepared.texts, positions), same, title)


# --- walking a document -------------------------------------------------------------------

@dataclass(slots=True)
class _Place:
    block: Block
    index: int
    child: int
    where: str
    section: str
    linkable: bool


def places(doc: Document) -> Iterator[_Place]:
    """Every text block of a document with its section and whether links may go in it."""
    section = 0
    for i, block in enumerate(doc.blocks):
        if block.kind == "heading":
            section += 1
            yield _Place(block, i, -1, "title" if block.level == 1 else "heading", f"h{section}", False)
        elif block.kind == "admonition":
            for j, child in enumerate(block.children):
                yield _Place(child, i, j, "paragraph", f"box{i}", child.kind in ("paragraph", "list_item"))
            if not block.children and block.text:
                yield _Place(block, i, -1, "paragraph", f"box{i}", False)
        elif block.kind == "footnote":
            yield _Place(block, i, -1, "footnote", "footnotes", True)
        elif block.kind == "letter":
            yield _Place(block, i, -1, "letter", f"s{section}", False)
        else:
            yield _Place(block, i, -1, "paragraph", f"s{section}", block.kind in ("paragraph", "list_item"))


def _free(block: Block, start: int, end: int) -> bool:
    """No other span overlaps ``[start, end)`` (a zero-width marker strictly inside counts)."""
    for s in block.spans:
        if s.start == s.end:
            if start < s.start < end:
                return False
        elif s.start < end and start < s.end:
            return False
    return True


def _in_url(block: Block, start: int, end: int) -> bool:
    return any(s.kind == "url" and s.start < end and start < s.end for s in block.spans)


# --- the stage ----------------------------------------------------------------------------

def apply(corpus: Corpus) -> None:
    """Find entity mentions and references, add link spans, and keep ``Links`` in ``corpus.extra``."""
    docs = corpus.documents
    for doc in docs:
        for b in _all_blocks(doc):
            b.spans = [s for s in b.spans if s.kind not in LINK_KINDS]
    registry = build_registry(corpus.config.entities, docs)
    links = Links(registry.entities, notices=list(registry.notices))
    declared = declared_matcher(corpus.config.entities)
    prepared = {}
    for doc in docs:
        with naming(doc.name, "linking it"):
            prepared[doc.name] = _prepared(doc, declared)
    matcher = CorpusMatcher(registry, declared)
    link_documents(docs, links, prepared)
    link_entities(docs, registry, links, prepared, matcher)
    find_subjects(docs, links, registry.matcher(), prepared, matcher)
    find_definitions(docs, links)
    referenced_by(docs, links)
    links.related = related_documents(docs, links, {t.id: t.label for t in corpus.config.themes})
    links.timeline = timeline(docs, links)
    corpus.extra["links"] = links
    for notice in links.notices:
        log.info("%s", notice)


def _all_blocks(doc: Document) -> Iterator[Block]:
    for b in doc.blocks:
        yield b
        yield from b.children


def link_entities(docs: list[Document], registry: Registry, links: Links,
                  prepared: dict[str, _Prepared] | None = None, corpus_matcher: CorpusMatcher | None = None) -> None:
    matcher = registry.matcher()
    prepared = prepared or {}
    mentions: dict[str, dict[str, list[Mention]]] = defaultdict(dict)
    defines: dict[str, dict[str, str]] = defaultdict(dict)   # document → entity id → its expansion there
    for e in registry.entities.values():
        for name, _block, expansion in e.defined_in:
            defines[name].setdefault(e.id, expansion)
    for doc in docs:
        with naming(doc.name, "linking its entities"):
            linked: set[tuple[str, str]] = set()
            own_definitions = defines.get(doc.name, {})
            texts = prepared[doc.name].texts if doc.name in prepared and prepared[doc.name].entities else _Texts()
            used: set[str] = set()   # acronym spellings in the document
            visited: set[tuple[int, int]] = set()
            packed = texts.packed if corpus_matcher is not None else None
            added_names, added_acronyms = corpus_matcher.may_hold(packed) if packed is not None else (set(), set())
            for place in places(doc):
                block = place.block
                visited.add((place.index, place.child))
                k = texts.index.get((place.index, place.child))
                if corpus_matcher is None:
                    found, acronyms = list(matcher.find(block.text)), matcher.acronyms_in(block.text)
                elif packed is None or k is None:
                    found, acronyms = corpus_matcher.scan(block.text, None)
                elif k not in added_names and k not in added_acronyms and packed.found_nothing(k):
                    found, acronyms = [], []   # nothing declared there, nothing added may be
                else:
                    found, acronyms = corpus_matcher.scan(block.text, texts.at(k), k in added_names,
                                                          k in added_acronyms)
                used.update(acronyms)
                for m in found:
                    if _in_url(block, m.start, m.end):
                        continue
                    written = block.text[m.start:m.end]
                    mentions[m.entity].setdefault(doc.name, []).append(Mention(
                        doc.name, place.index, block.anchor, block.para, place.where, m.start, m.end, written,
                        place.child))
                    key = (place.section, m.entity)
                    if place.linkable and key not in linked and _free(block, m.start, m.end):
                        block.spans.append(Span(m.start, m.end, "entity", m.entity))
                        linked.add(key)
                if len(block.spans) > 1:
                    block.spans.sort(key=lambda s: (s.start, s.end))
            for (i, j), b in _positioned_blocks(doc):   # the blocks ``places`` leaves out (a box holding others)
                if (i, j) not in visited:
                    used.update(corpus_matcher.acronyms_in(b.text, texts.get((i, j))) if corpus_matcher is not None
                                else matcher.acronyms_in(b.text))
            links.abbreviations[doc.name] = abbreviations(doc, registry, matcher, mentions, own_definitions, used)
    order = {doc.name: i for i, doc in enumerate(docs)}
    links.mentions = {eid: dict(sorted(by_doc.items(), key=lambda kv: order[kv[0]]))
                      for eid, by_doc in sorted(mentions.items())}


def _positioned_blocks(doc: Document) -> Iterator[tuple[tuple[int, int], Block]]:
    """``_all_blocks`` with each block's place: (block index, child index or -1)."""
    for i, b in enumerate(doc.blocks):
        yield (i, -1), b
        for j, child in enumerate(b.children):
            yield (i, j), child


def abbreviations(doc: Document, registry: Registry, matcher: Matcher,
                  mentions: dict[str, dict[str, list[Mention]]], own: dict[str, str],
                  used: set[str] | None = None) -> dict[str, str]:
    """Acronym → expansion for the acronyms of the entities this document names, where it uses them
    (``used``: the acronym spellings its blocks hold, found here unless given)."""
    if used is None:
        used = {a for b in _all_blocks(doc) for a in matcher.acronyms_in(b.text)}
    out: dict[str, str] = {}
    for written in sorted(used):
        eid = matcher.lookup.get(normalise(written, keep_case=True))
        entity = registry.entities.get(eid or "")
        if (entity is None or doc.name not in mentions.get(entity.id, {})
                or normalise(written) == normalise(entity.name)):
            continue
        out[written] = own.get(entity.id) or entity.name
    return out


def link_documents(docs: list[Document], links: Links, prepared: dict[str, _Prepared] | None = None) -> None:
    """A document's full title in another document links to it.

    Each title is looked for only in the blocks that have its words (``spelling_keys``), with a
    pattern of just the titles that may be there."""
    targets: dict[str, str] = {}
    pseudo: list[Entity] = []
    for doc in docs:
        title = " ".join((doc.meta.title or "").split())
        if len(title.split()) >= TITLE_MIN_WORDS and len(title) >= TITLE_MIN_CHARS:
            pid = f"doc-{len(pseudo)}"
            targets[pid] = doc.name
            pseudo.append(Entity(pid, title, "other"))
    if not pseudo:
        return
    matcher = Matcher(pseudo)
    prepared = prepared or {}
    keys_of = {k: spelling_keys(k, k in matcher.acronym_keys) for k in matcher.lookup}
    anywhere = [k for k, keys in keys_of.items() if not keys]
    # Each title is indexed by its key that the fewest titles have (not "report on" but a rarer
    # pair of its words): a text is checked for all of a title's keys only when it has that one.
    titles_with = Counter(key for keys in keys_of.values() for key in set(keys))
    by_first: dict[int, list[str]] = defaultdict(list)
    for k, keys in keys_of.items():
        if keys:
            keys_of[k] = keys = sorted(set(keys), key=lambda key: (titles_with[key], key))
            by_first[keys[0]].append(k)
    first_keys = set(by_first)
    subsets: dict[frozenset[str], Matcher] = {}
    for doc in docs:
        linked: set[tuple[str, str]] = set()
        refs: list[str] = []
        texts = prepared[doc.name].texts if doc.name in prepared else _Texts()
        worth: set[int] | None = None   # the texts that may hold a title, by index (None: any)
        if texts.packed is not None and not anywhere:   # the titles all its texts together may hold
            have = set(texts.packed.keys)
            may = [k for first in first_keys.intersection(have) for k in by_first[first] if have.issuperset(keys_of[k])]
            if all(targets[matcher.lookup[k]] == doc.name for k in may):
                continue   # none but its own
            worth = texts.packed.holding({keys_of[k][0] for k in may})
        for place in places(doc):
            if not place.linkable:
                continue
            if worth is not None and texts.index.get((place.index, place.child)) not in worth:
                continue
            text = texts.get((place.index, place.child))
            if text is None:
                found = matcher.find(place.block.text)
            else:
                may = set(anywhere)
                firsts = first_keys.intersection(text.keys)
                if firsts:
                    have = set(text.keys)
                    may.update(k for first in firsts for k in by_first[first] if have.issuperset(keys_of[k]))
                # A document's own title is never linked: where no other may be, nothing is to find.
                if all(targets[matcher.lookup[k]] == doc.name for k in may):
                    continue
                subset = frozenset(may)
                if subset not in subsets:
                    subsets[subset] = matcher.subset(subset)
                found = subsets[subset].find(place.block.text)
            for m in found:
                target = targets.get(m.entity)
                if not target or target == doc.name:
                    continue
                if target not in refs:
                    refs.append(target)
                key = (place.section, target)
                if key not in linked and _free(place.block, m.start, m.end):
                    place.block.spans.append(Span(m.start, m.end, "document", target))
                    linked.add(key)
        if refs:
            links.doc_refs[doc.name] = refs


def find_subjects(docs: list[Document], links: Links, matcher: Matcher,
                  prepared: dict[str, _Prepared] | None = None, corpus_matcher: CorpusMatcher | None = None) -> None:
    """Events, instruments and initiatives named in a document's title (or its title heading)."""
    title_of: dict[str, set[str]] = defaultdict(set)
    for eid, by_doc in links.mentions.items():
        for name, ms in by_doc.items():
            if any(m.where == "title" for m in ms):
                title_of[name].add(eid)
    for doc in docs:
        ids = set(title_of.get(doc.name, ()))
        title = prepared[doc.name].title if prepared and doc.name in prepared else None
        found = (corpus_matcher.find(doc.meta.title or "", title) if corpus_matcher is not None
                 else matcher.find(doc.meta.title or ""))
        ids.update(m.entity for m in found)
        subjects = sorted(e for e in ids if links.entities[e].kind in SUBJECT_KINDS)
        if subjects:
            links.subjects[doc.name] = subjects
        events = [e for e in subjects if links.entities[e].kind == "event"]
        if events:
            links.written_for[doc.name] = events


def find_definitions(docs: list[Document], links: Links) -> None:
    """The first sentence of the corpus that defines an entity: ``X is the …``, ``X, which …``."""
    by_name = {d.name: d for d in docs}
    for eid, by_doc in links.mentions.items():
        found = next(((name, m.para, sentence) for name, ms in by_doc.items() for m in ms
                      if m.where == "paragraph" and m.anchor
                      for sentence in [_defining_sentence(by_name[name], m)] if sentence), None)
        if found:
            links.definitions[eid] = found


def _mention_block(doc: Document, m: Mention) -> Block:
    block = doc.blocks[m.block]
    return block.children[m.child] if m.child >= 0 else block


def _defining_sentence(doc: Document, m: Mention) -> str:
    text = _mention_block(doc, m).text
    start = -1
    if _IS_A.match(text, m.end):
        start = 0
        for cut in _SENTENCE_END.finditer(text[:m.start]):
            start = cut.end()
    if start >= 0 and len(text[start:m.start].split()) <= SUBJECT_WITHIN_WORDS:
        end_m = _SENTENCE_END.search(text, m.end)
        sentence = text[start:end_m.start() if end_m else len(text)]
    elif (which := _WHICH.match(text, m.end)):
        stop = _CLAUSE_STOP.search(text, which.end())
        sentence = text[m.start:stop.start() if stop else len(text)]
    else:
        return ""
    words = sentence.split()
    if len(words) > DEFINITION_MAX_WORDS:
        words = words[:DEFINITION_MAX_WORDS] + ["…"]
    return " ".join(words)


def referenced_by(docs: list[Document], links: Links) -> None:
    """Who names each document, the event it was written for, or its subject."""
    names = {d.name for d in docs}
    refs: dict[str, list[Reference]] = defaultdict(list)
    for source in docs:
        for target in links.doc_refs.get(source.name, []):
            refs[target].append(Reference(source.name, "names this document"))
    for doc in docs:
        seen = {r.doc for r in refs[doc.name]} | {doc.name}
        for eid in links.subjects.get(doc.name, []):
            e = links.entities[eid]
            why = ("the event this document was written for" if eid in links.written_for.get(doc.name, [])
                   else "the subject of this document")
            for other in links.mentions.get(eid, {}):
                if other in names and other not in seen:
                    refs[doc.name].append(Reference(other, f"mentions the {e.label}, {why}"))
                    seen.add(other)
    order = {d.name: i for i, d in enumerate(docs)}
    links.referenced_by = {k: sorted(v, key=lambda r: order[r.doc]) for k, v in refs.items() if v}


# --- related documents --------------------------------------------------------------------

def anchored_shingles(paragraphs: list[list[str]]) -> Iterator[tuple[int, int, int]]:
    """``(paragraph, word index, key)`` for each run of six words that starts at a long word:
    a cheap sample of the wording that is the same wherever the same words recur. The key is
    a 64-bit hash of the run, the same in every process (equal runs, equal keys), so it can be
    worked out per document, in the process pool, and cached."""
    for p, words in enumerate(paragraphs):
        for i in range(len(words) - SHINGLE_WORDS + 1):
            if len(words[i]) >= SHINGLE_ANCHOR_LETTERS:
                yield p, i, shingle_key(words[i:i + SHINGLE_WORDS])


def shingle_key(words: list[str]) -> int:
    digest = hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


@dataclass(slots=True)
class Wording:
    """A document's anchored shingles in page order (``anchored_shingles``), as compact arrays:
    what related documents need of its wording (computed per document, see ``prepare``)."""

    keys: array
    paragraphs: array
    """Index of each shingle's paragraph among the document's citable blocks."""
    words: array
    """Index of each shingle's first word in its paragraph."""

    @classmethod
    def of(cls, doc: Document) -> Wording:
        keys, paragraphs, words = array("q"), [], []
        for p, i, key in anchored_shingles(_paragraph_words(doc)):
            keys.append(key)
            paragraphs.append(p)
            words.append(i)
        return cls(keys, _small_array(paragraphs), _small_array(words))


def _small_array(numbers: list[int]) -> array:
    """Non-negative integers in two bytes each when they fit (they nearly always do), else four."""
    return array("H" if max(numbers, default=0) < 1 << 16 else "I", numbers)


def document_wording(doc: Document) -> Wording:
    """The document's ``Wording``: prepared by the per-document stage, or worked out now."""
    prepared = doc.extra.get("link")
    if isinstance(prepared, Prepared) and isinstance(prepared.wording, Wording):
        return prepared.wording
    return Wording.of(doc)


def shingles(doc: Document) -> set[int]:
    return set(document_wording(doc).keys)


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
            citable = [b for b in _all_blocks(doc) if b.citable]
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


def _paragraph_words(doc: Document) -> list[list[str]]:
    return [_WORD.findall(straighten(b.text.lower())) for b in _all_blocks(doc) if b.citable]


def _paragraph_text(block: Block, words: int) -> tuple[str, list[tuple[int, int]]]:
    """A citable block's text and the offsets of its first ``words`` words (as ``_paragraph_words``)."""
    low = straighten(block.text.lower())
    spans = [m.span() for m in islice(_WORD.finditer(low), words)]
    return (block.text if len(low) == len(block.text) else low), spans


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
    text, offsets = _paragraph_text(paragraphs[p], cut)
    quote = " ".join(text[offsets[first][0]:offsets[cut - 1][1]].split())
    return quote + (" …" if cut < end else "")


# --- timeline -----------------------------------------------------------------------------

def timeline(docs: list[Document], links: Links) -> list[TimelineEntry]:
    entries = [TimelineEntry(d.meta.date, "document", d.name) for d in docs if d.meta.date]
    entries += [TimelineEntry(e.date, "entity", e.id) for e in links.mentioned() if e.date]
    entries.sort(key=lambda t: (t.date, 0 if t.kind == "entity" else 1, t.ref))
    return entries
