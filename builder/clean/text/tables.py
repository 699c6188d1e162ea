"""Plain-text tables found from the shape of the lines: cells, rows, header, alignment.

Three shapes are recognised:

* **column-aligned** rows (typed tables, ``pdftotext -layout``): cells separated by two or
  more spaces or a tab, the same number of cells on every row;
* **dot leaders** (``Total admissions ........ 1,500``): a label, a run of three or more dots
  (or ``. . .``), then one or more values; a label wrapped onto a line of its own above its
  leader line is joined to it;
* both need **evidence**: a column of numbers (not the first column), dot leaders, or, for
  text-only columns, cell starts that line up on at least three rows of short cells. Rows
  whose first cell is a list marker (``1.``, ``a)``) over prose are a list, not a table.

``find_tables(lines)`` returns the ``Table``s of a run of lines (line indices, rows, header,
alignment, or ``ragged`` when the lines look tabular but do not split into the same number
of cells: they are kept as a preformatted block). Pure functions over ``Line``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..state import Line
from .patterns import list_marker

GAP = re.compile(r"\t+ *| {2,}\t*")
"""What separates two cells: two or more spaces, or a tab."""
LEADER = re.compile(r"\s*(?:\.\s?){3,}\s*|\s*(?:…\s?){2,}\s*|\s*(?:·\s?){3,}\s*")
"""A dot leader: three or more dots (``....``, ``. . .``), ellipses or middle dots."""
NUMBER = re.compile(r"^[(\[]?[-–−+±]?[$€£¥₹]?\s?(?:\d{1,3}(?: \d{3})+(?:[.,]\d+)?|\d[\d,.'’\u202f\u00a0]*|[.,]\d+)"
                    r"(?:\s?(?:%|‰|[kKmM]|bn))?[)\]]?\*?$|^[-–—]$|^n/?a$|^…$", re.IGNORECASE)
"""A numeric cell: ``1,500``, ``1 500`` (a space between groups of three digits: the thousands
separator of French, Swedish or UN documents), ``(3.5)``, ``-12%``, ``$ 40``, or an empty-value
dash."""
_LEADER_VALUE = re.compile(r"^(?P<label>(?:.*?\S)?)(?P<leader>\s*(?:\.\s?){4,}|\s*(?:…\s?){2,}|\s*(?:·\s?){4,})"
                           r"\s*(?P<value>[^.\s].*)$")
_COLLIDED = re.compile(r"^(?P<label>.*?\S)(?P<space>\s*)(?<![\d,.])(?P<value>\d{1,3}(?:,\d{3})+|\d+\.\d+)$")
"""A leader row whose leader is missing: the value right after the label (``Inc 7,000``)."""
_GLUED = re.compile(r"(?<=[^\W\d_]|[)\]])\d{1,3}(?:,\d{3})+$")
"""A value with a thousands separator right after a letter or bracket: where a label runs into it."""
_SHORT_LEADER = re.compile(r"(?<=\S)\s+\.{2,3}$")
"""What is left of a leader the label filled (``Roy Wilkins Park .. 30,000``): not the label's."""
_ALPHA = re.compile(r"[^\W\d_]")

MAX_HEADER_LINES = 4
MAX_CELL_WORDS = 10
"""A cell of more words is a sentence: the lines are prose, not a table."""
MAX_CONTINUATION = 2
"""Label lines a dot-leader row may wrap onto above its leader line."""


@dataclass(slots=True)
class Table:
    """A table (or a ragged, preformatted block) over ``lines[start:end]`` of a run."""

    start: int
    end: int
    rows: list[list[str]] = field(default_factory=list)
    """Every row's cells (header rows first), whitespace inside a cell collapsed."""
    header: int = 0
    """How many of ``rows`` are header rows (0 or 1)."""
    align: list[str] = field(default_factory=list)
    """Per column ``right`` (numbers) or ``left``."""
    ragged: bool = False
    """Tabular but the cells do not line up: keep the lines as they are (preformatted)."""
    heading_lines: int = 0
    """Column-heading lines above the table whose cells could not be placed in columns:
    ``lines[start:start + heading_lines]`` are kept as a preformatted block above it."""
    kind: str = "columns"
    """``columns`` (whitespace-separated), ``leaders`` (dot leaders), ``figures`` (key figures
    over their labels: each figure a row, its label's lines ``\n``-separated in its cell) or
    ``chart`` (a chart's scattered labels: ``ragged``, kept as printed)."""


