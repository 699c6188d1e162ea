"""Pinned pages: each document keeps the page it was first published under.

Takes the enriched documents and the permalink manifest (``config.permalinks``); returns them
pinned (``pin``): new documents, each with its ``slug`` and its blocks copied with, on every
citable block, ``para``, ``anchor`` and ``aliases`` (``anchors``); the documents given are left
as they are.

- A document keeps the page it was first published under, whatever later happens to its
  title, metadata or cleaning. A new document gets a slug from date, organisation and short
  title (``2016-08-10-ohchr-us-response-to``, ``slugs.make_slug``), never one used before.
- A seed renamed on disk keeps its page when the new seed holds most of its pinned paragraphs.
- Pages moved by an editor (``moved_to``), pages named after a moved or withdrawn document and
  folders merged into another (``MERGED_FOLDERS``) become redirects (``Pins.redirects``).
"""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass, field, replace
from typing import Any

from ..config import Config
from ..document import Document
from ..errors import naming
from ..layout import DOCUMENTS, DOCUMENTS_INDEX, page_of, page_url, slug_of
from ..manifest import MANIFEST_NAME, Manifest, PageEntry
from ..slugs import make_slug
from .anchors import (carry_anchors, citable_blocks, normalise, other_text_blocks, paragraph_digests, parse_pinned,
                      prepared_digests, with_marks)

log = logging.getLogger(__name__)


MOVED_SHARE = 0.5
"""Share of a vanished document's anchors a new seed must hold exactly to count as that document moved."""


MERGED_FOLDERS = {"about/report": "changes"}
"""Per-document pages merged into another page of the same name (a document's build report,
``about/report/<slug>.md``, now on its "what cleaning changed" page ``changes/<slug>.md``): the
old URLs redirect there."""


@dataclass(frozen=True, slots=True)
class Pins:
    """What the link stage decided, for the write stage and the guard. Frozen (``pin`` sets
    ``pages_by_source`` with ``dataclasses.replace``; the redirects and problems are gathered
    into its dicts and lists while pinning)."""

    manifest: Manifest
    """The manifest after this build (the old one plus what this build adds)."""
    published: set[str]
    """Pages of the manifest as loaded: everything published before this build."""
    problems: list[str] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)
    """Old page → page it now lives at."""
    withdrawn: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Page of a withdrawn document → its tombstone fields (from metadata.yml)."""
    pages_by_source: dict[str, str] = field(default_factory=dict)
    """Seed name → the page the document of the seed lives at (also for withdrawn ones)."""
    derived: set[str] = field(default_factory=set)
    """Redirects of pages named after a moved document (needed only if the page is gone)."""


def _final(manifest: Manifest, page: str, problems: list[str]) -> str:
    seen = [page]
    while manifest.pages.get(page) and manifest.pages[page].moved_to:
        page = manifest.pages[page].moved_to
        if page in seen:
            loop = " → ".join([*seen, page])
            problems.append(f"{MANIFEST_NAME}: 'pages.{seen[0]}.moved_to': redirects loop ({loop})")
            return seen[0]
        seen.append(page)
    return page


def pin(documents: list[Document], config: Config) -> tuple[list[Document], Pins]:
    """Pin each document's page and each citable block's anchor (see the module docstring): the
    documents pinned (new ones, in the same order: ``slug`` set, blocks with their anchors) and
    the pins. A failure on one document raises ``errors.DocumentFailed`` naming its seed."""
    old: Manifest = getattr(config, "permalinks", None) or Manifest()
    manifest = Manifest({p: PageEntry(e.source, e.title, e.moved_to, dict(e.anchors), dict(e.retired))
                         for p, e in old.pages.items()})
    pins = Pins(manifest, set(old.pages))
    by_source = _follow_moves(pins)
    names = {doc.name for doc in documents}
    orphans = {src: page for src, page in by_source.items() if src not in names}
    placed = _place(documents, by_source, orphans, manifest, config)
    pinned = [_pin(doc, placed[doc.name], pins) for doc in documents]
    pins = replace(pins, pages_by_source={**{src: p for src, p in orphans.items()}, **placed})
    _withdraw_or_break(orphans, placed, pins, config)
    _redirect_pages_named_after(pins)
    _redirect_merged_folders(pins)
    return pinned, pins


def _follow_moves(pins: Pins) -> dict[str, str]:
    """Every page an editor moved (``moved_to``) redirects to where its chain of moves ends; a
    moved document's page takes its pins along. Returns seed name → its page as published."""
    manifest, problems = pins.manifest, pins.problems
    by_source: dict[str, str] = {}
    for page, entry in sorted(manifest.pages.items()):
        if not entry.source:
            continue
        target = _final(manifest, page, problems)
        if target != page:
            pins.redirects[page] = target
            if target not in manifest.pages:  # an editor renamed the page: it takes the pins along
                manifest.pages[target] = PageEntry(entry.source, entry.title, "", dict(entry.anchors),
                                                   dict(entry.retired))
        by_source.setdefault(manifest.pages[target].source or entry.source, target)
    for page, entry in manifest.pages.items():
        if entry.moved_to and not entry.source:
            pins.redirects[page] = _final(manifest, page, problems)
    return by_source


