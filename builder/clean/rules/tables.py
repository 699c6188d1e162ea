"""Plain-text tables: column-aligned rows, ``pdftotext -layout`` tables and dot-leader lists
become ``table`` blocks (rows of cells, a header row when one is evident, numbers aligned
right); lines that look tabular but do not split into the same number of cells on every row
become a ``preformatted`` block (their line breaks kept), never a reflowed paragraph.

Runs before the rules that join lines (``letter``, ``floats``, ``reflow``): a chunk holding a
table is split around it, and the table's chunk is ``done``. Chunks separated only by lines a
line rule removed (a running header at a page break) are read together, so a table that goes
on over a page break stays one table. Each table is listed in the report as a move (``table,
lines 12–30``) and counted in ``stats`` (``tables``, ``preformatted``).
"""

from __future__ import annotations

from ...document import Block
from ..state import BLOCK, Chunk, CleanState, Line, rule
from ..text.tables import Table, find_tables

TABLE_REASON = "plain-text table (rows and columns kept as a table)"
PREFORMATTED_REASON = "tabular lines whose cells do not line up (kept as preformatted text)"


@rule(BLOCK, TABLE_REASON, PREFORMATTED_REASON)
def tables(state: CleanState) -> None:
    """Turn column-aligned and dot-leader tables into table blocks, ragged ones into preformatted
    blocks. ``Total admissions ........ 1,500`` → a row ``Total admissions | 1,500``."""
    out: list[Chunk] = []
    group: list[Chunk] = []
    for chunk in state.chunks:
        if chunk.done is not None or not chunk.lines:
            out.extend(_tables_in(state, group))
            group = []
            out.append(chunk)
            continue
        if group and not _page_break_between(state, group[-1], chunk):
            out.extend(_tables_in(state, group))
            group = []
        group.append(chunk)
    out.extend(_tables_in(state, group))
    state.chunks = out


def _page_break_between(state: CleanState, a: Chunk, b: Chunk) -> bool:
    """Only blank lines and lines a rule removed (page furniture) between the two chunks, and
    at least one removed line."""
    lo, hi = a.lines[-1].no, b.lines[0].no  # 1-based: state.lines[no - 1]
    between = state.lines[lo:hi - 1]
    return any(ln.dropped for ln in between) and all(ln.dropped or not ln.text for ln in between)


def _tables_in(state: CleanState, group: list[Chunk]) -> list[Chunk]:
    if not group:
        return []
    lines: list[Line] = [ln for c in group for ln in c.lines]
    if sum(1 for ln in lines if ln.text) < 2:
        return group
    found = find_tables(lines)
    if not found:
        return group
    starts = set()
    at = 0
    for c in group:
        starts.add(at)
        at += len(c.lines)
    out: list[Chunk] = []
    pos = 0
    for table in found:
        out.extend(_plain(lines, pos, table.start, starts))
        out.append(Chunk(lines[table.start:table.end], done=_blocks(state, lines, table)))
        pos = table.end
    out.extend(_plain(lines, pos, len(lines), starts))
    return out


def _plain(lines: list[Line], a: int, b: int, starts: set[int]) -> list[Chunk]:
    """``lines[a:b]`` as chunks, split where the original chunks were."""
    out: list[Chunk] = []
    current: list[Line] = []
    for k in range(a, b):
        if k in starts and current:
            out.append(Chunk(current))
            current = []
        current.append(lines[k])
    if current:
        out.append(Chunk(current))
    return out


def _blocks(state: CleanState, lines: list[Line], table: Table) -> list[Block]:
    span = lines[table.start:table.end]
    first, last = span[0].no, span[-1].no
    where = f"lines {first}–{last}" if last != first else f"line {first}"
    if table.ragged:
        indent = min(ln.lead for ln in span if ln.text)
        text = "\n".join(" " * (ln.lead - indent) + ln.text if ln.text else "" for ln in span)
        state.count("preformatted")
        state.move(" ".join(text.split()), PREFORMATTED_REASON, "tables", first, f"preformatted, {where}")
        return [Block("preformatted", text, lines=(first, last))]
    out: list[Block] = []
    if table.heading_lines:
        heads = span[:table.heading_lines]
        out.append(Block("preformatted", "\n".join(ln.text for ln in heads), label="table_heading",
                         lines=(heads[0].no, heads[-1].no)))
        state.count("preformatted")
    rows = table.rows
    text = " ".join(c for row in rows for c in row)
    out.append(Block("table", text, lines=(first, last), rows=rows, header=table.header, align=table.align))
    state.count("tables")
    state.move(text, TABLE_REASON, "tables", first,
               f"table, {where} ({len(rows) - table.header} rows × {len(table.align)} columns)")
    return out
