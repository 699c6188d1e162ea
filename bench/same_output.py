"""Same output: does the working tree build byte for byte what commit BASE builds?

    python -m bench.same_output BASE [--docs N] [--jobs N] [--keep DIR]

A refactoring must not change a byte of the site. This script builds two projects twice,
once with the builder of commit ``BASE`` (extracted with ``git archive`` into a temporary
folder) and once with the builder of the working tree that holds this script, each run as
``python -m builder build --no-cache`` in a fresh process whose ``PYTHONPATH`` is that
checkout (so an installed copy of the builder never answers instead):

* ``seeds``: the shipped seeds (``seeds/``) with the repository's ``mkdocs.yml``,
  ``themes.yml``, ``entities.yml``, ``metadata.yml``, ``permalinks.yml`` and ``docs/assets/``;
* ``generated``: a synthetic corpus of N documents (``bench.corpus.generate``, default 300) in
  a fresh project made like ``bench.run.make_project`` does (no ``permalinks.yml``: its first
  build writes one).

Both builds of a project get the same inputs, copied from the working tree: only the code
differs. The two ``docs/`` trees and the two ``permalinks.yml`` are then compared byte for
byte (and the exit statuses). The last line printed is either

    identical: seeds (N files), generated (M files)

(exit 0), or ``different:`` followed by every file that differs or exists on one side only
(exit 1). Exit 2 when a build fails (its error output is printed) or ``BASE`` is not a commit.
Every step of a refactoring quotes this output in its commit message.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .corpus import generate

ROOT = Path(__file__).resolve().parent.parent
"""The working tree whose builder is compared with BASE's."""
CONFIG_FILES = ("mkdocs.yml", "themes.yml", "entities.yml", "metadata.yml")
COPIED_FOLDERS = ("overrides", "hooks")
OUTPUTS = ("docs", "permalinks.yml")
"""What a build produces and what is compared."""


class Failed(Exception):
    """A build or a git command failed: exit 2 with its message."""


def extract(commit: str, into: Path) -> str:
    """Write the tree of ``commit`` into ``into`` (``git archive``); returns the full hash."""
    try:
        full = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", "--quiet", f"{commit}^{{commit}}"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except subprocess.CalledProcessError:
        raise Failed(f"{commit!r} is not a commit of {ROOT}") from None
    into.mkdir(parents=True)
    archive = subprocess.Popen(["git", "-C", str(ROOT), "archive", "--format=tar", full], stdout=subprocess.PIPE)
    untar = subprocess.run(["tar", "-x", "-C", str(into)], stdin=archive.stdout, capture_output=True)
    archive.stdout.close()
    if archive.wait() or untar.returncode:
        raise Failed(f"could not extract {commit}: {untar.stderr.decode(errors='replace')}")
    return full


def _copy_common(project: Path) -> None:
    for name in CONFIG_FILES:
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, project / name)
    for folder in COPIED_FOLDERS:
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", project / "inputs" / "assets")


def seeds_project(where: Path) -> Path:
    """The shipped seeds with the repository's configuration and permalinks.yml."""
    project = where / "seeds"
    project.mkdir(parents=True)
    shutil.copytree(ROOT / "seeds", project / "seeds", symlinks=True)
    _copy_common(project)
    shutil.copy(ROOT / "permalinks.yml", project / "inputs" / "permalinks.yml")
    return project


def generated_project(where: Path, n: int) -> Path:
    """``n`` synthetic seeds in a fresh project (like ``bench.run.make_project``: no permalinks.yml)."""
    project = where / "generated"
    project.mkdir(parents=True)
    generate(n, project / "seeds")
    _copy_common(project)
    return project


def reset(project: Path) -> None:
    """Back to the inputs: no docs/ (but its hand-made assets), no cache, the original manifest."""
    for path in project.iterdir():
        if path.name in ("seeds", "inputs", *CONFIG_FILES, *COPIED_FOLDERS):
            continue
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    shutil.copytree(project / "inputs" / "assets", project / "docs" / "assets")
    if (project / "inputs" / "permalinks.yml").exists():
        shutil.copy(project / "inputs" / "permalinks.yml", project / "permalinks.yml")


