"""clean: a line that opens a bracket and does not close it ends no paragraph, even when it ends
with a full stop and the next line is indented (``(at request of M. of A.`` / ``Pheffer Amato) …``)."""

from __future__ import annotations

from cleankit import clean_text


def test_a_line_with_an_open_bracket_goes_on_into_the_indented_line_below():
    doc = clean_text("A Bill\n\n Introduced  by  COMMITTEE  ON  RULES  --  (at  request  of  M.  of  A.\n"
                     "  Pheffer Amato) -- (at request  of  the  Governor)  --  read  once  and\n"
                     "  referred to the Committee on Ways and Means\n")
    assert any("of A. Pheffer Amato)" in b.text for b in doc.blocks)


def test_a_line_whose_bracket_is_closed_still_ends_its_paragraph():
    doc = clean_text("A Bill\n\n The committee met (in public) and adopted the text.\n"
                     "  The second paragraph starts here and goes on for a while longer.\n")
    assert [b.text for b in doc.blocks][1:] == ["The committee met (in public) and adopted the text.",
                                                "The second paragraph starts here and goes on for a while longer."]
