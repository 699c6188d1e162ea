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

import re

from ...document import Block
from ..state import BLOCK, Chunk, CleanState, Line, rule
from ..text.blocks import join_lines
from ..text.markup import DEFINITION
from ..text.pages import furniture_line
from ..text.patterns import hyphen_end
from ..text.tables import Table, find_tables, gap_cells, heads_after_labels, leader_cells, numeric, stacked_cells

TABLE_REASON = "plain-text table (rows and columns kept as a table)"
PREFORMATTED_REASON = "tabular lines whose cells do not line up (kept as preformatted text)"
MAX_HEADER_LINES = 3
"""Lines of a table's header printed apart from its rows, a blank line above them."""
CHART_REASON = "a chart's labels and figures scattered by the extraction (kept as printed)"
HEAD_REASON = "column heads printed a blank line above a table's rows (its header row)"
INTERRUPTION_REASON = "lines that interrupted a table at a page break (placed after the table)"
MIN_ROW_CELLS = 4
"""Cells a row needs for a table to be followed across an interruption."""
MAX_INTERRUPTION_LINES = 6
"""Lines of text (a page's foot note, job number and running header) a table may be interrupted by."""


@rule(BLOCK, TABLE_REASON, PREFORMATTED_REASON, INTERRUPTION_REASON, HEAD_REASON, CHART_REASON)
def tables(state: CleanState) -> None:
    """Turn column-aligned and dot-leader tables into table blocks, ragged ones into preformatted
    blocks. ``Total admissions ........ 1,500`` → a row ``Total admissions | 1,500``."""
    resumed = _rejoin_interrupted(state)
    out: list[Chunk] = []
    group: list[Chunk] = []
    for chunk in state.chunks:
        if chunk.done is not None or not chunk.lines:
            out.extend(_tables_in(state, group))
            group = []
            out.append(chunk)
            continue
        if group and not (_page_break_between(state, group[-1], chunk) or id(chunk) in resumed
                          or _header_above(group[-1], chunk) or _rows_go_on(group[-1], chunk)):
            out.extend(_tables_in(state, group))
            group = []
        group.append(chunk)
    out.extend(_tables_in(state, group))
    _column_heads(state, out)
    state.chunks = out


def _column_heads(state: CleanState, chunks: list[Chunk]) -> None:
    """A few lines of side-by-side labels a blank line above a table, one cell short of its rows
    (``Nassau, Suffolk,  Orange, Putnam or`` / ``Rockland or city of New York  Dutchess`` over
    ``4/1/2023  $1,882  $1,004``): the heads of its columns after the row labels, printed where
    their columns do not show. They are stacked into the table's header row, the row labels'
    head empty (``| | Nassau, Suffolk, Rockland or city of New York | Orange, Putnam or Dutchess |``),
    never read as a section heading; a line with fewer cells goes on under the cells above it
    that end in ``,`` or ``/``."""
    for above, chunk in zip(chunks, chunks[1:]):
        table = chunk.done[0] if chunk.done else None
        if above.done is not None or table is None or table.kind != "table" or table.header or not table.rows:
            continue
        lines = [ln for ln in above.lines if ln.text and not ln.dropped]
        n = len(table.rows[0])
        if not 1 <= len(lines) <= MAX_HEADER_LINES or n < 3 or table.lines[0] - lines[-1].no != 2:
            continue
        cells = [[c for _, c in gap_cells(ln)] for ln in lines]
        places = heads_after_labels(cells, n)
        if places is None or any(numeric(x) for c in cells for x in c):
            continue
        head = stacked_cells(cells, places, n)
        table.rows.insert(0, head)
        table.header = 1
        table.text = " ".join([*head, table.text])
        table.lines = (lines[0].no, table.lines[1])
        above.done = []
        state.move(" ".join(head), HEAD_REASON, "tables", lines[0].no,
                   f"header row of the table, line {table.lines[0] + len(lines) + 1}")


