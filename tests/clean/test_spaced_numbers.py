"""Space-aligned tables whose numbers group their digits with a space (``1 243``, also a
no-break or narrow no-break space): the space inside a number is no column gap, the column is
numeric, and the rows become one table, never one paragraph per row."""

from __future__ import annotations

from cleankit import clean_text, lost_and_invented

from builder.clean.text.tables import numeric

UN_STYLE = """5. Information received indicates that incidents were reported at several borders:

          Region                Reported incidents     Persons affected
          Europe                            1 243               17 850
          Americas                            612                9 104
          Total                             2 243               32 581

6. These figures are likely to underestimate the scale.
"""


def tables_of(doc):
    return [b for b in doc.blocks if b.kind == "table"]


def test_a_space_between_groups_of_three_digits_makes_a_number():
    assert numeric("1 243") and numeric("17 850") and numeric("1 243,5") and numeric("-2 000 000")


def test_a_space_that_breaks_a_group_of_three_is_not_a_thousands_separator():
    assert not numeric("12 34") and not numeric("1 2") and not numeric("Europe 1 243")


def test_rows_with_space_grouped_numbers_become_one_table_with_each_number_one_cell():
    doc = clean_text(UN_STYLE)
    [t] = tables_of(doc)
    assert t.rows == [["Region", "Reported incidents", "Persons affected"], ["Europe", "1 243", "17 850"],
                      ["Americas", "612", "9 104"], ["Total", "2 243", "32 581"]]
    assert t.align == ["left", "right", "right"]
    assert not any(b.kind == "paragraph" and "Europe" in b.text for b in doc.blocks)
    lost, invented = lost_and_invented(UN_STYLE, doc)
    assert not lost and not invented


def test_no_break_and_narrow_no_break_spaces_group_digits_in_a_table_too():
    text = ("Tabell 2. Ärenden per län.\n\n"
            "    Län            Ärenden      Beviljade\n"
            "    Stockholm       12\u00a0430         8\u202f120\n"
            "    Skåne            3\u00a0210         1\u202f905\n"
            "    Totalt          15\u00a0640        10\u202f025\n\n"
            "Uppgifterna är preliminära.\n")
    [t] = tables_of(clean_text(text))
    assert [r[0] for r in t.rows] == ["Län", "Stockholm", "Skåne", "Totalt"]
    assert t.align == ["left", "right", "right"] and len(t.rows[1]) == 3


def test_a_mix_of_grouped_and_ungrouped_numbers_in_one_column_is_still_a_number_column():
    text = ("Effectifs par région :\n\n"
            "Région            Demandes     Décisions\n"
            "Île-de-France       12 430          9 876\n"
            "Bretagne               412            398\n"
            "Occitanie            1 905          1 204\n\n"
            "Les chiffres sont provisoires.\n")
    [t] = tables_of(clean_text(text))
    assert t.rows[1:] == [["Île-de-France", "12 430", "9 876"], ["Bretagne", "412", "398"],
                          ["Occitanie", "1 905", "1 204"]]
