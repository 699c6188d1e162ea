"""List items on the page: nested only under an item, numbered as the source printed them.

Each test writes a few blocks, renders them to Markdown as a page does and then to HTML with the
extensions mkdocs.yml lists, and reads what a reader would see."""

from __future__ import annotations

import re
import sys

from builder.document import Block, Document, Source
from builder.write.document_page import render_body
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "clean"))
from cleankit import render_html  # noqa: E402  (mkdocs.yml's extension list, shared)


def page_html(*blocks: Block) -> str:
    numbered = [Block(b.kind, b.text, level=b.level, number=b.number, anchor=f"para-{i}", para=i)
                for i, b in enumerate(blocks, 1)]
    doc = Document(Source(name="doc.txt", text="", sha256=""), blocks=numbered)
    return render_html("\n".join(render_body(doc)) + "\n")


def shown_numbers(html: str) -> list[int]:
    """The number a browser shows before each item of the page's ordered lists, in order."""
    shown: list[int] = []
    for m in re.finditer(r'<ol(?: start="(\d+)")?>(.*?)</ol>', html, re.S):
        count = len(re.findall(r"<li[ >]", m.group(2)))
        first = int(m.group(1) or 1)
        shown += range(first, first + count)
    return shown


def item(text: str, number: str = "", level: int = 0) -> Block:
    return Block("list_item", text, level=level, number=number)


def test_items_numbered_twice_each_show_the_numbers_the_source_printed():
    html = page_html(item("ensure support;", "1"), item("veiller au soutien ;", "1"),
                     item("translate it.", "2"), item("la traduire.", "2"))
    assert shown_numbers(html) == [1, 1, 2, 2]


def test_numbering_that_starts_again_shows_as_printed():
    html = page_html(item("First.", "1"), item("Second.", "2"), Block("paragraph", "Between."),
                     item("Again first.", "1"), item("Again second.", "2"), item("Third again.", "1"))
    assert shown_numbers(html) == [1, 2, 1, 2, 1]


def test_consecutive_numbers_stay_one_list():
    html = page_html(item("One.", "3"), item("Two.", "4"), item("Three.", "5"))
    assert html.count("<ol") == 1
    assert shown_numbers(html) == [3, 4, 5]


def test_a_nested_item_without_a_parent_item_is_not_a_code_block():
    html = page_html(Block("paragraph", "The Rapporteur recommends that States:"),
                     item("End the practice;", "a", level=1), item("Monitor borders;", "b"))
    assert "<pre" not in html and "<code" not in html
    assert "{:" not in html
    assert 'id="para-2"' in html and "End the practice;" in html


def test_a_nested_item_under_an_item_stays_nested():
    html = page_html(item("Parent.", "1"), item("Child.", "a", level=1))
    assert re.search(r"<ol>\s*<li[^>]*>.*Parent\..*<ul>\s*<li[^>]*>.*Child\.", html, re.S)


def test_an_item_two_levels_below_its_parent_is_nested_once():
    html = page_html(item("Parent.", "1"), item("Grandchild.", "i", level=2))
    assert "<pre" not in html and "<code" not in html
    assert html.count("<ul>") == 1


def test_nested_items_numbered_twice_each_show_as_printed():
    html = page_html(item("Parent.", "a"), item("One.", "1", level=1), item("Un.", "1", level=1),
                     item("Two.", "2", level=1))
    assert "<pre" not in html
    assert shown_numbers(html) == [1, 1, 2]


def test_every_item_keeps_its_paragraph_anchor_when_a_list_restarts():
    html = page_html(item("A.", "1"), item("B.", "1"), item("C.", "2"))
    assert [f'id="para-{n}"' in html for n in (1, 2, 3)] == [True, True, True]
