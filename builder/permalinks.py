"""Permalinks: pinned page URLs, pinned paragraph anchors, and the guard.

Takes the enriched documents and the permalink manifest (``permalinks.yml`` beside
``mkdocs.yml``: every page and paragraph anchor ever published); sets ``doc.slug``
and, on every citable block, ``para``, ``anchor`` and ``aliases``. Pure: loading
the manifest is config I/O (``load_manifest``), writing it back is the write edge's job
(``pipeline.build`` returns its new text, ``__main__`` writes it).

- A document keeps the page it was first published under, whatever later happens to
  its title, metadata or cleaning. A new document gets a slug from date, organisation
  and short title (``2016-08-10-ohchr-us-response-to``), never one used before.
- Each anchor is pinned with a fingerprint of its paragraph's text. When cleaning
  changes, every pinned anchor is carried to the paragraph that now holds its text:
  exact fingerprint first (in page order), then fuzzy matching (rapidfuzz) on the
  start of the text. An anchor whose paragraph was merged into another (or whose
  text now sits inside another paragraph) becomes an alias on that paragraph; new
  paragraphs get new numbers after the highest one ever used.
- ``seal`` is the guard: after rendering, every page and anchor of the manifest must
  still resolve (as a page, a redirect or a withdrawal notice), else the build fails
  naming each one. The manifest only grows.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz
from slugify import slugify

from . import yaml_text
from .config import Config, _child, _load, _Problems
from .document import Block, Document
from .errors import ConfigError, naming

log = logging.getLogger(__name__)

_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter when available (several times faster)."""

MANIFEST_NAME = "permalinks.yml"
MAX_SLUG_WORDS = 6
MAX_ORG_WORDS = 2
MAX_SLUG_BYTES = 88
"""A new slug's bound in UTF-8 bytes, date included (six long words, or one word without spaces,
would otherwise make a file name longer than the 255 bytes file systems allow). A longer slug is
cut at a word boundary and ends with ``SLUG_HASH_CHARS`` of a hash of the whole (``bound_slug``).
Room is left for a ``-2`` of a second document with the same slug and the longest suffix of a
file named after a slug (``.csl.json``): see ``MAX_NAME_BYTES``."""
SLUG_HASH_CHARS = 6
MAX_NAME_BYTES = 100
"""Every file or folder name the builder derives from source text is at most this many bytes:
``MAX_SLUG_BYTES`` + ``-NN`` + ``.csl.json`` (tests/test_slug_bounds.py checks a whole build)."""
SLUG_STOPWORDS = frozenset({"the", "of", "for", "to", "and", "a", "an", "on", "in", "at", "by", "from",
                            "re", "with", "its", "their", "as", "or"})
HEAD_WORDS, TAIL_WORDS = 20, 8
"""A fingerprint keeps the first and last words of a long paragraph (and its hash)."""
MATCH_SCORE = 85
"""Minimum rapidfuzz score for a paragraph to count as holding an old anchor's text."""
MOVED_SHARE = 0.5
"""Share of a vanished document's anchors a new seed must hold exactly to count as that document moved."""
ANCHOR_RE = re.compile(r"^para-(\d+)$")
PAGE_KEYS = ("source", "title", "moved_to", "anchors", "retired")

HEADER = """\
# The permalink manifest: every page and paragraph anchor this site has ever published.
#
# Written by `python -m builder build` (never by hand, except `moved_to` and `retired`);
# commit it with docs/. The builder only adds to it: a page once published keeps its URL
# and every paragraph anchor (para-1, para-2, ...) keeps pointing at the text it was
# published with (the fingerprint after each anchor: a hash, then the paragraph's first
# and last words). Each build fails, naming them, when a page or anchor listed here would
# break. To move a page on purpose, add `moved_to: <new page path>` under it (a redirect is
# generated); to withdraw a document, declare its seed under `withdrawn:` in metadata.yml
# (a withdrawal notice is generated); to retire an anchor whose text has gone for good,
# add `retired: {para-N: <reason>}` under its page (the anchor then lands where it was).
# Until anything is published, this file may be deleted and rebuilt from scratch.
"""


