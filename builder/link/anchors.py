"""Carrying paragraph anchors: each pinned ``para-N`` goes to the paragraph that now holds its text.

Each anchor is pinned with a fingerprint of its paragraph's text. When cleaning changes, every
pinned anchor is carried to the paragraph that now holds its text: exact fingerprint first (in
page order), then fuzzy matching (rapidfuzz) on the start of the text. An anchor whose paragraph
was merged into another (or whose text now sits inside another paragraph) becomes an alias on
that paragraph; new paragraphs get new numbers after the highest one ever used.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..document import Block, Document
from ..manifest import PageEntry, anchor_number


HEAD_WORDS, TAIL_WORDS = 20, 8
"""A fingerprint keeps the first and last words of a long paragraph (and its hash)."""
MATCH_SCORE = 85
"""Minimum rapidfuzz score for a paragraph to count as holding an old anchor's text."""
DIGEST_CHARS = 12


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


def parse_pinned(anchor: str, value: str) -> _Old:
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


def digest(text: str) -> str:
    """What an anchor's fingerprint starts with: a hash of the words of its paragraph."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:DIGEST_CHARS]


def paragraph_digests(blocks: list[Block]) -> list[str]:
    """The ``digest`` of each block: worked out per document (``prepared.prepare``) and cached."""
    return [digest(b.text) for b in blocks]


def pack_digests(digests: list[str]) -> bytes:
    """``paragraph_digests`` as bytes (6 a digest instead of a 61-byte string), to keep per document."""
    return bytes.fromhex("".join(digests))


def prepared_digests(doc: Document) -> list[str] | None:
    """The citable blocks' digests the per-document stage worked out (``prepared.Prepared``)."""
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
        old = olds[n] = parse_pinned(old.anchor, entry.anchors[old.anchor])
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
