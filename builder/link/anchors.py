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
from dataclasses import dataclass, field, replace

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


def fingerprint(text: str, known: str = "") -> str:
    """``<12 hex of the words' hash> <first words> … <last words>`` of a paragraph (the hash:
    ``digest(text)``, or ``known`` when already worked out)."""
    words = text.split()
    digest = known or hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:DIGEST_CHARS]
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
    packed = doc.link_prepared.digests if doc.link_prepared is not None else None
    if not isinstance(packed, bytes):
        return None
    text, size = packed.hex(), DIGEST_CHARS
    return [text[i:i + size] for i in range(0, len(text), size)]


def citable_blocks(doc: Document) -> list[Block]:
    return [b for block in doc.blocks for b in [block, *block.children] if b.citable]


def other_text_blocks(doc: Document) -> list[Block]:
    """Blocks that hold text but no paragraph number: an old anchor may land on them as an alias
    (headings, letter parts, footnotes, and the paragraphs the page header shows: a byline)."""
    return [b for block in doc.blocks for b in [block, *block.children] if not b.citable and b.text.strip()
            and b.kind in ("heading", "letter", "footnote", "paragraph")]


@dataclass(frozen=True, slots=True)
class Marks:
    """What carrying gives one block: its anchor and paragraph number (``""`` and 0: none, as on
    a block that is not citable) and the older anchors that now resolve to it, in number order."""

    anchor: str = ""
    para: int = 0
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Carried:
    """What ``carry_anchors`` found for one page."""

    marks: list[Marks]
    """One for each block it was given: the citable ``blocks``, then the ``others``."""
    lost: list[str]
    """The pinned anchors no block holds any more, each with the start of its old text."""


def carry_anchors(entry: PageEntry, blocks: list[Block], others: list[Block] | None = None,
                  digests: list[str] | None = None) -> Carried:
    """The anchors of ``entry`` carried to ``blocks`` (new ones numbered), and those no block holds.

    Gives each citable block of ``blocks`` its ``Marks`` (``anchor``, ``para``, ``aliases``:
    ``with_marks`` makes the blocks that carry them) and adds the new anchors to ``entry``.
    Exact matches (same words) come first, in page order; then each remaining anchor goes to
    the block holding the start of its text (as that block's own anchor when the text starts
    the block, else as an alias); failing that, as an alias to one of the ``others`` (headings,
    letter parts, footnotes) holding it, or to the block holding its end. ``digests`` are the
    blocks' ``digest``s when already known.
    """
    pool = blocks + list(others or [])
    pinned = sorted(entry.anchors.items(), key=lambda kv: anchor_number(kv[0]))
    carry = _Carrying(entry, blocks, pool, [_Old(a, v.partition(" ")[0], "", "", "") for a, v in pinned],
                      anchor=[""] * len(pool), para=[0] * len(pool), aliases=[[] for _ in pool])
    if digests is None or len(digests) != len(blocks):
        digests = paragraph_digests(blocks)
    _match_same_text(carry, digests)
    _claim(carry, _match_moved_text(carry))
    _land_retired(carry)
    _number_new(carry, digests)
    marks = [Marks(anchor, para, tuple(sorted(aliases, key=anchor_number)))
             for anchor, para, aliases in zip(carry.anchor, carry.para, carry.aliases)]
    return Carried(marks, [o.anchor + " (was: “" + o.excerpt + "”)" for o in carry.olds if o.anchor not in carry.owner])


def with_marks(blocks: list[Block], marked: dict[int, Marks]) -> list[Block]:
    """New ``blocks`` (children too), each with its ``Marks`` from ``marked`` (by ``id`` of the
    block given to ``carry_anchors``); a block without marks is copied as it is. The link stage
    hands on these copies and never writes into the blocks it was given."""
    copies = []
    for block in blocks:
        children = with_marks(block.children, marked) if block.children else block.children
        marks = marked.get(id(block))
        if marks is None:
            copies.append(replace(block, children=children))
        else:
            copies.append(replace(block, anchor=marks.anchor, para=marks.para, aliases=list(marks.aliases),
                                  children=children))
    return copies


