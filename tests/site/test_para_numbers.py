"""Paragraph numbers stand clear of everything around them: in the margin on a wide screen, left of
list bullets and numbers and outside the borders of boxes (captions, sidebars), in one column; at
the start of the paragraph where there is no margin. Photo captions and sidebars look different
from the citation box. Measured in Chromium on every document page of the shipped seeds."""

from __future__ import annotations

import pytest

NUMBERS = """() => {
  const canvas = document.createElement('canvas').getContext('2d');
  const sidebar = document.querySelector('.md-sidebar--primary');
  const list = sidebar && sidebar.offsetParent && sidebar.querySelector('.md-nav__list');
  const navRight = list ? list.getBoundingClientRect().right : 0;
  const rows = [];
  for (const p of document.querySelectorAll('article .para[data-para]')) {
    const after = getComputedStyle(p, '::after'), before = getComputedStyle(p, '::before');
    const rect = p.getBoundingClientRect();
    const row = {para: p.dataset.para, inline: after.content === 'none', before: before.content};
    if (!row.inline) {
      row.left = rect.left + parseFloat(after.left);
      row.right = row.left + parseFloat(after.width);
      canvas.font = `${after.fontSize} ${after.fontFamily}`;
      row.textLeft = row.right - canvas.measureText(p.dataset.para).width;  // right-aligned in its box
    }
    row.limits = [['navigation', navRight, 'left']];  // the number's digits right of the sidebar
    const li = p.parentElement.closest('li');
    if (li && li.firstElementChild === p) {
      const style = getComputedStyle(li), list = li.parentElement;
      canvas.font = `${style.fontSize} ${style.fontFamily}`;
      const marker = list.tagName === 'OL' ? `${(list.start || 1) + list.children.length - 1}. ` : '\\u2022 ';
      row.limits.push(['list marker', li.getBoundingClientRect().left - canvas.measureText(marker).width, 'right']);
    }
    const box = p.closest('.admonition, details');
    if (box) {
      const edge = box.getBoundingClientRect();
      row.limits.push(['box border', edge.left, 'right']);
      row.box = [edge.left, edge.right];
      row.rect = [rect.left, rect.right];
    }
    rows.push(row);
  }
  return rows;
}"""


def _document_urls(seeds_site) -> list[str]:
    _, report = seeds_site
    return [doc["url"] for doc in report["documents"]]


def test_the_seeds_have_numbered_paragraphs_in_lists_and_boxes(page, site_url, seeds_site):
    kinds = set()
    for url in _document_urls(seeds_site):
        page.goto(site_url + url)
        kinds |= {name for row in page.evaluate(NUMBERS) for name, _, _ in row["limits"]}
    assert {"list marker", "box border"} <= kinds, "pick seeds with lists and boxes again"


def test_in_the_margin_numbers_stay_left_of_bullets_and_box_borders_in_one_column(page, site_url, seeds_site):
    page.set_viewport_size({"width": 1280, "height": 900})
    for url in _document_urls(seeds_site):
        page.goto(site_url + url)
        rows = page.evaluate(NUMBERS)
        assert rows and not any(row["inline"] for row in rows), url
        for row in rows:
            for what, limit, side in row["limits"]:
                if side == "right":
                    assert row["right"] <= limit - 1, (url, row["para"], what, row["right"], limit)
                else:
                    assert row["textLeft"] >= limit, (url, row["para"], what, row["textLeft"], limit)
        columns = {round(row["right"]) for row in rows}
        assert max(columns) - min(columns) <= 2, (url, sorted(columns))


def test_a_list_item_s_paragraph_leaves_its_bullet_alone(page, site_url, seeds_site):
    """Chromium draws no bullet for a list item whose paragraph opens with an absolutely placed
    ::before: in the margin the number is the paragraph's ::after."""
    page.set_viewport_size({"width": 1280, "height": 900})
    for url in _document_urls(seeds_site):
        page.goto(site_url + url)
        for row in page.evaluate(NUMBERS):
            assert row["before"] in ("none", "normal"), (url, row["para"], row["before"])


@pytest.mark.parametrize("width", [720, 1000])
def test_without_a_margin_the_number_opens_the_paragraph_inside_its_box(page, site_url, seeds_site, width):
    page.set_viewport_size({"width": width, "height": 900})
    for url in _document_urls(seeds_site):
        page.goto(site_url + url)
        rows = page.evaluate(NUMBERS)
        assert rows and all(row["inline"] and row["before"] != "none" for row in rows), url
        for row in rows:
            if "box" in row:
                assert row["box"][0] < row["rect"][0] and row["rect"][1] < row["box"][1], (url, row["para"])
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width, url


LOOK = """sel => { const e = document.querySelector(sel); if (!e) return null; const s = getComputedStyle(e);
  const title = getComputedStyle(e.firstElementChild);
  return [s.borderTopStyle + ' ' + s.borderTopWidth, s.borderLeftColor, s.backgroundColor, s.fontStyle, s.boxShadow,
          title.backgroundColor]; }"""
"""How a box looks: its frame, colours and type, and its title bar's colour."""


def test_captions_and_sidebars_do_not_look_like_the_citation_box(page, site_url, seeds_site):
    seen = set()
    for url in _document_urls(seeds_site):
        page.goto(site_url + url)
        cite = page.evaluate(LOOK, "details.quote")
        assert cite, url
        for kind in ("quote", "example", "info", "question"):
            look = page.evaluate(LOOK, f".admonition.{kind}")
            if look is None:
                continue
            seen.add(kind)
            differences = sum(a != b for a, b in zip(look, cite))
            assert differences >= 2, (url, kind, look, cite)
    assert "quote" in seen and seen & {"example", "info", "question"}, seen


HEAD = """() => [...document.querySelectorAll('article .doc-head')].map(e => {
  const s = getComputedStyle(e), a = getComputedStyle(e, '::after'), b = getComputedStyle(e, '::before');
  return {numbered: e.matches('[data-para], .para') || !!e.querySelector('[data-para], .para'),
          marker: [a.content, b.content].filter(c => c !== 'none' && c !== 'normal'),
          look: [s.borderTopStyle + ' ' + s.borderTopWidth, s.borderLeftColor, s.backgroundColor, s.fontStyle,
                 s.boxShadow]}; })"""
"""The page header's blocks (bylines, datelines, contact lines): numbered or not, and how they look."""


def test_the_page_header_lines_carry_no_number_and_do_not_look_like_the_citation_box(page, site_url, seeds_site):
    seen = 0
    for url in _document_urls(seeds_site):
        page.goto(site_url + url)
        cite = page.evaluate(LOOK, "details.quote")[:5]
        for head in page.evaluate(HEAD):
            seen += 1
            assert not head["numbered"] and head["marker"] == [], (url, head)
            assert sum(a != b for a, b in zip(head["look"], cite)) >= 2, (url, head["look"], cite)
    assert seen, "no seed page shows a page header block: pick seeds with a byline again"
