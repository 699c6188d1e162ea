"""Entities: the organisations, instruments, events, initiatives and programmes a corpus names.

Takes the entities an editor declares in ``entities.yml`` and the documents; returns a
``Registry``: every entity with all its spellings, plus a ``Matcher`` that finds them in
text. Two sources, merged:

- declared: ``entities.yml`` (id, name, kind, short form, aliases, definition, date);
- derived: acronyms the text defines itself, ``International Organization for Migration
  (IOM)``: the acronym in brackets and the words before it whose initials spell it. The
  same acronym defined in several documents is one entity; an acronym or expansion that
  a declared entity already has merges into it.

Matching is exact after normalisation (no fuzzy matching: unrelated names score as high
as true variants): names ignore case and treat hyphens, spaces and commas alike
(``High-level Dialogue`` = ``High Level Dialogue``), curly and straight apostrophes are
the same; acronyms keep their case (``IOM`` but not ``iom`` in a web address). All
spellings of all entities are compiled into one pattern, a trie of words, so finding
mentions is one scan per paragraph whatever the number of entities. Pure.
"""

from __future__ import annotations

import hashlib
import logging
import re
import zlib
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from slugify import slugify

from ..config import EntityDecl
from ..document import Block, Document
from ..pure import pure
from ..slugs import bound_slug
from ..textscan import ODD_FOLD_LETTERS

log = logging.getLogger(__name__)

APOSTROPHES = ("\u2019", "\u2018", "\u02bc", "\u2032")
"""Curly quotes and look-alikes of ``'``."""


def straighten(text: str) -> str:
    """Apostrophe look-alikes → ``'`` (same length, so offsets stay valid)."""
    for a in APOSTROPHES:
        if a in text:
            text = text.replace(a, "'")
    return text

STOPWORDS = frozenset("""a an and at by de des du for from in into la le les of on or the to
under with against between""".split())
"""Function words that an acronym skips (``Office of the … (OHCHR)``)."""

HEAD_KINDS = {
    **dict.fromkeys("organization organisation office agency union bank institute centre center "
                    "department bureau ministry secretariat entity".split(), "organisation"),
    **dict.fromkeys("group committee council commission board parliament assembly court rapporteur "
                    "rapporteurs panel".split(), "body"),
    **dict.fromkeys("convention protocol protocols declaration covenant treaty charter compact law "
                    "resolution agreement framework principles guidelines".split(), "instrument"),
    **dict.fromkeys("dialogue conference summit meeting session congress".split(), "event"),
    **dict.fromkeys("initiative process processes campaign partnership network alliance forum "
                    "consultation".split(), "initiative"),
    **dict.fromkeys("programme program project fund facility scheme mechanism".split(), "programme"),
}
"""The head noun of a derived expansion → its kind (``… Committee on …`` → body)."""

RESERVED_IDS = frozenset({"index"})
WORD_PUNCTUATION = ".'*_<>\u2018\u2019\u201c\u201d"
"""Stripped from the ends of a word before it counts towards an acronym."""

_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{1,11})\s*\)")
_CLAUSE_BREAK = re.compile(r"[;:!?()\[\]{}\"\u201c\u201d,]|\.(?=\s)|\s[\u2013\u2014-]\s")
_TOKEN_SPLIT = re.compile(r"[\s,\u2010\u2011-]+")
SEP = r"(?:\s*[-\u2010\u2011]\s*|,?\s+)"
"""What may stand between two words of a name: spaces, a hyphen, a comma."""


@pure
def normalise(spelling: str, *, keep_case: bool = False) -> str:
    """The lookup key of a spelling: words joined by one space, apostrophes straight."""
    words = [w for w in _TOKEN_SPLIT.split(straighten(spelling).strip()) if w]
    key = " ".join(words)
    return key if keep_case else key.lower()


