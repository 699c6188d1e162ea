"""Structure an extraction flattened into running text, rebuilt from its shape.

* An enumeration item run into the one above it: the list goes ``(d)``, ``(e)``, ``(g)`` and
  ``(e)`` holds ``… 50 (f) Special consideration …``: ``(f)`` starts its own item.
* Enumeration markers nest by family (``(A)`` > ``(a)`` > ``(i)``, in the order a list opens
  them): an item of a family already open goes back to its level, a new family one level
  deeper. ``(i)`` after ``(h)`` is a letter; after ``(e)``, or opening a list, a Roman numeral.
* A list item's text that goes on after a blank line (``(a) … without their families;`` /
  ``and are in possession of …``: the next paragraph starts in lower case) is joined to it.
* A small table flattened into a sentence: three or more label-and-number pairs in a row
  (``… as follows- Single Males 45 Single Women 35 Married persons with children 50``),
  each label of two words or more, become a two-column table after the block.

Each change is a move in the report with its reason; no word is dropped.
"""

from __future__ import annotations

import re

from ...document import Block
from ..state import BLOCK, CleanState, rule
from ..text.patterns import list_marker

ITEM_REASON = "an enumeration item run into the item above it (made its own item)"
CONTINUED_REASON = "a list item's text going on after a blank line, in lower case (joined to its item)"
SUB_ITEM_REASON = "an item opening its sub-list at once, ``(e) (i) …`` (the sub-item made an item under it)"
TABLE_REASON = "label-and-number pairs run into the text (a flattened table, rebuilt as a table)"

_PAIR = r"[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){1,5}\s+\d{1,4}(?![\w,.])"
PAIRS = re.compile(rf"(?<![\w,])(?:{_PAIR})(?:\s+{_PAIR}){{2,}}")
"""Three or more ``Label words 45`` pairs in a row, with nothing else between them."""
_ONE_PAIR = re.compile(r"(?P<label>[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){1,5})\s+(?P<value>\d{1,4})(?![\w,.])")
MIN_PAIRS = 3


@rule(BLOCK, ITEM_REASON, TABLE_REASON)
def flattened(state: CleanState) -> None:
    """Split an item that holds the next one of its list, and rebuild a table of
    label-and-number pairs flattened into a sentence. ``(e) … 50 (f) Special …`` before
    ``(g)`` → items ``(e)`` and ``(f)``."""
    _run_in_items(state)
    _flat_tables(state)


def _next_letter(number: str, step: int = 1) -> str:
    return chr(ord(number) + step) if len(number) == 1 and number.isalpha() else ""


def _run_in_items(state: CleanState) -> None:
    blocks = state.blocks
    i = 0
    while i < len(blocks):
        b = blocks[i]
        nxt = next((n for n in blocks[i + 1:] if n.kind == "list_item" and n.level == b.level), None)
        missing = _next_letter(b.number) if b.kind == "list_item" and not b.spans else ""
        if missing and nxt is not None and nxt.number == _next_letter(b.number, 2):
            found = list(re.finditer(rf"(?<=\s)\({re.escape(missing)}\)\s+(?=[A-Z])", b.text))
            if len(found) == 1:
                m = found[0]
                item = Block("list_item", b.text[m.end():], level=b.level, number=missing, lines=b.lines)
                b.text = b.text[:m.start()].rstrip()
                blocks.insert(i + 1, item)
                state.move(item.text, ITEM_REASON, "flattened", b.lines[0], f"item ({missing})")
                state.count("run_in_items_split")
        i += 1


