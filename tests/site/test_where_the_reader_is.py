"""Every page says where the reader is: the navigation marks the section the page belongs to (the
page itself when it is a section's page), and the pages below a section carry breadcrumbs, the
section first, linking to it. Read from the built HTML of the shipped seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ACTIVE = re.compile(r'<a href="([^"]*)" class="md-nav__link md-nav__link--active"[^>]*>\s*<span class="md-ellipsis">'
                    r"\s*(.*?)\s*</span>", re.S)
CRUMBS = re.compile(r'<nav class="breadcrumbs" aria-label="Breadcrumb"[^>]*><ol>(.*?)</ol></nav>', re.S)
SECTIONS = {"documents/": "Documents", "themes/": "Themes", "entities/": "Glossary", "about/": "About"}


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _below_a_section(site: Path, pages: list[str]) -> list[str]:
    """The pages below a section (the redirects left by moved pages, which have no navigation, aside)."""
    return [url for url in pages if any(url.startswith(s) and url != s for s in SECTIONS)
            and "md-nav__link" in _html(site, url)]


def test_the_section_of_every_page_below_one_is_marked_in_the_navigation(built_site, pages):
    below = _below_a_section(built_site, pages)
    assert any(u.startswith("documents/") for u in below) and any(u.startswith("themes/") for u in below)
    for url in below:
        html = _html(built_site, url)
        section = next(name for prefix, name in SECTIONS.items() if url.startswith(prefix))
        marked = ACTIVE.findall(html)
        assert [title for _, title in marked] == [section], (url, marked)
        assert 'md-nav__link--active" aria-current="true">' in html, url


def test_a_section_s_own_page_is_marked_as_material_marks_it(built_site):
    html = _html(built_site, "themes/")
    assert [title for _, title in ACTIVE.findall(html)] == ["Themes"]
    assert 'aria-current="true"' not in html  # not a page below the section: the theme's own mark


@pytest.mark.parametrize("prefix", ["documents/", "themes/", "entities/"])
def test_pages_below_a_section_begin_with_breadcrumbs_naming_it(built_site, pages, prefix):
    below = [u for u in _below_a_section(built_site, pages) if u.startswith(prefix)]
    assert below, prefix
    for url in below:
        html = _html(built_site, url)
        found = CRUMBS.findall(html)
        assert len(found) == 1, (url, len(found))
        first = re.match(r'<li><a href="([^"]*)">(.*?)</a></li>', found[0])
        assert first and first.group(2) == SECTIONS[prefix], (url, found[0])
        assert (built_site / url / first.group(1) / "index.html").resolve() == (built_site / prefix / "index.html")
        assert html.index('class="breadcrumbs"') < html.index("<h1"), url
        assert '<span aria-current="page">' in found[0], url


def test_document_breadcrumbs_name_the_year_of_the_document(built_site, seeds_site):
    _, report = seeds_site
    for doc in report["documents"]:
        crumbs = CRUMBS.search(_html(built_site, doc["url"])).group(1)
        year = (doc["date"] or "")[:4] or "Undated"
        assert re.search(rf'<li><a href="[^"]*">{year}</a></li>', crumbs), (doc["url"], crumbs)


def test_the_home_page_and_the_sections_pages_have_no_breadcrumbs(built_site):
    for url in ["", *SECTIONS]:
        assert 'class="breadcrumbs"' not in _html(built_site, url), url


def _crumbs(site: Path, url: str) -> list[tuple[str, str]]:
    """The breadcrumbs of a page as (target URL relative to the site, text); the page itself last, ("", text)."""
    found = CRUMBS.findall(_html(site, url))
    assert len(found) == 1, (url, len(found))
    out = []
    for href, text in re.findall(r'<li>(?:<a href="([^"]*)">|<span aria-current="page">)(.*?)</(?:a|span)></li>',
                                 found[0]):
        if not href:
            out.append(("", text))
            continue
        path, _, anchor = href.partition("#")
        target = (site / url / path).resolve().relative_to(site.resolve()).as_posix()
        out.append((("" if target == "." else target + "/") + (f"#{anchor}" if anchor else ""), text))
    return out


def test_a_provenance_page_shows_documents_its_year_its_document_then_itself(built_site, seeds_site):
    _, report = seeds_site
    for doc in report["documents"]:
        page = "changes/" + doc["url"].split("/")[1] + "/"
        crumbs = _crumbs(built_site, page)
        assert [text for _, text in crumbs][::3] == ["Documents", "What cleaning changed"], (page, crumbs)
        assert crumbs[1][1] == ((doc["date"] or "")[:4] or "Undated"), (page, crumbs)
        assert crumbs[2][0] == doc["url"] and crumbs[3][0] == "", (page, crumbs)
        marked = ACTIVE.findall(_html(built_site, page))
        assert [title for _, title in marked] == ["Documents"], (page, marked)


def test_the_year_in_the_breadcrumbs_leads_to_a_listing_of_the_document(built_site, seeds_site):
    _, report = seeds_site
    for doc in report["documents"]:
        page = "changes/" + doc["url"].split("/")[1] + "/"
        for url in (doc["url"], page):
            listing, _, anchor = _crumbs(built_site, url)[1][0].partition("#")
            html = _html(built_site, listing)
            listed = html[html.index(f'id="{anchor}"'):] if anchor else html
            section = listed.split("<h2", 1)[0] if anchor else listed
            slug = doc["url"].split("/")[1]
            assert f'/{slug}/"' in section or f'"{slug}/"' in section, (url, listing, anchor)