def build(code: Path, project: Path, out: Path, jobs: int | None) -> tuple[int, float]:
    """Build ``project`` with the builder in ``code``; move its outputs to ``out``.
    Returns (exit status, seconds)."""
    reset(project)
    cmd = [sys.executable, "-m", "builder", "build", "--root", str(project), "--seeds", str(project / "seeds"),
           "--docs", str(project / "docs"), "--no-cache", "-q", *(["--jobs", str(jobs)] if jobs else [])]
    env = {**os.environ, "PYTHONPATH": str(code), "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    # cwd = the project, never a checkout: ``python -m`` puts the current folder first on sys.path.
    done = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise Failed(f"the build of {project.name} with {code} failed (exit {done.returncode}):\n"
                     f"{done.stdout[-3000:]}{done.stderr[-3000:]}")
    out.mkdir(parents=True)
    for name in OUTPUTS:
        if (project / name).exists():
            (project / name).rename(out / name)
    return done.returncode, seconds


def files(tree: Path) -> dict[str, Path]:
    """Every file (or link) under ``tree`` by its relative path; ``tree`` itself when it is a file."""
    if not tree.exists():
        return {}
    if not tree.is_dir():
        return {tree.name: tree}
    found = {}
    for folder, _dirs, names in os.walk(tree):
        for name in names:
            path = Path(folder) / name
            found[path.relative_to(tree.parent).as_posix()] = path
    return found


def compare(base: Path, work: Path) -> tuple[int, list[str]]:
    """(files compared, differences) between two output folders."""
    left, right = {}, {}
    for name in OUTPUTS:
        left.update(files(base / name))
        right.update(files(work / name))
    diffs = []
    for rel in sorted(left.keys() | right.keys()):
        if rel not in right:
            diffs.append(f"{rel}: only in the base build")
        elif rel not in left:
            diffs.append(f"{rel}: only in the working tree's build")
        elif not filecmp.cmp(left[rel], right[rel], shallow=False):
            diffs.append(f"{rel}: differs")
    return len(left.keys() | right.keys()), diffs


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.same_output", description=__doc__.split("\n\n")[0])
    p.add_argument("base", metavar="BASE", help="the commit to compare the working tree with")
    p.add_argument("--docs", type=int, default=300, metavar="N",
                   help="documents in the generated corpus (default: %(default)s)")
    p.add_argument("--jobs", type=int, default=0, metavar="N", help="passed to the builder (default: every core)")
    p.add_argument("--keep", type=Path, metavar="DIR",
                   help="work in DIR (created; must not exist) and keep it, to look at the differences")
    args = p.parse_args(argv)
    if args.keep is not None and args.keep.exists():
        p.error(f"--keep {args.keep}: already exists")
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="same-output-"))
    try:
        base_code = work / "base-code"
        full = extract(args.base, base_code)
        print(f"base {full[:12]} ({args.base}) against the working tree {ROOT}", file=sys.stderr)
        projects = [seeds_project(work / "projects"), generated_project(work / "projects", args.docs)]
        summary, differences = [], []
        for project in projects:
            outcome = {}
            for side, code in (("base", base_code), ("working tree", ROOT)):
                rc, seconds = build(code, project, work / "out" / project.name / side.replace(" ", "-"), args.jobs)
                outcome[side] = rc
                print(f"  {project.name}: {side}: exit {rc}, {seconds:.1f} s", file=sys.stderr)
            count, diffs = compare(work / "out" / project.name / "base", work / "out" / project.name / "working-tree")
            if outcome["base"] != outcome["working tree"]:
                diffs.insert(0, f"exit status: {outcome['base']} (base), {outcome['working tree']} (working tree)")
            differences += [f"{project.name}: {d}" for d in diffs]
            summary.append(f"{project.name} ({count} files)")
    except Failed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept: {work}", file=sys.stderr)
    if differences:
        print(f"different ({len(differences)}):")
        for line in differences:
            print(f"  {line}")
        return 1
    print(f"identical: {', '.join(summary)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
