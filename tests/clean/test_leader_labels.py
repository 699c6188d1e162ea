"""clean: a dot-leader row whose label wraps over lines stays one row: its value printed alone on
the last line, or its leader line indented under a label that ends with a full stop."""

from __future__ import annotations

from cleankit import clean_text

HEAD = "Grantees\n\nThe following amounts are hereby allocated to the grantees named below:\n\n"
ROWS = ("Queens Legal Services .............................. 7,500\n"
        "Safe Horizon, Inc. ................................. 8,750\n")


def rows(doc):
    return [row for b in doc.blocks if b.kind == "table" for row in b.rows]


def test_a_value_printed_alone_under_its_wrapped_label_is_the_rows_value():
    doc = clean_text(HEAD + ROWS + "Pace  University  (Elisabeth  Haub School of\n  Law at Pace University)\n  17,500\n"
                     + ROWS)
    assert ["Pace University (Elisabeth Haub School of Law at Pace University)", "17,500"] in rows(doc)


def test_a_label_ending_with_a_full_stop_goes_on_to_its_indented_leader_line():
    doc = clean_text(HEAD + ROWS + "Volunteer  Lawyers  Project  of  Central  New  York  Inc.\n"
                     "  (VLPCNY) ........................................ 17,500\n" + ROWS)
    assert ["Volunteer Lawyers Project of Central New York Inc. (VLPCNY)", "17,500"] in rows(doc)
