"""Page and site furniture by function; content that merely repeats is kept."""

from __future__ import annotations

from cleankit import clean_text

PAGE = ("Some body text of the report goes on and on about the topic at hand here.\n"
        "More body text follows on the next line of the same page, as it does.\n"
        "A third line of the same page closes the paragraph of this page here.\n")


def test_breadcrumb_is_removed():
    doc = clean_text("Home > News > Migration policy\n\nThe ministry published new rules today on visas.\n")
    assert doc.removed and "navigation" in doc.removed[0].reason
    assert all("Home >" not in b.text for b in doc.blocks)


def test_numbered_recommendations_are_kept():
    recs = "".join(f"{n}. Ensure access to services\n" for n in range(1, 6))
    doc = clean_text(f"Recommendations\n\n{recs}\nThe Council will review progress next year in full.\n")
    assert doc.removed == []
    assert sum(b.kind == "list_item" for b in doc.blocks) == 5


def test_a_repeated_sub_heading_is_kept():
    doc = clean_text("\n".join(f"Requirements\n\n{PAGE}" for _ in range(3)))
    assert doc.removed == []
    assert sum(b.text == "Requirements" for b in doc.blocks) == 3
    assert any("not at page boundaries" in w for w in doc.warnings)


def test_running_header_at_page_boundaries_is_removed():
    # A page gap of blank lines (a converter that writes no form feed).
    doc = clean_text("\n\n".join(f"Annual Report 2020\n{PAGE}" for _ in range(3)))
    assert [r.text for r in doc.removed] == ["Annual Report 2020"] * 3


def test_page_n_of_m_is_removed():
    doc = clean_text(f"{PAGE}\nPage 3 of 12\n\n{PAGE}")
    assert [(r.text, r.reason) for r in doc.removed] == [("Page 3 of 12", "page number")]


def test_print_job_number_is_removed():
    doc = clean_text(f"GE.19-12345\n\n{PAGE}")
    assert [(r.text, r.reason) for r in doc.removed] == [("GE.19-12345", "print job number or barcode")]


def test_back_to_top_in_another_language_is_removed():
    doc = clean_text(f"{PAGE}\nSubir\n\n{PAGE}")
    assert [r.text for r in doc.removed] == ["Subir"]


def test_a_form_feed_is_a_page_boundary_for_running_headers():
    # pdftotext writes one form feed per page and no blank lines around it.
    doc = clean_text("\f".join(f"Annual Report 2020\n{PAGE}" for _ in range(3)))
    assert [(r.text, r.reason) for r in doc.removed] == [
        ("Annual Report 2020", "running header or footer (repeated on 3 pages)")] * 3


def test_a_form_feed_mid_sentence_leaves_the_sentence_whole():
    doc = clean_text("Die Kommission prüft jedes Jahr, ob die Leistungen\n\fausreichen und angepasst werden müssen.\n")
    assert [b.text for b in doc.blocks] == ["Die Kommission prüft jedes Jahr, ob die Leistungen ausreichen und "
                                            "angepasst werden müssen."]
    assert "form feed" not in " ".join(doc.source.repairs)


def test_a_running_header_is_removed_when_the_extractor_pads_every_line_with_a_space():
    def page(n: int) -> str:
        return (f"{n}. We reaffirm our commitment number {n} to address the factors that make people \n"
                "vulnerable to trafficking in persons, such as poverty and inequality. \n")
    header = "2025 Political Declaration on the Implementation of the Plan \nA/RES/80/9 \n"
    doc = clean_text(" \n".join(f"{header} \n{page(n)} \n{n}/8 \n" for n in range(2, 6)))
    assert {r.text for r in doc.removed if r.reason.startswith("running header")} == {
        "2025 Political Declaration on the Implementation of the Plan", "A/RES/80/9"}
    assert all("Political Declaration" not in b.text for b in doc.blocks)
