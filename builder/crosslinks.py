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

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from .document import Block, Document, Span
from .enrich.entities import APOSTROPHES, Entity, Matcher, Registry, build_registry, is_acronym, normalise
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
SHINGLE_MAX_DF = 20
WORDING_MIN_SHARED = 3
"""Shared word sequences needed before "similar wording" counts."""
WORDING_MIN_WORDS = 8
"""The longest shared passage must be at least this long to be quoted as the reason."""
TITLE_MIN_WORDS = 4
TITLE_MIN_CHARS = 24
"""A title shorter than this is too generic to recognise in another document."""
DEFINITION_MAX_WORDS = 45
SUBJECT_KINDS = ("event", "instrument", "initiative", "programme")
LINK_KINDS = ("entity", "document")

_IS_A = re.compile(r"^\s+(?:is|was)\s+(?:the|an?|one)\s")
"""``IOM is the only …``: the sentence defines the entity when the entity is its subject."""
_WHICH = re.compile(r"^(?:\s*\([^()]{1,20}\))?\s*,\s*which\s+(?!we\b|they\b|i\b|you\b|he\b|she\b|it\b)")
"""``the Committee on Migrant Workers (CMW), which oversees …``: the clause defines it."""
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
    link_documents(docs, links)
    link_entities(docs, registry, links)
    find_subjects(docs, links)
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


def link_entities(docs: list[Document], registry: Registry, links: Links) -> None:
    matcher = registry.matcher()
    mentions: dict[str, dict[str, list[Mention]]] = defaultdict(dict)
    for doc in docs:
        linked: set[tuple[str, str]] = set()
        own_definitions = {}
        for e in registry.entities.values():
            for name, _block in e.defined_in:
                if name == doc.name:
                    own_definitions[e.id] = e
        for place in places(doc):
            block = place.block
            found = list(matcher.find(block.text))
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
            block.spans.sort(key=lambda s: (s.start, s.end))
        links.abbreviations[doc.name] = abbreviations(doc, registry, mentions, own_definitions)
    order = {doc.name: i for i, doc in enumerate(docs)}
    links.mentions = {eid: dict(sorted(by_doc.items(), key=lambda kv: order[kv[0]]))
                      for eid, by_doc in sorted(mentions.items())}


def abbreviations(doc: Document, registry: Registry, mentions: dict[str, dict[str, list[Mention]]],
                  own: dict[str, Entity]) -> dict[str, str]:
    """Acronym → expansion for the acronyms of the entities this document names, where it uses them."""
    named = [registry.entities[eid] for eid, by_doc in mentions.items() if doc.name in by_doc]
    text = "\n".join(b.text for b in _all_blocks(doc)).translate(APOSTROPHES)
    out: dict[str, str] = {}
    for entity in named:
        for spelling in entity.spellings:
            if (is_acronym(spelling) and spelling not in out and normalise(spelling) != normalise(entity.name)
                    and re.search(r"(?<!\w)" + re.escape(spelling) + r"(?!\w)", text)):
                out[spelling] = _expansion_in(doc, entity, own) or entity.name
    return dict(sorted(out.items()))


def _expansion_in(doc: Document, entity: Entity, own: dict[str, Entity]) -> str:
    """How this document itself spells out the entity, when it does."""
    if entity.id not in own:
        return ""
    for name, index in entity.defined_in:
        if name == doc.name:
            for b in (doc.blocks[index], *doc.blocks[index].children):
                for spelling in entity.spellings:
                    if not is_acronym(spelling) and normalise(spelling) in normalise(b.text):
                        return spelling
    return ""


def link_documents(docs: list[Document], links: Links) -> None:
    """A document's full title in another document links to it."""
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
    for doc in docs:
        linked: set[tuple[str, str]] = set()
        refs: list[str] = []
        for place in places(doc):
            if not place.linkable:
                continue
            for m in matcher.find(place.block.text):
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


