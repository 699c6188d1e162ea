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
