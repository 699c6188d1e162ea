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


def test_footnotes_come_right_after_the_text_before_the_cite_box(seeds_site):
    project, report = seeds_site
    pages = [(project / "site" / d["url"] / "index.html").read_text(encoding="utf-8") for d in report["documents"]]
    with_notes = [html for html in pages if 'class="footnote"' in html]
    assert with_notes, "no seed page has footnotes any more: pick another check"
    for html in with_notes:
        assert html.index('class="footnote"') < html.index("Cite this document") < html.rindex("Related documents")
        assert "Footnotes Go Here" not in html