def find_subjects(docs: list[Document], links: Links) -> None:
    """Events, instruments and initiatives named in a document's title (or its title heading)."""
    title_of: dict[str, set[str]] = defaultdict(set)
    for eid, by_doc in links.mentions.items():
        for name, ms in by_doc.items():
            if any(m.where == "title" for m in ms):
                title_of[name].add(eid)
    matcher = Matcher(links.entities.values())
    for doc in docs:
        ids = set(title_of.get(doc.name, ()))
        ids.update(m.entity for m in matcher.find(doc.meta.title or ""))
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
    after = text[m.end:].translate(APOSTROPHES)
    start = 0
    for cut in _SENTENCE_END.finditer(text[:m.start]):
        start = cut.end()
    if _IS_A.match(after) and len(text[start:m.start].split()) <= SUBJECT_WITHIN_WORDS:
        end_m = _SENTENCE_END.search(text, m.end)
        sentence = text[start:end_m.start() if end_m else len(text)]
    elif (which := _WHICH.match(after)):
        stop = re.compile(r"[,;:.!?]\s|[;:]|\.$").search(text, m.end + which.end())
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

def shingles(doc: Document) -> set[str]:
    """Runs of six words starting at a long word: a cheap, deterministic sample of the wording."""
    out: set[str] = set()
    for b in _all_blocks(doc):
        if not b.citable:
            continue
        words = _WORD.findall(b.text.lower().translate(APOSTROPHES))
        for i in range(len(words) - SHINGLE_WORDS + 1):
            if len(words[i]) >= 7:
                out.add(" ".join(words[i:i + SHINGLE_WORDS]))
    return out


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
    for e, ids in postings.items():
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
    shared_wording: dict[tuple[int, int], list[str]] = defaultdict(list)
    sh_postings: dict[str, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        for s in shingles(doc):
            sh_postings[s].append(i)
    cap = min(SHINGLE_MAX_DF, max(2, n // 20))
    for s, ids in sh_postings.items():
        if 2 <= len(ids) <= cap:
            for a in ids:
                for b in ids:
                    if a != b:
                        shared_wording[(a, b)].append(s)
                        candidates[a].add(b)

    out: dict[str, list[Related]] = {}
    for a, doc in enumerate(docs):
        scored = []
        for b in candidates[a] - {a}:
            shared_e = sorted(ents[a] & ents[b], key=lambda e: (-idf(entity_df[e]), links.entities[e].label.lower()))
            shared_t = sorted(set(themes[a]) & set(themes[b]),
                              key=lambda t: (-min(themes[a][t], themes[b][t]), t))
            wording = shared_wording.get((a, b), [])
            phrase = _phrase(docs[a], wording) if len(wording) >= WORDING_MIN_SHARED else ""
            if len(phrase.split()) < WORDING_MIN_WORDS:
                wording, phrase = [], ""
            score = (sum(idf(entity_df[e]) for e in shared_e) + sum(0.5 * idf(theme_df[t]) for t in shared_t)
                     + (1.5 * math.log(1 + len(wording)) if wording else 0.0))
            if score < RELATED_MIN_SCORE:
                continue
            reason = _reason([links.entities[e].label for e in shared_e],
                             [theme_labels.get(t, t) for t in shared_t], phrase)
            other = docs[b]
            scored.append((-round(score, 6), other.meta.date or "9999", other.slug, Related(other.name, round(score, 3), reason)))
        scored.sort(key=lambda r: r[:3])
        if scored:
            out[doc.name] = [r[3] for r in scored[:RELATED_MAX]]
    return out


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


def _phrase(doc: Document, shared: list[str]) -> str:
    """The longest passage of the document covered by shared word sequences."""
    if not shared:
        return ""
    wanted = set(shared)
    best: list[str] = []
    for b in _all_blocks(doc):
        if not b.citable:
            continue
        words = _WORD.findall(b.text.lower().translate(APOSTROPHES))
        covered = [False] * len(words)
        for i in range(len(words) - SHINGLE_WORDS + 1):
            if " ".join(words[i:i + SHINGLE_WORDS]) in wanted:
                covered[i:i + SHINGLE_WORDS] = [True] * SHINGLE_WORDS
        run_start = None
        for i, c in enumerate([*covered, False]):
            if c and run_start is None:
                run_start = i
            elif not c and run_start is not None:
                if i - run_start > len(best):
                    best = words[run_start:i]
                run_start = None
    if len(best) > 16:
        best = best[:16] + ["…"]
    return " ".join(best)


# --- timeline -----------------------------------------------------------------------------

def timeline(docs: list[Document], links: Links) -> list[TimelineEntry]:
    entries = [TimelineEntry(d.meta.date, "document", d.name) for d in docs if d.meta.date]
    entries += [TimelineEntry(e.date, "entity", e.id) for e in links.mentioned() if e.date]
    entries.sort(key=lambda t: (t.date, 0 if t.kind == "entity" else 1, t.ref))
    return entries