def numeric(cell: str) -> bool:
    return bool(NUMBER.match(cell.strip()))


def _clean(cell: str) -> str:
    return " ".join(cell.split())


def gap_cells(line: Line) -> list[tuple[int, str]]:
    """The cells of a line split at two or more spaces or a tab, with each cell's column."""
    out: list[tuple[int, str]] = []
    pos = 0
    text = line.text
    for m in GAP.finditer(text):
        if m.start() > pos:
            out.append((line.lead + pos, text[pos:m.start()]))
        pos = m.end()
    if pos < len(text):
        out.append((line.lead + pos, text[pos:]))
    return out


_LEADER_SCREEN: list[Callable[[str], bool]] = []
"""What tells the lines worth trying ``_LEADER_VALUE`` on (``use_leader_screen``); none: every line."""


def use_leader_screen(screen: Callable[[str], bool]) -> None:
    """Try ``_LEADER_VALUE`` only on a line ``screen`` lets through: a screen that lets every line
    with a dot leader through gives the same cells, faster (the engine passes one)."""
    _LEADER_SCREEN[:] = [screen]


def may_have_leader(text: str) -> bool:
    """Whether ``_LEADER_VALUE`` is tried on ``text``: always, unless a screen is in use."""
    return not _LEADER_SCREEN or _LEADER_SCREEN[0](text)


def leader_cells(text: str) -> list[str] | None:
    """``Label ..... 1,500   2,000`` → ``[Label, 1,500, 2,000]``; ``None`` without a leader."""
    m = _LEADER_VALUE.match(text) if may_have_leader(text) else None
    if not m:
        return None
    label = m.group("label")
    if m.group("leader").startswith(". ") and label[-1:].isalnum():
        label += "."  # ``Inc. ......``: the first dot ends the label's abbreviation
    values = [_clean(v) for v in GAP.split(m.group("value").strip()) if v.strip()]
    if not values or any(len(v.split()) > 4 or v[:1].islower() for v in values) or _words(label) > 20:
        return None
    return [_clean(label)] + values


def collided_cells(text: str) -> list[str] | None:
    """A row of a dot-leader table printed without its leader: ``Name Inc 7,000`` → ``[Name Inc,
    7,000]``; a value with a thousands separator glued to the label (a label cut short where the
    leader would start: ``(Save Our Street25,000``) is split from it: ``[(Save Our Street, 25,000]``;
    any other glued value is not (``Council3.5``: ``[Council3.5, ""]``)."""
    m = _COLLIDED.match(text)
    if not m:
        return None
    if m.group("space") or _GLUED.search(text):
        return [_clean(_SHORT_LEADER.sub("", m.group("label"))), m.group("value")]
    return [_clean(text), ""]


_VALUE_ALONE = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+\.\d+$")


def _value_alone(text: str) -> list[str] | None:
    """A row's value printed alone under its label's wrapped lines (``Pace University (… School
    of`` / ``Law at Pace University)`` / ``17,500``): the row's last line, its label above it."""
    return ["", text] if _VALUE_ALONE.match(text) else None


def _words(cell: str) -> int:
    return len(cell.split())


def _split_collisions(cells: list[str], n: int) -> list[str] | None:
    """``102951 106428`` in a row one cell short: two numbers that collided (one space)."""
    out: list[str] = []
    for c in cells:
        parts = c.split()
        if len(parts) > 1 and all(numeric(p) for p in parts):
            out.extend(parts)
        else:
            out.append(c)
    return out if len(out) == n else None


