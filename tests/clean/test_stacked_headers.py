"""A column table's header printed over several lines, its columns set apart by gaps that do
not line up, is stacked into one header row by counting cells: the lowest line heads the row
labels; lines above, a cell or two short, head the columns from the second on; ``HIR-`` over
``ING`` is one word."""

from __future__ import annotations

from cleankit import clean_text

INTRO = "Salary grades\n\nThe salary grades shall be as follows:\n\n"
BODY = "".join(f" {g}  {9000 * g ** 3}  {9500 * g ** 3}  {9900 * g ** 3}  {90 * g}\n" for g in range(1, 8))
"""Rows whose cells do not line up: widths grow from 4 to 7 digits."""


def header(head: str) -> list[str]:
    tables = [b for b in clean_text(INTRO + head + BODY).blocks if b.kind == "table"]
    assert tables, "no table"
    return tables[0].rows[0] if tables[0].header else []


def test_lines_one_cell_short_stack_over_the_columns_after_the_row_labels():
    head = "  HIR-\n  ING  STEP  JOB  INCR\n SG  RATE  1  RATE\n"
    assert header(head) == ["SG", "HIRING RATE", "STEP 1", "JOB RATE", "INCR"]


def test_a_line_two_cells_short_above_the_lowest_stacks_from_the_second_column():
    head = "  ING  STEP  JOB\n SG  RATE  1  RATE  INCR\n"
    assert header(head) == ["SG", "ING RATE", "STEP 1", "JOB RATE", "INCR"]


def test_a_lone_word_over_the_header_that_fits_no_column_is_left_above_the_table():
    doc = clean_text(INTRO + "  MAX\n SG  RATE  1  RATE  INCR\n" + BODY)
    assert [b.text for b in doc.blocks if b.kind == "preformatted"] == ["MAX"]
    assert [b.rows[0] for b in doc.blocks if b.kind == "table"] == [["SG", "RATE", "1", "RATE", "INCR"]]


def test_a_header_printed_a_blank_line_above_its_rows_heads_them():
    assert header(" SG  RATE  STEP 1  RATE  INCR\n\n") == ["SG", "RATE", "STEP 1", "RATE", "INCR"]


def test_a_short_line_a_blank_line_above_a_table_is_no_header_when_its_cells_do_not_match():
    doc = clean_text(INTRO + "The rates below apply from April\n\n" + BODY)
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.header == 0 and table.rows[0][0] == "1"


def test_a_lone_word_starting_where_the_line_below_starts_heads_that_line_s_first_column():
    head = "  MAX\n  10 YR.  15 YR.  20 YR.  25 YR.\n  LONG  LONG  LONG  LONG\n SG  STEP  STEP  STEP  STEP\n"
    assert header(head) == ["SG", "MAX 10 YR. LONG STEP", "15 YR. LONG STEP", "20 YR. LONG STEP", "25 YR. LONG STEP"]


def test_heads_whose_cells_go_on_below_stack_over_the_columns_after_the_row_labels():
    body = "  4/1/2023  $1,400  $3,758\n  4/1/2024  $1,442  $3,871\n  4/1/2025  $1,846  $4,623\n"
    head = "  Orange/Putnam/  NYC/Rockland/\n  Dutchess  Nassau/Suffolk/\n  Westchester\n"
    [table] = [b for b in clean_text(INTRO + head + body).blocks if b.kind == "table"]
    assert table.rows[0] == ["", "Orange/Putnam/Dutchess", "NYC/Rockland/Nassau/Suffolk/Westchester"]
