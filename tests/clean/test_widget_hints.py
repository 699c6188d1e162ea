"""clean/web: a widget's accessibility hint (how to work a search box with keys, touch or a
screen reader) and a breadcrumb written as a numbered list of links are site furniture,
removed with their reason; a page's own text about keys or links is kept."""

from __future__ import annotations

from cleankit import clean_text

BODY = ("The ministry published new rules on family reunification today, after a long consultation.\n\n"
        "Applicants must show a valid residence permit and proof of accommodation for the family.\n")


def text_of(doc):
    return " ".join(b.text for b in doc.blocks)


def reasons(doc):
    return {r.text: r.reason for r in doc.removed}


def test_an_english_search_box_hint_is_removed_with_its_reason():
    hint = ("When suggestions are available use the arrow keys to move through them and press enter "
            "to choose one.")
    doc = clean_text(f"Family reunification rules\n\n{hint}\n\n{BODY}")
    assert reasons(doc)[hint].startswith("accessibility hint of a page widget")
    assert "arrow keys" not in text_of(doc)


def test_a_french_screen_reader_hint_is_removed():
    hint = "Utilisez les flèches haut et bas pour parcourir les suggestions de recherche, puis la touche Entrée."
    doc = clean_text(f"Règles du regroupement familial\n\n{hint}\n\n{BODY}")
    assert reasons(doc)[hint].startswith("accessibility hint")


def test_a_touch_gesture_hint_is_removed():
    hint = "Touch device users, explore by touch or with swipe gestures."
    doc = clean_text(f"Family reunification rules\n\n{hint}\n\n{BODY}")
    assert reasons(doc)[hint].startswith("accessibility hint")


def test_a_sentence_naming_one_kind_of_key_is_kept():
    text = "Officers use the arrow keys of the old terminal to record each application."
    doc = clean_text(f"Family reunification rules\n\n{text}\n\n{BODY}")
    assert text in text_of(doc)


def test_a_long_paragraph_about_accessibility_is_kept():
    text = ("The audit found that screen readers could not announce the search suggestions, so users who "
            "rely on the arrow keys and the enter key to choose a result were unable to complete their "
            "application online, and the agency agreed to repair the form before the end of the year.")
    doc = clean_text(f"Accessibility audit\n\n{text}\n\n{BODY}")
    assert "screen readers could not announce" in text_of(doc)


def test_a_numbered_breadcrumb_from_home_is_removed():
    trail = "1.   [Home](https://example.org/)\n2.   [Visas](https://example.org/visas)\n" \
            "3.   [Family visas](https://example.org/visas/family)"
    doc = clean_text(f"Family reunification rules\n\n{trail}\n\n{BODY}")
    assert reasons(doc)["2.   [Visas](https://example.org/visas)"] == (
        "breadcrumb trail (3 numbered links from the site's home down to the page)")
    assert "Family visas" not in text_of(doc)


def test_a_numbered_trail_of_ever_deeper_links_is_removed():
    trail = "1.   [Ministerio](https://example.es/ministerio)\n2.   [Extranjería](https://example.es/ministerio/extranjeria)"
    doc = clean_text(f"Normas\n\n{trail}\n\n{BODY}")
    assert reasons(doc)["1.   [Ministerio](https://example.es/ministerio)"].startswith("breadcrumb trail")


def test_a_numbered_list_of_links_to_unrelated_pages_is_kept():
    links = "1.   [Annual report](https://example.org/report)\n2.   [Statistics](https://example.org/data)"
    doc = clean_text(f"Family reunification rules\n\n{BODY}\nSources\n\n{links}\n\nThe figures were checked twice.\n")
    assert "Annual report" in text_of(doc)


def test_a_numbered_list_not_starting_at_one_is_kept():
    links = "2.   [Home](https://example.org/)\n3.   [Visas](https://example.org/visas)"
    doc = clean_text(f"Family reunification rules\n\n{links}\n\n{BODY}")
    assert "Visas" in text_of(doc)