# --- the manifest -----------------------------------------------------------------

@dataclass(slots=True)
class PageEntry:
    """One published page (a docs-relative Markdown path) and what it pins."""

    source: str = ""
    """For document pages: the seed the page was made from."""
    title: str = ""
    """The title the page was first published with (for people reading the manifest)."""
    moved_to: str = ""
    """Where the page now lives (set by an editor): its URL becomes a redirect."""
    anchors: dict[str, str] = field(default_factory=dict)
    """``para-N`` → fingerprint of the text it was published with."""
    retired: dict[str, str] = field(default_factory=dict)
    """``para-N`` → why its text is gone (set by an editor); it lands where it was."""

    def as_yaml(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key in ("source", "title", "moved_to"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.anchors:
            data["anchors"] = dict(sorted(self.anchors.items(), key=lambda kv: anchor_number(kv[0])))
        if self.retired:
            data["retired"] = dict(sorted(self.retired.items(), key=lambda kv: anchor_number(kv[0])))
        return data


@dataclass(slots=True)
class Manifest:
    pages: dict[str, PageEntry] = field(default_factory=dict)


@lru_cache(maxsize=4096)
def anchor_number(anchor: str) -> int:
    m = ANCHOR_RE.match(anchor)
    return int(m.group(1)) if m else 0


def load_manifest(path: Path) -> Manifest:
    """Read and validate ``permalinks.yml`` (missing file: nothing published yet)."""
    if not path.exists():
        return Manifest()
    data, root = _load(path)
    p = _Problems(path)
    if data is None:
        return Manifest()
    if not isinstance(data, dict) or not isinstance(data.get("pages", {}), dict):
        p.add("pages", "Expected a mapping 'pages' of page path → what it pins", root)
        p.raise_if_any()
    for unknown in sorted(set(data) - {"pages"}):
        p.add(unknown, "Unrecognised key (expected 'pages')", _child(root, unknown))
    pnode = _child(root, "pages")
    pages: dict[str, PageEntry] = {}
    for page, fields in (data.get("pages") or {}).items():
        node = _child(pnode, page)
        key = f"pages.{page}"
        if not isinstance(page, str) or not page.endswith(".md"):
            p.add(key, "Expected a docs-relative Markdown path ending in '.md'", node)
            continue
        fields = fields or {}
        if not isinstance(fields, dict):
            p.add(key, f"Expected a mapping, but got {type(fields).__name__}", node)
            continue
        for unknown in sorted(set(fields) - set(PAGE_KEYS)):
            p.add(f"{key}.{unknown}", f"Unrecognised key (expected one of {', '.join(PAGE_KEYS)})",
                  _child(node, unknown))
        entry = PageEntry()
        for name in ("source", "title", "moved_to"):
            value = fields.get(name, "")
            if not isinstance(value, str):
                p.add(f"{key}.{name}", f"Expected a string, but got {type(value).__name__}", _child(node, name))
            else:
                setattr(entry, name, value)
        if entry.moved_to and not entry.moved_to.endswith(".md"):
            p.add(f"{key}.moved_to", "Expected a docs-relative Markdown path ending in '.md'",
                  _child(node, "moved_to"))
        for name in ("anchors", "retired"):
            value = fields.get(name) or {}
            if not isinstance(value, dict):
                p.add(f"{key}.{name}", "Expected a mapping of para-N → text", _child(node, name))
                continue
            for anchor, text in value.items():
                if not isinstance(anchor, str) or not ANCHOR_RE.match(anchor):
                    p.add(f"{key}.{name}.{anchor}", "Expected an anchor like 'para-12'", _child(node, name))
                elif not isinstance(text, str):
                    p.add(f"{key}.{name}.{anchor}", f"Expected a string, but got {type(text).__name__}",
                          _child(_child(node, name), anchor))
                else:
                    getattr(entry, name)[anchor] = text
        pages[page] = entry
    p.raise_if_any()
    return Manifest(pages)


def dump_manifest(manifest: Manifest) -> str:
    """The manifest as YAML, pages sorted, under the explanatory header: what ``yaml.dump`` writes,
    page by page (PyYAML's representer took a second and hundreds of megabytes for a large site's
    manifest at once; ``yaml_text`` writes the usual entries itself)."""
    if not manifest.pages:
        return HEADER + _dump({"pages": {}})
    return HEADER + "pages:\n" + "".join(_page_yaml(page, manifest.pages[page].as_yaml())
                                          for page in sorted(manifest.pages))


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_SafeDumper, sort_keys=False, allow_unicode=True, width=100000)


def _page_yaml(page: str, entry: dict[str, Any]) -> str:
    """One page's lines under ``pages:``, as ``yaml.dump`` of the whole manifest writes them."""
    lines = _simple_page_yaml(page, entry)
    if lines is None:  # a value ``yaml_text`` cannot be sure of: PyYAML writes this page
        lines = _dump({"pages": {page: entry}}).split("\n", 1)[1]
    return lines


def _simple_page_yaml(page: str, entry: dict[str, Any]) -> str | None:
    if yaml_text.plain_key(page) is None:
        return None
    if not entry:
        return f"  {page}: {{}}\n"
    out = [f"  {page}:\n"]
    for name, value in entry.items():
        if yaml_text.plain_key(name) is None:
            return None
        if isinstance(value, dict):
            if not value:
                return None
            out.append(f"    {name}:\n")
            for sub, item in value.items():
                text = yaml_text.scalar(item)
                if text is None or yaml_text.plain_key(sub) is None:
                    return None
                out.append(f"      {sub}: {text}\n")
        else:
            text = yaml_text.scalar(value)
            if text is None:
                return None
            out.append(f"    {name}: {text}\n")
    return "".join(out)


# --- fingerprints and matching ------------------------------------------------------

def normalise(text: str) -> str:
    """Words only, case-folded: what a fingerprint compares."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def fingerprint(text: str) -> str:
    """``<12 hex of the words' hash> <first words> … <last words>`` of a paragraph."""
    words = text.split()
    digest = hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:DIGEST_CHARS]
    if len(words) > HEAD_WORDS + TAIL_WORDS:
        words = words[:HEAD_WORDS] + ["…"] + words[-TAIL_WORDS:]
    return f"{digest} {' '.join(words)}".rstrip()