def _flat_tables(state: CleanState) -> None:
    blocks = state.blocks
    i = 0
    while i < len(blocks):
        b = blocks[i]
        m = PAIRS.search(b.text) if b.kind in ("paragraph", "list_item") and not b.spans else None
        if m is None or m.start() == 0:
            i += 1
            continue
        rows = [[p.group("label"), p.group("value")] for p in _ONE_PAIR.finditer(m.group(0))]
        if len(rows) < MIN_PAIRS:
            i += 1
            continue
        rest = b.text[m.end():].strip()
        b.text = b.text[:m.start()].rstrip()
        table = Block("table", " ".join(c for row in rows for c in row), lines=b.lines, rows=rows, header=0,
                      align=["left", "right"])
        added = [table] + ([Block("paragraph", rest, lines=b.lines)] if rest else [])
        blocks[i + 1:i + 1] = added
        state.move(m.group(0), TABLE_REASON, "flattened", b.lines[0], f"table after line {b.lines[0]}")
        state.count("tables")
        i += 1 + len(added)


_MARKER = re.compile(r"^\((?P<m>[a-zA-Z]{1,5}|\d{1,3})\)(?=\s)")
_ROMAN_LOWER = re.compile(r"^[ivxlc]+$")
_ROMAN_UPPER = re.compile(r"^[IVXLC]+$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman_value(marker: str) -> int:
    values = [_ROMAN_VALUES[c] for c in marker.lower()]
    return sum(-v if nxt > v else v for v, nxt in zip(values, values[1:] + [0]))


def _marker(b: Block) -> str:
    """A list item's bracketed marker (``(a)``, ``(iv)``, ``(A)``, ``(3)``): its ``Block.number``
    or printed at the start of its text."""
    if b.kind != "list_item":
        return ""
    if b.number and not b.number.isdigit():
        return b.number
    m = _MARKER.match(b.text)
    return m.group("m") if m else ""


def _family(marker: str, stack: list[tuple[str, int]]) -> tuple[str, int]:
    """(family, value) of a marker. A single ``i``, ``v`` or ``x`` is the letter when it
    continues an open list of letters (``(h)`` → ``(i)``), else a Roman numeral."""
    if marker.isdigit():
        return "digit", int(marker)
    lower = marker.islower()
    letter = ("lower" if lower else "upper", ord(marker.lower()) - ord("a") + 1) if len(marker) == 1 else None
    if (_ROMAN_LOWER if lower else _ROMAN_UPPER).match(marker):
        roman = ("roman" if lower else "ROMAN", _roman_value(marker))
        if letter is None or not any(f == letter[0] and v + 1 == letter[1] for f, v in stack):
            return roman
    return letter or ("other", 0)


@rule(BLOCK, SUB_ITEM_REASON)
def item_levels(state: CleanState) -> None:
    """Nest bracketed enumeration items by their marker's family, in the order the list opens
    them: ``(B)`` / ``(a)`` … ``(e) (i) …`` / ``(ii)`` / ``(iii)`` / ``(C)`` → (B) and (C) at one
    level, (a)–(e) one deeper, (i)–(iii) under (e). A list whose items all have one family
    is left as it is."""
    _open_sub_items(state)
    blocks = state.blocks
    runs: list[list[int]] = []
    gap = True
    for i, b in enumerate(blocks):
        if not _marker(b):
            gap = gap or b.kind != "footnote"
            continue
        if gap and not (runs and _continues(blocks, runs[-1], b)):
            runs.append([])
        runs[-1].append(i)
        gap = False
    for run in runs:
        _nest(state, blocks, run)


def _open_sub_items(state: CleanState) -> None:
    """An item whose text starts with the first marker of another family (``(e) (i) In the
    case …``) opens that sub-list at once: ``(e)`` becomes an item of its own and ``(i) In the
    case …`` the first item under it, beside the ``(ii)`` that follows."""
    blocks = state.blocks
    i = 0
    while i < len(blocks):
        b = blocks[i]
        outer = _marker(b) if b.number and not b.number.isdigit() and not b.spans else ""
        inner = _MARKER.match(b.text) if outer else None
        if inner and _opens_family(outer, inner.group("m")):
            item = Block("list_item", b.text[inner.end():].lstrip(), level=b.level, number=inner.group("m"),
                         lines=b.lines)
            b.text = ""
            blocks.insert(i + 1, item)
            state.move(item.text, SUB_ITEM_REASON, "item_levels", b.lines[0], f"item ({item.number})")
            state.count("sub_items_opened")
        i += 1


def _opens_family(outer: str, inner: str) -> bool:
    """``inner`` is the first marker of a family other than ``outer``'s (``(i)`` after ``(e)``)."""
    stack = [_family(outer, [])]
    family, value = _family(inner, stack)
    return value == 1 and family not in (stack[0][0], "other")


def _continues(blocks: list[Block], run: list[int], b: Block) -> bool:
    """After text between items, ``b`` goes on with the list when its marker is the next one
    of a family the list has open (``(d)`` … a paragraph … ``(e)``)."""
    stack = _stack([blocks[i] for i in run])
    family, value = _family(_marker(b), stack)
    return any(f == family and v + 1 == value for f, v in stack)


def _stack(items: list[Block]) -> list[tuple[str, int]]:
    stack: list[tuple[str, int]] = []
    for b in items:
        _place(b, stack)
    return stack


def _place(b: Block, stack: list[tuple[str, int]]) -> int:
    """The level of ``b`` among the open families (``stack``, outermost first), updated."""
    family, value = _family(_marker(b), stack)
    depth = next((d for d, (f, _) in enumerate(stack) if f == family), len(stack))
    del stack[depth:]
    stack.append((family, value))
    inner = _MARKER.match(b.text) if b.number and not b.number.isdigit() else None
    if inner:  # ``(e) (i) In the case …``: the item opens its own sub-list at once
        stack.append(_family(inner.group("m"), stack))
    return depth


def _nest(state: CleanState, blocks: list[Block], run: list[int]) -> None:
    """Set the levels of the items ``run`` (indexes into ``blocks``). Text between items ends
    the Markdown list, so each stretch of items right after one another starts at the top
    level and keeps the nesting inside it (``(e)`` after a paragraph, its ``(ii)`` under it; an
    item above the stretch's first, ``(C)``, at the top level too)."""
    items = [blocks[i] for i in run]
    if any(b.level for b in items):
        return  # nested already by indentation
    stack: list[tuple[str, int]] = []
    levels = [_place(b, stack) for b in items]
    if max(levels) == 0:
        return
    start = 0
    for k in range(1, len(run) + 1):
        if k == len(run) or any(blocks[j].kind != "footnote" for j in range(run[k - 1] + 1, run[k])):
            top = levels[start]
            for b, level in zip(items[start:k], levels[start:k]):
                top = min(top, level)
                b.level = level - top
            start = k
    state.count("item_levels", sum(1 for b in items if b.level))


_CLOSED = frozenset(".!?")
_ITEM_MARK = re.compile(r"^\(?[^\W\d_]{1,4}[.)]\s")
"""A marker no list pattern reads, at a line start: ``bb)``, ``aa.``, ``(iv)``: an item of its own."""


@rule(BLOCK, CONTINUED_REASON)
def continued_items(state: CleanState) -> None:
    """A paragraph that starts in lower case right after a list item whose text ends no
    sentence (``… without their wives and families;`` / ``and are in possession of …``) is the
    rest of that item's text, split off by a blank line: joined to the item."""
    out: list[Block] = []
    for b in state.blocks:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "list_item" and b.kind == "paragraph" and not b.label \
                and b.text[:1].islower() and prev.text.rstrip("”\"’')")[-1:] not in _CLOSED \
                and not list_marker(b.text) and not _ITEM_MARK.match(b.text):
            shift = len(prev.text) + 1
            prev.text = f"{prev.text} {b.text}"
            prev.spans.extend(span.shifted(shift) for span in b.spans)
            prev.lines = (prev.lines[0], b.lines[1])
            state.move(b.text, CONTINUED_REASON, "continued_items", b.lines[0], f"item from line {prev.lines[0]}")
            state.count("continued_items")
            continue
        out.append(b)
    state.blocks[:] = out
