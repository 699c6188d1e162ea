"""The builder alone, in CPU seconds: ``python -m builder build --no-cache`` on a generated corpus.

    python -m bench.builder_cpu [--docs 1000] [--jobs 2] [--runs 1] [--out DIR] [--code CHECKOUT ...]

On a shared machine wall time measures the neighbours; the CPU seconds (user + system) of the
build's whole process tree measure the builder. Each run is a fresh process from an empty cache
(``--no-cache``); with several ``--code`` checkouts the runs alternate between them, so a change
of load falls on each alike. Prints one line a run, then each checkout's mean.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .run import _HELPER, builder_cmd, make_project

ROOT = Path(__file__).resolve().parent.parent


def reset(project: Path) -> None:
    """``project`` as before its first build: no pages, cache nor permalink manifest (its assets kept)."""
    docs = project / "docs"
    for path in [*docs.iterdir(), project / ".cache", project / "permalinks.yml"]:
        if path.name == "assets":
            continue
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)


def run_once(code: Path, project: Path, jobs: int) -> dict:
    """One build of ``project`` by the builder of checkout ``code``, from scratch (``reset``):
    wall and CPU seconds, peak RSS."""
    reset(project)
    cmd = builder_cmd(project, jobs, "--no-cache")
    env = {**os.environ, "PYTHONPATH": str(code)}
    out = subprocess.run([sys.executable, "-c", _HELPER, json.dumps(cmd)], cwd=project, env=env,
                         capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["rc"] not in (0, 1):
        raise SystemExit(f"the build failed ({result['rc']}):\n{result['stderr'][-3000:]}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.builder_cpu", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--out", type=Path, default=None, help="work folder (default: a temporary one)")
    parser.add_argument("--code", type=Path, action="append", default=None,
                        help="checkout whose builder runs (repeatable; default: this one)")
    args = parser.parse_args(argv)
    codes = [c.resolve() for c in args.code or [ROOT]]
    work = args.out or Path(tempfile.mkdtemp(prefix="builder-cpu-"))
    project = make_project(work, args.docs, args.seed)
    cpu: dict[Path, list[float]] = {code: [] for code in codes}
    for run in range(args.runs):
        for code in codes:
            result = run_once(code, project, args.jobs)
            cpu[code].append(result["cpu"])
            print(f"run {run + 1} {code}: {args.docs} documents, --jobs {args.jobs}: CPU {result['cpu']:.1f} s, "
                  f"wall {result['seconds']:.1f} s, peak {result['rss'] / 2**20:.0f} MiB, "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
    for code, seconds in cpu.items():
        mean = statistics.mean(seconds)
        print(f"{code}: mean CPU {mean:.1f} s over {len(seconds)} run(s) = {args.docs / mean:.1f} documents "
              f"per CPU second ({2 * args.docs / mean:.1f} docs/s on 2 cores)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
