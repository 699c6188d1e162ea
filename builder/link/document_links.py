"""Documents naming documents: another document's full title in the text links to it; and
"referenced by", who names each document, the event it was written for or its subject."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..document import Document, Span
from ..enrich.entities import Entity, Matcher, Mention, TextMatches, spelling_keys
from .crosslinks import Links, Reference
from .places import free, places
from .prepared import PreparedTexts, Texts


TITLE_MIN_WORDS = 4
TITLE_MIN_CHARS = 24
"""A title shorter than this is too generic to recognise in another document."""


def link_documents(docs: list[Document], links: Links, prepared: dict[str, PreparedTexts] | None = None) -> None:
    """A document's full title in another document links to it.

    Each title is looked for only in the blocks that have its words (``spelling_keys``), with a
    pattern of just the titles that may be there."""
    titles = _Titles.of(docs)
    if titles is None:
        return
    prepared = prepared or {}
    for doc in docs:
        refs = _link_titles(doc, titles, prepared[doc.name].texts if doc.name in prepared else Texts())
        if refs:
            links.doc_refs[doc.name] = refs


class _Titles:
    """The titles long enough to recognise in another document, as a ``Matcher`` of pseudo-entities,
    each indexed by its key that the fewest titles have (not "report on" but a rarer pair of its
    words): a text is checked for all of a title's keys only when it has that one."""

    def __init__(self, pseudo: list[Entity], targets: dict[str, str]) -> None:
        self.matcher = Matcher(pseudo)
        self.targets = targets
        """Pseudo-entity id → the name of the document it is the title of."""
        self.keys_of = {k: spelling_keys(k, k in self.matcher.acronym_keys) for k in self.matcher.lookup}
        self.anywhere = [k for k, keys in self.keys_of.items() if not keys]
        """Titles without keys: they may be in any text."""
        titles_with = Counter(key for keys in self.keys_of.values() for key in set(keys))
        self.by_first: dict[int, list[str]] = defaultdict(list)
        for k, keys in self.keys_of.items():
            if keys:
                self.keys_of[k] = keys = sorted(set(keys), key=lambda key: (titles_with[key], key))
                self.by_first[keys[0]].append(k)
        self.first_keys = set(self.by_first)
        self.subsets: dict[frozenset[str], Matcher] = {}

    @classmethod
    def of(cls, docs: list[Document]) -> _Titles | None:
        targets: dict[str, str] = {}
        pseudo: list[Entity] = []
        for doc in docs:
            title = " ".join((doc.meta.title or "").split())
            if len(title.split()) >= TITLE_MIN_WORDS and len(title) >= TITLE_MIN_CHARS:
                pid = f"doc-{len(pseudo)}"
                targets[pid] = doc.name
                pseudo.append(Entity(pid, title, "other"))
        return cls(pseudo, targets) if pseudo else None

    def may_hold(self, have: set[int]) -> list[str]:
        """The titles (their matcher keys) a text with the spelling keys ``have`` may hold."""
        return [k for first in self.first_keys.intersection(have) for k in self.by_first[first]
                if have.issuperset(self.keys_of[k])]

    def only_own(self, may: Iterable[str], name: str) -> bool:
        """Whether every title of ``may`` is the document ``name``'s own (never linked)."""
        return all(self.targets[self.matcher.lookup[k]] == name for k in may)

    def find(self, text: str, matches: TextMatches | None, name: str) -> Iterable[Mention]:
        """The titles in ``text`` (of the document ``name``), with only the titles that may be there
        when its prepared ``matches`` say which."""
        if matches is None:
            return self.matcher.find(text)
        may = set(self.anywhere)
        if self.first_keys.intersection(matches.keys):
            may.update(self.may_hold(set(matches.keys)))
        # A document's own title is never linked: where no other may be, nothing is to find.
        if self.only_own(may, name):
            return []
        subset = frozenset(may)
        if subset not in self.subsets:
            self.subsets[subset] = self.matcher.subset(subset)
        return self.subsets[subset].find(text)


def _link_titles(doc: Document, titles: _Titles, texts: Texts) -> list[str]:
    """Link the first mention of each other document's title in each section of ``doc``; return
    the documents it names, in order."""
    linked: set[tuple[str, str]] = set()
    refs: list[str] = []
    worth: set[int] | None = None   # the texts that may hold a title, by index (None: any)
    if texts.packed is not None and not titles.anywhere:   # the titles all its texts together may hold
        may = titles.may_hold(set(texts.packed.keys))
        if titles.only_own(may, doc.name):
            return []   # none but its own
        worth = texts.packed.holding({titles.keys_of[k][0] for k in may})
    for place in places(doc):
        if not place.linkable:
            continue
        if worth is not None and texts.index.get((place.index, place.child)) not in worth:
            continue
        for m in titles.find(place.block.text, texts.get((place.index, place.child)), doc.name):
            target = titles.targets.get(m.entity)
            if not target or target == doc.name:
                continue
            if target not in refs:
                refs.append(target)
            key = (place.section, target)
            if key not in linked and free(place.block, m.start, m.end):
                place.block.spans.append(Span(m.start, m.end, "document", target))
                linked.add(key)
    return refs


def referenced_by(docs: list[Document], links: Links) -> dict[str, list[Reference]]:
    """Who names each document, the event it was written for, or its subject (for
    ``Links.referenced_by``)."""
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
    return {k: sorted(v, key=lambda r: order[r.doc]) for k, v in refs.items() if v}
