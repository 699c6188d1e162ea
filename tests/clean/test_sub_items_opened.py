"""A lettered item whose text starts with the first marker of another family (``(e) (i) In the
case …``) opens that sub-list at once: the letter is an item of its own and ``(i)`` the first
item under it, beside the ``(ii)`` that follows; the move is in the report."""

from __future__ import annotations

from cleankit import clean_text

INTRO = "Revised policy\n\nThe following policy is submitted for approval by the Minister:\n\n"
OPENED = ("(d) Persons persecuted by the regimes are admitted.\n\n"
          "(e) (i) Wives and children of residents are admitted when nominated.\n\n"
          "(ii) Other relatives are considered on their merits.\n\n"
          "(f) Fiancees are treated as wives.\n")


def items(text: str) -> list[tuple[str, int, str]]:
    return [(b.number, b.level, b.text) for b in clean_text(INTRO + text).blocks if b.kind == "list_item"]


def test_the_roman_sub_item_becomes_an_item_under_its_letter():
    assert ("i", 1, "Wives and children of residents are admitted when nominated.") in items(OPENED)


def test_the_letter_stays_an_item_of_its_own_at_its_level():
    assert ("e", 0, "") in items(OPENED)


def test_the_sub_item_is_beside_the_next_one_of_its_family():
    levels = {number: level for number, level, _ in items(OPENED)}
    assert levels["i"] == levels["ii"] == 1 and levels["f"] == 0


def test_an_i_after_h_at_an_items_start_opens_no_sub_list():
    text = "".join(f"({c}) Rule {c} applies to every application received.\n\n" for c in "fg") \
        + "(h) (i) Rule h applies to every application received.\n"
    assert ("h", 0, "(i) Rule h applies to every application received.") in items(text)


def test_a_later_roman_marker_at_an_items_start_opens_no_sub_list():
    text = "(d) Persons are admitted.\n\n(e) (iii) Former internees are considered when employed.\n"
    assert ("iii", 1, "Former internees are considered when employed.") not in items(text)


def test_the_opened_sub_item_is_in_the_report():
    state = clean_text(INTRO + OPENED)
    assert any(m.rule == "item_levels" and m.text.startswith("Wives and children") for m in state.moved)
