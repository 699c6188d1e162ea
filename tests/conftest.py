"""Shared fixtures: build small corpora written in the tests, and the shipped seeds once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.config import Config
from builder.document import Document
from builder.engine import answers
from builder.link import LinkedCorpus, link
from builder.link.crosslinks import Links
from builder.link.pins import Pins
from builder.manifest import Manifest

answers.keep()  # the stages' pure functions keep their answers, as in a build (tests call the stages directly)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEV_CORPUS = ROOT / "tests" / "corpus"
"""The development corpus: real third-party texts of kinds the seeds lack (tests/corpus/SOURCES.md
gives each one's origin and licence). Examples like the seeds: the builder must not name them."""
CONFIG_FILES = ("mkdocs.yml", "themes.yml", "entities.yml", "metadata.yml")
"""Copied into every test project. Not permalinks.yml: a project's first build makes its own
(the shipped one is checked by `--check` in the repository, tests/test_permalinks.py)."""
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def linked(docs: list[Document], config: Config) -> LinkedCorpus:
    """The corpus the write stage renders: ``docs`` through the link stage (pinned, cross-linked)."""
    return link(docs, config)


def as_given(docs: list[Document], config: Config) -> LinkedCorpus:
    """``docs`` handed to the write stage as they are (their slugs and anchors kept, nothing
    pinned or cross-linked): for a test of a page that sets the slug it shows."""
    return LinkedCorpus(docs, config, pins=Pins(config.permalinks or Manifest(), set()), links=Links({}))


def run_builder(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "builder", "build", *args], cwd=cwd,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def make_project(tmp: Path, seeds: dict[str, str | bytes] | None = None, *, with_shipped_seeds: bool = False,
                 config: dict[str, str] | None = None) -> Path:
    """A project folder: mkdocs.yml and the YAML config copied from the repo (or given),
    docs/assets copied, and seeds written from literal strings."""
    project = tmp / "project"
    project.mkdir()
    for name in CONFIG_FILES:
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, project / name)
    for name, text in (config or {}).items():
        (project / name).write_text(text, encoding="utf-8")
    for folder in ("overrides", "hooks"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    seeds_dir = project / "seeds"
    if with_shipped_seeds:
        shutil.copytree(SEEDS, seeds_dir)
    seeds_dir.mkdir(exist_ok=True)
    for name, content in (seeds or {}).items():
        path = seeds_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return project


def build_project(project: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], dict]:
    result = run_builder("--root", str(project), "--seeds", str(project / "seeds"), "--docs",
                         str(project / "docs"), "--report", str(project / "report.json"), *extra, cwd=project)
    report = json.loads((project / "report.json").read_text()) if (project / "report.json").exists() else {}
    return result, report


def mkdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
                          cwd=project, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def build_site(project: Path) -> dict:
    """Build ``project`` as a user does (builder, then `mkdocs build --strict`), both required to
    succeed; the builder's report."""
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stdout + built.stderr
    return report


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The shipped seeds built once into a temporary project (Markdown and HTML)."""
    project = make_project(tmp_path_factory.mktemp("seeds-site"), with_shipped_seeds=True)
    return project, build_site(project)


@pytest.fixture(scope="session")
def dev_corpus_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The development corpus built once into a temporary project (Markdown, then HTML with
    `mkdocs build --strict`), shared by the end-to-end tests that read its pages."""
    project = make_project(tmp_path_factory.mktemp("dev-corpus-site"),
                           {p.name: p.read_bytes() for p in sorted(DEV_CORPUS.glob("*.txt"))})
    return project, build_site(project)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under pytest-xdist (tests/run.sh runs two workers), the tests reading the development
    corpus's build run on one worker, which builds it once."""
    for item in items:
        if "dev_corpus_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("dev-corpus"))
