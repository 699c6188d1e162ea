"""A block that is only an in-page navigation link (``Back to top``, ``1. [Back to contents](…)``)
is web furniture: never a heading, removed with its number, and in the report."""

from __future__ import annotations

from cleankit import clean_text, lost_and_invented

INTRO = "Rules on stateless persons\n\nThe rules apply to every person who applies for leave to remain.\n\n"
AFTER = "\n\nStateless persons\n\nA stateless person is a person who is not a national of any State.\n"


def test_a_numbered_back_to_contents_link_is_no_heading_and_is_reported_with_its_number():
    text = INTRO + "1.   [Back to contents](https://example.org/rules)" + AFTER
    doc = clean_text(text)
    assert not any("Back to contents" in b.text for b in doc.blocks)
    assert [r.text for r in doc.removed if r.rule == "in_page_links"] == [
        "1. Back to contents (https://example.org/rules)"]
    lost, invented = lost_and_invented(text, doc)
    assert not lost and not invented


def test_back_to_top_links_are_removed_in_several_languages():
    for label in ("Back to top", "↑ Top of page", "Volver arriba", "Retour en haut de page", "Nach oben",
                  "Voltar ao topo", "Till toppen"):
        doc = clean_text(INTRO + label + AFTER)
        assert not any(label in b.text for b in doc.blocks), label
        assert [r.text for r in doc.removed if label in r.text], label  # (by this rule or the site's menus)


def test_a_numbered_in_page_link_is_removed_in_another_language():
    doc = clean_text(INTRO + "1.   [Volver al índice](https://example.org/rules)" + AFTER)
    assert [r.text for r in doc.removed if r.rule == "in_page_links"] == [
        "1. Volver al índice (https://example.org/rules)"]


def test_a_sentence_about_going_back_is_kept():
    line = "Back to the contents of the report, the rules say that every person may apply."
    doc = clean_text(INTRO + line + AFTER)
    assert any(b.text == line for b in doc.blocks)


def test_the_pages_title_restated_under_a_scrapers_title_is_a_lead_line_not_a_section():
    text = ("Rules - Rules part 14: stateless persons - Guidance - Example Site\n"
            "===================================================================\n\n"
            "Rules part 14: stateless persons\n================================\n\n"
            "Stateless persons\n-----------------\n\nA stateless person is not a national of any State.\n")
    blocks = clean_text(text).blocks
    assert [(b.kind, b.label) for b in blocks if b.text == "Rules part 14: stateless persons"] == [
        ("paragraph", "lead")]
    assert any(b.kind == "heading" and b.text == "Stateless persons" for b in blocks)
