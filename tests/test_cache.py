"""Incremental builds: per-document results come from a content-addressed cache, and the
output is the same byte for byte as a clean build."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder import pipeline
from builder.engine import cache
from builder.engine.cache import CACHE_DIR

from conftest import build_project, make_project

SEEDS = {
    "alpha.txt": "Notes on recruitment\n\nMigrant workers pay recruitment fees to agencies\n"
                 "that are not licensed.\n\nThe ministry will publish a list of agencies.\n",
    "beta.txt": "Letter on smuggling\n\nMarch 3, 2015\n\nDear Director:\n\nSmugglers moved forty\n"
                "people across the border last week.¹\n\nSincerely,\n\nA. Person\n\n"
                "¹ Figures from the border police.\n",
    "nested/gamma.txt": "A short report\n\n1. Introduction\n\nDiscrimination against migrants remains\n"
                        "common in housing and in work.\n",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path, SEEDS)


@pytest.fixture
def processed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the seeds that ``process`` (clean + enrich) ran on, in this test process."""
    calls: list[str] = []
    real = pipeline.process

    def counting(source, config):
        calls.append(source.name)
        return real(source, config)

    monkeypatch.setattr(pipeline, "process", counting)
    return calls


def build(project: Path, **options) -> pipeline.BuildResult:
    return pipeline.build(project / "seeds", project, jobs=1, **options)


def test_cached_rebuild_is_byte_identical_to_a_clean_build(project):
    clean = build(project, use_cache=False).files
    build(project)  # fills the cache
    assert build(project).files == clean


def test_unchanged_seeds_are_not_processed_again(project, processed):
    build(project)
    processed.clear()
    build(project)
    assert processed == []


def test_an_edited_seed_is_processed_again_and_only_it(project, processed):
    build(project)
    processed.clear()
    seed = project / "seeds" / "alpha.txt"
    seed.write_text(seed.read_text() + "\nA sentence added later.\n", encoding="utf-8")
    result = build(project)
    assert processed == ["alpha.txt"]
    assert any("A sentence added later." in text for text in result.files.values())


def test_an_added_seed_is_the_only_one_processed(project, processed):
    build(project)
    processed.clear()
    (project / "seeds" / "delta.txt").write_text("Another note\n\nTrafficking cases rose.\n", encoding="utf-8")
    build(project)
    assert processed == ["delta.txt"]


def test_incremental_build_after_an_edit_equals_a_clean_build(project):
    build(project)
    seed = project / "seeds" / "nested" / "gamma.txt"
    seed.write_text(seed.read_text().replace("housing", "schools"), encoding="utf-8")
    assert build(project).files == build(project, use_cache=False).files


def test_a_configuration_change_invalidates_every_entry(project, processed):
    build(project)
    processed.clear()
    themes = project / "themes.yml"
    themes.write_text(themes.read_text() + "\n# an editor's comment\n", encoding="utf-8")
    build(project)
    assert sorted(processed) == sorted(SEEDS)


def test_a_change_to_the_builder_code_invalidates_every_entry(project, processed, monkeypatch):
    build(project)
    processed.clear()
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another version of the code")
    build(project)
    assert sorted(processed) == sorted(SEEDS)


def test_no_cache_processes_everything_and_stores_nothing(project, processed):
    build(project, use_cache=False)
    assert sorted(processed) == sorted(SEEDS)
    assert not (project / CACHE_DIR).exists()


def test_the_cache_lives_outside_docs_and_is_safe_to_delete(project):
    first, _ = build_project(project)
    assert first.returncode == 0, first.stderr
    assert (project / CACHE_DIR).is_dir()
    assert not list((project / "docs").rglob("*.entry"))
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    for entry in (project / CACHE_DIR).rglob("*.entry"):
        entry.write_bytes(b"not an entry")  # a damaged cache is a miss, not an error
    again, _ = build_project(project)
    assert again.returncode == 0, again.stderr
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()} == before


def test_a_renamed_copy_of_a_cached_seed_is_still_reported_as_a_duplicate(project):
    build(project)
    (project / "seeds" / "zeta.txt").write_bytes((project / "seeds" / "alpha.txt").read_bytes())
    result = build(project)
    assert any(n.startswith("zeta.txt: same bytes as alpha.txt") for n in result.corpus.notices)
    assert len(result.corpus.documents) == len(SEEDS)


def test_only_the_edited_documents_pages_are_rendered_again(project, monkeypatch):
    from builder.write import pages

    build(project)
    rendered: list[str] = []
    real = pages.document_files
    monkeypatch.setattr(pages, "document_files", lambda doc, *rest: rendered.append(doc.name) or real(doc, *rest))
    seed = project / "seeds" / "alpha.txt"
    seed.write_text(seed.read_text().replace("not licensed", "never licensed"), encoding="utf-8")
    result = build(project)
    assert rendered == ["alpha.txt"]
    assert any("never licensed" in text for text in result.files.values())


def test_a_document_whose_link_targets_changed_is_rendered_again_and_matches_a_clean_build(tmp_path):
    title = "Report on the detention of migrant children"
    project = make_project(tmp_path, {
        "report.txt": f"{title}\n\nMarch 3, 2015\n\nChildren were held for weeks at the border.\n",
        "letter.txt": f"Letter to the Minister\n\nMay 5, 2016\n\nAs the {title} found, detention harms them.\n",
    })
    build(project)
    seed = project / "seeds" / "report.txt"
    seed.write_text(seed.read_text().replace("March 3, 2015", "April 9, 2015"), encoding="utf-8")
    assert build(project).files == build(project, use_cache=False).files


def test_a_rebuild_rewrites_only_the_files_that_changed(project):
    from builder.__main__ import main

    docs = project / "docs"
    args = ["build", "--root", str(project), "--seeds", str(project / "seeds"), "--docs", str(docs), "-q"]
    assert main(args) == 0
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file()}
    seed = project / "seeds" / "alpha.txt"
    seed.write_text(seed.read_text().replace("not licensed", "never licensed"), encoding="utf-8")
    assert main(args) == 0
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file()}
    changed = {p for p in after if before.get(p, (None,))[0] != after[p][0]}
    assert changed  # the edited document's pages
    assert all(after[p][1] == before[p][1] for p in after if p not in changed)  # the rest kept their mtime