# ----------------------------------------------------------------------------- dot leaders

def _leader_tables(lines: list[Line], taken: list[bool]) -> list[Table]:
    tables: list[Table] = []
    parsed = [leader_cells(ln.text) for ln in lines]
    i = 0
    leaders = sum(1 for p in parsed if p is not None)
    if leaders >= 2:  # inside a dot-leader table, a line ending in a value is a row without its leader
        for k, ln in enumerate(lines):
            if parsed[k] is None and ln.text:
                before = any(parsed[x] is not None and parsed[x][0] for x in range(max(0, k - 3), k))
                after = any(parsed[x] is not None for x in range(k + 1, min(len(lines), k + 4)))
                if (before or after) and _words(ln.text) <= 20:
                    parsed[k] = collided_cells(ln.text) or _value_alone(ln.text)
    while i < len(lines):
        if parsed[i] is None and not _continues_to_leader(lines, parsed, i):
            i += 1
            continue
        start = i
        rows: list[list[str]] = []
        pending: list[str] = []
        end = i
        while i < len(lines):
            if parsed[i] is not None:
                cells = list(parsed[i])
                if pending:
                    cells[0] = _clean(" ".join(pending + [cells[0]]))
                    pending = []
                if cells[0] or rows or pending:
                    rows.append(cells)
                    end = i + 1
                i += 1
            elif _continues_to_leader(lines, parsed, i):
                pending.append(lines[i].text)
                i += 1
            else:
                break
        i = end
        if len(rows) < 2:
            i = max(i, start + 1)
            continue
        header = 0
        n = Counter(len(r) for r in rows).most_common(1)[0][0]
        above = start - 1
        if above >= 0 and not taken[above]:
            cells = [c for _, c in gap_cells(lines[above])]
            if len(cells) == n and not any(numeric(c) for c in cells) and all(_words(c) <= 4 for c in cells):
                rows.insert(0, [_clean(c) for c in cells])
                header = 1
                start = above
        table = Table(start, end, kind="leaders")
        if any(len(r) != n for r in rows[header:]):
            table.ragged = True
        else:
            table.rows, table.header = rows, header
            table.align = _alignment(rows[header:], n)
        tables.append(table)
        for k in range(start, end):
            taken[k] = True
    return tables


def _continues_to_leader(lines: list[Line], parsed: list, i: int) -> bool:
    """A label line wrapped above its leader line (at most ``MAX_CONTINUATION`` of them)."""
    for k in range(i, min(len(lines), i + MAX_CONTINUATION + 1)):
        if parsed[k] is not None:
            return k > i or False
        if not lines[k].text or _words(lines[k].text) > 12 or list_marker(lines[k].text):
            return False
    return False


# ----------------------------------------------------------------------------- columns

def _alignment(rows: list[list[str]], n: int) -> list[str]:
    align = []
    for j in range(n):
        filled = [r[j] for r in rows if r[j].strip()]
        nums = sum(1 for c in filled if numeric(c))
        align.append("right" if filled and nums * 5 >= len(filled) * 3 else "left")
    return align


def _aligned(rows: list[list[tuple[int, str]]]) -> bool:
    """Every column starts (or ends) at the same place on every row, give or take one."""
    n = len(rows[0])
    for j in range(1, n):
        starts = [r[j][0] for r in rows]
        ends = [r[j][0] + len(r[j][1]) for r in rows]
        if max(starts) - min(starts) > 1 and max(ends) - min(ends) > 1:
            return False
    return True


def _header_like(cells: list[str]) -> bool:
    return bool(cells) and all(_words(c) <= 6 for c in cells) and any(_ALPHA.search(c) for c in cells)


def _column_tables(lines: list[Line], taken: list[bool]) -> list[Table]:
    tables: list[Table] = []
    cells = [gap_cells(ln) if not taken[i] else [] for i, ln in enumerate(lines)]
    i = 0
    while i < len(lines):
        if taken[i] or len(cells[i]) < 2:
            i += 1
            continue
        j = i
        while j < len(lines) and not taken[j] and len(cells[j]) >= 2:
            j += 1
        table = _columns(lines, cells, taken, i, j)
        if table:
            tables.append(table)
            for k in range(table.start, table.end):
                taken[k] = True
            i = max(table.end, i + 1)
        else:
            i = j
    return tables


