"""The ¶ permalink of each citable paragraph is added to the page's HTML by hooks/para_links.py."""

from __future__ import annotations

import importlib.util

import markdown
import yaml
from conftest import ROOT

from builder.document import Block
from builder.write.document_page import _list_item

spec = importlib.util.spec_from_file_location("para_links", ROOT / "hooks" / "para_links.py")
para_links = importlib.util.module_from_spec(spec)
spec.loader.exec_module(para_links)


def html_of(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "sane_lists"])


def test_a_citable_paragraph_ends_with_its_permalink():
    html = para_links.add_para_links(html_of('Migrants pay fees.\n{: #para-3 .para data-para="3" }'))
    assert html == ('<p class="para" data-para="3" id="para-3">Migrants pay fees. <a class="para-link" '
                    'href="#para-3" data-para="3" title="Paragraph 3: permanent link (click to copy a citation)" '
                    'data-search-exclude>¶</a></p>')


def test_each_paragraph_gets_its_own_number():
    html = para_links.add_para_links(html_of('One.\n{: #para-1 .para data-para="1" }\n\n'
                                             'Two.\n{: #para-2 .para data-para="2" }'))
    assert html.count('class="para-link"') == 2
    assert 'One. <a class="para-link" href="#para-1"' in html and 'Two. <a class="para-link" href="#para-2"' in html


def test_a_list_item_that_is_a_paragraph_gets_the_link_before_its_sub_list():
    html = para_links.add_para_links(
        '<ol>\n<li class="para" data-para="4" id="para-4">Item text<ul>\n<li>sub</li>\n</ul>\n</li>\n</ol>')
    assert 'Item text <a class="para-link" href="#para-4"' in html
    assert html.index("para-link") < html.index("<ul>")


def test_other_paragraphs_and_pages_are_left_alone():
    html = html_of("Plain text.\n\nAnother {: .note }")
    assert para_links.add_para_links(html) == html


def test_the_hook_is_registered_in_mkdocs_yml():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "hooks/para_links.py" in config["hooks"]


# --- list items that print their own label ---------------------------------------------------

def item_markdown(text: str, number: str = "") -> str:
    block = Block("list_item", text, number=number, anchor="para-7", para=7)
    return "\n".join(_list_item(block))


def test_an_item_with_its_own_label_is_labelled_and_keeps_its_permalink():
    md = item_markdown("b) To review the list of safe countries;")
    assert '{: #para-7 .para .labelled data-para="7" }' in md
    html = para_links.add_para_links(html_of(md))
    assert '<li class="para labelled" data-para="7" id="para-7">b) To review' in html
    assert 'countries; <a class="para-link" href="#para-7"' in html


def test_an_item_whose_bracketed_letter_is_its_number_is_labelled():
    assert ".labelled" in item_markdown("To review the list.", number="c")


def test_a_bulleted_item_and_a_numbered_item_are_not_labelled():
    assert ".labelled" not in item_markdown("Review the list of safe countries.")
    assert ".labelled" not in item_markdown("Review the list.", number="3")
    assert ".labelled" not in item_markdown("Article 3 applies.")


def test_the_site_hides_the_bullet_of_a_labelled_item():
    css = (ROOT / "docs" / "assets" / "site.css").read_text(encoding="utf-8")
    assert "li.labelled" in css and "li:has(> p.labelled:first-child)" in css
