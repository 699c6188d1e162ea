"""The MkDocs hook (hooks/builder_hook.py): `mkdocs build` alone is up to date, `mkdocs serve` regenerates."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_project, make_project
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

LETTER = """ACME RELIEF AGENCY

March 3, 2015

Dear Colleague:

We write about the situation of migrant workers
in the region and the recruitment fees they pay.

Sincerely,

Jane Roe
"""


@pytest.fixture(scope="module")
def hook():
    spec = importlib.util.spec_from_file_location("builder_hook_under_test", ROOT / "hooks" / "builder_hook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def config_of(project: Path):
    return load_config(config_file=str(project / "mkdocs.yml"))


def pages(project: Path) -> dict[str, str]:
    docs = project / "docs" / "documents"
    return {p.name: p.read_text(encoding="utf-8") for p in docs.glob("*.md") if p.name != "index.md"}


class Server:
    """Stands in for MkDocs's LiveReloadServer: records what it is told to watch."""

    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str, *args, **kwargs) -> None:
        self.watched.append(path)


def test_mkdocs_build_alone_publishes_an_up_to_date_site(tmp_path):
    project = make_project(tmp_path, {"letter.txt": LETTER})
    assert [p.name for p in (project / "docs").iterdir()] == ["assets"]
    elsewhere = tmp_path / "elsewhere"  # every path is taken from mkdocs.yml's folder, not the cwd
    elsewhere.mkdir()
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
                           cwd=elsewhere, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert built.returncode == 0, built.stdout + built.stderr
    check, report = build_project(project, "--check")
    assert check.returncode == 0, check.stderr
    (entry,) = report["documents"]
    page = project / "site" / entry["url"] / "index.html"
    assert "recruitment fees they pay" in page.read_text(encoding="utf-8")


def test_preview_hook_regenerates_after_a_seed_edit(tmp_path, hook):
    project = make_project(tmp_path, {"letter.txt": LETTER})
    config = config_of(project)
    hook.on_pre_build(config=config)
    (before,) = pages(project).values()
    assert "recruitment fees" in before
    (project / "seeds" / "letter.txt").write_text(LETTER.replace("recruitment fees", "travel costs"),
                                                  encoding="utf-8")
    hook.on_pre_build(config=config_of(project))
    (after,) = pages(project).values()
    assert "travel costs" in after and "recruitment fees" not in after


def test_preview_hook_regenerates_after_a_themes_edit(tmp_path, hook):
    project = make_project(tmp_path, {"letter.txt": LETTER})
    hook.on_pre_build(config=config_of(project))
    themes = yaml.safe_load((project / "themes.yml").read_text(encoding="utf-8"))
    themes["themes"].append({"id": "recruitment", "label": "Recruitment", "description": "Fees paid to recruiters.",
                             "phrases": ["recruitment fees", "migrant workers"]})
    (project / "themes.yml").write_text(yaml.safe_dump(themes), encoding="utf-8")
    changed = hook.regenerate(config_of(project))
    assert "themes/recruitment.md" in changed
    assert "- recruitment" in next(iter(pages(project).values()))


def test_a_rebuild_without_changes_writes_nothing(tmp_path, hook):
    """`mkdocs serve` watches docs/: writing unchanged files would rebuild for ever."""
    project = make_project(tmp_path, {"letter.txt": LETTER})
    assert hook.regenerate(config_of(project))
    stamps = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()}
    assert hook.regenerate(config_of(project)) == []
    assert {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()} == stamps


def test_a_generated_file_no_longer_produced_is_deleted_and_hand_made_assets_stay(tmp_path, hook):
    project = make_project(tmp_path, {"letter.txt": LETTER})
    left_over = project / "docs" / "documents" / "left-over.md"
    left_over.parent.mkdir(parents=True)
    left_over.write_text("# From an older build\n", encoding="utf-8")
    changed = hook.regenerate(config_of(project))
    assert "documents/left-over.md" in changed and not left_over.exists()
    assert len(pages(project)) == 1
    assert (project / "docs" / "assets" / "site.css").is_file()


def test_serve_watches_the_seeds_and_the_yaml_files_that_exist(tmp_path, hook):
    project = make_project(tmp_path, {"letter.txt": LETTER})
    (project / "metadata.yml").unlink(missing_ok=True)
    config = config_of(project)
    server = Server()
    assert hook.on_serve(server, config=config, builder=None) is server
    watched = {Path(p).resolve() for p in [*server.watched, *config.watch]}
    assert (project / "seeds").resolve() in watched
    assert (project / "themes.yml").resolve() in watched
    assert (project / "metadata.yml").resolve() not in watched


def test_a_configuration_error_stops_mkdocs_build_naming_the_file(tmp_path, hook):
    project = make_project(tmp_path, {"letter.txt": LETTER}, config={"themes.yml": "themes: [1, 2\n"})
    with pytest.raises(PluginError, match="themes.yml"):
        hook.on_pre_build(config=config_of(project))