def _columns(lines: list[Line], cells: list[list[tuple[int, str]]], taken: list[bool], i: int, j: int) -> Table | None:
    """The table in the run ``lines[i:j]`` of lines with two or more cells, if any."""
    n, fixed, numeric_cols = _body_rows([[_clean(c) for _, c in cells[k]] for k in range(i, j)], cells[i:j])
    span = _data_span(fixed, numeric_cols)
    if span is None:
        return None
    first, last = span
    rows = fixed[first:last + 1]
    if len(rows) < 2:
        return None
    head = _head_lines(lines, cells, taken, i, first, n)
    start = head[0] if head else i + first
    end = i + last + 1
    ragged = any(r is None for r in rows)
    words = [_words(c) for r in rows if r for c in r]
    if _not_cells(lines, rows, words, i + first, bool(numeric_cols)):
        return None
    if not numeric_cols and not _aligned_columns(cells, rows, words, i + first, n, ragged):
        return None
    if ragged:
        ok = sum(1 for r in rows if r is not None)
        if len(rows) < 3 or ok * 2 < len(rows):
            return None
        return Table(start, end, ragged=True)
    table = Table(start, end)
    table.align = _alignment(rows, n)  # type: ignore[arg-type]
    table.rows = list(rows)  # type: ignore[arg-type]
    _find_header(table, lines, cells, head, n, [cells[i + first + k] for k in range(len(rows))])
    if not table.header and not head and not numeric_cols and _names_columns(table.rows):
        table.header = 1
        table.align = _alignment(table.rows[1:], n)
    return table


def _digit(cell: str) -> bool:
    return any(ch.isdigit() for ch in cell)


def _names_columns(rows: list[list[str]]) -> bool:
    """The first row of a table of text names its columns: short cells (three words at most), all
    filled, none with a digit or closing punctuation, over a column whose every other cell holds
    one (``Postal address  Telephone`` over ``Box 1164  0771-235 235``)."""
    top, body = rows[0], rows[1:]
    if len(body) < 2 or not all(c and _words(c) <= 3 and not _digit(c) and c[-1:] not in ".,;:" for c in top):
        return False
    return any(all(_digit(r[j]) for r in body if r[j]) and any(r[j] for r in body) for j in range(len(top)))


def _body_rows(texts: list[list[str]], placed: list[list[tuple[int, str]]] | None = None,
               ) -> tuple[int, list[list[str] | None], list[int]]:
    """The run's cell count ``n`` (the commonest), its rows fixed to ``n`` cells (``None``
    where a row cannot be) and its numeric columns.

    Rows with ``n`` cells (or that reach ``n`` once collided numbers are split, or once each
    cell is put in the column it stands in: an empty cell) are the body; the columns where
    most body rows hold a number are numeric."""
    counts = Counter(len(t) for t in texts)
    n = max(counts, key=lambda c: (counts[c], c))
    spans = _spans([r for r in placed or [] if len(r) == n], n)

    def fix(k: int, t: list[str]) -> list[str] | None:
        if len(t) >= n:
            return t if len(t) == n else None
        return _split_collisions(t, n) or (_by_position(placed[k], spans) if placed else None)

    fixed = [fix(k, t) for k, t in enumerate(texts)]
    body = [t for t in fixed if t is not None]
    numeric_cols = [c for c in range(1, n)
                    if sum(1 for t in body if numeric(t[c])) * 3 >= len(body) * 2 and len(body) >= 2]
    return n, fixed, numeric_cols


