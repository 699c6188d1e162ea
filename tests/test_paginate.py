"""Listings stay small: above a threshold, the documents listing is split by year (and
into parts), and the home page shows the newest documents and links to the years."""

from __future__ import annotations

import pytest

from builder import pipeline
from builder.write import paginate

from conftest import make_project


def letter(date: str, subject: str) -> str:
    return (f"{date}\n\nDear Director:\n\nWe write about {subject} and migrant workers in the region.\n\n"
            "Sincerely,\n\nA. Person\n")


SEEDS = {
    "a.txt": letter("March 3, 2014", "recruitment fees"),
    "b.txt": letter("May 9, 2014", "labour inspection"),
    "c.txt": letter("June 1, 2014", "wage theft"),
    "d.txt": letter("July 7, 2016", "trafficking cases"),
}


@pytest.fixture
def result(tmp_path, monkeypatch) -> pipeline.BuildResult:
    monkeypatch.setattr(paginate, "LISTING_MAX", 2)
    monkeypatch.setattr(paginate, "RECENT", 1)
    project = make_project(tmp_path, SEEDS)
    return pipeline.build(project / "seeds", project, jobs=1, use_cache=False)


@pytest.fixture
def files(result) -> dict[str, str]:
    return result.files


def test_a_short_listing_stays_on_one_page(tmp_path):
    project = make_project(tmp_path, SEEDS)
    result = pipeline.build(project / "seeds", project, jobs=1, use_cache=False)
    assert not any(path.startswith("documents/by-year/") for path in result.files)
    index = result.files["documents/index.md"]
    assert all(f'href="{doc.slug}/"' in index for doc in result.corpus.documents)


def test_a_long_listing_is_split_by_year_and_into_parts(files):
    pages = sorted(p for p in files if p.startswith("documents/by-year/"))
    assert pages == ["documents/by-year/2014-2.md", "documents/by-year/2014.md", "documents/by-year/2016.md"]
    assert "Documents of 2014 (part 1 of 2)" in files["documents/by-year/2014.md"]


def test_every_document_is_listed_on_exactly_one_year_page(result):
    years = {p: text for p, text in result.files.items() if p.startswith("documents/by-year/")}
    for doc in result.corpus.documents:
        assert sum(f'href="../../{doc.slug}/"' in text for text in years.values()) == 1, doc.slug


def test_the_documents_index_links_every_year_page(files):
    index = files["documents/index.md"]
    assert "(by-year/2014.md)" in index and "(by-year/2014-2.md)" in index and "(by-year/2016.md)" in index


def test_the_home_page_shows_the_newest_documents_and_the_years(files):
    home = files["index.md"]
    assert "## The 1 newest documents" in home and "## Documents by year" in home
    assert home.count('href="documents/2016-') == 1 and 'href="documents/2014-' not in home  # only the newest
    assert "(documents/by-year/2016.md)" in home


def test_on_a_split_collection_a_theme_page_quotes_its_strongest_and_lists_all_by_year(result, monkeypatch):
    monkeypatch.setattr(paginate, "TOP", 1)
    from builder.write.pages import render

    files = dict(render(result.corpus))
    theme = next(t for t in result.corpus.config.themes if f"themes/{t.id}/by-year/2014.md" in files)
    page = files[f"themes/{theme.id}.md"]
    assert page.count("[Read the document]") == 1
    assert f"]({theme.id}/by-year/2014.md)" in page
    listed = files[f"themes/{theme.id}/by-year/2014.md"]
    assert sum(f'href="../../../../documents/{d.slug}/"' in listed
               for d in result.corpus.documents if any(h.theme == theme.id for h in d.themes)) >= 2


def test_on_a_split_collection_the_theme_matrix_has_a_column_per_year_not_per_document(files):
    overview = files["themes/index.md"]
    assert "## Themes by year" in overview and '<th scope="col">2016</th>' in overview
    assert "Theme × document" not in overview