def _row_cells(line: Line) -> int:
    """The cells of a table row (most of them numbers), 0 for any other line."""
    cells = gap_cells(line) if line.text else []
    return len(cells) if len(cells) >= MIN_ROW_CELLS and 2 * sum(numeric(c) for _, c in cells) > len(cells) else 0


def _rejoin_interrupted(state: CleanState) -> set[int]:
    """A table whose rows stop at the end of a chunk and go on, with as many cells, in a chunk a
    few lines below, with a page mark among them (a page's foot note, job number and running
    header in between, not removed as page furniture): the
    lines between are placed after the rows that resume, and those rows are read with the table
    above (the ids of the chunks that resume one)."""
    chunks = state.chunks
    resumed: set[int] = set()
    for i, chunk in enumerate(chunks):
        n = _row_cells(chunk.lines[-1]) if chunk.done is None and chunk.lines else 0
        if not n:
            continue
        between: list[int] = []
        for k in range(i + 1, min(len(chunks), i + 5)):
            nxt = chunks[k]
            if nxt.done is None and len(nxt.lines) >= 2 and all(_row_cells(ln) == n for ln in nxt.lines[:2]):
                kept = [ln for j in between for ln in chunks[j].lines if ln.text and not ln.dropped]
                if between and len(kept) <= MAX_INTERRUPTION_LINES and any(map(_page_mark, kept)):
                    for j in between:
                        if chunks[j].lines:
                            state.move(chunks[j].text, INTERRUPTION_REASON, "tables", chunks[j].first,
                                       f"after the table, line {nxt.lines[-1].no}")
                    chunks[i + 1:k + 1] = [nxt, *(chunks[j] for j in between)]
                    resumed.add(id(nxt))
                break
            if nxt.done not in (None, []):
                break
            between.append(k)
    return resumed


def _page_mark(line: Line) -> bool:
    """A page's number, job number or running header with its number: a short line with a digit
    (``A. 10527  2``, ``LBD12038-03-4``, ``Journal officiel — page 4``)."""
    return len(line.text.split()) <= 6 and any(ch.isdigit() for ch in line.text)





def _header_above(a: Chunk, b: Chunk) -> bool:
    """``a`` is the header of the table that starts ``b``, printed a blank line above its rows
    (``HIRING  JOB`` / ``SG  RATE  STEP 1 … INCR`` / blank / ``1  33177  34443 …``): a few lines,
    the last with as many cells as the rows, none of them numbers."""
    if not 1 <= len(a.lines) <= MAX_HEADER_LINES or len(b.lines) < 2 or b.lines[0].no - a.lines[-1].no != 2:
        return False
    n = _row_cells(b.lines[0])
    last = [cell for _, cell in gap_cells(a.lines[-1])]
    return bool(n) and _row_cells(b.lines[1]) == n and len(last) == n and not any(numeric(c) for c in last)


def _rows_go_on(a: Chunk, b: Chunk) -> bool:
    """``b`` goes on with the rows ``a`` ends with, after one blank line (a page break the
    extraction left as a blank line): ``a``'s last line and ``b``'s first two (or its only one)
    are dot-leader rows (``Legal Aid Society ...... 17,500``), or rows of as many cells, most
    of them numbers."""
    if not a.lines or not b.lines or b.lines[0].no - a.lines[-1].no != 2:
        return False
    ends, starts = a.lines[-1], b.lines[:2]
    if leader_cells(ends.text) is not None:
        return all(leader_cells(ln.text) is not None for ln in starts)
    n = _row_cells(ends)
    return bool(n) and all(_row_cells(ln) == n for ln in starts)


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
        reason = CHART_REASON if table.kind == "chart" else PREFORMATTED_REASON
        state.move(" ".join(text.split()), reason, "tables", first, f"preformatted, {where}")
        return [Block("preformatted", text, lines=(first, last), label="chart" if table.kind == "chart" else "")]
    out: list[Block] = []
    if table.heading_lines:
        heads = span[:table.heading_lines]
        out.append(Block("preformatted", "\n".join(ln.text for ln in heads), label="table_heading",
                         lines=(heads[0].no, heads[-1].no)))
        state.count("preformatted")
    rows = table.rows
    if table.kind == "figures":  # a label's lines, joined as a paragraph's
        rows = [[figure, join_lines(state, label.split("\n"), first)] for figure, label in rows]
    text = " ".join(c for row in rows for c in row)
    out.append(Block("table", text, lines=(first, last), rows=rows, header=table.header, align=table.align))
    state.count("tables")
    state.move(text, TABLE_REASON, "tables", first,
               f"table, {where} ({len(rows) - table.header} rows × {len(table.align)} columns)")
    return out


