"""Citing in a real browser: the ¶ permalink appears on hover and copies a citation of its
paragraph; the copy buttons of the citation box copy what they show."""

from __future__ import annotations

import re

import pytest


@pytest.fixture
def document_page(page, site_url, seeds_site):
    _, report = seeds_site
    doc = max(report["documents"], key=lambda d: d["paragraphs"])
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=re.match(r"https?://[^/]+", site_url)[0])
    page.goto(site_url + doc["url"])
    return page


def test_hovering_a_paragraph_shows_its_pilcrow_and_clicking_it_copies_a_numbered_citation(document_page):
    page = document_page
    paragraph = page.locator("p.para[data-para]").nth(2)
    number = paragraph.get_attribute("data-para")
    link = paragraph.locator("a.para-link")
    assert float(link.evaluate("a => getComputedStyle(a).opacity")) == 0
    paragraph.hover()
    page.wait_for_function("a => getComputedStyle(a).opacity === '1'", arg=link.element_handle())
    link.click()
    assert page.evaluate("location.hash") == f"#para-{number}"
    copied = page.evaluate("navigator.clipboard.readText()")
    assert f"para. {number}" in copied and copied.rstrip(".").endswith(f"#para-{number}"), copied
    assert "%PARA%" not in copied


def test_copy_buttons_copy_the_citation_they_belong_to(document_page):
    page = document_page
    page.locator("details.quote summary", has_text="Cite this document").click()
    button = page.locator("button.cite-copy").first
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == button.get_attribute("data-copy")