def _spans(rows: list[list[tuple[int, str]]], n: int) -> list[tuple[int, int]] | None:
    """Where each of ``n`` columns lies (its leftmost start, its rightmost end) over rows of ``n``
    cells that line up (``_aligned``); ``None`` without two such rows."""
    if len(rows) < 2 or not _aligned(rows):
        return None
    return [(min(r[c][0] for r in rows), max(r[c][0] + len(r[c][1]) for r in rows)) for c in range(n)]


def _by_position(row: list[tuple[int, str]], spans: list[tuple[int, int]] | None) -> list[str] | None:
    """A row a cell or more short, each cell put in the column it stands in, the others empty
    (``Total  190,000  172,400`` under ``Site  Province  Capacity  Relocated``); ``None`` when
    a cell stands in no column, in two, or in the same one as another cell."""
    if spans is None:
        return None
    out = [""] * len(spans)
    last = -1
    for pos, text in row:
        end = pos + len(text)
        inside = [c for c, (a, b) in enumerate(spans) if pos < b and end > a]
        if len(inside) == 2 and inside[0] > last:
            parts = _split_at_column(pos, text, spans[inside[0]], spans[inside[1]])
            if parts is None:
                return None
            out[inside[0]], out[inside[1]] = parts
            last = inside[1]
            continue
        if len(inside) != 1 or inside[0] <= last:
            return None
        last = inside[0]
        out[last] = _clean(text)
    return out


def _split_at_column(pos: int, text: str, left: tuple[int, int], right: tuple[int, int]) -> tuple[str, str] | None:
    """A cell that ran into the next column with one space (``sails Bremerhaven 2 March`` over
    ``sails Naples`` and ``3 February``), split at the space nearest where the next column
    starts: each part stands in its column, the left one starting in its own."""
    best = None
    for m in re.finditer(" ", text):
        at = pos + m.start()
        head, tail = text[:m.start()], text[m.end():]
        if not (left[0] - 1 <= pos < left[1] and left[0] < pos + m.end() < right[1] and head and tail):
            continue
        if best is None or abs(at - right[0]) < abs(best[0] - right[0]):
            best = (at, head, tail)
    return None if best is None else (_clean(best[1]), _clean(best[2]))


def _data_span(fixed: list[list[str] | None], numeric_cols: list[int]) -> tuple[int, int] | None:
    """The first and last rows that hold data (numbers, or nothing, in every numeric column)."""

    def data_like(t: list[str] | None) -> bool:
        return t is not None and all(numeric(t[c]) or not t[c].strip() for c in numeric_cols)

    first = next((k for k, t in enumerate(fixed) if data_like(t)), None)
    if first is None:
        return None
    return first, max(k for k, t in enumerate(fixed) if data_like(t))


def _head_lines(lines: list[Line], cells: list[list[tuple[int, str]]], taken: list[bool], i: int, first: int,
                n: int) -> list[int]:
    """Header lines: lines of the run above the first data row, and short lines just above the run."""
    head = list(range(i, i + first))
    k = i - 1
    while k >= 0 and len(head) < MAX_HEADER_LINES and not taken[k] and lines[k].text \
            and _header_like([c for _, c in gap_cells(lines[k])]) and len(gap_cells(lines[k])) <= n \
            and _words(lines[k].text) <= 3 and lines[k].text[-1:] not in ":;," and not lines[k].text[:1].islower():
        head.insert(0, k)
        k -= 1
    head = head[-MAX_HEADER_LINES:]
    if any(not _header_like([c for _, c in cells[h] or gap_cells(lines[h])]) for h in head):
        head = []  # prose above the table: the table starts at its first data row
    return head


def _not_cells(lines: list[Line], rows: list[list[str] | None], words: list[int], body: int, numbers: bool) -> bool:
    """What lies between the gaps is no cells: sentences (justified or two-column prose), a
    list (``1.  text``), a line that wraps a sentence, or words that continue one."""
    if max(words, default=0) > MAX_CELL_WORDS or sum(words) > 4 * len(words):
        return True  # sentences between the gaps: justified or two-column prose
    if all(list_marker(r[0] + " x") for r in rows if r) and not numbers:
        return True  # ``1.  text`` / ``2.  text``: a list
    if any(_prose_line(lines[body + k].text) for k in range(len(rows))):
        return True
    texts = [c for r in rows if r for c in r if c and not numeric(c) and _ALPHA.search(c)]
    return bool(texts) and sum(1 for c in texts if c[:1].islower()) * 2 >= len(texts)


