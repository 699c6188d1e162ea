"""Full-text search in a real browser (Pagefind's index, hooks/search_index.py; Material's search box,
overrides/partials/search.html and overrides/assets/javascripts/site-search.js): any phrase of any
page is found and its result links to the paragraph, also in a site indexed in parts (each part
searched, their results listed together); accents are folded; the search asks nothing of another
host; text from the pages shows as text, never runs; the header is Material's own."""

from __future__ import annotations

import gzip
import html
import importlib.util
import json
import re
import shutil
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import material
import pytest

import sitecheck
from conftest import build_project, make_project, mkdocs_build

OVERRIDES = sitecheck.ROOT / "overrides"
HEADER_CHANGE = (
    '    {% if "material/search" in config.plugins %}\n'
    '      {% set search = config.plugins["material/search"] | attr("config") %}\n'
    '      {% if search.enabled %}\n'
    '        <label class="md-header__button md-icon" for="__search">\n'
    '          {% set icon = config.theme.icon.search or "material/magnify" %}\n'
    '          {% include ".icons/" ~ icon ~ ".svg" %}\n'
    '        </label>\n'
    '        {% include "partials/search.html" %}\n'
    '      {% endif %}\n'
    '    {% endif %}\n',
    '    <label class="md-header__button md-icon" for="__search">\n'
    '      {% set icon = config.theme.icon.search or "material/magnify" %}\n'
    '      {% include ".icons/" ~ icon ~ ".svg" %}\n'
    '    </label>\n'
    '    {% include "partials/search.html" %}\n',
)
LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.S)

FRENCH_ACCENTED = ("Le statut des réfugiés\n\n"
                   "Les réfugiés et les demandeurs d'asile ont droit à une protection internationale. La "
                   "convention de Genève définit le statut des réfugiés et les obligations des États.\n\n"
                   "Chaque dossier est examiné dans un délai raisonnable par l'office compétent.\n")
FRENCH_PLAIN = ("Note sur l'accueil\n\n"
                "Les refugies arrives cette annee sont accueillis dans des centres regionaux. Les "
                "demandes d'asile sont enregistrees par la prefecture sous huit jours ouvres.\n\n"
                "Les associations partenaires assurent un accompagnement juridique gratuit.\n")
HOSTILE = ("Notes on active content\n\n"
           'The form said <script>alert("XSSONE")</script> and then <img src=x onerror="alert(\'XSSTWO\')"> '
           "before the signature, as the scanner printed it.\n\n"
           "A second paragraph about the reception of migrants follows it.\n")


# ---------------------------------------------------------------- helpers


def search(page, url: str, query: str) -> None:
    """Type a query into the header's search box, as a reader would, and wait for its answer."""
    page.goto(url, wait_until="load")
    page.click(".md-search__input")
    page.keyboard.type(query)
    page.wait_for_function("q => document.querySelector('.md-search-result').dataset.answered === q", arg=query)


def result_links(page) -> list[str]:
    return page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")


