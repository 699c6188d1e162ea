"""Parallel builds: seeds are processed on a pool of processes, and the output is the same
byte for byte as a serial build."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from builder import pipeline
from builder.write.files import StagedTree, TreeDiff

from conftest import ROOT, build_project, make_project

sys.path.insert(0, str(ROOT))
from bench.corpus import generate  # noqa: E402  (the benchmark's generator of messy documents)

N = 12


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("parallel"), {
        "copy-of-first.txt": "",  # replaced below by a byte copy of a generated seed
        "empty.txt": "   \n",
        "binary.txt": b"%PDF-1.4 not text",
    })
    paths = generate(N, project / "seeds" / "synthetic", seed=3)
    (project / "seeds" / "copy-of-first.txt").write_bytes(paths[0].read_bytes())
    return project


def test_there_are_enough_seeds_to_use_a_process_pool(project):
    assert N >= pipeline.MIN_PARALLEL * 2


def test_parallel_build_writes_the_same_files_as_a_serial_build(project):
    serial = pipeline.build(project / "seeds", project, jobs=1, use_cache=False)
    parallel = pipeline.build(project / "seeds", project, jobs=2, use_cache=False)
    assert len(serial.corpus.documents) == N
    assert parallel.files == serial.files


def test_parallel_build_reports_the_same_rejections_and_notices_in_the_same_order(project):
    serial = pipeline.build(project / "seeds", project, jobs=1, use_cache=False)
    parallel = pipeline.build(project / "seeds", project, jobs=2, use_cache=False)
    assert [r["source"] for r in serial.corpus.rejected] == ["binary.txt", "empty.txt"]
    assert parallel.report == serial.report
    assert parallel.corpus.notices == serial.corpus.notices


def test_a_failure_inside_a_worker_rejects_that_seed_and_the_rest_still_builds(project, monkeypatch):
    real = pipeline.process

    def failing(source, config):
        if source.name.endswith("00003_synthetic.txt"):
            raise RuntimeError("a bug in a rule")
        return real(source, config)

    monkeypatch.setattr(pipeline, "process", failing)  # workers are forked, so they see it
    result = pipeline.build(project / "seeds", project, jobs=2, use_cache=False)
    assert len(result.corpus.documents) == N - 1
    assert any(r["source"] == "synthetic/00003_synthetic.txt" and "a bug in a rule" in r["reason"]
               for r in result.corpus.rejected)


def test_jobs_option_of_the_command_line_gives_identical_docs(tmp_path, project):
    trees = []
    for jobs in ("1", "2"):
        docs = tmp_path / f"docs-{jobs}"
        result, _ = build_project(project, "--jobs", jobs, "--no-cache", "--docs", str(docs))
        assert result.returncode == 1, result.stderr  # two seeds are rejected on purpose
        trees.append({p.relative_to(docs): p.read_bytes() for p in docs.rglob("*") if p.is_file()})
    assert trees[0] == trees[1]
    assert len(trees[0]) > N


def test_documents_rendered_on_a_process_pool_give_the_same_files_as_in_one_process(project, monkeypatch):
    serial = pipeline.build(project / "seeds", project, jobs=1, use_cache=False)
    monkeypatch.setattr(pipeline, "MIN_PARALLEL_RENDER", 2)  # the payloads wait in the spill file
    parallel = pipeline.build(project / "seeds", project, jobs=2, use_cache=False)
    assert parallel.files == serial.files


def test_documents_rendered_on_a_process_pool_from_the_cache_give_the_same_files(tmp_path, project, monkeypatch):
    copy = tmp_path / "copy"
    shutil.copytree(project, copy)
    serial = pipeline.build(copy / "seeds", copy, jobs=1, use_cache=False)
    monkeypatch.setattr(pipeline, "MIN_PARALLEL_RENDER", 2)
    cold = pipeline.build(copy / "seeds", copy, jobs=2)  # renders, fills the cache and the render memo
    warm = pipeline.build(copy / "seeds", copy, jobs=2)  # payloads in cache entries, pages from the memo
    assert warm.processed == ["binary.txt", "empty.txt"]  # rejected seeds are never cached
    assert cold.files == serial.files
    assert warm.files == serial.files


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_pages_written_by_render_processes_make_the_same_docs_tree(tmp_path, project, monkeypatch):
    trees = []
    for jobs in (1, 2):
        docs = tmp_path / f"docs-{jobs}"
        monkeypatch.setattr(pipeline, "MIN_PARALLEL_RENDER", 2)
        with StagedTree(docs) as staged:
            pipeline.build(project / "seeds", project, jobs=jobs, use_cache=False, sink=staged)
            staged.commit()
        assert sorted(staged.changed) == sorted(_tree(docs))  # a new tree: every file written
        trees.append(_tree(docs))
    assert trees[0] == trees[1]


def test_a_check_by_render_processes_finds_what_differs(tmp_path, project, monkeypatch):
    docs = tmp_path / "docs"
    monkeypatch.setattr(pipeline, "MIN_PARALLEL_RENDER", 2)
    with StagedTree(docs) as staged:
        pipeline.build(project / "seeds", project, jobs=2, use_cache=False, sink=staged)
        staged.commit()
    page = sorted((docs / "documents").glob("*.md"))[0]
    page.write_text("edited\n", encoding="utf-8")
    check = TreeDiff(docs)
    pipeline.build(project / "seeds", project, jobs=2, use_cache=False, sink=check)
    assert check.finish() == [f"changed: documents/{page.name}"]
