"""The search index stays small on a large site: each page keeps its titles and opening words."""

from __future__ import annotations

import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location("search_budget", ROOT / "hooks" / "search_budget.py")
search_budget = importlib.util.module_from_spec(spec)
spec.loader.exec_module(search_budget)


def index(pages: int, words: int) -> dict:
    text = " ".join(f"w{i}" for i in range(words))
    docs = []
    for p in range(pages):
        docs += [{"location": f"documents/d{p}/", "title": f"Doc {p}", "text": f"<p>{text}</p>"},
                 {"location": f"documents/d{p}/#part", "title": "Part", "text": f"<p>{text}</p>"}]
    return {"config": {"lang": ["en"]}, "docs": docs}


def test_a_small_site_keeps_the_full_text():
    original = index(3, 50)
    trimmed, budget = search_budget.trim(index(3, 50))
    assert budget is None and trimmed == original


def test_a_large_site_keeps_the_opening_words_of_each_page_and_every_title(monkeypatch):
    monkeypatch.setattr(search_budget, "FULL_TEXT_WORDS", 1000)
    monkeypatch.setattr(search_budget, "MIN_WORDS_PER_PAGE", 30)
    trimmed, budget = search_budget.trim(index(50, 40))
    assert budget == 30
    first = trimmed["docs"][0]
    assert first["text"].split()[:2] == ["<p>w0", "w1"] and "w29" in first["text"] and "w30" not in first["text"]


def test_sections_past_the_budget_join_their_page_entry_by_title(monkeypatch):
    monkeypatch.setattr(search_budget, "FULL_TEXT_WORDS", 1000)
    monkeypatch.setattr(search_budget, "MIN_WORDS_PER_PAGE", 30)
    trimmed, _ = search_budget.trim(index(50, 40))
    assert [d["title"] for d in trimmed["docs"]] == [f"Doc {p}" for p in range(50)]
    assert trimmed["docs"][0]["text"].endswith(" Part</p>")


def test_words_per_page_shares_the_budget_but_never_drops_below_the_minimum():
    assert search_budget.words_per_page(search_budget.FULL_TEXT_WORDS, 10) is None
    assert search_budget.words_per_page(10 * search_budget.FULL_TEXT_WORDS, 10) == search_budget.FULL_TEXT_WORDS // 10
    assert search_budget.words_per_page(10 ** 9, 10 ** 6) == search_budget.MIN_WORDS_PER_PAGE


# --- search reads only the opening of each page of a large site ----------------------------

def page_html(sections: int, paragraphs: int) -> str:
    out = ['<h1 id="title">A page<a class="headerlink" href="#title">¶</a></h1>']
    for s in range(sections):
        out.append(f'<h2 id="s{s}">Section {s}<a class="headerlink" href="#s{s}">¶</a></h2>')
        for p in range(paragraphs):
            words = " ".join(f"s{s}p{p}w{i}" for i in range(12))
            out.append(f'<p class="para" id="para-{s}-{p}">{words} <a class="para-link" href="#x" '
                       f'data-search-exclude>¶</a></p>')
        out.append(f'<ul>\n<li>Item of {s}<ul><li>nested</li></ul></li>\n</ul>')
        out.append(f'<div class="admonition"><h3 id="box{s}">Box {s}</h3><p>boxed words</p></div>')
    return "\n".join(out)


def test_a_short_page_is_read_whole():
    html = page_html(1, 2)
    assert search_budget.search_prefix(html, 500) == html


def test_a_long_page_is_read_up_to_a_tag_past_its_budget_then_its_headings():
    html = page_html(10, 10)
    prefix = search_budget.search_prefix(html, 40)
    assert len(prefix) < len(html) / 2
    head = prefix[:prefix.index('<h2 id="s9">')] if '<h2 id="s9">' in prefix else prefix
    assert search_budget.words_of(head) >= search_budget.PREFIX_WORDS * 40 + search_budget.PREFIX_MARGIN
    for s in range(10):
        assert f'<h2 id="s{s}">Section {s}' in prefix and f'<h3 id="box{s}">Box {s}</h3>' in prefix


def test_elements_open_where_the_page_is_cut_are_closed():
    html = "<ul>" + "".join(f"<li>{' '.join(['word'] * 20)}</li>" for _ in range(40)) + "</ul><h2 id=\"end\">End</h2>"
    prefix = search_budget.search_prefix(html, 40)
    assert len(prefix) < len(html) / 2 and prefix.endswith("</li></ul><h2 id=\"end\">End</h2>")


def test_a_page_whose_tags_do_not_balance_is_read_whole():
    html = "</div>" + page_html(10, 10)
    assert search_budget.search_prefix(html, 40) == html


class Page:
    def __init__(self, url: str, content: str) -> None:
        self.url, self.content, self.toc, self.meta, self.title = url, content, [], {}, url


def test_the_trimmed_index_is_the_same_whether_search_read_the_prefix_or_the_whole_page():
    from material.plugins.search.plugin import SearchIndex

    pages = [Page(f"documents/d{i}/", page_html(4 + i, 6)) for i in range(5)]
    budget = 60
    full, prefixed = SearchIndex(), SearchIndex()
    for page in pages:
        full.add_entry_from_context(page)
        prefixed.add_entry_from_context(Page(page.url, search_budget.search_prefix(page.content, budget)))
    assert prefixed.entries != full.entries  # the prefix did leave text out
    trim = search_budget.trim
    assert trim({"docs": prefixed.entries}, budget)[0] == trim({"docs": full.entries}, budget)[0]


def test_the_search_plugin_reads_the_prefix_and_the_page_keeps_its_html(monkeypatch):
    monkeypatch.setattr(search_budget, "FULL_TEXT_WORDS", 1000)
    monkeypatch.setattr(search_budget, "MIN_WORDS_PER_PAGE", 30)
    monkeypatch.setattr(search_budget, "_site_words", {f"documents/d{i}/": 2000 for i in range(100)})
    seen = []
    add_entry = search_budget.reading_prefixes(lambda page: seen.append(page.content))
    page = Page("documents/d0/", page_html(10, 10))
    html = page.content
    add_entry(page)
    assert seen == [search_budget.search_prefix(html, 30)] and len(seen[0]) < len(html)
    assert page.content == html