def paragraphs(file: Path) -> list[tuple[str, str]]:
    """(id, text) of each citable paragraph of a built page, the ¶ button left out."""
    found = []
    for pid, body in re.findall(r'<p class="para"[^>]*\bid="(para-\d+)"[^>]*>(.*?)</p>', file.read_text("utf-8"), re.S):
        body = re.sub(r'<a class="para-link".*?</a>', "", body, flags=re.S)
        found.append((pid, " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())))
    return found


# ---------------------------------------------------------------- the header stays Material's


def material_template(name: str) -> Path:
    return Path(material.__file__).parent / "templates" / name


def test_header_html_is_materials_own_but_for_the_search_box_always_shown():
    old, new = HEADER_CHANGE
    expected = LEADING_COMMENT.sub("", material_template("partials/header.html").read_text(encoding="utf-8"), count=1)
    assert expected.count(old) == 1, "Material's header.html changed: copy it again into overrides/partials/ " \
                                     "and make the change its leading comment describes"
    override = LEADING_COMMENT.sub("", (OVERRIDES / "partials" / "header.html").read_text(encoding="utf-8"), count=1)
    assert override == expected.replace(old, new)


def test_the_site_has_no_lunr_index_and_a_pagefind_one(built_site):
    assert not (built_site / "search" / "search_index.json").exists()
    assert (built_site / "pagefind" / "pagefind.js").is_file()


# ---------------------------------------------------------------- the shipped seeds' site


def middle_phrase(site: Path, pages: list[str]) -> tuple[str, str, str]:
    """The longest document page of the site, a paragraph from its second half and five words from
    the middle of that paragraph."""
    documents = [p for p in pages if re.fullmatch(r"documents/[^/]+/", p)]
    longest = max(documents, key=lambda p: len(paragraphs(site / p / "index.html")))
    paras = paragraphs(site / longest / "index.html")
    middle = [(pid, text) for pid, text in paras[len(paras) // 2:] if len(text.split()) >= 30]
    pid, text = middle[0]
    words = re.findall(r"[^\W\d_]{4,}", text)
    return longest, pid, " ".join(words[len(words) // 2:len(words) // 2 + 5])


def test_a_phrase_from_the_middle_of_a_long_page_is_found_with_a_link_to_its_paragraph(
        page, site_url, built_site, pages):
    longest, pid, phrase = middle_phrase(built_site, pages)
    search(page, site_url, phrase)
    assert f"{site_url}{longest}#{pid}" in result_links(page), (phrase, longest, pid)
    page.click(f".md-search-result__link[href$='{longest}#{pid}']")
    page.wait_for_url(f"{site_url}{longest}#{pid}")
    assert not page.is_checked("#__search")  # the box closes as the page opens
    assert page.evaluate("id => { const box = document.getElementById(id).getBoundingClientRect();"
                         " return box.top >= 0 && box.top < innerHeight; }", pid)


def test_searching_asks_nothing_of_another_host(page, site_url):
    search(page, site_url, "migrants rights")
    assert result_links(page)
    assert page.visit.requests and not page.visit.foreign_requests
    assert not page.visit.failed_requests and not page.visit.console_errors
    fetched = [url for url in page.visit.requests if "/pagefind/" in url]
    assert any(url.endswith(".pf_index") for url in fetched) and all(url.startswith(site_url) for url in fetched)


def test_the_open_search_with_results_has_no_accessibility_violations(page, site_url):
    search(page, site_url, "migration")
    assert sitecheck.run_axe(page) == []


def test_enter_opens_the_first_result_and_escape_closes_the_box(page, site_url):
    search(page, site_url, "migration")
    first = result_links(page)[0]
    page.keyboard.press("Enter")
    page.wait_for_url(first)
    page.click(".md-search__input")
    assert page.is_checked("#__search")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")


# ---------------------------------------------------------------- a site indexed in parts


def load_hook():
    spec = importlib.util.spec_from_file_location("search_index_parts", sitecheck.ROOT / "hooks" / "search_index.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


def part_pages(bundle: Path) -> dict[str, str]:
    """Each page of one part's bundle: its URL (below the site's root) and its text."""
    found = {}
    for file in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(file.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        found[fragment["url"].lstrip("/")] = fragment["content"]
    return found


@pytest.fixture(scope="module")
def split_site(built_site, site_prefix, tmp_path_factory):
    """The shipped seeds' site indexed in parts as a large site is, forced here by a part size of a
    quarter of its text; served on 127.0.0.1 like the shipped one."""
    site = tmp_path_factory.mktemp("split") / "site"
    shutil.copytree(built_site, site)
    hook = load_hook()
    hook.PART_TEXT_BYTES = sum(hook.marked_pages(site).values()) // 4 + 1
    hook.index_site(site, "en")
    bundle = site / "pagefind"
    parts = [bundle / part for part in ["", *json.loads((bundle / "parts.json").read_text())["parts"]]]
    assert len(parts) >= 4
    with sitecheck.serve(site, site_prefix) as url:
        yield SimpleNamespace(root=site, url=url, parts=[part_pages(part) for part in parts])


def test_in_a_site_indexed_in_parts_a_phrase_from_the_middle_of_a_long_page_is_found(page, split_site, pages):
    longest, pid, phrase = middle_phrase(split_site.root, pages)
    search(page, split_site.url, phrase)
    assert f"{split_site.url}{longest}#{pid}" in result_links(page), (phrase, longest, pid)
    assert not page.visit.failed_requests and not page.visit.console_errors


def test_in_a_site_indexed_in_parts_the_results_of_every_part_are_listed_together(page, split_site):
    # a word in pages of every part, in as few pages as can be: all of them fit the first ten results
    pages_words = [(number, {w.lower() for w in re.findall(r"[^\W\d_]{5,}", text)})
                   for number, part in enumerate(split_site.parts) for text in part.values()]
    parts_of: dict[str, set[int]] = {}
    pages_of: Counter[str] = Counter()
    for number, words in pages_words:
        pages_of.update(words)
        for word in words:
            parts_of.setdefault(word, set()).add(number)
    word = min((w for w, numbers in parts_of.items() if len(numbers) == len(split_site.parts)),
               key=lambda w: (pages_of[w], w))
    search(page, split_site.url, word)
    listed = {href.split("#")[0] for href in result_links(page)}
    for number, part in enumerate(split_site.parts):
        assert listed & {split_site.url + url for url in part}, (word, number)
    fetched = {url.split("/pagefind/")[1].split("/")[0] for url in page.visit.requests if ".pf_index" in url}
    assert fetched == {"index", *(f"part-{n}" for n in range(2, len(split_site.parts) + 1))}


# ---------------------------------------------------------------- accents and hostile text


@pytest.fixture(scope="module")
def small_site(tmp_path_factory, browser):
    """A site of three documents written in the test: French with and without accents, and one whose
    text holds markup; served on 127.0.0.1 like the shipped one."""
    project = make_project(tmp_path_factory.mktemp("search-site"),
                           {"accueil.txt": FRENCH_PLAIN, "refugies.txt": FRENCH_ACCENTED, "hostile.txt": HOSTILE})
    result, _ = build_project(project)
    assert result.returncode == 0, result.stderr
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stdout + built.stderr
    with sitecheck.serve(project / "site", sitecheck.base_path(project / "mkdocs.yml")) as url:
        yield url


def found_documents(page) -> set[str]:
    return {m.group(1) for href in result_links(page) if (m := re.search(r"/documents/([^/#]+)/", href))}


@pytest.mark.parametrize("query", ["refugies", "réfugiés", "REFUGIÉS"])
def test_accents_are_folded_both_ways(page, small_site, query):
    search(page, small_site, query)
    assert len(found_documents(page)) == 2  # "réfugiés" in one, "refugies" in the other


def test_text_that_looks_like_markup_is_shown_as_text_and_never_runs(page, small_site):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    search(page, small_site, "XSSONE")
    results = page.locator(".md-search-result__list")
    assert "<script>" in results.inner_text() and 'alert("XSSONE")' in results.inner_text()
    assert page.eval_on_selector(".md-search-result__list", "l => l.querySelectorAll('script, img').length") == 0
    search(page, small_site, "XSSTWO")
    assert "onerror" in results.inner_text()
    assert page.eval_on_selector(".md-search-result__list", "l => l.querySelectorAll('script, img').length") == 0
    page.wait_for_timeout(300)
    assert dialogs == []