@pure
def is_acronym(spelling: str) -> bool:
    """One token, mostly capitals (``IOM``, ``RCPs``, ``UNDESA``): matched case-sensitively."""
    s = spelling.strip()
    letters = [c for c in s if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return bool(s) and not any(c.isspace() for c in s) and upper >= 2 and upper * 2 >= len(letters)


@dataclass(slots=True)
class Entity:
    """One entity with everything the pages need to say about it."""

    id: str
    name: str
    kind: str
    short: str = ""
    """Acronym or short form (``IOM``); shown with the name and as an abbreviation tooltip."""
    aliases: list[str] = field(default_factory=list)
    """Other spellings: declared ones first, then those found in the text."""
    definition: str = ""
    """Declared one-line definition (the corpus's own definition is found at link time)."""
    date: str = ""
    declared: bool = False
    defined_in: list[tuple[str, int, str]] = field(default_factory=list)
    """(document name, block index, expansion) where the text spells out the acronym."""

    @property
    def spellings(self) -> list[str]:
        out: list[str] = []
        for s in (self.name, self.short, *self.aliases):
            if s and s not in out:
                out.append(s)
        return out

    @property
    def label(self) -> str:
        """How the entity is named in running prose: the name, or the acronym when the name is long."""
        return self.short if self.short and len(self.name) > 45 else self.name

    @property
    def title(self) -> str:
        """``International Organization for Migration (IOM)``."""
        if self.short and normalise(self.short) != normalise(self.name):
            return f"{self.name} ({self.short})"
        return self.name


@dataclass(slots=True)
class Definition:
    """An acronym spelled out in the text: ``expansion (acronym)``."""

    acronym: str
    expansion: str
    block: int
    start: int
    """Offset of the expansion in the block's text."""


# --- acronyms the text defines ------------------------------------------------------------

def acronym_core(written: str) -> str:
    """``RCPs`` → ``RCP`` (a plural s after capitals); other forms unchanged."""
    if len(written) > 2 and written.endswith("s") and written[-2].isupper():
        return written[:-1]
    return written


def _letters(word: str) -> str:
    """What one word contributes to an acronym: its capitals if it is one (``UN``), else its initial."""
    out = []
    for part in re.split(r"[\u2010\u2011/-]", straighten(word)):
        part = part.strip(WORD_PUNCTUATION)
        if part.endswith("'s"):
            part = part[:-2]
        if not part or not part[0].isalpha():
            continue
        caps = [c for c in part if c.isupper()]
        if len(caps) >= 2 and len(caps) * 2 >= sum(c.isalpha() for c in part):
            out.extend(caps)
        else:
            out.append(part[0].upper())
    return "".join(out)


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def expansion_before(text: str, end: int, acronym: str) -> tuple[int, str] | None:
    """The words before ``end`` whose initials spell ``acronym``, as ``(start, expansion)``.

    Exact initials win (``Global Forum on Migration and Development`` → GFMD); else the
    nearest run of at most three extra words that starts with the acronym's first letter
    and contains its letters in order (``High Level Dialogue on Migration and Development``
    → HLD).
    """
    core = acronym_core(acronym).upper()
    window_start = max(0, end - 40 * (len(core) + 6))
    fragment = text[window_start:end]
    breaks = list(_CLAUSE_BREAK.finditer(fragment))
    offset = window_start + (breaks[-1].end() if breaks else 0)
    words = [(m.start() + offset, m.group()) for m in re.finditer(r"\S+", text[offset:end])]
    words = words[-(len(core) + 5):]
    loose: tuple[int, str] | None = None
    for i in range(len(words) - 1, -1, -1):
        first = words[i][1]
        if first.casefold() in STOPWORDS or not first[0].isalpha() or not first[0].isupper():
            continue
        letters = "".join(_letters(w) for _, w in words[i:] if w.casefold() not in STOPWORDS)
        if not letters or letters[0] != core[0]:
            continue
        start = words[i][0]
        expansion = text[start:words[-1][0] + len(words[-1][1])].rstrip(" .,'\u2019")
        if letters == core:
            return start, " ".join(expansion.split())
        if loose is None and len(letters) <= len(core) + 3 and _is_subsequence(core, letters):
            loose = (start, " ".join(expansion.split()))
    return loose


def _valid_acronym(written: str) -> bool:
    core = acronym_core(written)
    letters = [c for c in core if c.isalpha()]
    lower = sum(c.islower() for c in letters)
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2 and lower <= 1


def find_definitions(doc: Document) -> list[Definition]:
    """Every ``Expansion (ACRONYM)`` in the document's text blocks, in order."""
    found: list[Definition] = []
    for index, block in enumerate(doc.blocks):
        for b in (block, *block.children):
            for m in _ACRONYM.finditer(b.text):
                written = m.group(1)
                if not _valid_acronym(written):
                    continue
                hit = expansion_before(b.text, m.start(), written)
                if hit and len(hit[1].split()) >= 2:
                    found.append(Definition(written, hit[1], index, hit[0]))
    return found


def guess_kind(expansion: str) -> str:
    """The kind of a derived entity from its head noun (the last word before ``of``/``on``/…)."""
    words = [w.casefold().strip(".,'") for w in _TOKEN_SPLIT.split(expansion) if w]
    head: list[str] = []
    for w in words:
        if w in STOPWORDS and head:
            break
        head.append(w)
    for w in reversed(head or words):
        if w in HEAD_KINDS:
            return HEAD_KINDS[w]
    return "other"


# --- the registry -------------------------------------------------------------------------

@dataclass(slots=True)
class Registry:
    """All entities of a build and how to find them."""

    entities: dict[str, Entity]
    notices: list[str] = field(default_factory=list)
    _matcher: Matcher | None = None

    def matcher(self) -> Matcher:
        if self._matcher is None:
            self._matcher = Matcher(self.entities.values())
        return self._matcher


def _content_words(name: str) -> set[str]:
    return {w for w in normalise(name).split() if w not in STOPWORDS and len(w) > 2}


def build_registry(decls: Iterable[EntityDecl], documents: Iterable[Document]) -> Registry:
    """Declared entities plus the acronyms the documents define, merged (see module docstring)."""
    entities: dict[str, Entity] = {}
    notices: list[str] = []
    by_key: dict[str, str] = {}     # normalised spelling → entity id

    def key(spelling: str) -> str:
        return normalise(spelling, keep_case=is_acronym(spelling))

    def index(entity: Entity, spelling: str) -> None:
        k = key(spelling)
        owner = by_key.setdefault(k, entity.id)
        if owner != entity.id:
            notices.append(f"entities.yml: '{spelling}' is a spelling of both '{owner}' and "
                           f"'{entity.id}'; it links to '{owner}'")

    for d in decls:
        e = Entity(d.id, d.name.strip(), d.kind, d.short.strip(), [a.strip() for a in d.aliases if a.strip()],
                   " ".join(d.definition.split()), d.date.strip(), declared=True)
        entities[e.id] = e
        for s in e.spellings:
            index(e, s)

    expansions: dict[str, Counter[str]] = {}   # derived id → expansion → count
    for doc in documents:
        prepared = doc.link_prepared.definitions if doc.link_prepared is not None else None
        for found in (prepared if prepared is not None else find_definitions(doc)):
            core = acronym_core(found.acronym)
            eid = by_key.get(key(found.acronym)) or by_key.get(key(core)) or by_key.get(key(found.expansion))
            if eid is None:
                eid = _new_id(core, entities)
                entities[eid] = Entity(eid, found.expansion, guess_kind(found.expansion), core)
                expansions[eid] = Counter()
            entity = entities[eid]
            known = [s for s in entity.spellings if not is_acronym(s)]
            if known and not any(_content_words(found.expansion) & _content_words(s) for s in known):
                notices.append(f"{doc.name}: '{found.acronym}' is spelled out as '{found.expansion}', but "
                               f"'{entity.id}' is '{entity.name}'; that expansion is not linked "
                               "(declare it in entities.yml if it is another entity)")
                continue
            entity.defined_in.append((doc.name, found.block, found.expansion))
            if eid in expansions:
                expansions[eid][found.expansion] += 1
            for spelling in (found.acronym, core, found.expansion):
                if key(spelling) not in by_key:
                    index(entity, spelling)
                    if spelling not in entity.spellings:
                        entity.aliases.append(spelling)
    for eid, counts in expansions.items():
        e = entities[eid]
        if counts:   # the most frequent spelling names a derived entity; ties go to the first seen
            best = max(counts, key=lambda s: (counts[s], -list(counts).index(s)))
            if best != e.name:
                e.aliases = [e.name, *[a for a in e.aliases if a != best]]
                e.name = best
    return Registry(entities, notices)


def _new_id(acronym: str, entities: dict[str, Entity]) -> str:
    """The id (and page name, ``entities/<id>.md``) of an entity found in the text: its acronym's
    slug, bounded in bytes like a document's (``slugs.bound_slug``)."""
    base = bound_slug(slugify(acronym)) or "entity"
    if base in RESERVED_IDS:
        base = f"{base}-entity"
    eid, i = base, 2
    while eid in entities:
        eid, i = f"{base}-{i}", i + 1
    return eid


# --- finding mentions ---------------------------------------------------------------------

class _Trie:
    __slots__ = ("children", "end")

    def __init__(self) -> None:
        self.children: dict[str, _Trie] = {}
        self.end = False

    def add(self, words: list[str]) -> None:
        node = self
        for w in words:
            node = node.children.setdefault(w, _Trie())
        node.end = True

    def pattern(self) -> str:
        """Alternatives longest first, so the longest spelling wins at a position."""
        options = []
        if self.children:
            alts = "|".join(re.escape(w) + child.pattern() for w, child in
                            sorted(self.children.items(), key=lambda kv: (-len(kv[0]), kv[0])))
            options.append(SEP + "(?:" + alts + ")")
        if self.end:
            options.append(r"(?!\w)")
        return "(?:" + "|".join(options) + ")"

    def first(self) -> str:
        alts = "|".join(re.escape(w) + child.pattern() for w, child in
                        sorted(self.children.items(), key=lambda kv: (-len(kv[0]), kv[0])))
        return "(?:" + alts + ")" if alts else "(?!)"


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    entity: str


class Matcher:
    """Finds every spelling of every entity in a text with one combined pattern (compiled on first use)."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        names, acronyms = _Trie(), _Trie()
        self.lookup: dict[str, str] = {}
        self.acronym_keys: set[str] = set()
        for e in entities:
            for s in e.spellings:
                acro = is_acronym(s)
                k = normalise(s, keep_case=acro)
                if not k or k in self.lookup:
                    continue
                self.lookup[k] = e.id
                (acronyms if acro else names).add(k.split(" "))
                if acro:
                    self.acronym_keys.add(k)
        self._tries = (names, acronyms)

    def subset(self, keys: Iterable[str]) -> Matcher:
        """A matcher of some of these spellings (lookup keys), looked up as this one looks them up:
        where the others cannot match, it finds what this one finds."""
        sub = Matcher(())
        names, acronyms = sub._tries
        for k in keys:
            (acronyms if k in self.acronym_keys else names).add(k.split(" "))
        sub.lookup, sub.acronym_keys = self.lookup, self.acronym_keys
        return sub

    @cached_property
    def sources(self) -> tuple[str, str]:
        """The sources of ``pattern`` and ``acronyms`` (written out on first use: a matcher of
        every document title is mostly used for its ``lookup``)."""
        names, acronyms = self._tries
        return (r"(?<!\w)(?:(?P<name>(?i:" + names.first() + r"))|(?P<acro>" + acronyms.first() + r"))",
                r"(?<!\w)" + acronyms.first())

    @cached_property
    def fingerprint(self) -> str:
        """Equal for matchers that find the same spellings."""
        return hashlib.sha256("\0".join(self.sources).encode()).hexdigest()

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(self.sources[0])

    @cached_property
    def acronyms(self) -> re.Pattern[str]:
        """Acronym spellings alone (also inside a longer name: ``MICIC`` in ``MICIC initiative``)."""
        return re.compile(self.sources[1])

    def spans(self, text: str, pos: int = 0) -> Iterator[tuple[int, int, bool]]:
        """``(start, end, is an acronym)`` of each spelling in ``text`` (from ``pos`` on), left to
        right, the longest spelling at each position; not yet looked up (see ``find``).

        In text that is mostly capitals (a shouted letterhead), acronyms are not trusted.
        """
        shouting = None
        for m in self.pattern.finditer(straighten(text), pos):
            if m.group("acro") is not None:
                if shouting is None:
                    shouting = is_shouting(text)
                if shouting:
                    continue
                yield m.start(), m.end(), True
            else:
                yield m.start(), m.end(), False

    def find(self, text: str) -> Iterator[Mention]:
        """Mentions in ``text``, left to right, the longest spelling at each position."""
        yield from self.look_up(text, self.spans(text))

    def look_up(self, text: str, spans: Iterable[tuple[int, int, bool]]) -> Iterator[Mention]:
        for start, end, acro in spans:
            eid = self.lookup.get(normalise(text[start:end], keep_case=acro))
            if eid:
                yield Mention(start, end, eid)

    def acronyms_in(self, text: str) -> list[str]:
        """Each acronym spelling in ``text`` as written (apostrophes straightened)."""
        return self.acronyms.findall(straighten(text))

    def acronym_spans(self, text: str, pos: int = 0) -> list[tuple[int, int]]:
        """Where ``acronyms_in`` finds them (from ``pos`` on)."""
        return [m.span() for m in self.acronyms.finditer(straighten(text), pos)]

    def every_span(self, straight: str) -> list[Found]:
        """What ``pattern`` matches at every position of a straightened text where it matches
        (overlapping matches too, acronyms in shouted text too): ``spans`` takes its matches
        from these (``leftmost``)."""
        return _every_match(self.pattern, straight, True)

    def every_acronym_span(self, straight: str) -> list[Found]:
        """``every_span`` of ``acronyms`` (all acronyms)."""
        return _every_match(self.acronyms, straight, False)


Found = tuple[int, int, bool]
"""``(start, end, is an acronym)`` of a spelling in a text."""


def _every_match(pattern: re.Pattern[str], text: str, grouped: bool) -> list[Found]:
    out: list[Found] = []
    search = pattern.search
    m = search(text)
    while m is not None:
        start = m.start()
        out.append((start, m.end(), m.group("acro") is not None if grouped else True))
        m = search(text, start + 1)
    return out


def leftmost(spans: list[Found], others: list[Found], match_at: Callable[[int], Found]) -> list[Found]:
    """What ``finditer`` finds with the pattern of two matchers' spellings together, given what
    each finds at every position (``Matcher.every_span``), both sorted.

    The combined pattern matches where either does. Where only one does, it finds what that one
    finds; where both do, a name before an acronym (the name group is tried first), else the
    spelling it tries first, which ``match_at(position)`` asks the combined pattern for. Then,
    as ``finditer``, it resumes where that match ends.
    """
    if len(spans) + len(others) < 2:   # most texts: nothing to merge
        return [*spans, *others]
    out: list[Found] = []
    pos = i = j = 0
    n_spans, n_others = len(spans), len(others)
    while True:
        while i < n_spans and spans[i][0] < pos:
            i += 1
        while j < n_others and others[j][0] < pos:
            j += 1
        if i < n_spans:
            m = spans[i]
            if j < n_others:
                other = others[j]
                if other[0] < m[0]:
                    m = other
                elif other[0] == m[0]:
                    m = (other if m[2] else m) if m[2] != other[2] else match_at(m[0])
        elif j < n_others:
            m = others[j]
        else:
            return out
        out.append(m)
        pos = m[1]


_LOWER_RUN = re.compile(r"[a-z\u00df-\u00ff]{3}")


def is_shouting(text: str) -> bool:
    """Written in capitals (a letterhead in upper case), where an acronym is just a shouted word:
    no run of three lower-case letters anywhere."""
    return _LOWER_RUN.search(text) is None


# --- finding mentions again, in a corpus ----------------------------------------------------
#
# The declared entities are configuration: what their pattern finds in a text, at every position,
# is worked out once per document (``prepare_text``, in the per-document stage, cached). The link
# stage looks for the spellings the corpus itself added (an acronym it spells out) only in the
# texts that may hold one (those have a "text key" that every text holding the spelling has), and
# merges what they find with what was prepared (``leftmost``).

_FOLD = str.maketrans(ODD_FOLD_LETTERS)
"""Letters outside ASCII that a case-insensitive pattern takes for an ASCII letter, to that letter."""
_FOLD_RUN = re.compile(r"[a-z0-9]+")
_RUN = re.compile(r"[A-Za-z0-9]+")


def fold_words(text: str) -> list[str]:
    """The runs of ASCII letters and digits in ``text``, in lower case, as a case-insensitive
    pattern compares them: whatever a name's pattern matches has the name's runs, in order."""
    return _FOLD_RUN.findall((text if text.isascii() else text.translate(_FOLD)).lower())


def _key(text: str) -> int:
    return zlib.crc32(text.encode())


def _is_capitals(run: str) -> bool:
    """Two capitals or more in a run of ASCII letters and digits (most runs are lower case: no count)."""
    return not run.islower() and sum(map(str.isupper, run)) >= 2


def text_keys(text: str) -> array:
    """Hashes of each pair of adjacent ``fold_words`` and of each run of letters and digits with
    two capitals or more (as written: acronyms match case-sensitively)."""
    words = fold_words(text)
    keys = set(map(zlib.crc32, map(str.encode, map(" ".join, zip(words, words[1:])))))  # _key of each pair
    keys.update(_key("\0" + run) for run in _RUN.findall(text) if _is_capitals(run))
    return array("I", sorted(keys))


def spelling_keys(key: str, acronym: bool) -> list[int]:
    """Text keys (``text_keys``) that every text holding the spelling of lookup key ``key`` has;
    empty when there is none to rely on (such a spelling may be anywhere)."""
    if acronym:
        return [_key("\0" + run) for run in _RUN.findall(key) if _is_capitals(run)][:1]
    words = fold_words(key)
    return [_key(f"{a} {b}") for a, b in zip(words, words[1:])]


@dataclass(slots=True)
class TextMatches:
    """What the declared entities' ``Matcher`` finds in one text (``prepare_text``)."""

    keys: array
    """``text_keys`` of the text."""
    spans: list[Found]
    """``Matcher.every_span``."""
    acronyms: list[Found]
    """``Matcher.every_acronym_span``."""


def prepare_text(matcher: Matcher, text: str) -> TextMatches:
    straight = straighten(text)
    return TextMatches(text_keys(text), matcher.every_span(straight), matcher.every_acronym_span(straight))


@dataclass(slots=True)
class PackedTexts:
    """The ``TextMatches`` of several texts in four flat arrays: kept for every document until
    the link stage, where a list of small objects would take several times the memory."""

    keys: array = field(default_factory=lambda: array("I"))
    spans: array = field(default_factory=lambda: array("I"))
    """Start, then end * 2 + 1 if an acronym, of each span."""
    acronyms: array = field(default_factory=lambda: array("I"))
    """Start and end of each span."""
    ends: array = field(default_factory=lambda: array("I"))
    """Where each text's items end in ``keys``, ``spans`` and ``acronyms`` (three per text)."""

    @classmethod
    def of(cls, texts: Iterable[TextMatches]) -> PackedTexts:
        packed = cls()
        for t in texts:
            packed.keys.extend(t.keys)
            for start, end, acro in t.spans:
                packed.spans.extend((start, end << 1 | acro))
            for start, end, _acro in t.acronyms:
                packed.acronyms.extend((start, end))
            packed.ends.extend((len(packed.keys), len(packed.spans), len(packed.acronyms)))
        return packed

    def __len__(self) -> int:
        return len(self.ends) // 3

    def holding(self, keys: set[int]) -> set[int]:
        """The texts (by index) with one of these keys."""
        found = keys.intersection(self.keys) if len(keys) > 8 else keys
        if not found:
            return set()
        key_ends = self.ends[::3]
        raw, size = self.keys.tobytes(), self.keys.itemsize   # searched as bytes: a C loop, no int objects
        out: set[int] = set()
        for key in found:
            needle = array(self.keys.typecode, (key,)).tobytes()
            at = raw.find(needle)
            while at >= 0:
                if at % size == 0:
                    out.add(bisect_right(key_ends, at // size))
                at = raw.find(needle, at + 1)
        return out

    def found_nothing(self, i: int) -> bool:
        """Whether the declared entities' matcher found nothing in text ``i``."""
        ends, j = self.ends, 3 * i
        return ends[j + 1] == (ends[j - 2] if i else 0) and ends[j + 2] == (ends[j - 1] if i else 0)

    def __getitem__(self, i: int) -> TextMatches:
        k0, s0, a0 = self.ends[3 * i - 3:3 * i] if i > 0 else (0, 0, 0)
        k1, s1, a1 = self.ends[3 * i:3 * i + 3]
        spans: list[Found] = []
        if s1 > s0:
            flat = self.spans[s0:s1]
            spans = [(start, end >> 1, bool(end & 1)) for start, end in zip(flat[::2], flat[1::2])]
        acronyms: list[Found] = []
        if a1 > a0:
            flat = self.acronyms[a0:a1]
            acronyms = [(start, end, True) for start, end in zip(flat[::2], flat[1::2])]
        return TextMatches(self.keys[k0:k1], spans, acronyms)


_DECLARED: dict[str, Matcher] = {}


def declared_matcher(decls: Iterable[EntityDecl]) -> Matcher:
    """The ``Matcher`` of the declared entities alone (one per configuration and process)."""
    decls = list(decls)
    key = repr(decls)
    if key not in _DECLARED:
        _DECLARED.clear()
        _DECLARED[key] = build_registry(decls, []).matcher()
    return _DECLARED[key]


class CorpusMatcher:
    """Finds what ``registry.matcher()`` finds, reusing ``TextMatches`` of the declared entities.

    Only the spellings the corpus added are looked for again, and only in texts with the
    ``text_keys`` of one of them; ``leftmost`` merges what they find with what the declared
    spellings found, as the combined pattern would have.
    """

    def __init__(self, registry: Registry, declared: Matcher) -> None:
        self.full = registry.matcher()
        added = [k for k in self.full.lookup if k not in declared.lookup]
        self.added = self.full.subset(added)
        self.name_triggers: set[int] = set()
        self.acronym_triggers: set[int] = set()
        self.names_always = self.acronyms_always = False
        for k in added:
            acro = k in self.full.acronym_keys
            keys = spelling_keys(k, acro)
            if not keys:
                if acro:
                    self.acronyms_always = True
                else:
                    self.names_always = True
            else:
                (self.acronym_triggers if acro else self.name_triggers).add(keys[0])
        self.triggers = self.name_triggers | self.acronym_triggers

    def find(self, text: str, prepared: TextMatches | None) -> list[Mention]:
        return self.scan(text, prepared)[0]

    def acronyms_in(self, text: str, prepared: TextMatches | None) -> list[str]:
        return self.scan(text, prepared)[1]

    def may_hold(self, texts: PackedTexts) -> tuple[set[int], set[int]]:
        """Which of these texts (by index) may hold an added name, an added acronym: one look
        at all of a document's keys instead of one per text."""
        if self.names_always or self.acronyms_always:
            every = set(range(len(texts)))
            return (every if self.names_always else texts.holding(self.name_triggers),
                    every if self.acronyms_always else texts.holding(self.acronym_triggers))
        present = self.triggers.intersection(texts.keys)
        if not present:
            return set(), set()
        return texts.holding(present & self.name_triggers), texts.holding(present & self.acronym_triggers)

    def scan(self, text: str, prepared: TextMatches | None, names: bool | None = None,
             acronyms: bool | None = None) -> tuple[list[Mention], list[str]]:
        """``Matcher.find`` and ``Matcher.acronyms_in`` of the registry's matcher, at once. ``names``
        and ``acronyms``: whether the text may hold an added one (``may_hold``; else its keys say)."""
        if prepared is None:
            return list(self.full.find(text)), self.full.acronyms_in(text)
        if names is None:
            names = self.names_always or not self.name_triggers.isdisjoint(prepared.keys)
        if acronyms is None:
            acronyms = self.acronyms_always or not self.acronym_triggers.isdisjoint(prepared.keys)
        if not (names or acronyms or prepared.spans or prepared.acronyms):
            return [], []
        straight = straighten(text)
        added_acronyms = self.added.every_acronym_span(straight) if acronyms else []
        # Where no added name may be, the added spellings' pattern finds just what their acronyms' does.
        added = self.added.every_span(straight) if names else added_acronyms
        spans = leftmost(prepared.spans, added, lambda pos: _found(self.full.pattern.match(straight, pos)))
        if any(acro for _start, _end, acro in spans) and is_shouting(text):
            spans = [s for s in spans if not s[2]]
        found = list(self.full.look_up(text, spans)) if spans else []
        spans = leftmost(prepared.acronyms, added_acronyms,
                         lambda pos: _found(self.full.acronyms.match(straight, pos), False))
        return found, [straight[start:end] for start, end, _acro in spans]


def _found(m: re.Match[str] | None, grouped: bool = True) -> Found:
    assert m is not None   # asked only where a part of the pattern matches
    return m.start(), m.end(), m.group("acro") is not None if grouped else True


def block_texts(block: Block) -> Iterator[Block]:
    yield block
    yield from block.children