MARKDOWN_TABLE_REASON = "Markdown pipe table (its rows and columns kept as a table)"
_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_PIPE_CELL = re.compile(r"(?<!\\)\|")


@rule(BLOCK, MARKDOWN_TABLE_REASON)
def markdown_tables(state: CleanState) -> None:
    """A converter's Markdown pipe table (a ``| a | b |`` row, a ``|---|---|`` line under it,
    rows after) becomes a table block, the header row first, numbers aligned right; the
    chunk is split around it. ``| Instrument | Year |⏎|---|---|⏎| 1954 Convention | 1954 |``."""
    out: list[Chunk] = []
    for chunk in state.chunks:
        if chunk.done is not None or len(chunk.lines) < 2 or not any("|" in ln.text for ln in chunk.lines):
            out.append(chunk)
            continue
        out.extend(_split_pipe_tables(state, chunk))
    state.chunks[:] = out


def _split_pipe_tables(state: CleanState, chunk: Chunk) -> list[Chunk]:
    lines, out, rest = chunk.lines, [], []
    k = 0
    while k < len(lines):
        if k + 1 < len(lines) and _pipe_row(lines[k].text) and _PIPE_SEPARATOR.match(lines[k + 1].text):
            end = k + 2
            while end < len(lines) and _pipe_row(lines[end].text):
                end += 1
            if rest:
                out.append(Chunk(rest))
                rest = []
            out.append(Chunk(lines[k:end], done=[_pipe_table(state, lines[k], lines[k + 1], lines[k + 2:end])]))
            k = end
            continue
        rest.append(lines[k])
        k += 1
    if rest:
        out.append(Chunk(rest))
    out[-1].after = chunk.after
    return out


def _pipe_row(text: str) -> bool:
    return text.startswith("|") and len(_PIPE_CELL.findall(text)) >= 2


def _pipe_cells(text: str) -> list[str]:
    inner = text.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [" ".join(c.replace("\\|", "|").split()) for c in _PIPE_CELL.split(inner)]


def _pipe_table(state: CleanState, head: Line, separator: Line, body: list[Line]) -> Block:
    rows = [_pipe_cells(head.text)] + [_pipe_cells(ln.text) for ln in body]
    n = max(len(r) for r in rows)
    rows = [r + [""] * (n - len(r)) for r in rows]  # a short row is padded, no cell is dropped
    marks = _pipe_cells(separator.text)
    align = []
    for j in range(n):
        mark = marks[j] if j < len(marks) else ""
        column = [r[j] for r in rows[1:] if r[j]]
        right = mark.endswith(":") and not mark.startswith(":") or \
            (not mark.endswith(":") and bool(column) and sum(numeric(c) for c in column) * 5 >= len(column) * 3)
        align.append("right" if right else "left")
    last = body[-1].no if body else separator.no
    text = " ".join(c for row in rows for c in row)
    state.count("tables")
    state.move(text, MARKDOWN_TABLE_REASON, "markdown_tables", head.no,
               f"table, lines {head.no}–{last} ({len(rows) - 1} rows × {n} columns)")
    return Block("table", text, lines=(head.no, last), rows=rows, header=1, align=align)


