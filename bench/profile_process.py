"""Where one document's time goes: ``pipeline.process`` (read → clean → enrich, and the
per-document part of linking) under cProfile, in this process, on a generated corpus.

    python -m bench.profile_process [--docs 300] [--top 40] [--out DIR] [--save FILE] [--plain]

The engine is set up first (``engine.setup.start``, as a build does) and the language model
loaded (as each worker does on its first document), so the profile holds only the per-document
work, timed in CPU seconds (the machine is shared). Prints the CPU seconds a document, then the
``--top`` functions sorted by cumulative time and by own time (tottime), and who calls the
regular expressions.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

from builder import pipeline
from builder.config import load_config
from builder.engine import setup
from builder.enrich import language
from builder.read import find_seeds, read_seed

from .run import make_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile_process", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--out", type=Path, default=None, help="work folder (default: a temporary one)")
    parser.add_argument("--save", type=Path, default=None, help="write the raw profile here (pstats)")
    parser.add_argument("--plain", action="store_true",
                        help="no cProfile: only the CPU seconds (to time, or to run under a sampler such as py-spy)")
    args = parser.parse_args(argv)
    project = make_project(args.out or Path(tempfile.mkdtemp(prefix="profile-")), args.docs, args.seed)
    config = load_config(project)
    mark = time.process_time()
    setup.start()
    language.detect("Loaded before the profile starts: the model takes about a second.")
    print(f"engine set-up: {time.process_time() - mark:.2f} s of CPU", flush=True)
    seeds, _notices = find_seeds(project / "seeds")
    sources = [read_seed(seed) for seed in seeds]
    if args.plain:
        return _plain(sources, config)
    profile = cProfile.Profile(time.process_time)  # CPU time: the machine is shared
    mark = time.process_time()
    profile.enable()
    for source in sources:
        pipeline.process(source, config)
    profile.disable()
    cpu = time.process_time() - mark
    print(f"process(): {len(sources)} documents, {cpu:.2f} s of CPU under cProfile "
          f"({1000 * cpu / len(sources):.1f} ms a document)", flush=True)
    if args.save:
        profile.dump_stats(args.save)
    for key in ("cumulative", "tottime"):
        print(f"\n=== sorted by {key} ===", flush=True)
        pstats.Stats(profile, stream=sys.stdout).strip_dirs().sort_stats(key).print_stats(args.top)
    print("\n=== who calls the regular expressions ===", flush=True)
    stats = pstats.Stats(profile, stream=sys.stdout).strip_dirs().sort_stats("tottime")
    stats.print_callers(r"of 're.Pattern' objects")
    return 0


def _plain(sources: list, config) -> int:
    """``process()`` of every source without a profiler: its CPU seconds."""
    mark = time.process_time()
    for source in sources:
        pipeline.process(source, config)
    cpu = time.process_time() - mark
    print(f"process(): {len(sources)} documents, {cpu:.2f} s of CPU ({1000 * cpu / len(sources):.1f} ms a document)",
          flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
