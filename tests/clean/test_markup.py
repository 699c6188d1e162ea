"""Markup in the source is read, not shown: front matter, scraper headers, Markdown headings,
images and HTML fragments (one behaviour a test, inputs written here)."""

from __future__ import annotations

from cleankit import clean_text

from builder.clean.rules.markup import (ABBR_TITLE_REASON, HTML_IMAGE_REASON, HTML_TITLE_REASON, IMAGE_REASON,
                                        IMAGE_TITLE_REASON, REFERENCE_REASON, TAG_REASON, UNUSED_REFERENCE_REASON)
from builder.enrich.metadata import extract

BODY = "The committee met to discuss the protection of migrant workers in the region.\n"


def test_front_matter_sets_title_and_date_and_leaves_the_body():
    doc = clean_text(f"---\ntitle: \"A Report on Labour Migration\"\ndate: 2021-03-04\nurl: https://example.org/r\n"
                     f"---\n\n{BODY}")
    assert doc.front_matter["title"] == "A Report on Labour Migration"
    assert all("title:" not in b.text and "---" not in b.text for b in doc.blocks)
    assert any(r.reason == "front matter (title, date, url)" for r in doc.removed)
    meta = extract(doc)
    assert (meta.title, meta.date) == ("A Report on Labour Migration", "2021-03-04")
    assert meta.sources["date"] == "front matter" and meta.title_source == "front matter"


def test_a_front_matter_title_written_with_html_entities_is_the_title_they_stand_for():
    # A scraper copies the page's <title> as HTML: its "&gt;" is ">", which the page's front matter
    # escapes once (showing "&gt;" to the reader would be escaping it twice).
    doc = clean_text(f"---\ntitle: \"Asylum &gt; Reception conditions &amp; rights\"\n---\n\n{BODY}")
    assert doc.front_matter["title"] == "Asylum > Reception conditions & rights"
    assert extract(doc).title == "Asylum > Reception conditions & rights"


def test_scraper_header_fields_written_with_html_entities_are_read_as_text():
    doc = clean_text(f"Title: Rules &gt; Asylum &#8211; Part 14\nURL Source: https://example.org/r\n---\n\n{BODY}")
    assert doc.front_matter["title"] == "Rules > Asylum \u2013 Part 14"


def test_an_override_still_wins_over_front_matter():
    doc = clean_text(f"---\ntitle: From the file\n---\n\n{BODY}")
    assert extract(doc, {"title": "Edited"}).title == "Edited"


def test_malformed_front_matter_is_kept_as_text_with_a_warning():
    doc = clean_text(f"---\ntitle: ok\n  - broken: [\n---\n\n{BODY}")
    assert not doc.front_matter
    assert any("does not parse" in w for w in doc.warnings)


def test_scraper_header_lines_are_read_as_fields():
    doc = clean_text(f"Title: Family reunion rules\n\nURL Source: https://example.org/a\n\nMarkdown Content:\n\n{BODY}")
    assert doc.front_matter["title"] == "Family reunion rules"
    assert all("URL Source" not in b.text for b in doc.blocks)


def test_a_memo_head_is_not_a_scraper_header():
    doc = clean_text(f"To: All staff\nFrom: The Director\nDate: 3 March 2020\n\n{BODY}")
    assert not doc.front_matter


def test_tight_markdown_heading_becomes_a_heading_of_its_level():
    doc = clean_text(f"# The Report\n\n{BODY}\n## Scope\n\n{BODY}\n###Section 4\n\n{BODY}")
    heads = [(b.text, b.level) for b in doc.blocks if b.kind == "heading"]
    assert heads == [("The Report", 1), ("Scope", 2), ("Section 4", 3)]
    assert all("#" not in b.text for b in doc.blocks)


def test_numbered_markdown_heading_keeps_its_number_out_of_the_text():
    doc = clean_text(f"# Title of it\n\n{BODY}\n## 2. Scope\n\n{BODY}")
    head = next(b for b in doc.blocks if b.kind == "heading" and b.level == 2)
    assert (head.number, head.text) == ("2", "Scope")


