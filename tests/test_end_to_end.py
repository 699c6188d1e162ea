"""End to end on the shipped seeds: builder then `mkdocs build --strict`."""

from __future__ import annotations

from conftest import SEEDS, mkdocs_build


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


def test_a_build_does_not_list_every_page_left_out_of_the_navigation(seeds_site):
    project, _ = seeds_site
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stderr
    assert "not included in the \"nav\"" not in built.stdout + built.stderr
    assert len((built.stdout + built.stderr).splitlines()) < 20
