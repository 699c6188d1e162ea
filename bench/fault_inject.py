"""Fault injection: kill builds at random moments and check that docs/ is never a mix.

    python -m bench.fault_inject                       # 300 documents, 20 kills, CLI builds
    python -m bench.fault_inject --path hook --kills 10
    python -m bench.fault_inject --signal TERM --docs 100

It generates a corpus (``bench/corpus.py``), builds it once (the *old* tree), then edits a tenth
of the seeds and adds a few, and builds a copy of the project to completion (the *new*
tree). Each trial puts the old tree back (``docs/`` and ``permalinks.yml``), starts a build
(``python -m builder build``, or ``mkdocs build`` whose hook runs the builder), kills it
(SIGKILL by default) after a random delay within the build's measured duration, and then checks:

- ``docs/`` and ``permalinks.yml`` together are byte for byte the old tree or the new one,
  never a mix (and never a new ``docs/`` with the old manifest);
- no process of the killed build is left running;
- the next build, started as a user would, recovers (cleans leftovers) and ends on the new
  tree byte for byte.

Half the trials keep the per-document cache from the previous trial, half start without it,
so kills land in every stage. The figures print as a table; the exit status is 1 if any trial
failed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .corpus import generate
from .run import CONFIG_FILES, ROOT

MANIFEST = "permalinks.yml"


def make_project(where: Path, n: int) -> Path:
    project = where / "project"
    generate(n, project / "seeds", seed=11)
    for name in CONFIG_FILES:
        shutil.copy(ROOT / name, project / name)
    for folder in ("overrides", "hooks"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    return project


def edit_seeds(seeds: Path, rng: random.Random) -> None:
    """The change between the old tree and the new: edited seeds and added ones (a deleted seed
    would need a withdrawal notice: its published URLs must keep working)."""
    paths = sorted(seeds.glob("*.txt"))
    for path in rng.sample(paths, max(1, len(paths) // 10)):
        path.write_text(path.read_text(encoding="utf-8") + "\n\nA paragraph added after the first build, "
                        "about refugee protection and the rights of migrant workers.\n", encoding="utf-8")
    for i in range(max(1, len(paths) // 50)):
        (seeds / f"added-{i}.txt").write_text(f"An added document, number {i}\n\nIt speaks of asylum "
                                              "procedures and of the people who wait for them.\n",
                                              encoding="utf-8")


def snapshot(project: Path, *, leftovers: bool = False) -> dict[str, str]:
    """``{path: sha256}`` of every file of docs/ and the manifest (and, with ``leftovers``, of the
    hidden files beside them that a killed build may leave: ``.docs.new-PID``, …)."""
    out: dict[str, str] = {}
    for path in sorted(project.rglob("*")):
        rel = path.relative_to(project).as_posix()
        top = rel.split("/")[0]
        hidden = top.startswith((".docs", f".{MANIFEST}"))
        if not (top in ("docs", MANIFEST) or (leftovers and hidden)):
            continue
        if path.is_file() and not path.is_symlink():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_symlink():
            out[rel] = "symlink"
    return out


def restore(project: Path, saved: Path) -> None:
    """Put the old tree and manifest back, and forget the stamp that would skip the build."""
    for path in project.iterdir():
        if path.name == "docs" or path.name.startswith((".docs", f".{MANIFEST}")) or path.name == MANIFEST:
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    shutil.copytree(saved / "docs", project / "docs")
    shutil.copy(saved / MANIFEST, project / MANIFEST)
    stamp = project / ".cache" / "builder" / "site-stamp.json"
    stamp.unlink(missing_ok=True)


def command(project: Path, path: str) -> list[str]:
    if path == "hook":
        return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")]
    return [sys.executable, "-m", "builder", "build", "--root", str(project), "--seeds", str(project / "seeds"),
            "--docs", str(project / "docs"), "-q"]


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=_env())


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rpartition(")")[2].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


def trial(project: Path, cmd: list[str], delay: float, sig: int) -> tuple[float, set[int]]:
    """Start a build, kill it after ``delay`` seconds; its processes seen while it ran."""
    proc = subprocess.Popen(cmd, cwd=project, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: set[int] = set()
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline and proc.poll() is None:
        seen |= descendants(proc.pid)
        time.sleep(0.02)
    started = time.monotonic()
    if proc.poll() is None:
        proc.send_signal(sig)
    proc.wait()
    return time.monotonic() - started, seen


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, default=300, help="documents in the corpus (default 300)")
    p.add_argument("--kills", type=int, default=20, help="builds killed (default 20)")
    p.add_argument("--path", choices=("cli", "hook"), default="cli", help="the CLI, or mkdocs build's hook")
    p.add_argument("--signal", choices=("KILL", "TERM", "INT"), default="KILL")
    p.add_argument("--seed", type=int, default=1, help="random seed of the kill times")
    p.add_argument("--out", type=Path, help="work folder (default: a temporary one, deleted)")
    args = p.parse_args(argv)
    sig = getattr(signal, f"SIG{args.signal}")
    rng = random.Random(args.seed)
    where = args.out or Path(tempfile.mkdtemp(prefix="fault-inject-"))
    try:
        return _inject(args, sig, rng, where)
    finally:
        if args.out is None:
            shutil.rmtree(where, ignore_errors=True)


def _inject(args: argparse.Namespace, sig: int, rng: random.Random, where: Path) -> int:
    project = make_project(where, args.docs)
    cmd = command(project, args.path)
    first = run(cmd, project)
    if first.returncode not in (0, 1):
        raise SystemExit(f"the first build failed:\n{first.stderr[-2000:]}")
    saved = where / "old"
    shutil.copytree(project / "docs", saved / "docs")
    shutil.copy(project / MANIFEST, saved / MANIFEST)
    old = snapshot(project)
    edit_seeds(project / "seeds", rng)
    reference = where / "reference"
    shutil.copytree(project, reference, ignore=shutil.ignore_patterns(".cache", "site"))
    started = time.monotonic()
    done = run(command(reference, args.path), reference)
    if done.returncode not in (0, 1):
        raise SystemExit(f"the reference build failed:\n{done.stderr[-2000:]}")
    duration = time.monotonic() - started
    new = snapshot(reference)
    assert new != old, "the edits did not change the tree"
    print(f"{args.docs} documents, {args.path} path, SIG{args.signal}; a whole build takes {duration:.1f} s")
    counts = {"old": 0, "new": 0, "mix": 0, "orphans": 0, "leftovers": 0, "recovered": 0}
    failures: list[str] = []
    for k in range(args.kills):
        restore(project, saved)
        if k % 2:
            shutil.rmtree(project / ".cache", ignore_errors=True)
        delay = rng.uniform(0.0, duration)
        _, seen = trial(project, cmd, delay, sig)
        time.sleep(0.5)
        left = sorted(pid for pid in seen if alive(pid))
        state = snapshot(project)
        if snapshot(project, leftovers=True) != state:
            counts["leftovers"] += 1
        kind = "old" if state == old else "new" if state == new else "mix"
        counts[kind] += 1
        if left:
            counts["orphans"] += 1
            failures.append(f"kill {k} at {delay:.2f} s: processes left running: {left}")
            for pid in left:
                os.kill(pid, signal.SIGKILL)
        if kind == "mix":
            differ = sorted(rel for rel in {*state, *new} if state.get(rel) != new.get(rel))[:5]
            failures.append(f"kill {k} at {delay:.2f} s: docs/ is neither the old tree nor the new one "
                            f"(e.g. {differ})")
        after = run(cmd, project)
        if after.returncode in (0, 1) and snapshot(project, leftovers=True) == new:
            counts["recovered"] += 1
        else:
            failures.append(f"kill {k} at {delay:.2f} s: the next build did not end on the new tree "
                            f"(exit {after.returncode}): {after.stderr[-500:]}")
        print(f"  kill {k + 1:>2} at {delay:5.2f} s: {kind}{', processes left' if left else ''}", flush=True)
    print()
    print("| kills | old tree | new tree | mix | processes left | leftovers beside docs/ | next build recovered |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {args.kills} | {counts['old']} | {counts['new']} | {counts['mix']} | {counts['orphans']} | "
          f"{counts['leftovers']} | {counts['recovered']} |")
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