COLUMNS_REASON = "right-hand column of text printed side by side (placed after the left-hand column)"
SIDE_GAP = re.compile(r"\S(\s{5,})(?=\S)")
"""A gap of five spaces or more inside a line: two texts side by side, not words of one sentence
(justified prose widens a gap to two or three spaces)."""


PAGE_LINE_REASON = "page header or footer: short texts and a page number set apart by layout gaps"


@rule(BLOCK, COLUMNS_REASON, PAGE_LINE_REASON)
def side_by_side(state: CleanState) -> None:
    """Texts printed side by side that are no table (a parallel text's two languages, two
    signatures, a cover's masthead) are read column by column: the left-hand column's lines,
    then the right-hand column's, each its own block; their words are kept, none is joined
    across the gap. ``COUNCIL OF EUROPE      CONSEIL DE L'EUROPE`` → two lines."""
    out: list[Chunk] = []
    for chunk in state.chunks:
        if chunk.done is None:
            _page_lines(state, chunk)
        parts = _columns_of(chunk) if chunk.done is None and chunk.lines else None
        if parts is None:
            out.append(chunk)
            continue
        # Columns of several lines are blocks of their own; the texts of one line stay lines of one block.
        pieces = [Chunk(column) for column in parts] if len(chunk.lines) > 1 else [Chunk([c[0] for c in parts])]
        pieces[-1].after = chunk.after
        out.extend(pieces)
        for column in parts[1:]:
            text = " ".join(ln.text for ln in column)
            state.move(text, COLUMNS_REASON, "side_by_side", column[0].no,
                       f"after the left-hand column, line {column[0].no}")
        state.count("side_by_side_columns", len(parts))
    state.chunks[:] = out


def _page_lines(state: CleanState, chunk: Chunk) -> None:
    """A line of side-by-side texts where one is a page number and the others are short is a
    page header or footer, not a column: removed (``Report title      Page 2 of 6``)."""
    paged = [ln for ln in chunk.lines if not ln.dropped and SIDE_GAP.search(ln.text) and furniture_line(ln.text)]
    if len(paged) != 1:
        return  # (page numbers one under the other: a table of contents)
    state.remove(paged[0], PAGE_LINE_REASON, "side_by_side")
    chunk.lines[:] = [ln for ln in chunk.lines if not ln.dropped]
    if not chunk.lines:
        chunk.done = []


def _columns_of(chunk: Chunk) -> list[list[Line]] | None:
    """The chunk's columns (each a list of lines), when every line is two or more texts
    separated by wide gaps (or, for a few, one text standing in one column: ``Minister of
    Inclusion,      Minister of Foreign Affairs`` / ``Social Security and Migration``), no text
    reaching into the next column, and no cell a number or a label with a colon (a key-value
    list, a table); ``None`` otherwise."""
    rows = [_side_parts(ln) for ln in chunk.lines]
    full = [r for r in rows if len(r) > 1]
    if not full:
        return None
    n = len(full[0])
    if any(len(r) != n for r in full) or (len(rows) == 1 and n > 3):
        return None
    if len(full) < len(rows) and (len(full) < 2 or len(full) * 2 < len(rows)):
        return None
    for j in range(n):
        cells = [r[j][2] for r in full]
        if any(numeric(c) or c.rstrip().endswith(":") for c in cells):
            return None
        if j < n - 1 and any(hyphen_end(c.rstrip()) for c in cells):
            return None  # ``coopera-     Sincerely,``: a column read on would join the word part across the gap
        if j and min(r[j][0] for r in full) <= max(r[j - 1][1] for r in full):
            return None  # the columns overlap: not texts side by side
    columns: list[list[Line]] = [[] for _ in range(n)]
    for ln, r in zip(chunk.lines, rows):
        places = range(n) if len(r) == n else [_column_at(r[0], full, n)]
        for j, (start, _, text) in zip(places, r):
            if j is None:
                return None
            columns[j].append(Line(ln.no, text.strip(), lead=start))
    return columns


