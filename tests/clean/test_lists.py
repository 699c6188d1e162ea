"""clean/reflow: list items from bullet glyphs (PDF fonts included) and numbers."""

from __future__ import annotations

import pytest

from cleankit import clean_text


@pytest.mark.parametrize("glyph", ["•", "▪", "●", "■", "➢", "\uf0b7", "-", "*"])
def test_bullet_glyphs_become_list_items(glyph):
    doc = clean_text(f"The agenda could:\n\n{glyph} Incorporate equality as a goal.\n{glyph} Develop targets.\n")
    assert [(b.kind, b.text) for b in doc.blocks[1:]] == [
        ("list_item", "Incorporate equality as a goal."), ("list_item", "Develop targets.")]


def test_wingdings_u_bullet_wrapped_over_lines_is_one_item_and_the_glyph_is_reported():
    doc = clean_text("suggested that the agenda could: \n\n u Incorporate equality as a stand-alone goal in \n"
                     "order to measure disparities. \n\n u Develop specific targets under \nrelevant goals. \n")
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert items == ["Incorporate equality as a stand-alone goal in order to measure disparities.",
                     "Develop specific targets under relevant goals."]
    assert [r.text for r in doc.removed] == ["u", "u"]
    assert all("bullet glyph" in r.reason for r in doc.removed)


def test_a_lowercase_u_word_at_a_line_start_is_not_a_bullet():
    doc = clean_text("you said it and\nu turn lanes are closed.\n")
    assert [b.kind for b in doc.blocks] == ["paragraph"]


def test_indented_numbered_list_with_two_digit_numbers_keeps_its_numbers():
    lines = "\n".join(f"  {i}. Item number {i} says something long enough to be an item." for i in range(1, 14))
    doc = clean_text("A Title\n\n" + lines + "\n")
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.number for b in items] == [str(i) for i in range(1, 14)]
    assert all(b.level == 0 for b in items)


def test_second_level_glyph_nests_under_a_first_level_item():
    doc = clean_text("• First level item.\no Second level item.\n• Back to first.\n")
    assert [(b.text, b.level) for b in doc.blocks] == [
        ("First level item.", 0), ("Second level item.", 1), ("Back to first.", 0)]


def test_indentation_nests_items():
    doc = clean_text("- Outer item.\n    - Inner item.\n- Outer again.\n")
    assert [b.level for b in doc.blocks] == [0, 1, 0]


def test_lettered_items_keep_their_letter_as_number():
    doc = clean_text("(a) first point;\n(b) second point.\n")
    assert [(b.kind, b.number) for b in doc.blocks] == [("list_item", "a"), ("list_item", "b")]


def test_list_marker_finds_what_the_bullet_and_number_patterns_find():
    from builder.clean.text.patterns import BULLET, NUMBERED, list_marker

    lines = ["- item", "• item", "u Item", "o Item", "1. item", "12) item", "(a) item", "(iv) item", "b) item",
             "٣. item", "Plain text", "under the sea", "", "1.5 million", "(see below)", "\uf0b7 item"]
    for line in lines:
        want = BULLET.match(line) or NUMBERED.match(line)
        got = list_marker(line)
        assert (got and got.group(0)) == (want and want.group(0)), line


def test_a_number_that_closes_a_bracket_opened_on_the_line_above_is_wrapped_text():
    doc = clean_text("A Title\n\nUnited Nations Day (October\n24) this year will be dedicated to\n"
                     "the world's refugees.\n")
    assert [(b.kind, b.text) for b in doc.blocks[1:]] == [
        ("paragraph", "United Nations Day (October 24) this year will be dedicated to the world's refugees.")]


def test_an_item_number_in_brackets_after_a_closed_bracket_is_still_an_item():
    doc = clean_text("A Title\n\nThe States (all of them) agree:\n1) to cooperate;\n2) to report.\n")
    assert [b.kind for b in doc.blocks[1:]] == ["paragraph", "list_item", "list_item"]


def test_a_converters_list_number_before_the_texts_own_number_gives_way_to_it():
    doc = clean_text("A Title\n\nDefinition of a stateless person\n\n1.   401. DELETED.\n\nExclusion\n\n"
                     "1.   402. A person is excluded.\n")
    items = [(b.number, b.text) for b in doc.blocks if b.kind == "list_item"]
    assert items == [("401", "DELETED."), ("402", "A person is excluded.")]
    assert [(r.text, r.line) for r in doc.removed] == [("1.", 5), ("1.", 9)]
