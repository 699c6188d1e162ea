"""Key figures printed side by side, each over its label in a few short lines, are read figure
by figure: a table whose rows are each figure with its whole label, never a sentence read
across the columns."""

from __future__ import annotations

from cleankit import clean_text, lost_and_invented

PANEL = ("KEY FIGURES\n\n"
         "        486,000                      1,140,000                       83%\n"
         "   Refugees arrived in the          Refugees and asylum-             Of new arrivals are\n"
         "   east since April                 seekers in the country           women and children\n"
         "   2023\n\n"
         "The situation remains serious.\n")


def table(text):
    return next(b for b in clean_text(text).blocks if b.kind == "table")


def test_each_figure_is_a_row_with_its_label():
    assert table(PANEL).rows == [["486,000", "Refugees arrived in the east since April 2023"],
                                 ["1,140,000", "Refugees and asylum-seekers in the country"],
                                 ["83%", "Of new arrivals are women and children"]]


def test_the_figures_are_aligned_right_and_their_labels_left():
    assert table(PANEL).align == ["right", "left"]


def test_a_figure_panel_loses_no_word():
    assert not any(lost_and_invented(PANEL, clean_text(PANEL)))


def test_the_text_after_the_panel_stays_a_paragraph():
    doc = clean_text(PANEL)
    assert doc.blocks[-1].kind == "paragraph" and doc.blocks[-1].text == "The situation remains serious."


def test_figures_over_lines_that_start_elsewhere_are_no_panel():
    text = ("Totals for the year.\n\n   1,200      3,400\n"
            "The two offices  reported these  figures to the  secretariat before the  end of the year.\n")
    assert not any(b.kind == "table" and len(b.align) == 2 and b.align[0] == "right" and "offices" in b.text
                   for b in clean_text(text).blocks)
