"""clean/boilerplate: web boilerplate, page furniture and signature images are removed,
each with its reason."""

from __future__ import annotations

from cleankit import clean_text

WEB = """printable banner

Ministry of Things - Official Logo

Ministry of Things

Serving the Public

Migration Policy Positions for the Summit

The body of the page says what the positions are. It is long enough to be prose.

Back to Top

Do you already have an account? Click the logo to sign in and create your own page.

We use cookies to improve this site. Accept cookies or read our privacy policy.
"""


def reasons(doc):
    return {r.text: r.reason for r in doc.removed}


def test_banner_navigation_login_and_cookie_text_is_removed_with_reasons():
    doc = clean_text(WEB)
    removed = reasons(doc)
    for text in ("printable banner", "Ministry of Things - Official Logo", "Back to Top"):
        assert "web boilerplate" in removed[text]
    assert any(t.startswith("Do you already have an account?") for t in removed)
    assert any(t.startswith("We use cookies") for t in removed)


def test_site_name_and_tagline_above_the_title_are_removed_and_kept_for_metadata():
    doc = clean_text(WEB)
    assert reasons(doc)["Serving the Public"].startswith("web masthead")
    assert doc.masthead == ["Ministry of Things", "Serving the Public"]
    assert (doc.blocks[0].kind, doc.blocks[0].level, doc.blocks[0].text) == (
        "heading", 1, "Migration Policy Positions for the Summit")


def test_boilerplate_words_inside_the_body_are_not_removed():
    text = ("A Report\n\nIntro text that is long enough to be a paragraph of prose.\n\n"
            "The campaign reached people on Facebook; click rates and account sign-ups rose.\n\n"
            "A closing paragraph of ordinary prose ends the document here.\n")
    assert clean_text(text).removed == []


def test_signature_image_description_is_removed():
    doc = clean_text("Sincerely,\n\nA handwritten signature in blue ink, appearing to read \"J. Doe\".\n\nJ. Doe\n")
    assert reasons(doc)['A handwritten signature in blue ink, appearing to read "J. Doe".'] == \
        "image description of a signature"


def test_signed_mark_is_removed():
    doc = clean_text("Yours faithfully,\n\n[Signed]\n\nJ. Doe\n")
    assert reasons(doc)["[Signed]"] == "image description of a signature"


def test_a_signed_mark_is_recognised_whatever_the_letter_case_folds_from():
    # Case is ignored as the regex engine ignores it: a long s (ſ) is an s, a dotted capital İ an i.
    for mark in ("[SIGNED]", "[ſigned]", "[Sİgned]"):
        doc = clean_text(f"Yours faithfully,\n\n{mark}\n\nJ. Doe\n")
        assert reasons(doc)[mark] == "image description of a signature", mark


PAGE = ("Some body text of the report goes on and on about the topic at hand here.\n"
        "More body text follows on the next line of the same page, as it does.\n")


def test_running_headers_repeated_on_several_pages_are_removed():
    text = "\n".join(f"A/HRC/99/1\n\n{PAGE}\n" for _ in range(3))
    doc = clean_text(text)
    assert [r.text for r in doc.removed] == ["A/HRC/99/1"] * 3
    assert "running header" in doc.removed[0].reason
    assert all("A/HRC" not in b.text for b in doc.blocks)


def test_page_numbers_are_removed():
    doc = clean_text(f"{PAGE}\n2\n\n{PAGE}\n- 3 -\n\n{PAGE}\nPage 4 of 9\n")
    assert [(r.text, r.reason) for r in doc.removed] == [("2", "page number"), ("- 3 -", "page number"),
                                                         ("Page 4 of 9", "page number")]


def test_running_header_with_a_page_number_is_removed():
    doc = clean_text("\n".join(f"Report of the Secretary-General {n}\n\n{PAGE}" for n in (2, 3, 4)))
    assert len(doc.removed) == 3 and "page number" in doc.removed[0].reason


def test_a_heading_used_twice_is_not_a_running_header():
    doc = clean_text(f"Summary\n\n{PAGE}\nSummary\n\n{PAGE}")
    assert doc.removed == []


def test_repeated_wrapped_lines_of_a_pdf_column_are_not_running_headers():
    para = "Body text in a column that wraps \nat a narrow width for many \nlines in a row. \n\n"
    doc = clean_text(para * 5)
    assert doc.removed == []


def test_the_end_mark_of_a_press_release_is_removed_with_its_reason():
    for mark in ("###", "# # #", "-30-", "- ENDS -", "ENDS", "— FIN —", "-Ende-"):
        doc = clean_text(f"Press release\n\nThe ministry announced new rules today for all applicants.\n\n{mark}\n\n"
                         "About the ministry\n\nThe ministry handles migration.\n")
        assert [(r.text, r.reason.split(" (")[0]) for r in doc.removed] == [(mark, "end mark of a release")], mark


def test_a_word_alone_that_could_end_a_release_is_kept_unless_in_capitals():
    doc = clean_text("Press release\n\nThe ministry announced new rules today for all applicants.\n\nEnde\n\n"
                     "The ministry handles migration.\n")
    assert not doc.removed