@dataclass(slots=True)
class _Old:
    anchor: str
    digest: str
    head: str
    tail: str
    excerpt: str


def _parse(anchor: str, value: str) -> _Old:
    digest, _, excerpt = value.partition(" ")
    head, sep, tail = excerpt.partition(" … ")
    return _Old(anchor, digest, normalise(head), normalise(tail) if sep else "", excerpt)


def _locate(head: str, text: str) -> tuple[float, bool]:
    """How well ``text`` holds the start ``head`` of an old paragraph, and whether at its start."""
    if not head or not text:
        return 0.0, False
    if len(text) < len(head):
        # A shorter paragraph holds the old start only if it *is* that start.
        if len(text) < min(len(head), 40) * 0.5:
            return 0.0, False
        return fuzz.ratio(text, head[:len(text)]), True
    found = fuzz.partial_ratio_alignment(head, text)
    if found is None:
        return 0.0, False
    return found.score, found.dest_start <= max(3, len(head) // 10)  # a new leading number is still the start


DIGEST_CHARS = 12


def digest(text: str) -> str:
    """What an anchor's fingerprint starts with: a hash of the words of its paragraph."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:DIGEST_CHARS]


def paragraph_digests(blocks: list[Block]) -> list[str]:
    """The ``digest`` of each block: worked out per document (``crosslinks.prepare``) and cached."""
    return [digest(b.text) for b in blocks]


def pack_digests(digests: list[str]) -> bytes:
    """``paragraph_digests`` as bytes (6 a digest instead of a 61-byte string), to keep per document."""
    return bytes.fromhex("".join(digests))


def prepared_digests(doc: Document) -> list[str] | None:
    """The citable blocks' digests the per-document stage worked out (``crosslinks.Prepared``)."""
    packed = getattr(doc.extra.get("link"), "digests", None)
    if not isinstance(packed, bytes):
        return None
    text, size = packed.hex(), DIGEST_CHARS
    return [text[i:i + size] for i in range(0, len(text), size)]


def citable_blocks(doc: Document) -> list[Block]:
    return [b for block in doc.blocks for b in [block, *block.children] if b.citable]


def other_text_blocks(doc: Document) -> list[Block]:
    """Blocks that hold text but no paragraph number: an old anchor may land on them as an alias."""
    return [b for block in doc.blocks for b in [block, *block.children] if not b.citable and b.text.strip()
            and b.kind in ("heading", "letter", "footnote")]


def carry_anchors(entry: PageEntry, blocks: list[Block], others: list[Block] | None = None,
                  digests: list[str] | None = None) -> list[str]:
    """Give ``blocks`` the anchors of ``entry``; number new ones; return anchors no block holds.

    Sets ``anchor``, ``para`` and ``aliases`` on the citable ``blocks`` and adds the new
    anchors to ``entry``. Exact matches (same words) come first, in page order; then each
    remaining anchor goes to the block holding the start of its text (as that block's own
    anchor when the text starts the block, else as an alias); failing that, as an alias to
    one of the ``others`` (headings, letter parts, footnotes) holding it, or to the block
    holding its end. ``digests`` are the blocks' ``digest``s when already known.
    """
    pool = blocks + list(others or [])
    for block in pool:
        block.anchor, block.para, block.aliases = "", 0, []
    pinned = sorted(entry.anchors.items(), key=lambda kv: anchor_number(kv[0]))
    olds = [_Old(a, v.partition(" ")[0], "", "", "") for a, v in pinned]
    if digests is None or len(digests) != len(blocks):
        digests = paragraph_digests(blocks)
    texts: list[str] = []   # every block's normalised text, worked out only if an anchor moved

    def text_of(i: int) -> str:
        if not texts:
            texts.extend(normalise(b.text) for b in pool)
        return texts[i]

    owner: dict[str, int] = {}

    def own(old: _Old, i: int) -> None:
        owner[old.anchor] = i
        if blocks[i].anchor:
            blocks[i].aliases.append(old.anchor)
        else:
            blocks[i].anchor, blocks[i].para = old.anchor, anchor_number(old.anchor)

    old_digests = [o.digest for o in olds]
    if old_digests == digests:   # unchanged (most pages): the whole page is one matching block
        matching: list[tuple[int, int, int]] = [(0, 0, len(digests))]
    else:
        matching = difflib.SequenceMatcher(None, old_digests, digests, autojunk=False).get_matching_blocks()
    for a, b, size in matching:
        for k in range(size):
            own(olds[a + k], b + k)
    for old in olds:  # same text, moved out of order
        if old.anchor not in owner:
            free = [i for i, d in enumerate(digests) if d == old.digest and not blocks[i].anchor]
            if free:
                own(old, free[0])
    fuzzy: list[tuple[_Old, int, bool]] = []
    for n, old in enumerate(olds):
        if old.anchor in owner:
            continue
        old = olds[n] = _parse(old.anchor, entry.anchors[old.anchor])
        before = [owner[o.anchor] for o in olds[:n] if o.anchor in owner]
        expected = (max(before) + 1) if before else 0
        best: tuple[bool, float, int] | None = None
        choice = None
        for candidates in (range(len(blocks)), range(len(blocks), len(pool))):
            for i in candidates:
                score, at_start = _locate(old.head, text_of(i))
                if score < MATCH_SCORE:
                    continue
                key = (at_start, score, -abs(i - expected))
                if best is None or key > best:
                    best, choice = key, (i, at_start and i < len(blocks))
            if choice is not None:
                break
        if choice is None and len(old.tail) >= 20:
            for i in range(len(pool)):
                text = text_of(i)
                found = fuzz.partial_ratio_alignment(old.tail, text) if len(text) >= len(old.tail) else None
                if found is not None and found.score >= MATCH_SCORE:
                    choice = (i, False)
                    break
        if choice is not None:
            fuzzy.append((old, *choice))
            owner[old.anchor] = choice[0]
    # Anchors whose text starts a block claim it first; the rest become aliases.
    for old, i, at_start in sorted(fuzzy, key=lambda f: not f[2]):
        if at_start and not pool[i].anchor:
            pool[i].anchor, pool[i].para = old.anchor, anchor_number(old.anchor)
        else:
            pool[i].aliases.append(old.anchor)
    lost = [o for o in olds if o.anchor not in owner]
    # Retired anchors land where they were: on the block after their nearest surviving predecessor.
    for old in lost:
        if old.anchor in entry.retired:
            earlier = [owner[o.anchor] for o in olds if anchor_number(o.anchor) < anchor_number(old.anchor)
                       and o.anchor in owner and owner[o.anchor] < len(blocks)]
            if blocks:
                i = min(max(earlier) + 1 if earlier else 0, len(blocks) - 1)
                blocks[i].aliases.append(old.anchor)
                owner[old.anchor] = i
    used = [anchor_number(a) for a in (*entry.anchors, *entry.retired)]
    next_number = max(used, default=0) + 1
    for block in blocks:
        if not block.anchor:
            block.para, block.anchor = next_number, f"para-{next_number}"
            entry.anchors[block.anchor] = fingerprint(block.text)
            next_number += 1
    for block in pool:
        block.aliases.sort(key=anchor_number)
    return [o.anchor + " (was: “" + o.excerpt + "”)" for o in olds if o.anchor not in owner]


# --- slugs -----------------------------------------------------------------------------

def _slug_words(text: str) -> list[str]:
    """Slug words of ``text`` without stop words; runs of single letters join (``U.S.`` → ``us``)."""
    out: list[str] = []
    run = ""
    for word in slugify(text).split("-"):
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            out.append(run)
            run = ""
        if word and word not in SLUG_STOPWORDS:
            out.append(word)
    if run:
        out.append(run)
    return [w for w in out if w not in SLUG_STOPWORDS]


def bound_slug(slug: str, limit: int = MAX_SLUG_BYTES) -> str:
    """``slug`` if it fits in ``limit`` UTF-8 bytes; else its first words that fit with ``-`` and
    a short hash of the whole slug (the same slug is always cut the same way). A first word too
    long to fit on its own is cut inside.

    >>> bound_slug("2015-" + "x" * 300, 24)
    '2015-xxxxxxxxxxxx-6be771'
    """
    raw = slug.encode("utf-8")
    if len(raw) <= limit:
        return slug
    tag = hashlib.sha256(raw).hexdigest()[:SLUG_HASH_CHARS]
    room = max(limit - len(tag) - 1, 1)
    words = [w for w in slug.split("-") if w]
    head: list[str] = []
    size = 0
    for word in words:
        extra = len(word.encode("utf-8")) + (1 if head else 0)
        if size + extra > room:
            if not any(c.isalpha() for c in "".join(head)):  # nothing but a date yet: cut the word itself
                cut = word.encode("utf-8")[:room - size - (1 if head else 0)].decode("utf-8", "ignore")
                if cut:
                    head.append(cut)
            break
        head.append(word)
        size += extra
    return "-".join([*head, tag])


def make_slug(doc: Document) -> str:
    """Date + the organisation's acronym (or first two words) + the title's first words.

    ``2017-08-31``, ``The Permanent Mission of …``, ``U.S. Response to OHCHR inquiry …``
    → ``2017-08-31-permanent-mission-us-response-ohchr-inquiry``. Stop words and title words
    the organisation part already says are left out, so the slug stays short; a slug still
    longer than ``MAX_SLUG_BYTES`` is cut (``bound_slug``). A title with no letter that
    transliterates (``slugify``) is ``untitled``.
    """
    org_text = doc.meta.organisation or ""
    acronym = re.search(r"\(([A-Z][A-Za-z]{1,9})\)\s*$", org_text)
    org_words = [acronym.group(1).lower()] if acronym else _slug_words(org_text)[:MAX_ORG_WORDS]
    title_words = [w for w in _slug_words(doc.meta.title or "") if w not in org_words]
    stem = "-".join(org_words + title_words[:MAX_SLUG_WORDS]) or "untitled"
    return bound_slug(f"{doc.meta.date}-{stem}" if doc.meta.date else stem)


def page_url(page: str) -> str:
    """``documents/x.md`` → ``documents/x/``; ``index.md`` → ``""`` (directory URLs)."""
    stem = page[:-3] if page.endswith(".md") else page
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """Relative link from one directory URL to another (``documents/a/`` → ``../b/``)."""
    rel = posixpath.relpath(to_url or ".", from_url or ".")
    return "./" if rel == "." else rel + "/"


# --- the link-stage plan -------------------------------------------------------------

MERGED_FOLDERS = {"about/report": "changes"}
"""Per-document pages merged into another page of the same name (a document's build report,
``about/report/<slug>.md``, now on its "what cleaning changed" page ``changes/<slug>.md``): the
old URLs redirect there."""


@dataclass(slots=True)
class Pins:
    """What the link stage decided, for the write stage and the guard."""

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


def assign(documents: list[Document], config: Config) -> Pins:
    """Pin each document's page and each citable block's anchor (see the module docstring).
    A failure on one document raises ``errors.DocumentFailed`` naming its seed."""
    old: Manifest = getattr(config, "permalinks", None) or Manifest()
    manifest = Manifest({p: PageEntry(e.source, e.title, e.moved_to, dict(e.anchors), dict(e.retired))
                         for p, e in old.pages.items()})
    pins = Pins(manifest, set(old.pages))
    problems = pins.problems
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
    names = {doc.name for doc in documents}
    orphans = {src: page for src, page in by_source.items() if src not in names}
    taken = {page_url(p) for p in manifest.pages} | {page_url("documents/index.md")}  # the documents list
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
        while page_url(f"documents/{slug}.md") in taken:
            slug, i = f"{base}-{i}", i + 1
        taken.add(page_url(f"documents/{slug}.md"))
        placed[doc.name] = f"documents/{slug}.md"
        manifest.pages[placed[doc.name]] = PageEntry(source=doc.name, title=doc.meta.title)
    for doc in documents:
        page = placed[doc.name]
        if not page.startswith("documents/"):
            problems.append(f"{MANIFEST_NAME}: 'pages': the document of '{doc.name}' is moved to '{page}', "
                            "outside documents/")
        doc.slug = page[len("documents/"):-3] if page.startswith("documents/") else page[:-3]
        entry = manifest.pages[page]
        with naming(doc.name, "pinning its paragraph anchors"):
            lost = carry_anchors(entry, citable_blocks(doc), other_text_blocks(doc), prepared_digests(doc))
        url = page_url(page)
        for anchor in lost:
            why = _removal(doc, entry.anchors.get(anchor.split()[0], ""))
            problems.append(f"{url}#{anchor}: {why or 'no paragraph holds its text any more'}. Restore the text, "
                            f"or retire the anchor: in {MANIFEST_NAME} add 'retired: {{{anchor.split()[0]}: "
                            f"<reason>}}' under 'pages.{page}'")
    pins.pages_by_source = {**{src: p for src, p in orphans.items()}, **placed}
    for src, page in sorted(orphans.items()):
        if src in placed:
            continue
        tomb = config.tombstones.get(src)
        if tomb is not None:
            pins.withdrawn[page] = dict(tomb)
        else:
            problems.append(f"{page_url(page)}: would break: its seed '{src}' is no longer published "
                            "(missing or rejected). Put the "
                            f"seed back, or declare it withdrawn in metadata.yml under 'withdrawn: {src}: "
                            "{reason: <why>}'")
    # Pages named after a moved document (its changes page…) move with it; after a withdrawn one,
    # they lead to its withdrawal notice.
    stems = {posixpath.basename(old)[:-3]: (new, True) for old, new in pins.redirects.items()
             if old.startswith("documents/")}
    stems.update({posixpath.basename(page)[:-3]: (page, False) for page in pins.withdrawn})
    for page in sorted(pins.published):
        folder, name = posixpath.split(page)
        if page in pins.redirects or name[:-3] not in stems or folder == "documents":
            continue
        target, same_folder = stems[name[:-3]]
        pins.redirects[page] = posixpath.join(folder, posixpath.basename(target)) if same_folder else target
        pins.derived.add(page)
    # A folder of per-document pages merged into another folder's page of the same name leads there.
    for page in sorted(pins.published):
        folder, name = posixpath.split(page)
        if folder in MERGED_FOLDERS and not manifest.pages[page].moved_to:  # an editor's move wins
            target = posixpath.join(MERGED_FOLDERS[folder], name)
            pins.redirects[page] = pins.redirects.get(target, target)
            pins.derived.discard(page)
    return pins


def _removal(doc: Document, value: str) -> str:
    """Why cleaning removed the text of an old anchor, if it did."""
    head = " ".join(_parse("", value).head.split()[:8])
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


# --- the guard -------------------------------------------------------------------------

def pinned(page: str, entry: PageEntry) -> bool:
    """Pages whose loss needs a decision: documents, theme and entity pages, top-level pages.
    Others are listings (``documents/by-year/2013.md``) that may be regrouped as the collection grows."""
    parts = page.split("/")
    return bool(entry.source) or len(parts) == 1 or (len(parts) == 2 and parts[0] in ("themes", "entities"))


def _redirect_listings(pins: Pins, files: dict[str, Any]) -> None:
    """A vanished listing page leads to the nearest page above it (``documents/by-year/`` → ``documents/``)."""
    from .write.permalink_pages import redirect_html  # the page itself is the write stage's

    for page in sorted(pins.published - set(files) - set(pins.redirects)):
        if pinned(page, pins.manifest.pages[page]):
            continue
        folder = posixpath.dirname(page)
        while folder:
            up = next((p for p in (f"{folder}/index.md", f"{folder}.md") if p in files and p != page), "")
            if up:
                pins.redirects[page] = up
                files[f"{page_url(page)}index.html"] = redirect_html(page, up)
                log.info("%s is gone: its URL now leads to %s", page, up)
                break
            folder = posixpath.dirname(folder)


class BrokenPermalinks(ConfigError):
    """Pages or anchors published before would break; the message lists each one."""


def seal(pins: Pins | None, files: dict[str, Any]) -> str:
    """The guard, after rendering: raise ``BrokenPermalinks`` naming every page or anchor that
    would break; otherwise return the new manifest's text (old pins plus this build's pages)."""
    if pins is None:
        return dump_manifest(Manifest())
    problems = list(pins.problems)
    _redirect_listings(pins, files)
    for page in sorted(pins.derived):
        if page in files:  # still generated under its old name: no redirect needed
            del pins.redirects[page]
            files.pop(f"{page_url(page)}index.html", None)
    for page in sorted(pins.published):
        if page in pins.redirects:
            target = pins.redirects[page]
            if target not in files:
                problems.append(f"{page_url(page)}: redirects to {page_url(target)}, which is not a page")
            elif page in files:
                problems.append(f"{page_url(page)}: is still a page, but {MANIFEST_NAME} says it moved to "
                                f"{page_url(target)}; remove 'moved_to' under 'pages.{page}' or the page")
        elif page not in files:
            problems.append(f"{page_url(page)}: would break: no page '{page}' any more. Restore it, or add "
                            f"'moved_to: <page>' under 'pages.{page}' in {MANIFEST_NAME} to redirect it")
    if problems:
        raise BrokenPermalinks(f"{len(problems)} published link(s) would break:\n" +
                               "\n".join(f"  {p}" for p in problems) +
                               f"\n(Nothing published yet? Delete {MANIFEST_NAME} and build again.)")
    for page in files:
        if page.endswith(".md") and page not in pins.manifest.pages:
            pins.manifest.pages[page] = PageEntry()
    return dump_manifest(pins.manifest)
