"""The built site in a real browser (Debian's Chromium, driven by Playwright), served on 127.0.0.1
under the path of site_url, as a reader meets it."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urldefrag

import pytest

WORD = "trafficking"


def article_text(file: Path) -> str:
    """The visible text of a built page's <article>, lower-cased, whitespace collapsed."""
    page = file.read_text(encoding="utf-8")
    match = re.search(r"<article\b.*?</article>", page, re.S)
    text = re.sub(r"<[^>]+>", " ", match.group(0) if match else "")
    return re.sub(r"\s+", " ", html.unescape(text)).strip().lower()


def content_pages(pages: list[str], section: str) -> list[str]:
    """The pages one folder below a section, e.g. documents/<slug>/ (not the section's index)."""
    return [p for p in pages if re.fullmatch(rf"{section}/[^/]+/", p)]


def site_relative(url: str, site_url: str) -> str | None:
    """A link's page on this site, relative to its root, without query or fragment (None if elsewhere)."""
    url = urldefrag(url)[0].split("?")[0]
    return url[len(site_url):] if url.startswith(site_url) else None


def in_viewport(page, element_id: str) -> bool:
    return page.evaluate("""id => {
        const el = document.getElementById(id);
        if (!el) return false;
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight && window.scrollY > 0;
    }""", element_id)


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def search(page, site_url: str, word: str) -> None:
    """Type a word into the theme's search box on the home page, as a reader would."""
    page.goto(site_url, wait_until="networkidle")
    page.click(".md-search__input")
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__item")


# ---------------------------------------------------------------- every page


def test_every_page_loads_without_console_errors(visits):
    errors = {page: visit.console_errors for page, visit in visits.items() if visit.console_errors}
    assert not errors


def test_every_page_loads_without_failed_requests(visits):
    failed = {page: visit.failed_requests for page, visit in visits.items() if visit.failed_requests}
    assert not failed


def test_no_page_requests_anything_from_another_host(visits):
    assert all(visit.requests for visit in visits.values())
    foreign = {page: visit.foreign_requests for page, visit in visits.items() if visit.foreign_requests}
    assert not foreign


# ---------------------------------------------------------------- reading and finding


def test_searching_a_word_lists_every_document_containing_it(page, site_url, built_site, pages):
    containing = {p for p in content_pages(pages, "documents") if WORD in article_text(built_site / p / "index.html")}
    assert containing, f"no shipped document contains {WORD!r}"
    search(page, site_url, WORD)
    listed: set[str] = set()
    while True:  # the theme renders results in batches as the list scrolls
        hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
        found = {site_relative(href, site_url) for href in hrefs}
        if found <= listed:
            break
        listed |= found
        page.eval_on_selector(".md-search__scrollwrap", "el => el.scrollTop = el.scrollHeight")
        page.wait_for_timeout(200)
    assert containing <= listed
    listed_documents = listed & set(content_pages(pages, "documents"))
    assert all("traffick" in article_text(built_site / p / "index.html") for p in listed_documents)


def test_opening_a_search_result_lands_on_that_document(page, site_url, pages):
    documents = set(content_pages(pages, "documents"))
    search(page, site_url, WORD)
    links = page.query_selector_all(".md-search-result__link")
    result = next(link for link in links if site_relative(link.evaluate("a => a.href"), site_url) in documents)
    target = site_relative(result.evaluate("a => a.href"), site_url)
    result.click()
    page.wait_for_url(re.compile(re.escape(site_url + target)))
    page.wait_for_load_state("load")
    assert site_relative(page.url, site_url) == target
    assert WORD in page.inner_text("article").lower()


def test_a_paragraph_permalink_opens_the_page_scrolled_to_that_paragraph(page, site_url, built_site, pages):
    # the document with the most paragraphs, and its last one: far enough down to need scrolling
    def anchors(p: str) -> list[str]:
        return re.findall(r'id="(para-\d+)"', (built_site / p / "index.html").read_text(encoding="utf-8"))

    document = max(content_pages(pages, "documents"), key=lambda p: len(anchors(p)))
    anchor = anchors(document)[-1]
    page.goto(f"{site_url}{document}#{anchor}", wait_until="networkidle")
    assert in_viewport(page, anchor)


QUOTE_OF_LINK = """a => {
    const inside = a.closest('blockquote');
    if (inside) return inside.innerText;
    const block = a.closest('p, li, div');
    const before = block && block.previousElementSibling;
    return before && before.tagName === 'BLOCKQUOTE' ? before.innerText : null;
}"""


def in_order(needles: list[str], haystack: list[str]) -> bool:
    """Every needle occurs in haystack, in the same order (other words may come between)."""
    rest = iter(haystack)
    return all(any(word == needle for word in rest) for needle in needles)


def test_a_theme_page_excerpt_link_lands_on_the_quoted_passage(page, site_url, pages):
    checked = 0
    for theme in content_pages(pages, "themes"):
        if checked == 3:  # the link checker checks every excerpt's anchor; here, that a reader lands right
            break
        page.goto(site_url + theme, wait_until="load")
        excerpt = next(((link, quote) for link in page.query_selector_all("article a[href*='#para-']")
                        if (quote := link.evaluate(QUOTE_OF_LINK))), None)
        if excerpt is None:
            continue
        link, quote = excerpt
        anchor = link.evaluate("a => new URL(a.href).hash.slice(1)")
        link.click()
        page.wait_for_url(re.compile(f"#{anchor}$"))
        page.wait_for_load_state("load")
        assert in_viewport(page, anchor), f"{theme}: #{anchor} not scrolled into view"
        passage = words(page.eval_on_selector(f"[id='{anchor}']", "el => el.innerText")).split()
        assert in_order(words(quote).split()[:20], passage), f"{theme}: {quote!r} not in #{anchor}"
        checked += 1
    assert checked, "no theme page quotes a passage"


def test_navigation_from_the_index_pages_reaches_every_document_theme_and_entity_page(page, site_url, pages):
    def links_on(path: str) -> set[str]:
        page.goto(site_url + path, wait_until="load")
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        return {p for p in map(lambda h: site_relative(h, site_url), hrefs) if p is not None}

    from_home = links_on("")
    index_pages = sorted(p for p in from_home if re.fullmatch(r"[^/]+/", p))
    reached = set(from_home)
    for index_page in index_pages:
        reached |= links_on(index_page)
    wanted = [p for section in ("documents", "themes", "entities") for p in content_pages(pages, section)]
    assert wanted
    assert [p for p in wanted if p not in reached] == []


# ---------------------------------------------------------------- for a person to look at


@pytest.mark.parametrize("name", ["home", "document"])
def test_screenshot_is_saved_for_the_ci_artifacts(name, page, site_url, pages, artifacts):
    path = "" if name == "home" else content_pages(pages, "documents")[0]
    page.goto(site_url + path, wait_until="networkidle")
    shot = artifacts / f"{name}.png"
    page.screenshot(path=str(shot), full_page=name == "home")
    assert shot.stat().st_size > 10_000
