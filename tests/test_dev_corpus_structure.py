"""The development corpus (documents of kinds the seeds lack) built end to end: short lines
are never joined with separators, titles are never labels or trails, numbered section
titles are headings."""

from __future__ import annotations

import re

import pytest


GENRE_WORDS = {"summary", "preamble", "press release", "communiqué", "news", "overview", "abstract"}


@pytest.fixture(scope="module")
def pages(dev_corpus_site):
    project, _ = dev_corpus_site
    out = {}
    for page in (project / "docs" / "documents").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        m = re.search(r"^source: (.+)$", text, re.M)
        if m:
            out[m.group(1).strip()] = text
    return out


def body(text: str) -> str:
    """The cleaned text of a page: without its front matter, its header line and its citation box."""
    text = text.split("\n---\n", 1)[-1]
    return "\n".join(line for line in text.split("\n")
                     if not line.startswith(("**Date:**", '<p class="cite-')) and "cite-downloads" not in line)


def title(text: str) -> str:
    return re.search(r"^title: (.+)$", text, re.M).group(1).strip("'\"")


def test_no_page_body_joins_lines_with_a_middle_dot(pages):
    assert {name: [ln for ln in body(t).split("\n") if " · " in ln][:3] for name, t in pages.items()
            if " · " in body(t)} == {}


def test_no_title_is_a_breadcrumb(pages):
    assert [t for t in map(title, pages.values()) if re.search(r"\S (?:>|›|»|→) \S", t)] == []


def test_no_title_is_a_single_genre_word(pages):
    assert [t for t in map(title, pages.values()) if t.strip(" #*").lower() in GENRE_WORDS] == []


def test_a_declaration_without_a_title_line_is_named_by_its_own_words(pages):
    page = next(t for name, t in pages.items() if name.startswith("07_"))
    assert title(page) == "Declaration on Race and Racial Prejudice"
    assert "## Preamble" in headings(page) or "Preamble" in body(page)  # the label is still on the page


def test_no_title_is_a_periodicals_running_header_or_a_bracketed_label(pages):
    assert [t for t in map(title, pages.values()) if t.startswith("[") or re.search(r"\bVolume \d+, Number", t)] == []
    page = next(t for name, t in pages.items() if name.startswith("04_"))
    assert title(page).startswith("Joint Session of Congress")
    assert "{time}" not in body(page) and "\\[House\\]" in body(page)  # the header kept, in the page header


def test_paragraph_numbers_printed_on_their_own_line_start_their_paragraphs(pages):
    page = next(t for name, t in pages.items() if name.startswith("01_"))
    starts = re.findall(r"^(\d+)(?:&#46;|\.) We\b", body(page), re.M)
    assert {"1", "2", "3", "8", "10", "31"} <= set(starts) and len(starts) == len(set(starts)) >= 28


def test_running_headers_of_a_padded_extraction_leave_the_text(pages):
    page = next(t for name, t in pages.items() if name.startswith("01_"))
    assert "Persons 9. We commit" not in body(page) and "United Nations that the 2030 Agenda" not in body(page)
    assert re.search(r"^9(?:&#46;|\.) We commit", body(page), re.M)


def test_the_policy_notes_flattened_table_and_run_in_item_are_rebuilt(pages):
    page = next(t for name, t in pages.items() if name.startswith("20_"))
    assert "| Single Males | 45 |" in page and "| Married persons with children | 50 |" in page
    assert re.search(r"^- \(f\) Special consideration", body(page), re.M)
    assert "Single Males 45" not in page
    assert not re.search(r"^\\?_$", body(page), re.M)  # no stray emphasis mark left as a paragraph


def test_notes_under_a_page_foot_rule_leave_the_text(pages):
    page = next(t for name, t in pages.items() if name.startswith("01_"))
    assert "acknowledging 1 Resolution 64/293." not in body(page)
    assert re.search(r"^\[\^1\]: Resolution 64/293\.", page, re.M)


def headings(text: str) -> list[str]:
    return [re.sub(r"\s*\{:[^}]*\}$", "", ln) for ln in text.split("\n") if re.match(r"#{2,6} ", ln)]


def test_spanish_articles_are_headings_under_their_chapters(pages):
    heads = headings(next(t for name, t in pages.items() if name.startswith("09_")))
    one = next(h for h in heads if h == "## CAPÍTULO I" or h.startswith("## CAPÍTULO I — "))  # with its title
    two = next(h for h in heads if h == "## CAPÍTULO II" or h.startswith("## CAPÍTULO II — "))
    assert "### Artículo 1. Objeto." in heads and "### Artículo 3. Derechos." in heads
    assert heads.index(one) < heads.index("### Artículo 1. Objeto.") < heads.index(two)
    assert heads.count(one) == 1  # the page's own table of contents is not printed again


def test_an_article_of_a_bill_is_a_heading_above_its_sections(pages):
    heads = headings(next(t for name, t in pages.items() if name.startswith("16_")))
    assert "## ARTICLE 19-E" in heads and "### SECTION 697. DEFINITIONS." in heads


def test_unesco_declaration_articles_are_headings(pages):
    heads = headings(next(t for name, t in pages.items() if name.startswith("07_")))
    assert [h for h in heads if h.startswith("## Article ")][:3] == ["## Article 1", "## Article 2", "## Article 3"]


