"""The build report pages fit a 720 px wide window: a page never scrolls sideways, the summary
table scrolls inside its own box, within the text column."""

from __future__ import annotations

import pytest

import sitecheck

WIDTH = 720


@pytest.fixture
def narrow_page(browser):
    context = sitecheck.new_context(browser)
    page = context.new_page()
    page.set_viewport_size({"width": WIDTH, "height": 900})
    yield page
    context.close()


def test_no_report_page_scrolls_sideways_at_720_px(narrow_page, site_url, pages):
    """The summary and each document's report (its provenance page, with its tables of removed
    and moved lines and its word diff): what does not fit scrolls inside its own box."""
    reports = [p for p in pages if p.startswith(("about/report/", "changes/"))]
    assert "about/report/" in reports and len(reports) > 2
    wide = {}
    for path in reports:
        narrow_page.goto(site_url + path)
        width = narrow_page.evaluate("() => document.documentElement.scrollWidth")
        if width > WIDTH:
            wide[path] = width
    assert wide == {}, f"wider than a {WIDTH} px window"


def test_the_summary_table_scrolls_inside_its_box_within_the_column(narrow_page, site_url):
    narrow_page.goto(site_url + "about/report/")
    box, table, column = narrow_page.evaluate("""() => {
        const box = document.querySelector('.report-table');
        const article = document.querySelector('article.md-content__inner');
        return [box.getBoundingClientRect().right, box.scrollWidth - box.clientWidth,
                article.getBoundingClientRect().right];
    }""")
    assert box <= column + 1, (box, column)
    assert table > 0, "the table fits at 720 px: the box is not needed any more, or the table lost columns"