def test_sup_tag_becomes_a_note_reference():
    doc = clean_text("Migrants have rights.<sup>3</sup> More text follows here.\n\n³ See the annex.\n")
    para = doc.blocks[0]
    assert "<sup>" not in para.text and any(s.kind == "footnote" and s.target == "3" for s in para.spans)


def test_css_rule_line_is_removed():
    doc = clean_text(f".note {{ color: red; font-size: 12px }}\n\n{BODY}")
    assert any(r.reason == "CSS rule line" for r in doc.removed)
    assert all("{" not in b.text for b in doc.blocks)


def test_style_block_and_anchor_target_are_removed_and_tags_stripped():
    doc = clean_text("<style>\np { margin: 0 }\n</style>\n\n<a id=\"s1\"></a>The <b>committee</b> met today.\n")
    assert [b.text for b in doc.blocks] == ["The committee met today."]
    assert {r.reason for r in doc.removed} >= {"HTML style sheet", "HTML anchor target",
                                              "HTML tags (their text is kept)"}


def test_image_keeps_its_alt_text_and_reports_its_address():
    doc = clean_text("![Map of the camps in 2015](https://example.org/map.png)\n\n" + BODY)
    caption = doc.blocks[0]  # an image alone on its line: its description is its caption
    assert caption.kind == "admonition" and caption.children[0].text == "Map of the camps in 2015"
    assert any(r.text == "https://example.org/map.png" for r in doc.removed)


def test_a_scraper_header_under_a_page_title_with_a_colon_is_read():
    doc = clean_text(f"# Questions fréquentes : services en ligne - Agence\n\nSource: https://example.org/faq\n\n"
                     f"Fetched (UTC): 2026-01-20T10:52:15Z\n\n---\n\n{BODY}")
    assert doc.front_matter["source"] == "https://example.org/faq"
    assert all("Fetched" not in b.text and "Source:" not in b.text for b in doc.blocks)
    assert any(r.reason.startswith("scraper header") for r in doc.removed)



def test_a_scrapers_anchor_label_line_is_removed_with_its_reason():
    doc = clean_text(f"# The Act\n\n[Block 3: #a1]\nArticle 1. Purpose.\n\n{BODY}\n[#section-2]\n\n{BODY}")
    assert all("#a1" not in b.text and "#section-2" not in b.text for b in doc.blocks)
    assert {r.text for r in doc.removed if r.reason.startswith("in-page anchor label")} == {"[Block 3: #a1]",
                                                                                           "[#section-2]"}


def test_a_bracketed_label_without_an_anchor_is_kept():
    doc = clean_text(f"# The Act\n\n[Annex]\n\n{BODY}\n[See annex #3 for the list]\n\n{BODY}")
    text = " ".join(b.text for b in doc.blocks)
    assert "[Annex]" in text and "See annex #3 for the list" in text


def test_a_stray_emphasis_mark_on_its_own_line_is_removed():
    doc = clean_text(f"# The Note\n\n{BODY}\n _\n\n*\n\nApproved by the Minister.\n")
    assert all(b.text not in ("_", "*") for b in doc.blocks)
    assert [r.reason for r in doc.removed] == ["stray Markdown emphasis mark on a line of its own"] * 2


def test_a_markdown_escaped_paragraph_number_is_read_as_the_number():
    doc = clean_text(f"# The Letter\n\n{BODY}\n"
                     "2\\. I would like to mention two projects which are vital to our plans.\n\n"
                     "3\\) Nous demandons que le navire soit affecté au transport des migrants.\n")
    texts = [b.number + "|" + b.text for b in doc.blocks]
    assert not any("\\" in t for t in texts)
    assert any(t.endswith("2. I would like to mention two projects which are vital to our plans.")
               or t.startswith("2|I would like") for t in texts)


