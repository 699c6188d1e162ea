"""Structure an extraction flattened into running text, rebuilt from its shape.

* An enumeration item run into the one above it: the list goes ``(d)``, ``(e)``, ``(g)`` and
  ``(e)`` holds ``… 50 (f) Special consideration …``: ``(f)`` starts its own item.
* A small table flattened into a sentence: three or more label-and-number pairs in a row
  (``… as follows- Single Males 45 Single Women 35 Married persons with children 50``),
  each label of two words or more, become a two-column table after the block.

Each change is a move in the report with its reason; no word is dropped.
"""

from __future__ import annotations

import re

from ...document import Block
from ..state import BLOCK, CleanState, rule

ITEM_REASON = "an enumeration item run into the item above it (made its own item)"
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
