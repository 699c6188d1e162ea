"""Full-text search: hooks/search_index.py marks each page's content for Pagefind as MkDocs writes it,
and indexes the built site into site/pagefind/ (the content only, every page in one index, in parts
past PART_BYTES of content so that no Pagefind run holds the whole site)."""

from __future__ import annotations

import gzip
import importlib.util
import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT

spec = importlib.util.spec_from_file_location("search_index", ROOT / "hooks" / "search_index.py")
search_index = importlib.util.module_from_spec(spec)
spec.loader.exec_module(search_index)

ARTICLE = '<article class="md-content__inner md-typeset">'


def page(html_lang: str, body: str, *, marked: bool = True) -> str:
    article = ARTICLE.replace(">", " data-pagefind-body>") if marked else ARTICLE
    return (f'<!doctype html><html lang="{html_lang}"><head><title>t</title></head><body>'
            f"<header>headerword</header><nav>navword</nav>{article}{body}</article>"
            f"<footer>footerword</footer></body></html>")


def fragments(site: Path, part: str = "") -> list[dict]:
    """The pages of the written index (or of one part's bundle), as Pagefind stores them (gzip, a
    signature, then JSON)."""
    found = []
    for file in sorted((site / "pagefind" / part / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(file.read_bytes())
        found.append(json.loads(data[data.index(b"{"):]))
    return found


def fake_page(meta: dict | None = None) -> SimpleNamespace:
    return SimpleNamespace(meta=meta or {}, file=SimpleNamespace(src_uri="documents/x.md"))


# ---------------------------------------------------------------- marking the content


def test_the_content_element_is_marked_for_pagefind():
    html = f"<body><nav>n</nav>{ARTICLE}<p>text</p></article></body>"
    assert search_index.mark_content(html) == html.replace(ARTICLE, ARTICLE[:-1] + " data-pagefind-body>")


def test_a_page_without_the_content_element_is_not_marked():
    assert search_index.mark_content("<body><p>text</p></body>") is None


def test_a_page_excluded_from_search_by_its_front_matter_is_left_as_it_is():
    html = f"<body>{ARTICLE}<p>text</p></article></body>"
    assert search_index.on_post_page(html, page=fake_page({"search": {"exclude": True}}), config={}) == html
    assert "data-pagefind-body" in search_index.on_post_page(html, page=fake_page(), config={})


def test_a_page_in_search_without_the_content_element_is_a_warning_naming_it(tmp_path, caplog):
    search_index.on_pre_build(config={})
    search_index.on_post_page("<body><p>text</p></body>", page=fake_page(), config={})
    (tmp_path / "site").mkdir()
    with caplog.at_level(logging.WARNING):
        search_index.on_post_build(config={"site_dir": str(tmp_path / "site"), "theme": {"language": "en"}})
    assert "documents/x.md" in caplog.text and "left out of search" in caplog.text
    search_index.on_pre_build(config={})


def test_the_index_language_is_the_sites_as_pagefind_names_it():
    assert search_index.index_language("en") == "en"
    assert search_index.index_language("pt-BR") == "pt"
    assert search_index.index_language("zh_Hant") == "zh"
    assert search_index.index_language(None) == "en"


# ---------------------------------------------------------------- the index Pagefind writes


def test_only_the_marked_content_of_pages_is_indexed(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    button = '<a class="para-link" data-search-exclude href="#para-1">¶</a>'
    (site / "a" / "index.html").write_text(page("en", f'<h1 id="t">Title</h1><p id="para-1">alpha beta {button}</p>'))
    (site / "404.html").write_text(page("en", "<h1>Not found</h1>", marked=False))
    assert search_index.index_site(site, "en") == 1
    [only] = fragments(site)
    assert only["url"] == "/a/"
    assert only["content"] == "Title. alpha beta"  # no header, nav, footer or ¶ button
    assert "para-1" in [anchor["id"] for anchor in only["anchors"]]


def test_pages_in_every_language_go_to_one_index_in_the_sites_language(tmp_path):
    # Pagefind would otherwise make one index per <html lang> and search only the reader's page's one
    site = tmp_path / "site"
    for folder, lang, text in (("en", "en", "refugees"), ("fr", "fr", "réfugiés"), ("es", "es", "refugiados")):
        (site / folder).mkdir(parents=True)
        (site / folder / "index.html").write_text(page(lang, f"<h1>{text}</h1>"), encoding="utf-8")
    assert search_index.index_site(site, "en") == 3
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en"]
    assert {f["content"] for f in fragments(site)} == {"refugees.", "réfugiés.", "refugiados."}



def test_a_pages_size_for_search_is_its_marked_contents_text():
    assert search_index.text_bytes(page("en", "<p>alpha <b>beta</b></p>").encode()) == len("alpha beta")
    assert search_index.text_bytes(page("en", "<p>the data-pagefind-body attribute</p>", marked=False).encode()) == 0


# ---------------------------------------------------------------- a large site: the index in parts


def test_pages_are_split_into_as_few_parts_as_hold_the_budget_each_part_a_mix_of_the_sites_sections():
    pages = {f"{section}/{n}/index.html": 10 for section in ("a", "b") for n in range(3)}
    parts = search_index.split_pages(pages, 25)
    assert len(parts) == 3  # 60 bytes of content, 25 a part at most
    assert sorted(sum(parts, [])) == sorted(pages)
    assert all(len(part) == 2 for part in parts)
    assert all({path[0] for path in part} == {"a", "b"} for part in parts)


def test_a_site_under_the_budget_is_one_part_and_a_page_over_it_is_a_part_of_its_own():
    assert search_index.split_pages({"a.html": 5, "b.html": 5}, 100) == [["a.html", "b.html"]]
    assert search_index.split_pages({"big.html": 500}, 100) == [["big.html"]]


def test_a_site_over_the_budget_is_indexed_in_parts_each_page_in_one_of_them(tmp_path, monkeypatch):
    site = tmp_path / "site"
    for n in range(5):
        (site / "p" / str(n)).mkdir(parents=True)
        (site / "p" / str(n) / "index.html").write_text(page("en", f"<h1>Page {n}</h1><p>common word{n}</p>"))
    (site / "404.html").write_text(page("en", "<h1>Not found</h1>", marked=False))
    size = search_index.text_bytes((site / "p" / "0" / "index.html").read_bytes())
    monkeypatch.setattr(search_index, "PART_TEXT_BYTES", 2 * size)
    assert search_index.index_site(site, "en") == 5
    listing = json.loads((site / "pagefind" / "parts.json").read_text(encoding="utf-8"))
    assert listing == {"parts": ["part-2/", "part-3/"]}
    urls = [[f["url"] for f in fragments(site, part)] for part in ["", *listing["parts"]]]
    assert sorted(sum(urls, [])) == [f"/p/{n}/" for n in range(5)]  # each page once, at its own URL
    assert [len(part) for part in urls] == [2, 2, 1]
    assert not (site / "pagefind" / search_index.MIRROR).exists()


def test_a_small_site_is_one_part_and_says_so(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(page("en", "<p>alpha</p>"))
    assert search_index.index_site(site, "en") == 1
    assert json.loads((site / "pagefind" / "parts.json").read_text(encoding="utf-8")) == {"parts": []}
    assert search_index.index_parts(site / "pagefind") == 1


def test_a_site_without_marked_pages_gets_no_index(tmp_path):
    # Pagefind, finding no marked page, would index every page's whole body, navigation and all
    site = tmp_path / "site"
    site.mkdir()
    (site / "404.html").write_text(page("en", "<h1>Not found</h1>", marked=False))
    assert search_index.index_site(site, "en") == 0
    assert not (site / "pagefind").exists()


# ---------------------------------------------------------------- mkdocs serve: indexing in the background

PARENT = """
import importlib.util, sys, time
spec = importlib.util.spec_from_file_location("search_index", sys.argv[1])
hook = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hook)
print(hook.start_indexing(hook.Path(sys.argv[2]), "en").pid, flush=True)
time.sleep(60)
"""


@pytest.fixture
def one_page_site(tmp_path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(page("en", "<p>alpha</p>"))
    return site


@pytest.fixture
def slow_pagefind(tmp_path, monkeypatch) -> Path:
    """A stand-in for the Pagefind binary that takes a minute (found through PAGEFIND_BINARY_PATH)."""
    binary = tmp_path / "pagefind"
    binary.write_text("#!/bin/sh\nexec sleep 60\n")
    binary.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(binary))
    return binary


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


def wait_until_gone(pid: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not running(pid)


def pagefind_of(pid: int, seconds: float = 10) -> int:
    """The Pagefind process that the indexing process ``pid`` runs, once running (the stand-in
    binary: ``sleep``)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for task in Path(f"/proc/{pid}/task").glob("*/children"):
            for child in task.read_text().split():
                if Path(f"/proc/{child}/cmdline").read_bytes().startswith(b"sleep"):
                    return int(child)
        time.sleep(0.05)
    raise AssertionError(f"process {pid} started no Pagefind")


def test_a_new_build_stops_the_indexing_of_the_last_one(slow_pagefind, one_page_site):
    indexing = search_index.start_indexing(one_page_site, "en")
    search_index._indexing = indexing
    pagefind = pagefind_of(indexing.pid)
    search_index.on_pre_build(config={})
    assert wait_until_gone(indexing.pid) and wait_until_gone(pagefind)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
def test_the_indexing_ends_when_mkdocs_is_killed(slow_pagefind, one_page_site):
    with subprocess.Popen([sys.executable, "-c", PARENT, str(ROOT / "hooks" / "search_index.py"), str(one_page_site)],
                          stdout=subprocess.PIPE, text=True, env=os.environ) as parent:
        child = int(parent.stdout.readline())
        pagefind = pagefind_of(child)
        parent.kill()
    assert wait_until_gone(child) and wait_until_gone(pagefind)
