"""Runs of spaces a PDF layout left inside prose lines become one space; tables keep theirs."""

from __future__ import annotations

from cleankit import clean_text, lost_and_invented


def texts(text: str) -> list[str]:
    return [b.text for b in clean_text(text).blocks]


def test_a_cover_line_with_layout_gaps_reads_as_one_line_of_words():
    text = ("Report of the Special Rapporteur\n\n"
            "United Nations                 General Assembly              Distr.: General\n\n"
            "The present report is submitted to the Council pursuant to its resolution.\n")
    assert "United Nations General Assembly Distr.: General" in " ".join(texts(text))
    assert not any("  " in t for t in texts(text))


def test_justified_double_spaces_in_a_paragraph_become_single():
    text = ("Act on wages\n\nIntroduced  by  COMMITTEE  ON  RULES  --  read  once  and referred to the\n"
            "Committee on Ways and  Means for its consideration of the wages.\n")
    doc = clean_text(text)
    assert doc.blocks[-1].text == ("Introduced by COMMITTEE ON RULES -- read once and referred to the Committee "
                                   "on Ways and Means for its consideration of the wages.")
    lost, invented = lost_and_invented(text, doc)
    assert not lost and not invented


def test_a_column_table_keeps_its_cells():
    text = ("Incidents by region\n\nThe table shows the reported incidents by region.\n\n"
            "Region      Incidents    Persons\nEurope      1243         17850\nAfrica      954          12004\n"
            "Asia        311          4020\n")
    tables = [b for b in clean_text(text).blocks if b.kind == "table"]
    assert tables and tables[0].rows[1] == ["Europe", "1243", "17850"]


def test_a_word_part_before_a_side_by_side_gap_is_not_joined_across_it():
    text = "coopera-     Sincerely,"
    doc = clean_text(text)
    lost, invented = lost_and_invented(text, doc)
    assert not lost and not invented
