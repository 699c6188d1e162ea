"""Full-text search: hooks/search_index.py marks each page's content for Pagefind as MkDocs writes it,
and indexes the built site into site/pagefind/ (the content only, every page in one index)."""

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


def fragments(site: Path) -> list[dict]:
    """The pages of the written index, as Pagefind stores them (gzip, a signature, then JSON)."""
    found = []
    for file in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
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


def test_a_new_build_stops_the_indexing_of_the_last_one(slow_pagefind, tmp_path):
    indexing = search_index.start_indexing(tmp_path, "en")
    search_index._indexing = indexing
    assert running(indexing.pid)
    search_index.on_pre_build(config={})
    assert wait_until_gone(indexing.pid)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
def test_the_indexing_ends_when_mkdocs_is_killed(slow_pagefind, tmp_path):
    with subprocess.Popen([sys.executable, "-c", PARENT, str(ROOT / "hooks" / "search_index.py"), str(tmp_path)],
                          stdout=subprocess.PIPE, text=True, env=os.environ) as parent:
        child = int(parent.stdout.readline())
        assert running(child)
        parent.kill()
    assert wait_until_gone(child)