def _place(documents: list[Document], by_source: dict[str, str], orphans: dict[str, str], manifest: Manifest,
           config: Config) -> dict[str, str]:
    """Seed name → page of each document: the page it was published under (or the page of the
    vanished seed whose text it holds), else a new page named by its slug, never one used before."""
    taken = {page_url(p) for p in manifest.pages} | {page_url(DOCUMENTS_INDEX)}  # the documents list
    placed: dict[str, str] = {}
    fresh: list[Document] = []
    for doc in sorted(documents, key=lambda d: d.name):
        with naming(doc.name, "finding its published page"):
            page = by_source.get(doc.name) or _moved_seed(doc, orphans, manifest, config)
        if page:
            placed[doc.name] = page
        else:
            fresh.append(doc)
    for doc in fresh:
        with naming(doc.name, "making its page name"):
            base = make_slug(doc)
        slug, i = base, 2
        while page_url(page_of(slug)) in taken:
            slug, i = f"{base}-{i}", i + 1
        taken.add(page_url(page_of(slug)))
        placed[doc.name] = page_of(slug)
        manifest.pages[placed[doc.name]] = PageEntry(source=doc.name, title=doc.meta.title)
    return placed


def pinned_slug(page: str) -> str:
    """The slug a document published as ``page`` gets (``Document.slug``; ``link.link`` gives it)."""
    slug = slug_of(page)
    return page[:-3] if slug is None else slug


def _pin(doc: Document, page: str, pins: Pins) -> Document:
    """``doc`` pinned to ``page``: a copy with its slug (``pinned_slug``) and its blocks carrying
    the page's anchors (``carry_anchors``, ``with_marks``); an anchor no paragraph holds any more
    is a problem, with the reason when cleaning removed its text."""
    problems = pins.problems
    slug = slug_of(page)
    if slug is None:
        problems.append(f"{MANIFEST_NAME}: 'pages': the document of '{doc.name}' is moved to '{page}', "
                        f"outside {DOCUMENTS}/")
    entry = pins.manifest.pages[page]
    blocks, others = citable_blocks(doc), other_text_blocks(doc)
    with naming(doc.name, "pinning its paragraph anchors"):
        carried = carry_anchors(entry, blocks, others, prepared_digests(doc))
    url = page_url(page)
    for anchor in carried.lost:
        why = _removal(doc, entry.anchors.get(anchor.split()[0], ""))
        problems.append(f"{url}#{anchor}: {why or 'no paragraph holds its text any more'}. Restore the text, "
                        f"or retire the anchor: in {MANIFEST_NAME} add 'retired: {{{anchor.split()[0]}: "
                        f"<reason>}}' under 'pages.{page}'")
    marked = {id(block): marks for block, marks in zip(blocks + others, carried.marks)}
    return replace(doc, slug=pinned_slug(page), blocks=with_marks(doc.blocks, marked))


def _withdraw_or_break(orphans: dict[str, str], placed: dict[str, str], pins: Pins, config: Config) -> None:
    """The page of a seed no longer published becomes a withdrawal notice when metadata.yml says
    so; otherwise it would break, a problem."""
    for src, page in sorted(orphans.items()):
        if src in placed:
            continue
        tomb = config.tombstones.get(src)
        if tomb is not None:
            pins.withdrawn[page] = dict(tomb)
        else:
            pins.problems.append(f"{page_url(page)}: would break: its seed '{src}' is no longer published "
                                 "(missing or rejected). Put the "
                                 f"seed back, or declare it withdrawn in metadata.yml under 'withdrawn: {src}: "
                                 "{reason: <why>}'")


def _redirect_pages_named_after(pins: Pins) -> None:
    """Pages named after a moved document (its changes page…) move with it; after a withdrawn one,
    they lead to its withdrawal notice."""
    stems = {posixpath.basename(old)[:-3]: (new, True) for old, new in pins.redirects.items()
             if slug_of(old) is not None}
    stems.update({posixpath.basename(page)[:-3]: (page, False) for page in pins.withdrawn})
    for page in sorted(pins.published):
        folder, name = posixpath.split(page)
        if page in pins.redirects or name[:-3] not in stems or folder == DOCUMENTS:
            continue
        target, same_folder = stems[name[:-3]]
        pins.redirects[page] = posixpath.join(folder, posixpath.basename(target)) if same_folder else target
        pins.derived.add(page)


def _redirect_merged_folders(pins: Pins) -> None:
    """A folder of per-document pages merged into another folder's page of the same name leads there."""
    for page in sorted(pins.published):
        folder, name = posixpath.split(page)
        if folder in MERGED_FOLDERS and not pins.manifest.pages[page].moved_to:  # an editor's move wins
            target = posixpath.join(MERGED_FOLDERS[folder], name)
            pins.redirects[page] = pins.redirects.get(target, target)
            pins.derived.discard(page)


def _removal(doc: Document, value: str) -> str:
    """Why cleaning removed the text of an old anchor, if it did."""
    head = " ".join(parse_pinned("", value).head.split()[:8])
    for removal in doc.removed:
        if head and head in normalise(removal.text):
            return f"cleaning now removes its text ({removal.reason})"
    return ""


def _moved_seed(doc: Document, orphans: dict[str, str], manifest: Manifest, config: Config) -> str:
    """The page of a vanished seed whose paragraphs this document holds (a renamed seed file)."""
    digests = set(prepared_digests(doc) or paragraph_digests(citable_blocks(doc)))
    for src, page in sorted(orphans.items()):
        if src in config.tombstones:
            continue
        entry = manifest.pages[page]
        pinned = [v.partition(" ")[0] for v in entry.anchors.values()]
        if pinned and sum(d in digests for d in pinned) >= MOVED_SHARE * len(pinned):
            log.info("'%s' holds the text of '%s': publishing it at the same page %s", doc.name, src, page)
            entry.source = doc.name
            del orphans[src]
            return page
    return ""
