"""Bracketed enumeration items nest by their marker's family, in the order a list opens them;
``(i)`` is a letter after ``(h)`` and a Roman numeral after ``(e)`` or opening a list."""

from __future__ import annotations

from cleankit import clean_text

INTRO = "Revised policy\n\nThe following policy is submitted for approval by the Minister:\n\n"


def items(text: str) -> list[tuple[str, int]]:
    return [(b.number, b.level) for b in clean_text(INTRO + text).blocks if b.kind == "list_item"]


def test_lower_letters_under_a_capital_letter_are_one_level_deeper():
    text = ("(A) Citizens of one country are admitted without conditions.\n\n"
            "(B) Citizens of other countries are admitted on conditions:\n\n"
            "(a) They are skilled in a trade.\n\n(b) They are nominated by a resident.\n\n"
            "(C) Citizens of further countries are admitted when nominated.\n")
    assert items(text) == [("A", 0), ("B", 0), ("a", 1), ("b", 1), ("C", 0)]


def test_an_i_after_e_opens_roman_numerals_under_it():
    text = ("(d) Persons persecuted by the regimes are admitted.\n\n"
            "(e) (i) Wives and children of residents are admitted when nominated.\n\n"
            "(ii) Other relatives are considered on their merits.\n\n"
            "(iii) Former internees are considered when employed.\n\n"
            "(f) Fiancees are treated as wives.\n")
    assert items(text) == [("d", 0), ("e", 0), ("i", 1), ("ii", 1), ("iii", 1), ("f", 0)]


def test_an_i_after_h_is_the_next_letter():
    text = "".join(f"({c}) Rule {c} applies to every application received.\n\n" for c in "fghi")
    assert items(text) == [("f", 0), ("g", 0), ("h", 0), ("i", 0)]


def test_roman_numerals_opening_a_list_stay_at_the_top_level():
    text = ("(i) Single persons are admitted.\n\n(ii) Married persons are admitted with their families.\n\n"
            "(a) when they hold landing money;\n\n(b) when accommodation is available.\n")
    assert items(text) == [("i", 0), ("ii", 0), ("a", 1), ("b", 1)]


def test_a_list_of_one_family_is_left_flat():
    text = "".join(f"({c}) Rule {c} applies to every application received.\n\n" for c in "abc")
    assert items(text) == [("a", 0), ("b", 0), ("c", 0)]


def test_items_after_text_between_them_start_again_at_the_top_and_keep_their_nesting():
    text = ("(A) Citizens of one country are admitted without conditions.\n\n"
            "(a) They are skilled in a trade.\n\n"
            "In the case of married persons the nominator accepts responsibility.\n\n"
            "(b) (i) Wives are admitted when nominated.\n\n(ii) Other relatives are considered.\n\n"
            "(B) Citizens of other countries are admitted when nominated.\n")
    assert items(text) == [("A", 0), ("a", 1), ("b", 0), ("i", 1), ("ii", 1), ("B", 0)]
