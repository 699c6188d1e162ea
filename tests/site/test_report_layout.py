"""The build report page fits a 720 px wide window: the page never scrolls sideways, the summary
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


@pytest.mark.parametrize("path", ["about/report/"])
def test_the_report_page_does_not_scroll_sideways_at_720_px(narrow_page, site_url, path):
    narrow_page.goto(site_url + path)
    width = narrow_page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= WIDTH, f"{path}: {width} px wide in a {WIDTH} px window"


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
