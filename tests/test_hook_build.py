"""The MkDocs hook runs the command line's build (builder/build.py): killed, it leaves the old
docs/ and manifest or the new ones; rejected seeds fail `mkdocs build --strict`; a permalink
guard failure is labelled as such; unchanged pages keep their modification time."""

from __future__ import annotations

import importlib.util
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from conftest import ROOT, make_project, mkdocs_build, run_builder

LETTER = """ACME RELIEF AGENCY

March 3, 2015

Dear Colleague:

We write about the situation of migrant workers
in the region and the recruitment fees they pay.

Sincerely,

Jane Roe
"""
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
RUN_HOOK = (
    "import importlib.util, sys\n"
    "from mkdocs.config import load_config\n"
    "spec = importlib.util.spec_from_file_location('builder_hook', sys.argv[1])\n"
    "hook = importlib.util.module_from_spec(spec)\n"
    "spec.loader.exec_module(hook)\n"
    "hook.on_pre_build(config=load_config(config_file=sys.argv[2]))\n"
)


@pytest.fixture(scope="module")
def hook():
    spec = importlib.util.spec_from_file_location("builder_hook_build", ROOT / "hooks" / "builder_hook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def letters(n: int) -> dict[str, str]:
    return {f"letter-{i:03d}.txt": LETTER.replace("the region", f"region number {i} of {n}") for i in range(n)}


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def snapshot(project: Path) -> tuple[dict[str, bytes], bytes]:
    return tree(project / "docs"), (project / "permalinks.yml").read_bytes()


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if ".new-" in p.name or ".old-" in p.name)


def start_hook(project: Path) -> subprocess.Popen[str]:
    """The hook's entry in a process group of its own (with the workers it forks)."""
    return subprocess.Popen([sys.executable, "-c", RUN_HOOK, str(project / "hooks" / "builder_hook.py"),
                             str(project / "mkdocs.yml")], cwd=project, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            start_new_session=True)


def edit_every_seed(project: Path) -> None:
    for i, seed in enumerate(sorted((project / "seeds").iterdir())):
        seed.write_text(seed.read_text(encoding="utf-8").replace(
            "they pay.\n", f"they pay.\n\nWe also ask about the debts that follow, case {i}.\n"), encoding="utf-8")


def test_a_hook_build_killed_at_any_time_leaves_the_old_site_or_the_new_one(tmp_path):
    """SIGKILL at random moments of `mkdocs build`'s builder run (60 seeds, every page changing):
    docs/ with permalinks.yml is byte for byte the old pair or the new pair, never a mix, and the
    next build cleans up what the killed one left and names it."""
    (tmp_path / "pristine").mkdir()
    pristine = make_project(tmp_path / "pristine", letters(60))
    assert run_builder("--root", str(pristine), "--seeds", str(pristine / "seeds"), "--docs",
                       str(pristine / "docs"), cwd=pristine).returncode == 0
    old = snapshot(pristine)
    edit_every_seed(pristine)
    reference = tmp_path / "reference"
    shutil.copytree(pristine, reference, symlinks=True)
    started = time.monotonic()
    proc = start_hook(reference)
    out, _ = proc.communicate(timeout=300)
    took = time.monotonic() - started
    assert proc.returncode == 0, out
    new = snapshot(reference)
    assert new[0] != old[0] and new[1] != old[1]
    rng = random.Random(20261123)
    outcomes = []
    for attempt in range(5):
        project = tmp_path / f"try-{attempt}"
        shutil.copytree(pristine, project, symlinks=True)
        proc = start_hook(project)
        time.sleep(took * rng.uniform(0.45, 1.0))
        os.killpg(proc.pid, signal.SIGKILL)  # the hook's process and its workers, as a cancelled job
        proc.communicate(timeout=60)
        now = snapshot(project)
        assert now in (old, new), f"attempt {attempt}: docs/ and permalinks.yml are a mix"
        outcomes.append(("new" if now == new else "old", leftovers(project)))
        after = run_builder("--root", str(project), "--seeds", str(project / "seeds"), "--docs",
                            str(project / "docs"), cwd=project)
        assert after.returncode == 0, after.stderr
        assert snapshot(project) == new
        assert leftovers(project) == []
        for name in outcomes[-1][1]:
            assert name in after.stderr, (name, after.stderr)
        shutil.rmtree(project)
    assert any(left for _state, left in outcomes), f"no attempt was killed while writing: {outcomes}"


