"""A row of a column-aligned table that leaves a cell empty (a total without a label in the
second column, an address with no phone) keeps its cells in the columns they stand in, the
empty one empty, instead of breaking the table."""

from __future__ import annotations

from cleankit import clean_text, lost_and_invented

SITES = ("Relocations by site.\n\n"
         " Site              Province      Capacity     Relocated\n"
         " Farchana          North           40,000        38,912\n"
         " Arkoum            North           35,000        34,106\n"
         " Zabout            South           30,000        18,240\n"
         " Total                            105,000        91,258\n")

ADDRESSES = ("Contact details.\n\n"
             "Postal address        Visiting address      Telephone       E-mail\n"
             "Box 1164              Main Street 85        0771-235 235    office@example.org\n"
             "412 22 Town           Town                                  www.example.org\n")


def table(text):
    return next(b for b in clean_text(text).blocks if b.kind == "table")


def test_a_total_row_without_a_label_in_the_second_column_stays_in_the_table():
    assert table(SITES).rows[-1] == ["Total", "", "105,000", "91,258"]


def test_the_total_row_is_no_paragraph_of_its_own():
    doc = clean_text(SITES)
    assert [b.kind for b in doc.blocks] == ["paragraph", "table"]
    assert not any(lost_and_invented(SITES, doc))


def test_a_row_of_text_cells_with_one_empty_keeps_its_cells_in_their_columns():
    assert table(ADDRESSES).rows[-1] == ["412 22 Town", "Town", "", "www.example.org"]


def test_a_cell_standing_across_two_columns_is_not_placed():
    text = SITES.replace(" Total                            105,000        91,258",
                         " Total of all the sites together    105,000       91,258")
    assert all(r[0] != "Total of all the sites together" for r in table(text).rows)


SAILINGS = ("The following sailings have been fixed:\n\n"
            "     S.S. Castel Bianco     sails Trieste  12 January     800 places\n"
            "     S.S. Nelly             sails Naples   3 February     900 places\n"
            "     S.S. Skaugum           sails Bremerhaven 2 March     700 places\n")


def test_a_cell_run_into_the_next_column_with_one_space_is_split_where_that_column_starts():
    assert table(SAILINGS).rows[-1] == ["S.S. Skaugum", "sails Bremerhaven", "2 March", "700 places"]


def test_a_near_aligned_table_is_read_row_by_row():
    doc = clean_text(SAILINGS)
    assert not doc.moved or all(m.rule == "tables" for m in doc.moved)
    assert [r[0] for r in table(SAILINGS).rows] == ["S.S. Castel Bianco", "S.S. Nelly", "S.S. Skaugum"]


def test_short_labels_over_a_column_of_figures_head_a_table_of_text():
    t = table(ADDRESSES)
    assert t.header == 1 and t.rows[0] == ["Postal address", "Visiting address", "Telephone", "E-mail"]


def test_a_first_row_of_text_with_figures_in_it_is_no_header():
    assert table(SAILINGS).header == 0
