"""Documents naming documents: another document's full title in the text links to it; and
"referenced by", who names each document, the event it was written for or its subject."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..document import Document, Span
from ..enrich.entities import Entity, Matcher, spelling_keys
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
        texts = prepared[doc.name].texts if doc.name in prepared else Texts()
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
                if key not in linked and free(place.block, m.start, m.end):
                    place.block.spans.append(Span(m.start, m.end, "document", target))
                    linked.add(key)
        if refs:
            links.doc_refs[doc.name] = refs


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
