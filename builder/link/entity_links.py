"""Entity matching: every spelling of every entity in every block is a mention; the first in
each section (``places``) becomes a link, unless the entity was linked just before (``Linker``)
or the mention is in a heading, a quotation (a caption box or words in quotation marks) or a
document symbol, where the words stay as written. Also what titles name (subjects) and where the
corpus defines each entity."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..document import Block, Document, Span
from ..enrich import symbols
from ..enrich.entities import CorpusMatcher, Matcher, Registry, normalise
from ..errors import naming
from .crosslinks import Links, Mention
from .places import all_blocks, free, in_url, places, positioned_blocks, quoted
from .prepared import PreparedTexts, Texts


DEFINITION_MAX_WORDS = 45
SUBJECT_KINDS = ("event", "instrument", "initiative", "programme")

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


def link_entities(docs: list[Document], registry: Registry, links: Links,
                  prepared: dict[str, PreparedTexts] | None = None,
                  corpus_matcher: CorpusMatcher | None = None) -> dict[str, dict[str, list[Mention]]]:
    """Link the entities each document names; returns the mentions (``Links.mentions``)."""
    matcher = registry.matcher()
    prepared = prepared or {}
    mentions: dict[str, dict[str, list[Mention]]] = defaultdict(dict)
    defines: dict[str, dict[str, str]] = defaultdict(dict)   # document → entity id → its expansion there
    for e in registry.entities.values():
        for name, _block, expansion in e.defined_in:
            defines[name].setdefault(e.id, expansion)
    for doc in docs:
        with naming(doc.name, "linking its entities"):
            linker = Linker()
            own_definitions = defines.get(doc.name, {})
            texts = prepared[doc.name].texts if doc.name in prepared and prepared[doc.name].entities else Texts()
            used: set[str] = set()   # acronym spellings in the document
            visited: set[tuple[int, int]] = set()
            packed = texts.packed if corpus_matcher is not None else None
            added_names, added_acronyms = corpus_matcher.may_hold(packed) if packed is not None else (set(), set())
            for n, place in enumerate(places(doc)):
                block = place.block
                visited.add((place.index, place.child))
                k = texts.index.get((place.index, place.child))
                inside_symbols = symbol_free(block.text)
                if inside_symbols != block.text:  # A/HRC/53/26: no mention, link or abbreviation inside
                    found, acronyms = (corpus_matcher.scan(inside_symbols, None) if corpus_matcher is not None
                                       else (list(matcher.find(inside_symbols)), matcher.acronyms_in(inside_symbols)))
                elif corpus_matcher is None:
                    found, acronyms = list(matcher.find(block.text)), matcher.acronyms_in(block.text)
                elif packed is None or k is None:
                    found, acronyms = corpus_matcher.scan(block.text, None)
                elif k not in added_names and k not in added_acronyms and packed.found_nothing(k):
                    found, acronyms = [], []   # nothing declared there, nothing added may be
                else:
                    found, acronyms = corpus_matcher.scan(block.text, texts.at(k), k in added_names,
                                                          k in added_acronyms)
                used.update(acronyms)
                quotes = quoted(block.text) if found and place.linkable else []
                for m in found:
                    if in_url(block, m.start, m.end):
                        continue
                    written = block.text[m.start:m.end]
                    mentions[m.entity].setdefault(doc.name, []).append(Mention(
                        doc.name, place.index, block.anchor, block.para, place.where, m.start, m.end, written,
                        place.child))
                    if place.linkable and linker.wants(place.section, m.entity, n) \
                            and may_link(block, m.start, m.end, quotes):
                        block.spans.append(Span(m.start, m.end, "entity", m.entity))
                        linker.add(place.section, m.entity, n)
                if len(block.spans) > 1:
                    block.spans.sort(key=lambda s: (s.start, s.end))
            for (i, j), b in positioned_blocks(doc):   # the blocks ``places`` leaves out (a box holding others)
                if (i, j) not in visited:
                    used.update(corpus_matcher.acronyms_in(b.text, texts.get((i, j))) if corpus_matcher is not None
                                else matcher.acronyms_in(b.text))
            links.abbreviations[doc.name] = abbreviations(doc, registry, matcher, mentions, own_definitions, used)
    order = {doc.name: i for i, doc in enumerate(docs)}
    return {eid: dict(sorted(by_doc.items(), key=lambda kv: order[kv[0]]))
            for eid, by_doc in sorted(mentions.items())}


LINK_GAP = 12
"""How many blocks (paragraphs, list items, headings) at least lie between two links to one
entity: a section that starts soon after the last link names the entity without a link, so a
page with many short sections does not link its subject in each."""


@dataclass(slots=True)
class Linker:
    """Which mentions of one document become links: the first in each section (``places``), unless
    the entity was linked in the last ``LINK_GAP`` blocks."""

    linked: set[tuple[str, str]] = field(default_factory=set)
    """(section, entity) of each link made."""
    last: dict[str, int] = field(default_factory=dict)
    """Entity → the place (its number in ``places``) of its last link."""

    def wants(self, section: str, entity: str, place: int) -> bool:
        return (section, entity) not in self.linked and place - self.last.get(entity, -LINK_GAP) >= LINK_GAP

    def add(self, section: str, entity: str, place: int) -> None:
        self.linked.add((section, entity))
        self.last[entity] = place


def may_link(block: Block, start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    """``[start, end)`` may become a link: no other span overlaps it, it is in no quotation and it
    is not a part of a longer name (``inside_a_name``)."""
    return (free(block, start, end) and not any(q0 < end and start < q1 for q0, q1 in quotes)
            and not inside_a_name(block.text, start, end))


_HYPHEN_GLUED = re.compile(r"-[^\W_]")
_ACT_NUMBER_AFTER = re.compile(r"\)\s*(?:(?:No|Nr|n[°º.o]|núm|N[°º])\.?\s*)?\d{1,4}/\d{1,4}\b")
"""``(EU) 2019/1896``, ``(EC) No 862/2007``, ``(UE) n° 604/2013``: the body in brackets before a
legal act's number is part of the act's citation."""


def inside_a_name(text: str, start: int, end: int) -> bool:
    """The mention is a piece of a longer name a link would split: glued by a hyphen to a word or a
    number (``EU-27``, ``UN-Habitat``), or the issuing body in a legal act's citation
    (``Regulation (EU) 2019/1896``). The mention still counts; only the link is left out."""
    if _HYPHEN_GLUED.match(text, end) or (start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum()):
        return True
    return start > 0 and text[start - 1] == "(" and _ACT_NUMBER_AFTER.match(text, end) is not None


def symbol_free(text: str) -> str:
    """``text`` with its document symbols (``A/HRC/53/26``, ``CMW/C/GC/4``, ``CM/Rec(2019)4``)
    blanked out, offsets kept: a body's acronym inside a symbol is part of the reference, not a
    mention to link or explain (the symbol stays one token to copy and search)."""
    if "/" not in text:  # every symbol that holds an acronym has a slash
        return text
    for start, end, _ in symbols.matches(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def abbreviations(doc: Document, registry: Registry, matcher: Matcher,
                  mentions: dict[str, dict[str, list[Mention]]], own: dict[str, str],
                  used: set[str] | None = None) -> dict[str, str]:
    """Acronym → expansion for the acronyms of the entities this document names, where it uses them
    (``used``: the acronym spellings its blocks hold, found here unless given)."""
    if used is None:
        used = {a for b in all_blocks(doc) for a in matcher.acronyms_in(b.text)}
    out: dict[str, str] = {}
    for written in sorted(used):
        eid = matcher.lookup.get(normalise(written, keep_case=True))
        entity = registry.entities.get(eid or "")
        if (entity is None or doc.name not in mentions.get(entity.id, {})
                or normalise(written) == normalise(entity.name)):
            continue
        out[written] = _not_repeated(own.get(entity.id) or entity.name, written, doc)
    return out


def _not_repeated(expansion: str, acronym: str, doc: Document) -> str:
    """``expansion`` without its last word when the document writes that word after the acronym
    (``the MICIC initiative``, expansion ``Migrants in Countries in Crisis initiative``): the
    tooltip stands for the acronym only, and read with the text it would say the word twice."""
    words = expansion.split()
    after = re.compile(rf"\b{re.escape(acronym)}\s+{re.escape(words[-1])}\b", re.IGNORECASE) if len(words) > 1 else None
    if after is not None and any(after.search(b.text) for b in all_blocks(doc)):
        return " ".join(words[:-1])
    return expansion


def find_subjects(docs: list[Document], links: Links, matcher: Matcher,
                  prepared: dict[str, PreparedTexts] | None = None,
                  corpus_matcher: CorpusMatcher | None = None) -> None:
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