def test_rejected_seeds_fail_mkdocs_build_strict_naming_them(tmp_path):
    project = make_project(tmp_path, {"a.txt": LETTER, "scan.txt": PDF})
    strict = mkdocs_build(project)
    assert strict.returncode != 0
    assert "seed not published: scan.txt: " in strict.stdout + strict.stderr
    loose = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--no-strict", "-f",
                            str(project / "mkdocs.yml")],
                           cwd=project, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert loose.returncode == 0, loose.stdout + loose.stderr
    assert "seed not published: scan.txt: " in loose.stderr
    assert (project / "site" / "index.html").is_file()
    again = mkdocs_build(project)  # docs/ up to date now: the build is skipped, the seed still fails it
    assert again.returncode != 0 and "seed not published: scan.txt: " in again.stdout + again.stderr


def test_an_ignored_seed_does_not_fail_mkdocs_build_strict(tmp_path):
    project = make_project(tmp_path, {"a.txt": LETTER, "scan.txt": PDF},
                           config={"metadata.yml": "ignored:\n  scan.txt: the scan of a.txt\n"})
    strict = mkdocs_build(project)
    assert strict.returncode == 0, strict.stdout + strict.stderr


def test_a_permalink_guard_failure_is_labelled_as_such_not_as_a_configuration_error(tmp_path, hook):
    project = make_project(tmp_path, {"a.txt": LETTER, "b.txt": LETTER.replace("region", "world")})
    config = load_config(config_file=str(project / "mkdocs.yml"))
    hook.on_pre_build(config=config)
    before = snapshot(project)
    (project / "seeds" / "b.txt").unlink()  # its published page would break
    with pytest.raises(PluginError) as caught:
        hook.on_pre_build(config=load_config(config_file=str(project / "mkdocs.yml")))
    message = str(caught.value)
    assert "permalinks would break" in message and "configuration error" not in message
    assert snapshot(project) == before


def test_a_read_only_docs_stops_mkdocs_with_a_clear_message(tmp_path, hook):
    """(MkDocs itself refuses a docs_dir that is a file or a dangling link.)"""
    project = make_project(tmp_path, {"a.txt": LETTER})
    docs = project / "docs"
    config = load_config(config_file=str(project / "mkdocs.yml"))
    docs.chmod(0o555)
    try:
        with pytest.raises(PluginError, match=f"builder: {docs} is read-only"):
            hook.on_pre_build(config=config)
        assert sorted(p.name for p in docs.iterdir()) == ["assets"] and leftovers(project) == []
    finally:
        docs.chmod(0o755)


def test_a_hook_rebuild_after_one_edit_keeps_the_other_pages_mtime(tmp_path, hook):
    """`mkdocs serve` watches docs/: only what changed may look changed."""
    project = make_project(tmp_path, letters(3))
    assert hook.regenerate(load_config(config_file=str(project / "mkdocs.yml")))
    docs = project / "docs"
    before = {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in docs.rglob("*") if p.is_file()}
    seed = project / "seeds" / "letter-001.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("Dear Colleague", "Dear Friend"), encoding="utf-8")
    changed = hook.regenerate(load_config(config_file=str(project / "mkdocs.yml")))
    after = {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in docs.rglob("*") if p.is_file()}
    assert changed and all(not rel.startswith("assets/") for rel in changed)
    touched = sorted(p.relative_to(docs).as_posix() for p in after if after[p] != before.get(p))
    assert touched == sorted(changed)
    assert any(rel.startswith("assets/") for rel in (p.relative_to(docs).as_posix() for p in after))