def test_long_article_titles_of_an_act_are_headings_like_the_short_ones(pages):
    page = next(t for name, t in pages.items() if name.startswith("09_"))
    articles = [h for h in headings(page) if re.match(r"### Artículo \d+", h)]
    assert len(articles) >= 20 and any(len(h.split()) > 30 for h in articles)  # (Artículo 9's title: 40 words)
    assert not re.search(r"^(?:<span[^>]*>)?Artículo \d+(?: bis)?\. [A-Z]", body(page), re.M)


def test_roman_sub_items_nest_under_their_letter_and_an_i_after_h_is_a_letter(pages):
    text = body(next(t for name, t in pages.items() if name.startswith("20_")))
    assert re.search(r"^- \(e\) *\n(?:.*\n)*?^    - \(i\) In the case.*\n(?:.*\n)*?^    - \(ii\) Applications.*\n"
                     r"(?:.*\n)*?^    - \(iii\) Applications", text, re.M)
    assert re.search(r"^- \(h\) Where applicable.*\n(?:.*\n)*?^- \(i\) The above policy", text, re.M)
    assert re.search(r"^- \(B\) Citizens.*\n(?:.*\n)*?^    - \(a\) They are skilled", text, re.M)


def test_a_back_to_contents_link_is_no_heading_and_is_reported(dev_corpus_site, pages):
    page = next(t for name, t in pages.items() if name.startswith("08_"))
    assert not [h for h in headings(page) if "Back to" in h] and "Back to contents" not in body(page)
    _, report = dev_corpus_site
    doc = next(d for d in report["documents"] if d["source"].startswith("08_"))
    assert any(r["rule"] == "in_page_links" and "Back to contents" in r["text"] for r in doc["removed"])


def test_no_prose_line_keeps_the_layout_spaces_of_its_extraction(pages):
    gaps = {}
    for name, text in pages.items():
        prose = re.sub(r"<pre.*?</pre>", "", body(text), flags=re.S)
        lines = [ln for ln in prose.split("\n") if not ln.startswith("|") and re.search(r"\S {2,}\S", ln)]
        if lines:
            gaps[name] = lines[:2]
    assert gaps == {}


def test_a_bills_salary_table_has_its_stacked_header_and_no_running_header_between_pages(pages):
    page = body(next(t for name, t in pages.items() if name.startswith("02_")))
    assert "| SG | HIRING RATE | STEP 1 | STEP 2 | STEP 3 | STEP 4 | STEP 5 | JOB RATE | INCR |" in page
    assert not re.search(r"A\. 10527 +\d", page)  # the page headers "A. 10527  2" … "A. 10527  14"
    # a header printed a blank line above its rows
    assert "| SG | RATE | STEP 1 | STEP 2 | STEP 3 | STEP 4 | STEP 5 | RATE | INCR |" in page
    assert not re.search(r"^HIRING +JOB SG", page, re.M)
    # "MAX", alone over "10 YR. …" where that line starts, heads its first column like "HIR-"
    assert page.count("| SG | MAX 10 YR. LONG STEP | 15 YR. LONG STEP | 20 YR. LONG STEP | 25 YR. LONG STEP |") == 3
    assert "table-heading\"><code>MAX<" not in page


def test_note_markers_fused_into_years_or_printed_after_a_space_are_linked(pages):
    page = next(t for name, t in pages.items() if name.startswith("01_"))
    assert "Declarations of 2017[^2] and 2021,[^3] and" in page
    linked = r"(?:\]\([^)]*\))?"  # (an entity link may close after the word)
    assert re.search(rf"Organized Crime{linked}\[\^5\]", page) and re.search(rf"Migration{linked},\[\^9\]", page)
    assert "20172" not in page


def test_an_items_text_going_on_after_a_blank_line_stays_in_its_item(pages):
    text = body(next(t for name, t in pages.items() if name.startswith("20_")))
    assert re.search(r"^    - \(a\) They are skilled .* families; and are in possession of at least 50", text, re.M)
    assert not re.search(r"^and are in possession", text, re.M)


def test_a_bills_print_code_is_no_heading(pages):
    assert [h for h in headings(next(t for name, t in pages.items() if name.startswith("02_")))
            if re.fullmatch(r"#+ [A-Z]+\d[\w-]*", h)] == []


def test_a_bills_cover_number_alone_on_its_line_is_no_heading_and_stays_as_text(pages):
    page = next(t for name, t in pages.items() if name.startswith("02_"))
    assert [h for h in headings(page) if re.fullmatch(r"#+ \d+", h)] == []
    assert re.search(r"^10527$", body(page), re.M)


def test_a_bills_locational_tables_have_their_column_heads_as_header_rows(pages):
    page = body(next(t for name, t in pages.items() if name.startswith("02_")))
    assert "|  | Nassau, Suffolk, Westchester, Rockland or city of New York | Orange, Putnam or Dutchess |" in page
    assert "|  | Orange/Putnam/Dutchess | NYC/Rockland/Nassau/Suffolk/Westchester |" in page


def test_a_grant_lists_amounts_glued_to_their_labels_are_in_the_amount_column(pages):
    page = body(next(t for name, t in pages.items() if name.startswith("15_")))
    assert "(Save Our Street | 25,000 |" in page and "(MALIKAH | 17,500 |" in page
    assert not re.search(r"[^\W\d_]\d{1,3},\d{3} \|", page)
    assert page.count("| --- | ---: |") == 9  # tables cut by a page break's blank line are one
