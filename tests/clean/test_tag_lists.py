"""A web page's tag list at its end (a tag label in one of several languages, then short terms)
is site furniture: removed from the page, reported with its reason and its terms."""

from __future__ import annotations

from cleankit import clean_text

from builder.clean.rules.web import TAGS_REASON

ARTICLE = ("The observatory presented its annual report on the integration of immigrants today. It shows a "
           "rise of the foreign population and unequal access to housing.\n\n")


def removed_tags(text: str) -> list[str]:
    return [r.text for r in clean_text(text).removed if r.reason == TAGS_REASON]


def page_text(text: str) -> str:
    return " ".join(b.text for b in clean_text(text).blocks)


def test_an_english_tag_line_at_the_end_is_removed_with_its_reason():
    assert removed_tags(ARTICLE + "Tags: migration, integration, statistics\n") == [
        "Tags: migration, integration, statistics"]


def test_it_is_no_longer_on_the_page():
    assert "Tags" not in page_text(ARTICLE + "Tags: migration, integration, statistics\n")


def test_a_portuguese_tag_line_is_a_tag_list():
    assert removed_tags(ARTICLE + "Etiquetas: imigração, integração, estatísticas\n") != []


def test_a_french_label_with_a_space_before_its_colon_is_a_tag_list():
    assert removed_tags(ARTICLE + "Mots-clés : migration ; intégration\n") != []


def test_a_label_over_one_term_a_line_is_a_tag_list():
    assert removed_tags(ARTICLE + "Schlagwörter:\nMigration\nIntegration\nStatistik\n") != []


def test_a_label_alone_above_its_terms_takes_them_along():
    assert removed_tags(ARTICLE + "Taggar:\n\nmigration, integration\n") == ["Taggar:", "migration, integration"]


def test_a_keyword_line_above_the_text_is_content():
    assert removed_tags("Keywords: migration, integration\n\n" + ARTICLE) == []


def test_a_label_followed_by_a_sentence_is_content():
    assert removed_tags(ARTICLE + "Topics: this page explains how the courses are organised.\n") == []


def test_a_line_with_another_label_is_content():
    assert removed_tags(ARTICLE + "Source: Observatory of Migration, Lisbon\n") == []