def test_a_markdown_pipe_table_becomes_a_table_with_its_header_row():
    doc = clean_text(f"# Guidance\n\n{BODY}\n| Instrument | Year | States parties |\n|---|---|---|\n"
                     "| 1954 Convention | 1954 | 96 |\n| 1961 Convention | 1961 | 79 |\n\n" + BODY)
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.rows == [["Instrument", "Year", "States parties"], ["1954 Convention", "1954", "96"],
                          ["1961 Convention", "1961", "79"]]
    assert table.header == 1 and table.align == ["left", "right", "right"]
    assert not any("|" in b.text for b in doc.blocks)


def test_a_pipe_table_keeps_the_alignment_its_separator_line_gives():
    doc = clean_text(f"# Guidance\n\n{BODY}\n| Code | Name |\n|---:|:---|\n| A1 | North |\n| B2 | South |\n")
    assert next(b for b in doc.blocks if b.kind == "table").align == ["right", "left"]


def test_a_pipe_table_row_with_fewer_cells_is_padded_and_an_escaped_pipe_is_text():
    doc = clean_text(f"# Guidance\n\n{BODY}\n| Term | Meaning |\n| --- | --- |\n| a \\| b | either |\n| c |\n")
    assert next(b for b in doc.blocks if b.kind == "table").rows[1:] == [["a | b", "either"], ["c", ""]]


def test_lines_with_pipes_but_no_separator_line_are_no_table():
    doc = clean_text(f"# Guidance\n\n{BODY}\n| not | a table |\n| just | pipes |\n")
    assert not any(b.kind == "table" for b in doc.blocks)


def test_an_html_image_alone_on_its_line_becomes_its_description_as_a_caption():
    doc = clean_text(f"# Guidance\n\n{BODY}\n<img src=\"images/figure1.png\" alt=\"Figure 1: Persons by region\" "
                     f"width=\"600\"/>\n\n{BODY}")
    caption = next(b for b in doc.blocks if b.kind == "admonition")
    assert caption.children[0].text == "Figure 1: Persons by region"
    assert any(r.reason.startswith("HTML image tag") and "figure1.png" in r.text for r in doc.removed)
    assert not any("<img" in b.text or "src=" in b.text for b in doc.blocks)


def test_an_html_image_without_a_description_leaves_no_text():
    doc = clean_text(f"# Guidance\n\n{BODY}\n<img src=\"logo.png\"/>\n\n{BODY}")
    assert not any("logo" in b.text or "<img" in b.text for b in doc.blocks)
    assert any(r.reason.startswith("HTML image tag") for r in doc.removed)


def test_a_line_of_links_to_the_pages_own_sections_is_an_in_page_table_of_contents():
    doc = clean_text(f"# Guidance\n\n<div class=\"toc\">\n[Introduction](#intro) | [Legal framework](#legal) | "
                     f"[Recommendations](#recs)\n</div>\n\n{BODY}")
    assert not any("Legal framework" in b.text for b in doc.blocks)
    assert any(r.reason.startswith("in-page table of contents") and "Legal framework" in r.text for r in doc.removed)


def test_a_list_of_one_in_page_link_a_line_is_an_in_page_table_of_contents():
    doc = clean_text(f"# Guidance\n\n- [Introduction](#intro)\n- [Legal framework](#legal)\n\n{BODY}")
    assert not any("Legal framework" in b.text for b in doc.blocks)


def test_a_sentence_with_a_link_to_a_section_is_kept():
    line = "See the [legal framework](#legal) below for the instruments that apply."
    doc = clean_text(f"# Guidance\n\n{line}\n\n{BODY}")
    assert any(b.text.startswith("See the legal framework below") for b in doc.blocks)


def test_an_image_tag_that_carries_script_stays_its_literal_text():
    line = "<img src=x onerror=\"alert('XSS2')\">"
    doc = clean_text(f"# Guidance\n\n{BODY}\n{line}\n\n{BODY}")
    assert any(line in b.text for b in doc.blocks)
    assert not any(r.reason.startswith("HTML image tag") for r in doc.removed)
