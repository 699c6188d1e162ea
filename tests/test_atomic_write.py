"""write/files: docs/ is replaced atomically; a failed or interrupted build leaves it intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from builder.write import files as files_mod
from builder.write.files import recover, write_tree
from conftest import ROOT, build_project, make_project

PREVIOUS = {"index.md": "previous home\n", "documents/a.md": "previous a\n"}


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    write_tree(PREVIOUS, docs)
    (docs / "assets").mkdir()
    (docs / "assets" / "site.css").write_text("body {}\n", encoding="utf-8")
    return docs


def test_write_tree_replaces_generated_files_and_keeps_assets(docs):
    write_tree({"index.md": "new home\n"}, docs)
    assert tree(docs) == {"assets/site.css": b"body {}\n", "index.md": b"new home\n"}
    assert [p.name for p in docs.parent.iterdir()] == ["docs"]


@pytest.mark.parametrize("fault", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_write_that_fails_halfway_leaves_the_previous_docs_intact(docs, monkeypatch, fault):
    before = tree(docs)
    real = Path.write_bytes
    calls = []

    def failing(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 2:
            raise fault
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(type(fault)):
        write_tree({"index.md": "new\n", "documents/b.md": "new b\n", "documents/c.md": "c\n"}, docs)
    monkeypatch.undo()
    assert tree(docs) == before
    assert [p.name for p in docs.parent.iterdir()] == ["docs"]  # no staging folder left behind


def test_a_failure_at_the_swap_puts_the_previous_docs_back(docs, monkeypatch):
    before = tree(docs)
    real = Path.rename

    def failing(self, target):
        if Path(self).name.startswith(".docs.new-"):
            raise OSError("rename failed")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", failing)
    with pytest.raises(OSError):
        write_tree({"index.md": "new\n"}, docs)
    monkeypatch.undo()
    assert tree(docs) == before


def test_a_path_outside_the_docs_folder_is_refused_before_anything_is_written(docs):
    before = tree(docs)
    for bad in ("../escape.md", "/etc/x.md", "a/../../b.md", ""):
        with pytest.raises(ValueError, match="refusing to write"):
            write_tree({"index.md": "new\n", bad: "x"}, docs)
    assert tree(docs) == before


def test_the_next_run_restores_docs_left_aside_by_a_build_killed_between_the_renames(docs):
    before = tree(docs)
    docs.rename(docs.parent / ".docs.old-999999999")  # a pid that cannot be running
    (docs.parent / ".docs.new-999999999").mkdir()
    done = recover(docs)
    assert tree(docs) == before
    assert len(done) == 2
    assert [p.name for p in docs.parent.iterdir()] == ["docs"]


def test_a_build_killed_while_writing_leaves_the_previous_docs_intact(docs):
    """A real process, killed with SIGKILL in the middle of writing the new tree."""
    before = tree(docs)
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from builder.write.files import write_tree\n"
        "real = Path.write_bytes\n"
        "def slow(self, *a, **k):\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(0.2)\n"
        "    return real(self, *a, **k)\n"
        "Path.write_bytes = slow\n"
        "write_tree({f'documents/{i}.md': 'new' for i in range(100)}, Path(sys.argv[1]))\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(docs)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None
    for _ in range(3):
        assert proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()
    assert tree(docs) == before
    write_tree({"index.md": "next\n"}, docs)  # the next build cleans up the killed one's staging
    assert [p.name for p in docs.parent.iterdir()] == ["docs"]


def test_a_build_with_a_configuration_error_writes_nothing(tmp_path):
    project = make_project(tmp_path, {"a.txt": "Migrant workers have rights in every country.\n"})
    first, _ = build_project(project)
    assert first.returncode == 0, first.stderr
    before = tree(project / "docs")
    (project / "themes.yml").write_text("themes:\n  - id: Bad Id\n", encoding="utf-8")
    time.sleep(0.01)
    second, _ = build_project(project)
    assert second.returncode == 2
    assert tree(project / "docs") == before


def test_check_ignores_only_the_kept_folders_not_look_alike_names(tmp_path):
    docs = tmp_path / "docs"
    write_tree({"index.md": "x\n"}, docs)
    (docs / "assets-extra.md").write_text("stray\n", encoding="utf-8")
    assert files_mod.diff_tree({"index.md": "x\n"}, docs) == ["extra: assets-extra.md"]