def _aligned_columns(cells: list[list[tuple[int, str]]], rows: list[list[str] | None], words: list[int], body: int,
                     n: int, ragged: bool) -> bool:
    """A table without numbers needs three rows or more of short cells, every one in its column."""
    positioned = [cells[body + k] for k, r in enumerate(rows) if r is not None and len(cells[body + k]) == n]
    # (a row a cell short was placed by the columns of the full rows: at most one in three)
    return not (len(rows) < 3 or ragged or len(positioned) * 3 < len(rows) * 2 or not _aligned(positioned)
                or max(words, default=0) > 6)


def _find_header(table: Table, lines: list[Line], cells: list[list[tuple[int, str]]], head: list[int], n: int,
                 body_cells: list[list[tuple[int, str]]]) -> None:
    """The longest run of header lines just above the body whose cells all find their column is
    the header row; header lines above it are kept as they are printed (preformatted)."""
    for cut in range(len(head) + 1):
        header_cells = _stack_header(lines, cells, head[cut:], n, body_cells)
        if header_cells is not None:
            table.rows = [header_cells] + table.rows
            table.header = 1
            table.heading_lines = cut
            return
    table.heading_lines = len(head)


def _prose_line(text: str) -> bool:
    """A line that wraps a sentence: ends in a hyphenated word part or a comma."""
    return bool(re.search(r"[^\W\d_]-$|,$", text))


def _stack_header(lines: list[Line], cells: list[list[tuple[int, str]]], head: list[int], n: int,
                  body: list[list[tuple[int, str]]]) -> list[str] | None:
    """The header lines stacked into one header row, each cell placed in its column (by
    position when the body's columns line up and each cell stands over one of them, else by
    count); ``None`` when some cell cannot be placed."""
    if not head:
        return None
    positioned = len(body) >= 2 and all(len(r) == n for r in body) and _aligned(body)
    stacked = _stack_by_position(lines, head, n, body) if positioned else None
    if stacked is not None:
        return stacked
    rows = [gap_cells(lines[h]) for h in head]
    places = _count_places([[text for _, text in row] for row in rows], [row[0][0] for row in rows], n)
    if places is None:
        return None
    return stacked_cells([[text for _, text in row] for row in rows], places, n)


def _stack_by_position(lines: list[Line], head: list[int], n: int,
                       body: list[list[tuple[int, str]]]) -> list[str] | None:
    """Each header cell in the body column it stands over; ``None`` when one stands over none,
    or over two (its place is then no evidence: the lines were spaced by a converter)."""
    out = [[] for _ in range(n)]  # type: list[list[str]]
    spans = [(min(r[c][0] for r in body), max(r[c][0] + len(r[c][1]) for r in body)) for c in range(n)]
    for h in head:
        line_cells = gap_cells(lines[h])
        if len(line_cells) == n:
            for c, (_, text) in enumerate(line_cells):
                out[c].append(text)
            continue
        for pos, text in line_cells:
            end = pos + len(text)
            overlap = [max(0, min(end, b) - max(pos, a)) for a, b in spans]
            if sum(1 for o in overlap if o) != 1:
                return None
            out[overlap.index(max(overlap))].append(text)
    return [_join_header(parts) for parts in out]


OPEN_CELL = re.compile(r"[,/]$")
"""A header cell that goes on on the line below (``Nassau, Suffolk,`` / ``Orange/Putnam/``)."""