def _side_parts(ln: Line) -> list[tuple[int, int, str]]:
    """A line's texts set apart by wide gaps: ``(start, end, text)`` of each."""
    parts, at = [], 0
    for m in SIDE_GAP.finditer(ln.text):
        parts.append((ln.lead + at, ln.lead + m.start(1), ln.text[at:m.start(1)]))
        at = m.end(1)
    parts.append((ln.lead + at, ln.lead + len(ln.text), ln.text[at:]))
    return parts


def _column_at(part: tuple[int, int, str], full: list[list[tuple[int, int, str]]], n: int) -> int | None:
    """The column a line's only text stands in: it starts where that column's texts start (give
    or take two) and ends before the next column starts; ``None`` else."""
    start, end, _ = part
    for j in range(n):
        first = min(r[j][0] for r in full)
        nxt = min(r[j + 1][0] for r in full) if j + 1 < n else 10 ** 6
        if abs(start - first) <= 2 and end < nxt:
            return j
    return None


DEFINITION_LIST_REASON = "Markdown definition list (each term and its definition a row of a table)"
_FIELD = re.compile(r"^(?P<label>[^\W\d_][^:]{0,40}?):\s+(?P<value>\S.*)$")


@rule(BLOCK, DEFINITION_LIST_REASON)
def definition_lists(state: CleanState) -> None:
    """A converter's definition list (``Fundstelle`` / ``:   BGBl I: 1993, 1074``, item after item)
    becomes a two-column table, a term and its definition a row; a ``Label: value`` line among
    the items is a row too. ``Fundstelle⏎:   BGBl I``⏎⏎``Stand⏎:   2021`` → 2 rows."""
    out: list[Chunk] = []
    run: list[tuple[Chunk, list[list[str]]]] = []
    for chunk in state.chunks:
        rows = _definition_rows(chunk) if chunk.done is None and chunk.lines else None
        if rows is not None:
            run.append((chunk, rows))
            continue
        out.extend(_definition_table(state, run))
        run = []
        out.append(chunk)
    out.extend(_definition_table(state, run))
    state.chunks[:] = out


def _definition_rows(chunk: Chunk) -> list[list[str]] | None:
    """The rows of a chunk that is definition-list items (at least one ``:   …`` line), or ``None``."""
    lines = [ln.text for ln in chunk.lines]
    if not any(DEFINITION.match(t) for t in lines):
        return None
    rows: list[list[str]] = []
    k = 0
    while k < len(lines):
        nxt = DEFINITION.match(lines[k + 1]) if k + 1 < len(lines) else None
        if nxt and not DEFINITION.match(lines[k]):
            rows.append([lines[k].strip(), nxt.group(1).strip()])
            k += 2
            continue
        field = _FIELD.match(lines[k])
        if field is None:
            return None
        rows.append([field.group("label").strip(), field.group("value").strip()])
        k += 1
    return rows


def _definition_table(state: CleanState, run: list[tuple[Chunk, list[list[str]]]]) -> list[Chunk]:
    if not run:
        return []
    rows = [row for _, chunk_rows in run for row in chunk_rows]
    if len(rows) < 2:
        return [chunk for chunk, _ in run]
    first, last = run[0][0].lines[0].no, run[-1][0].lines[-1].no
    text = " ".join(c for row in rows for c in row)
    block = Block("table", text, lines=(first, last), rows=rows, header=0, align=["left", "left"])
    state.count("tables")
    state.move(text, DEFINITION_LIST_REASON, "definition_lists", first,
               f"table, lines {first}–{last} ({len(rows)} rows × 2 columns)")
    merged = Chunk([ln for chunk, _ in run for ln in chunk.lines], done=[block])
    merged.after = [b for chunk, _ in run for b in chunk.after]
    return [merged]
