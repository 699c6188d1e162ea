"""clean: labels printed side by side a blank line above a table, one cell short of its rows, are
the heads of its columns kept as printed above it, never a section heading."""

from __future__ import annotations

from cleankit import clean_text

TEXT = ("Bill\n\nEmployees shall receive locational compensation in the annual amounts as follows:\n\n"
        "  Nassau, Suffolk, Westchester,  Orange, Putnam or\n  Rockland or city of New York  Dutchess\n\n"
        "  4/1/2023  $1,882  $1,004\n  4/1/2024  $2,195  $1,111\n  4/1/2025  $3,400  $1,650\n")


def test_column_heads_above_a_table_are_no_heading():
    doc = clean_text(TEXT)
    assert not any(b.kind == "heading" and "Nassau" in b.text for b in doc.blocks)


def test_column_heads_above_a_table_keep_their_line_breaks():
    doc = clean_text(TEXT)
    assert any(b.kind == "preformatted" and b.text.endswith("Putnam or\nRockland or city of New York  Dutchess")
               for b in doc.blocks)