@dataclass(slots=True)
class _Carrying:
    """One page's anchors on their way: the citable ``blocks``, then the other text blocks
    (``pool``: both), the pinned anchors in number order (``olds``) and where each has landed."""

    entry: PageEntry
    blocks: list[Block]
    pool: list[Block]
    olds: list[_Old]
    owner: dict[str, int] = field(default_factory=dict)
    """Anchor → index in ``pool`` of the block it landed on."""
    texts: list[str] = field(default_factory=list)
    """Every block's normalised text, worked out only if an anchor moved."""
    anchor: list[str] = field(default_factory=list)
    para: list[int] = field(default_factory=list)
    aliases: list[list[str]] = field(default_factory=list)
    """What each block of ``pool`` (by index) is given so far (``Marks``)."""

    def text_of(self, i: int) -> str:
        if not self.texts:
            self.texts.extend(normalise(b.text) for b in self.pool)
        return self.texts[i]

    def own(self, old: _Old, i: int) -> None:
        """Citable block ``i`` holds the text of ``old``: its anchor, or an alias when it has one."""
        self.owner[old.anchor] = i
        if self.anchor[i]:
            self.aliases[i].append(old.anchor)
        else:
            self.anchor[i], self.para[i] = old.anchor, anchor_number(old.anchor)


def _match_same_text(carry: _Carrying, digests: list[str]) -> None:
    """Anchors whose words are unchanged land on their block: in page order first, then out of it."""
    old_digests = [o.digest for o in carry.olds]
    if old_digests == digests:   # unchanged (most pages): the whole page is one matching block
        matching: list[tuple[int, int, int]] = [(0, 0, len(digests))]
    else:
        matching = difflib.SequenceMatcher(None, old_digests, digests, autojunk=False).get_matching_blocks()
    for a, b, size in matching:
        for k in range(size):
            carry.own(carry.olds[a + k], b + k)
    for old in carry.olds:  # same text, moved out of order
        if old.anchor not in carry.owner:
            free = [i for i, d in enumerate(digests) if d == old.digest and not carry.anchor[i]]
            if free:
                carry.own(old, free[0])


def _match_moved_text(carry: _Carrying) -> list[tuple[_Old, int, bool]]:
    """Each anchor still unplaced, on the block holding the start of its text (nearest where it
    was), else its end: ``(old, index in pool, whether its text starts that citable block)``."""
    fuzzy: list[tuple[_Old, int, bool]] = []
    for n, old in enumerate(carry.olds):
        if old.anchor in carry.owner:
            continue
        old = carry.olds[n] = parse_pinned(old.anchor, carry.entry.anchors[old.anchor])
        before = [carry.owner[o.anchor] for o in carry.olds[:n] if o.anchor in carry.owner]
        found = _holding_start(carry, old, (max(before) + 1) if before else 0)
        choice = found[0] or _holding_end(carry, old) or found[1]
        if choice is not None:
            fuzzy.append((old, *choice))
            carry.owner[old.anchor] = choice[0]
    return fuzzy


Choice = tuple[int, bool] | None
"""A block (index in the pool) holding an old anchor's text, and whether it is the block's own anchor."""


def _holding_start(carry: _Carrying, old: _Old, expected: int) -> tuple[Choice, Choice]:
    """The block holding the start of ``old``'s text: (the choice, the fallback after ``_holding_end``).

    First a block without a number that holds the very words (a paragraph now shown in the page
    header: a byline); then a citable block that the text starts; then a block without a number
    that the text starts and that holds the whole of it (a short paragraph now a heading); then a
    citable block holding the text further in; each by score, then nearest ``expected``. A block
    without a number holding only the start of a longer text (a dateline split from its
    paragraph) is the fallback, when no block holds the text's end."""
    tiers: list[list[tuple[float, int, int]]] = [[], [], [], [], []]
    whole = not old.tail
    for i in range(len(carry.pool)):
        text = carry.text_of(i)
        score, at_start = _locate(old.head, text)
        if score < MATCH_SCORE:
            continue
        citable = i < len(carry.blocks)
        holds_all = whole and len(text) >= len(old.head) * 0.8
        if not citable and at_start and holds_all and digest(carry.pool[i].text) == old.digest:
            tier = 0  # the very words, now in a block without a number
        else:
            tier = 1 if citable and at_start else 2 if at_start and holds_all else 3 if citable else 4
        tiers[tier].append((score, -abs(i - expected), -i))
    picks = [(-max(t)[2], n == 1) if t else None for n, t in enumerate(tiers)]
    return next((p for p in picks[:4] if p is not None), None), picks[4]