def _count_places(heads: list[list[str]], leads: list[int], n: int) -> list[list[int]] | None:
    """The column of each header line's cells, when the columns do not line up (``leads``: where
    each line starts). Lines all short of the row labels' column whose cells go on below
    (``Orange/Putnam/  NYC/Rockland/`` / ``Dutchess  Nassau/Suffolk/`` / ``Westchester``) head the
    columns after the row labels (``heads_after_labels``); else each line from the column
    ``_count_offsets`` gives."""
    if all(len(row) < n for row in heads) and any(OPEN_CELL.search(c) for row in heads for c in row):
        return heads_after_labels(heads, n)
    offsets = _count_offsets(heads, leads, n)
    return None if offsets is None else [[at + c for c in range(len(row))] for row, at in zip(heads, offsets)]


def heads_after_labels(heads: list[list[str]], n: int) -> list[list[int]] | None:
    """Where each cell of header lines that name the ``n - 1`` columns after the row labels
    goes: a line of ``n - 1`` cells from the second column on, a line of fewer under the cells
    of the line above that go on (ending in ``,`` or ``/``), as many as it has; ``None`` else."""
    places: list[list[int]] = []
    for k, row in enumerate(heads):
        open_cols = [c for c, text in zip(places[k - 1], heads[k - 1]) if OPEN_CELL.search(text)] if k else []
        if len(row) == n - 1:
            places.append(list(range(1, n)))
        elif 0 < len(row) == len(open_cols):
            places.append(open_cols)
        else:
            return None
    return places


def stacked_cells(heads: list[list[str]], places: list[list[int]], n: int) -> list[str]:
    """One header row from header lines' cells and the column of each."""
    out = [[] for _ in range(n)]  # type: list[list[str]]
    for row, at in zip(heads, places):
        for text, c in zip(row, at):
            out[c].append(text)
    return [_join_header(parts) for parts in out]


def _count_offsets(heads: list[list[str]], leads: list[int], n: int) -> list[int] | None:
    """The column each header line's first cell heads, when the columns do not line up: a line
    of ``n`` cells fills the row; the lowest line one cell short heads every column but the last
    (its first cell names the row labels: ``SG  RATE  1  2 …``); a line above, one or two cells
    short, heads the columns from the second on (the row labels' header is printed once, at the
    bottom: ``ING  STEP  STEP …  INCR``); a word part ending in a hyphen (``HIR-``), or a lone
    word starting where the line below starts (``MAX`` over ``10 YR.  15 YR. …``, a cell short),
    sits over the first cell of the line below. ``None`` when a line fits none of these."""
    offsets: list[int] = [0] * len(heads)
    for k in range(len(heads) - 1, -1, -1):
        row = heads[k]
        if len(row) == n:
            offsets[k] = 0
        elif len(row) == n - 1 and n >= 3 and k == len(heads) - 1:
            offsets[k] = 0
        elif n - 2 <= len(row) <= n - 1 and n >= 4 and k < len(heads) - 1:
            offsets[k] = 1
        elif len(row) == 1 and k < len(heads) - 1 and (
                row[0].endswith("-") or leads[k] == leads[k + 1] and len(heads[k + 1]) < n):
            offsets[k] = offsets[k + 1]
        else:
            return None
    return offsets


def _join_header(parts: list[str]) -> str:
    """A column's header lines as one cell: a word split at a line-end hyphen joined (``HIR-`` /
    ``ING`` → ``HIRING``)."""
    text = ""
    for part in parts:
        if re.search(r"[^\W\d_]-$", text):
            text = text[:-1] + part
        else:
            text = f"{text}{part}" if text.endswith("/") else f"{text} {part}"
    return _clean(text)


# ----------------------------------------------------------------------------- figures over labels

MAX_LABEL_WORDS = 6
"""Words a line of a figure's label may hold: more is a sentence."""


