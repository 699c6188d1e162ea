"""clean: labels printed side by side a blank line above a table, one cell short of its rows, are
the heads of its columns after the row labels: the table's header row, never a section heading."""

from __future__ import annotations

from cleankit import clean_text, lost_and_invented

TEXT = ("Bill\n\nEmployees shall receive locational compensation in the annual amounts as follows:\n\n"
        "  Nassau, Suffolk, Westchester,  Orange, Putnam or\n  Rockland or city of New York  Dutchess\n\n"
        "  4/1/2023  $1,882  $1,004\n  4/1/2024  $2,195  $1,111\n  4/1/2025  $3,400  $1,650\n")


def test_column_heads_above_a_table_are_no_heading():
    doc = clean_text(TEXT)
    assert not any(b.kind == "heading" and "Nassau" in b.text for b in doc.blocks)


def test_column_heads_above_a_table_are_its_header_row_over_the_columns_after_the_row_labels():
    [table] = [b for b in clean_text(TEXT).blocks if b.kind == "table"]
    assert table.header == 1
    assert table.rows[0] == ["", "Nassau, Suffolk, Westchester, Rockland or city of New York",
                             "Orange, Putnam or Dutchess"]


def test_column_heads_above_a_table_lose_no_word():
    doc = clean_text(TEXT)
    assert not any(lost_and_invented(TEXT, doc))
    assert not any(b.kind == "preformatted" for b in doc.blocks)