def _holding_end(carry: _Carrying, old: _Old) -> tuple[int, bool] | None:
    """The first block holding the end of ``old``'s text (when long enough to tell)."""
    if len(old.tail) < 20:
        return None
    for i in range(len(carry.pool)):
        text = carry.text_of(i)
        found = fuzz.partial_ratio_alignment(old.tail, text) if len(text) >= len(old.tail) else None
        if found is not None and found.score >= MATCH_SCORE:
            return i, False
    return None


def _claim(carry: _Carrying, fuzzy: list[tuple[_Old, int, bool]]) -> None:
    """Anchors whose text starts a block claim it first; the rest become aliases."""
    for old, i, at_start in sorted(fuzzy, key=lambda f: not f[2]):
        if at_start and not carry.anchor[i]:
            carry.anchor[i], carry.para[i] = old.anchor, anchor_number(old.anchor)
        else:
            carry.aliases[i].append(old.anchor)


def _land_retired(carry: _Carrying) -> None:
    """Retired anchors land where they were: on the block after their nearest surviving predecessor."""
    lost = [o for o in carry.olds if o.anchor not in carry.owner]
    for old in lost:
        if old.anchor in carry.entry.retired:
            earlier = [carry.owner[o.anchor] for o in carry.olds
                       if anchor_number(o.anchor) < anchor_number(old.anchor)
                       and o.anchor in carry.owner and carry.owner[o.anchor] < len(carry.blocks)]
            if carry.blocks:
                i = min(max(earlier) + 1 if earlier else 0, len(carry.blocks) - 1)
                carry.aliases[i].append(old.anchor)
                carry.owner[old.anchor] = i


PRINTED_NUMBER = re.compile(r"(\d{1,4})\.\s+(?=\S)")
"""``12. The Committee …``: the number a document printed at the start of its own paragraph."""
UNPRINTED_STEP = 100
"""A page anchored at its printed numbers numbers its other blocks from the next hundred up
(``para-101`` …), so a paragraph the document did not number never holds a number a reader could
take for one the document printed (``para-15`` after ``14.``)."""
PRINTED_AT_LEAST = 3
"""Numbered paragraphs a document needs before its numbers are taken as its paragraph numbers."""


def printed_numbers(blocks: list[Block]) -> dict[int, int]:
    """Index in ``blocks`` → the number printed at the start of that paragraph, when the document
    numbers its own paragraphs (``1.`` … ``14.``: at least ``PRINTED_AT_LEAST``, each higher than
    the one before). A numbering that restarts or goes back is no paragraph numbering to cite."""
    found = [(i, int(m.group(1))) for i, b in enumerate(blocks)
             if b.kind == "paragraph" and (m := PRINTED_NUMBER.match(b.text))]
    numbers = [n for _, n in found]
    if len(found) < PRINTED_AT_LEAST or numbers[0] == 0 or any(b <= a for a, b in zip(numbers, numbers[1:])):
        return {}
    return dict(found)


def _number_new(carry: _Carrying, digests: list[str]) -> None:
    """Citable blocks still without an anchor get new numbers, after the highest ever used (their
    fingerprints made with their ``digests``). On a page published for the first time, a document
    that numbers its own paragraphs gives them their printed numbers (``para-12`` is the paragraph
    printed ``12.``, so a reader citing "para. 12" lands on it); its other blocks are numbered from
    the next hundred above the highest (``UNPRINTED_STEP``)."""
    used = [anchor_number(a) for a in (*carry.entry.anchors, *carry.entry.retired)]
    printed = {} if used else printed_numbers(carry.blocks)
    for i, n in printed.items():
        carry.para[i], carry.anchor[i] = n, f"para-{n}"
        carry.entry.anchors[carry.anchor[i]] = fingerprint(carry.blocks[i].text, digests[i])
    next_number = max(used, default=0) + 1
    if printed:  # the other blocks from the next hundred up: no number the document could print next
        next_number = (max(printed.values()) // UNPRINTED_STEP + 1) * UNPRINTED_STEP + 1
    for i, block in enumerate(carry.blocks):
        if not carry.anchor[i]:
            carry.para[i], carry.anchor[i] = next_number, f"para-{next_number}"
            carry.entry.anchors[carry.anchor[i]] = fingerprint(block.text, digests[i])
            next_number += 1