def _figure_panels(lines: list[Line], taken: list[bool]) -> list[Table]:
    """Key figures printed side by side, each over its label in short lines (``486,000`` /
    ``Sudanese refugees arrived`` / ``in eastern Chad``, then ``1,140,000`` … to its right): a
    table of two columns, each figure a row with its label (``kind="figures"``: a label's lines,
    joined by the caller, are ``\n``-separated in its cell)."""
    tables: list[Table] = []
    for i, ln in enumerate(lines):
        figures = gap_cells(ln) if not taken[i] else []
        if len(figures) < 2 or not all(numeric(c) for _, c in figures) or i + 1 >= len(lines) or taken[i + 1]:
            continue
        starts = [pos for pos, _ in gap_cells(lines[i + 1])]
        if len(starts) != len(figures) or not _over_columns(figures, starts):
            continue
        labels: list[list[str]] = [[] for _ in figures]
        end = i + 1
        while end < len(lines) and not taken[end] and _label_line(lines[end], starts, labels):
            end += 1
        if end == i + 1:
            continue
        table = Table(i, end, kind="figures", align=["right", "left"])
        table.rows = [[_clean(c), "\n".join(parts)] for (_, c), parts in zip(figures, labels)]
        tables.append(table)
        for k in range(i, end):
            taken[k] = True
    return tables


def _over_columns(figures: list[tuple[int, str]], starts: list[int]) -> bool:
    """Each figure stands over its own column of labels: it starts after the column before it
    starts, and before the next one does."""
    bounds = starts[1:] + [10 ** 6]
    return all(starts[j] - 2 <= pos < bounds[j] for j, (pos, _) in enumerate(figures))


def _label_line(line: Line, starts: list[int], labels: list[list[str]]) -> bool:
    """Add ``line``'s cells to the labels of the columns they start in (within two places of a
    column's start); ``False``, adding nothing, when a cell starts elsewhere, holds a sentence, or
    is a number that begins a label or stands in a line with a cell in every column (a row of data)."""
    cells = gap_cells(line)
    placed: list[tuple[int, str]] = []
    for pos, text in cells:
        column = next((j for j, at in enumerate(starts) if abs(pos - at) <= 2), None)
        # (a number alone goes on a label already begun, on a line short of cells: ``2023``)
        if column is None or _words(text) > MAX_LABEL_WORDS or any(column == c for c, _ in placed):
            return False
        if numeric(text) and (not labels[column] or len(cells) == len(starts)):
            return False
        placed.append((column, text))
    for column, text in placed:
        labels[column].append(text.strip())
    return bool(placed)


# ----------------------------------------------------------------------------- chart labels

CHART_INDENT = 8
"""Spaces before a chart's label, and between the indents of two of its columns."""
MAX_CHART_WORDS = 4


def _chart_labels(lines: list[Line], taken: list[bool]) -> list[Table]:
    """A chart's labels and values left scattered by the extraction: three or more short lines
    (``Funded 38%`` / ``81.6 M`` / ``Unfunded 62%`` / ``133.2 M``), each indented
    ``CHART_INDENT`` spaces or more, at two indents or more that far apart, most holding a
    figure: kept as printed (``kind="chart"``, preformatted), never joined into a sentence."""
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        end = i
        while end < len(lines) and not taken[end] and _chart_line(lines[end]):
            end += 1
        run = lines[i:end]
        leads = sorted({ln.lead for ln in run})
        if len(run) >= 3 and leads[-1] - leads[0] >= CHART_INDENT and \
                2 * sum(1 for ln in run if any(ch.isdigit() for ch in ln.text)) >= len(run):
            tables.append(Table(i, end, ragged=True, kind="chart"))
            for k in range(i, end):
                taken[k] = True
        i = max(end, i + 1)
    return tables


def _chart_line(line: Line) -> bool:
    return line.lead >= CHART_INDENT and 0 < _words(line.text) <= MAX_CHART_WORDS and line.text[-1:] not in ".;:,"


def find_tables(lines: list[Line]) -> list[Table]:
    """The tables among ``lines`` (consecutive lines of text), in order."""
    taken = [not ln.text for ln in lines]
    tables = _figure_panels(lines, taken) + _leader_tables(lines, taken) + _column_tables(lines, taken)
    tables += _chart_labels(lines, taken)
    return sorted(tables, key=lambda t: t.start)
