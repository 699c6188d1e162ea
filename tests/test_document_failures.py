"""A bug of the builder on one document, wherever it strikes (cleaning, linking, rendering),
rejects that document by name; the rest of the site builds as if it had never been there."""

from __future__ import annotations

import pytest

from builder import link as link_stage
from builder import pipeline
from builder.write import pages
from builder.write.files import StagedTree

from conftest import make_project

SEEDS = {
    "alpha.txt": "Alpha report on asylum\n\nThe International Widget Office (IWO) met on asylum.\n",
    "beta.txt": "Beta note on labour migration\n\nThe IWO spoke about migrant workers and their rights.\n",
    "gamma.txt": "Gamma letter on refugees\n\nRefugee protection and the IWO were on the agenda.\n",
}


def _failing_on(real, name: str):
    def wrapper(doc, *args, **kwargs):
        if doc.name == name:
            raise ZeroDivisionError("a bug that only this document sets off")
        return real(doc, *args, **kwargs)
    return wrapper


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, SEEDS)


def _without_beta(tmp_path):
    seeds = {k: v for k, v in SEEDS.items() if k != "beta.txt"}
    (tmp_path / "without").mkdir()
    other = make_project(tmp_path / "without", seeds)
    return pipeline.build(other / "seeds", other, jobs=1, use_cache=False)


@pytest.mark.parametrize("stage, module, function", [
    ("linking", link_stage, "prepared_texts"),
    ("rendering", pages, "_document_pages"),
])
def test_a_failure_on_one_document_rejects_it_by_name_and_the_rest_builds(project, monkeypatch, stage, module,
                                                                          function):
    monkeypatch.setattr(module, function, _failing_on(getattr(module, function), "beta.txt"))
    result = pipeline.build(project / "seeds", project, jobs=1, use_cache=False)
    assert [d.name for d in result.corpus.documents] == ["alpha.txt", "gamma.txt"]
    (beta,) = result.corpus.rejected
    assert beta["source"] == "beta.txt" and beta["action"] == "skipped"
    assert "ZeroDivisionError" in beta["reason"] and stage in beta["reason"]


def test_the_site_without_the_failing_document_is_the_site_never_given_it(project, tmp_path, monkeypatch):
    monkeypatch.setattr(pages, "_document_pages", _failing_on(pages._document_pages, "beta.txt"))
    result = pipeline.build(project / "seeds", project, jobs=1, use_cache=False)
    monkeypatch.undo()
    clean = _without_beta(tmp_path)
    differ = sorted(path for path in {*result.files, *clean.files} if result.files.get(path) != clean.files.get(path))
    # the report lists the rejected seed; every other page is the same
    assert differ == ["about/report.md"]


def test_pages_of_the_failed_attempt_are_not_left_in_the_new_tree(project, tmp_path, monkeypatch):
    monkeypatch.setattr(pages, "_document_pages", _failing_on(pages._document_pages, "gamma.txt"))
    docs = project / "docs"
    with StagedTree(docs) as staged:
        result = pipeline.build(project / "seeds", project, jobs=1, use_cache=False, sink=staged)
        staged.commit()
    written = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    assert {path for path in written if not path.startswith("assets/")} == set(result.files)
    assert not any("gamma" in path for path in written)


def test_a_failure_that_names_no_document_still_stops_the_build(project, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the home page")

    monkeypatch.setattr(pages, "render_home", broken)
    with pytest.raises(RuntimeError, match="home page"):
        pipeline.build(project / "seeds", project, jobs=1, use_cache=False)
