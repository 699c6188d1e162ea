"""End to end on the shipped seeds: builder then `mkdocs build --strict`."""

from __future__ import annotations

from conftest import SEEDS


def test_strict_build_makes_home_a_page_per_seed_and_per_theme(seeds_site):
    project, report = seeds_site
    site = project / "site"
    assert (site / "index.html").is_file()
    assert len(report["documents"]) == len(list(SEEDS.glob("*.txt")))
    for doc in report["documents"]:
        assert (site / doc["url"] / "index.html").is_file(), doc["url"]
    for theme in report["themes"]:
        assert (site / "themes" / theme / "index.html").is_file(), theme


def test_every_seed_is_published_with_a_title(seeds_site):
    _, report = seeds_site
    assert report["rejected"] == []
    for doc in report["documents"]:
        assert doc["title"].strip(), doc["source"]