def test_a_markdown_definition_list_becomes_a_two_column_table():
    doc = clean_text("# Asylum Benefits Act\n\nDate of issue\n:   1993-06-30\n\nSource\n:   Federal Law Gazette I: "
                     "1993, 1074\n\nStatus: notice of 14.7.2021 taken into account\nAmended by\n"
                     ":   Art. 18 of 10.12.2021\n\n" + BODY)
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.rows == [["Date of issue", "1993-06-30"], ["Source", "Federal Law Gazette I: 1993, 1074"],
                          ["Status", "notice of 14.7.2021 taken into account"],
                          ["Amended by", "Art. 18 of 10.12.2021"]]
    assert not any(b.text.startswith(":") or "\n:" in b.text for b in doc.blocks)


def test_a_line_starting_with_a_colon_alone_is_no_definition_list():
    doc = clean_text("# Notes\n\nThe ratio was\n:   3 to 1\n\n" + BODY)
    assert not any(b.kind == "table" for b in doc.blocks)


# ----------------------------------------------------------------------------- titles and attributes: nothing lost

def _reasons(doc, text):
    return [r.reason for r in doc.removed if r.text == text]


def test_an_image_title_follows_its_description_in_the_caption():
    doc = clean_text(f'{BODY}\n![Families at a reception centre](img/c.jpg "Photo: Field Team")\n\n{BODY}')
    assert any(b.kind == "admonition" and b.children[0].text == "Families at a reception centre (Photo: Field Team)"
               for b in doc.blocks)
    assert _reasons(doc, "img/c.jpg") == [IMAGE_REASON]


def test_an_image_title_in_single_quotes_or_parentheses_is_read_too():
    for written in ("'Photo: Field Team'", "(Photo: Field Team)"):
        doc = clean_text(f"{BODY}\n![Families](img/c.jpg {written})\n\n{BODY}")
        assert any(b.kind == "admonition" and b.children[0].text == "Families (Photo: Field Team)" for b in doc.blocks)


def test_an_image_title_inside_a_sentence_is_reported_as_a_tooltip():
    doc = clean_text('Press the ![help](i.png "More information") button to continue the form.\n')
    assert doc.blocks[0].text == "Press the help button to continue the form."
    assert _reasons(doc, "More information") == [IMAGE_TITLE_REASON]


def test_an_image_title_repeating_its_description_is_reported_once():
    doc = clean_text(f'{BODY}\n![Map of the region](m.png "Map of the region")\n\n{BODY}')
    assert any(b.kind == "admonition" and b.children[0].text == "Map of the region" for b in doc.blocks)
    assert _reasons(doc, "Map of the region") == [IMAGE_TITLE_REASON]


def test_an_html_image_title_follows_its_description_and_the_tag_is_reported_without_them():
    doc = clean_text(f'{BODY}\n<img src="c.png" alt="Boats at the quay" title="Photo: Coast Guard">\n\n{BODY}')
    assert any(b.kind == "admonition" and b.children[0].text == "Boats at the quay (Photo: Coast Guard)"
               for b in doc.blocks)
    assert _reasons(doc, '<img src="c.png" alt="" title="">') == [HTML_IMAGE_REASON]


def test_a_figure_caption_follows_the_image_description_in_one_caption():
    doc = clean_text(f'{BODY}\n<figure><img src="a.png" alt="Bar chart"><figcaption>Figure 2: Arrivals by month'
                     f'</figcaption></figure>\n\n{BODY}')
    assert any(b.kind == "admonition" and b.children[0].text == "Bar chart — Figure 2: Arrivals by month"
               for b in doc.blocks)


def test_an_html_link_title_is_reported_as_a_tooltip_and_the_link_kept():
    doc = clean_text('See <a href="https://example.org/r" title="Annual report 2020">the report</a> for details.\n')
    assert doc.blocks[0].text == "See the report for details."
    assert _reasons(doc, "Annual report 2020") == [HTML_TITLE_REASON]
    assert _reasons(doc, '<a href="" title=""> </a>') == [TAG_REASON]


