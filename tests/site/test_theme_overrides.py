"""The Material theme overrides of overrides/ (which make the theme's markup valid and accessible):
the copy of Material's base.html stays Material's file but for its documented changes, and the
theme's drawer, search and table of contents still open and close in Chromium as before."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import sitecheck

OVERRIDES = sitecheck.ROOT / "overrides"
NARROW = {"width": 600, "height": 800}  # a phone: navigation in a drawer, table of contents inside it
# overrides/base.html is Material's base.html with these replacements, and nothing else changed
BASE_HTML_CHANGES = [(
    """<html lang="{{ lang.t('language') }}" class="no-js">""",
    """<html lang="{{ page.meta.lang | string | e if page and page.meta and page.meta.lang else lang.t('language') }}" """
    """class="no-js">""",
), (
    '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n',
    '    <form id="__toggles" autocomplete="off" hidden></form>\n'
    '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="__toggles">\n'
    '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="__toggles">\n',
)]
LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.S)


def material_template(name: str) -> Path:
    import material

    return Path(material.__file__).parent / "templates" / name


def without_leading_comment(text: str) -> str:
    return LEADING_COMMENT.sub("", text, count=1)


def test_base_html_is_materials_own_but_for_the_toggles_and_the_page_language():
    expected = without_leading_comment(material_template("base.html").read_text(encoding="utf-8"))
    for old, new in BASE_HTML_CHANGES:
        assert expected.count(old) == 1, "Material's base.html changed: copy it again into overrides/base.html " \
                                         "and make the change its leading comment describes"
        expected = expected.replace(old, new)
    override = without_leading_comment((OVERRIDES / "base.html").read_text(encoding="utf-8"))
    assert override == expected, "overrides/base.html differs from Material's base.html beyond its documented " \
                                 "change: copy Material's file again and make only that change"


# ---------------------------------------------------------------- in the browser


@pytest.fixture
def phone(context, site_url):
    """A tab as narrow as a phone's screen."""
    page = context.new_page()
    page.set_viewport_size(NARROW)
    yield page
    page.close()


def checked(page, element_id: str) -> bool:
    return page.eval_on_selector(f"#{element_id}", "el => el.checked")


def on_screen(page, selector: str) -> bool:
    """Visible and within the window horizontally (the drawer slides in from the left)."""
    box = page.locator(selector).first.bounding_box()
    return bool(box) and page.locator(selector).first.is_visible() and box["x"] > -1 and box["x"] < NARROW["width"]


def test_the_menu_button_opens_the_navigation_drawer_and_the_overlay_closes_it(phone, site_url):
    phone.goto(site_url + "about/", wait_until="load")
    assert not checked(phone, "__drawer")
    phone.click("header label[for=__drawer]")
    phone.wait_for_function("() => document.getElementById('__drawer').checked")
    phone.wait_for_timeout(400)  # the drawer's slide
    assert on_screen(phone, ".md-sidebar--primary .md-nav--primary")
    phone.mouse.click(NARROW["width"] - 10, NARROW["height"] // 2)  # the overlay beside the drawer
    phone.wait_for_function("() => !document.getElementById('__drawer').checked")


def test_the_search_button_opens_the_search_dialog_named_search(phone, site_url):
    phone.goto(site_url + "about/", wait_until="load")
    phone.click("header label[for=__search]")
    phone.wait_for_function("() => document.getElementById('__search').checked")
    dialog = phone.get_by_role("dialog", name="Search")
    assert dialog.count() == 1
    assert phone.locator(".md-search__input").is_visible()
    phone.keyboard.press("Escape")
    phone.wait_for_function("() => !document.getElementById('__search').checked")


def test_the_table_of_contents_opens_and_closes_inside_the_drawer(phone, site_url):
    # about/ is an entry of the navigation with headings: Material puts its table of contents in the
    # drawer, behind a label for the checkbox __toc, and its title (also a label for __toc) goes back
    phone.goto(site_url + "about/", wait_until="load")
    phone.click("header label[for=__drawer]")
    phone.click(".md-nav--primary label.md-nav__link[for=__toc]")
    phone.wait_for_function("() => document.getElementById('__toc').checked")
    phone.wait_for_timeout(400)
    assert on_screen(phone, ".md-nav--primary .md-nav--secondary .md-nav__list")
    phone.click(".md-nav--primary .md-nav--secondary label.md-nav__title[for=__toc]")
    phone.wait_for_function("() => !document.getElementById('__toc').checked")


def test_pages_outside_the_navigation_keep_their_table_of_contents_title(built_site, pages):
    # documents are not entries of the navigation: no __toc checkbox, so the title is a label for nothing
    document = next(p for p in pages if re.fullmatch(r"documents/[^/]+/", p))
    html = (built_site / document / "index.html").read_text(encoding="utf-8")
    assert 'id="__toc"' not in html
    assert re.search(r'<label class="md-nav__title">\s*<span class="md-nav__icon md-icon"></span>\s*'
                     r'Table of contents\s*</label>', html)


def test_going_back_to_a_page_does_not_reopen_its_drawer(site_url):
    # what Material's autocomplete="off" on the toggles did, now done by their form owner's: without
    # either, Chromium restores the checked drawer when going back to a page it did not keep in memory
    def go_back() -> tuple[str, str, bool, bool]:
        # a Chromium of its own, without the back-forward cache; in a thread of its own (Playwright's
        # sync API wants one instance per thread, and the session's browser has this one)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=sitecheck.CHROMIUM, headless=True,
                                                 args=[*sitecheck.CHROMIUM_ARGS, "--disable-features=BackForwardCache"])
            try:
                page = browser.new_context(viewport=NARROW).new_page()
                page.goto(site_url + "about/", wait_until="load")
                page.click("header label[for=__drawer]")
                page.wait_for_function("() => document.getElementById('__drawer').checked")
                page.goto(site_url + "timeline/", wait_until="load")
                page.go_back(wait_until="load")
                how = page.evaluate("() => performance.getEntriesByType('navigation')[0].type")
                return how, page.url, checked(page, "__drawer"), checked(page, "__search")
            finally:
                browser.close()

    with ThreadPoolExecutor(1) as pool:
        how, url, drawer, search = pool.submit(go_back).result()
    assert (how, url) == ("back_forward", site_url + "about/")
    assert not drawer and not search