def test_an_abbreviation_title_is_reported_as_its_expansion():
    doc = clean_text('The <abbr title="International Labour Organization">ILO</abbr> adopted it.\n')
    assert doc.blocks[0].text == "The ILO adopted it."
    assert _reasons(doc, "International Labour Organization") == [ABBR_TITLE_REASON]


def test_a_br_in_a_markdown_heading_parts_title_and_subtitle():
    doc = clean_text(f"# Locked out<br>Access to asylum at the border\n\n{BODY}")
    assert doc.blocks[0].text == "Locked out: Access to asylum at the border"


def test_a_reference_style_link_reads_its_definition_and_the_definition_is_reported():
    doc = clean_text(f'See [the annual report][1] for details.\n\n{BODY}\n[1]: https://example.org/r "Annual report"\n')
    assert doc.blocks[0].text == "See the annual report for details."
    assert any(s.kind == "url" and s.target == "https://example.org/r" for s in doc.blocks[0].spans)
    assert _reasons(doc, "[1]: Annual report") == [REFERENCE_REASON]
    assert all("[1]" not in b.text for b in doc.blocks)


def test_a_reference_definition_no_link_uses_is_reported_whole():
    doc = clean_text(f"{BODY}\n[old]: https://example.org/old\n")
    assert _reasons(doc, "[old]: https://example.org/old") == [UNUSED_REFERENCE_REASON]


def test_a_bracketed_note_with_a_colon_is_no_reference_definition():
    doc = clean_text(f"{BODY}\n[2]: See above\n")
    assert not any(r.reason == UNUSED_REFERENCE_REASON for r in doc.removed)


def test_a_markdown_block_quote_keeps_its_words_without_its_marks():
    doc = clean_text(f'{BODY}\n> "They took our phones and told us to walk back."\n> — Testimony 61, man, 24\n\n{BODY}')
    quote = '"They took our phones and told us to walk back."\n— Testimony 61, man, 24'
    assert any(b.text == quote for b in doc.blocks)


def test_a_comparison_at_a_line_start_is_no_block_quote():
    doc = clean_text("Persons aged\n> 65 years were counted apart in the survey.\n")
    assert ">" in doc.blocks[0].text


def test_the_tags_of_a_sup_note_marker_are_reported():
    doc = clean_text(f"The count of people<sup>1</sup> rose.\n\n{BODY}\n<sup>1</sup> Counted by group.\n")
    assert sum(r.text.count("<sup> </sup>") for r in doc.removed if r.reason == TAG_REASON) == 2


QUOTE = ('# A report\n\n## Violence\n\n> "They took our phones and our shoes."\n'
         '> — Testimony 2022-061, man, 24\n\nSome text after the quote, a paragraph of its own.\n')


def test_a_markdown_block_quote_is_a_quotation_without_its_marks():
    b = next(b for b in clean_text(QUOTE).blocks if "phones" in b.text)
    assert (b.kind, b.label) == ("paragraph", "quote")
    assert ">" not in b.text


def test_a_block_quote_keeps_its_attribution_on_a_line_of_its_own():
    b = next(b for b in clean_text(QUOTE).blocks if "phones" in b.text)
    assert b.text == '"They took our phones and our shoes."\n— Testimony 2022-061, man, 24'


def test_an_empty_quote_line_parts_two_quoted_paragraphs():
    doc = clean_text("# A report\n\n> The first quoted paragraph, long enough.\n>\n> The second quoted one.\n\n"
                     "Some text after the quote, a paragraph of its own.\n")
    quotes = [b.text for b in doc.blocks if b.label == "quote"]
    assert quotes == ["The first quoted paragraph, long enough.", "The second quoted one."]


def test_a_paragraph_after_a_quote_is_no_quotation():
    b = next(b for b in clean_text(QUOTE).blocks if b.text.startswith("Some text"))
    assert b.label == ""


def test_a_comparison_sign_opening_a_line_is_no_quotation():
    doc = clean_text("# A report\n\nPeople aged\n> 65 years are eligible for the allowance.\n")
    assert not any(b.label == "quote" for b in doc.blocks)
