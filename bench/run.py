"""The benchmark: build synthetic corpora of 100, 1,000 and 10,000 messy documents, and time it.

    python -m bench.run                 # 100, 1,000 and 10,000 documents
    python -m bench.run --sizes 100 1000 --jobs 2 --out /tmp/bench

For each size it generates the corpus (``bench/corpus.py``, deterministic), then measures,
each step in a fresh process: the builder from an empty cache (time, documents per second,
peak memory), then ``mkdocs build`` (time, peak memory; its builder hook finds ``docs/`` up to
date), their sum as the whole site, the built site's size, the average and largest HTML page,
and the size of the search index. On the 1,000-document corpus it also times incremental
builder runs after one seed is edited and after one seed is added. Last, edit → reload in
``mkdocs serve --dirty`` (``bench/serve_reload.py``: a real server, a real edit of one seed, its
page polled over HTTP until it shows the edit) and how many rebuilds the save set off (one is
right); ``--no-serve`` skips it. What a reader's browser downloads for one search query
(``--search-query``, typed into the built site's search box in headless Chromium by
``bench/search_download.py``); ``--no-search`` skips it, ``--search-download FILE``
(``{"1000": bytes, ...}``) fills it from figures measured elsewhere.
Peak memory is the largest resident set of any single process of the step
(``getrusage(RUSAGE_CHILDREN).ru_maxrss``). The results print as a Markdown table and are
written as JSON beside the corpora.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import datetime, UTC
from pathlib import Path

from .corpus import generate
from .search_download import search_download
from .serve_reload import measure_reload

ROOT = Path(__file__).resolve().parent.parent
CODE = ROOT
"""The checkout whose builder, configuration, hooks and overrides are benchmarked (``--code``)."""
SEARCH_QUERY = "border management"
"""Two words every generated corpus holds in many documents: a query with many results."""
CONFIG_FILES = ("mkdocs.yml", "themes.yml", "entities.yml", "metadata.yml")
# Not permalinks.yml: it pins the shipped seeds' pages, which a synthetic corpus does not have
# (its guard would fail); a project's first build writes its own.


def measure(cmd: list[str], cwd: Path) -> dict:
    """Run ``cmd`` in a fresh helper process; wall time and the peak RSS of its process tree."""
    helper = [sys.executable, "-c", _HELPER, json.dumps(cmd)]
    out = subprocess.run(helper, cwd=cwd, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(CODE), "NO_MKDOCS_2_WARNING": "1"})
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["rc"] not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({result['rc']}):\n{result['stderr'][-3000:]}")
    return result


_HELPER = """
import json, resource, subprocess, sys, time
cmd = json.loads(sys.argv[1])
t = time.perf_counter()
p = subprocess.run(cmd, capture_output=True, text=True)
seconds = time.perf_counter() - t
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
rss, cpu = usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime
print(json.dumps({"seconds": seconds, "cpu": cpu, "rss": rss, "rc": p.returncode, "stderr": p.stderr,
                  "stdout": p.stdout}))
"""


def make_project(where: Path, n: int, seed: int) -> Path:
    """A project like the repository's (config, overrides, hooks, docs/assets) with ``n`` synthetic seeds."""
    project = where / f"n{n}"
    seeds = project / "seeds"
    if not seeds.is_dir() or len(list(seeds.glob("*.txt"))) != n:
        shutil.rmtree(seeds, ignore_errors=True)
        generate(n, seeds, seed=seed)
    for name in ("docs", "site", "overrides", "hooks", ".cache", "permalinks.yml", *CONFIG_FILES):
        path = project / name
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    for name in CONFIG_FILES:
        if (CODE / name).exists():
            shutil.copy(CODE / name, project / name)
    for folder in ("overrides", "hooks"):
        if (CODE / folder).exists():
            shutil.copytree(CODE / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(CODE / "docs" / "assets", project / "docs" / "assets")
    return project


def builder_cmd(project: Path, jobs: int, *extra: str) -> list[str]:
    return [sys.executable, "-m", "builder", "build", "--root", str(project), "--seeds", str(project / "seeds"),
            "--docs", str(project / "docs"), "-q", *(["--jobs", str(jobs)] if jobs else []), *extra]


def mkdocs_cmd(project: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")]


def site_stats(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    html = [p.stat().st_size for p in files if p.suffix == ".html"]
    index = site / "search" / "search_index.json"
    # Pagefind's index (site/pagefind/) is a folder of chunks, already compressed: its size counts twice.
    chunks = sum(p.stat().st_size for p in files if p.relative_to(site).parts[0] == "pagefind")
    stats = {"site_bytes": sum(p.stat().st_size for p in files), "files": len(files), "html_pages": len(html),
             "avg_html": sum(html) / len(html) if html else 0, "max_html": max(html, default=0),
             "search_index": index.stat().st_size if index.exists() else chunks,
             "search_index_gz": len(gzip.compress(index.read_bytes(), 6)) if index.exists() else chunks}
    largest = sorted(((p.stat().st_size, p.relative_to(site).as_posix()) for p in files if p.suffix == ".html"),
                     reverse=True)[:3]
    stats["largest_pages"] = [f"{path} ({mb(size)})" for size, path in largest]
    return stats


def step(row: dict, what: str) -> None:
    """Progress on stderr, so a long run that is stopped still shows what it measured."""
    print(f"  [{datetime.now(UTC):%H:%M:%S}] {row['n']:,} documents: {what}: "
          + json.dumps({k: v for k, v in row.items() if k != "largest_pages"}), file=sys.stderr, flush=True)


def serve_reload(project: Path, row: dict) -> None:
    """Edit → reload in ``mkdocs serve --dirty`` (``bench/serve_reload.py``), into ``row``."""
    seeds = sorted(project.glob("seeds/*.txt"))
    env = {**os.environ, "PYTHONPATH": str(CODE), "NO_MKDOCS_2_WARNING": "1"}
    row.update(measure_reload(project, seeds[len(seeds) // 2], env))


def run_size(n: int, work: Path, jobs: int, seed: int, incremental: bool, serve: bool = True,
             search_query: str = "") -> dict:
    project = make_project(work, n, seed)
    seeds = project / "seeds"
    row: dict = {"n": n, "seed_bytes": sum(p.stat().st_size for p in seeds.glob("*.txt"))}
    # 1. The builder alone, from an empty cache (it fills it): documents per second.
    shutil.rmtree(project / ".cache", ignore_errors=True)
    b = measure(builder_cmd(project, jobs), project)
    row.update(builder_s=b["seconds"], builder_cpu=b["cpu"], builder_rss=b["rss"], docs_per_s=n / b["seconds"],
               published=sum(1 for p in (project / "docs" / "documents").glob("*.md") if p.name != "index.md"))
    step(row, "builder")
    # 2. mkdocs build, as a user runs it next: its builder hook finds docs/ up to date (cache warm).
    m = measure(mkdocs_cmd(project), project)
    row.update(mkdocs_s=m["seconds"], mkdocs_cpu=m["cpu"], mkdocs_rss=m["rss"],
               mkdocs_warnings=sum(1 for line in m["stderr"].splitlines() if line.startswith("WARNING")))
    row.update(total_s=b["seconds"] + m["seconds"], total_cpu=b["cpu"] + m["cpu"],
               total_rss=max(b["rss"], m["rss"]))
    row.update(site_stats(project / "site"))
    step(row, "mkdocs")
    if search_query:
        row["search_download_bytes"] = search_download(project / "site", search_query)["bytes"]
        step(row, "search download")
    if incremental:
        row["rebuild_unchanged_s"] = measure(builder_cmd(project, jobs), project)["seconds"]
        edited = seeds / sorted(p.name for p in seeds.glob("*.txt"))[n // 2]
        original = edited.read_bytes()
        try:
            edited.write_bytes(original + b"\nOne more paragraph, added by the benchmark to edit this seed.\n")
            row["rebuild_edit_s"] = measure(builder_cmd(project, jobs), project)["seconds"]
            (seeds / "zz_added.txt").write_bytes(original.replace(b"e", b"a", 5))
            row["rebuild_add_s"] = measure(builder_cmd(project, jobs), project)["seconds"]
        finally:
            edited.write_bytes(original)
            (seeds / "zz_added.txt").unlink(missing_ok=True)
            # The added seed's pages were published: a build without it would break their links.
            (project / "permalinks.yml").unlink(missing_ok=True)
            measure(builder_cmd(project, jobs), project)
        step(row, "incremental")
    if serve:
        serve_reload(project, row)
        step(row, "serve")
    return row


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, "
            f"Python {platform.python_version()}; load average at start {load}")


def mb(n: float) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.1f} kB"


def reload_cell(row: dict) -> str:
    if "reload_s" not in row:
        return "—"
    return f"{row['reload_s']:.1f} s ({row['rebuilds']})"


def table(rows: list[dict]) -> str:
    cols = [("documents", lambda r: f"{r['n']:,}"),
            ("builder (CPU)", lambda r: f"{r['builder_s']:.1f} s ({r['builder_cpu']:.1f} s)"),
            ("docs/s", lambda r: f"{r['docs_per_s']:.0f}"),
            ("builder peak", lambda r: mb(r["builder_rss"])),
            ("MkDocs (CPU)", lambda r: f"{r['mkdocs_s']:.1f} s ({r['mkdocs_cpu']:.1f} s)"),
            ("MkDocs peak", lambda r: mb(r["mkdocs_rss"])),
            ("whole site (CPU)", lambda r: f"{r['total_s']:.1f} s ({r['total_cpu']:.1f} s)"),
            ("ms/doc", lambda r: f"{1000 * r['total_s'] / r['n']:.1f}"),
            ("site", lambda r: mb(r["site_bytes"])),
            ("avg page", lambda r: mb(r["avg_html"])),
            ("largest page", lambda r: mb(r["max_html"])),
            ("search index (gzip)", lambda r: f"{mb(r['search_index'])} ({mb(r['search_index_gz'])})"),
            ("edit→reload in serve (rebuilds)", reload_cell),
            ("search download per query", lambda r: mb(r["search_download_bytes"])
             if r.get("search_download_bytes") is not None else "—")]
    out = ["| " + " | ".join(c for c, _ in cols) + " |", "|" + "---|" * len(cols)]
    out += ["| " + " | ".join(f(r) for _, f in cols) + " |" for r in rows]
    out += ["", "Largest pages: " + "; ".join(f"{r['n']:,}: " + ", ".join(r["largest_pages"]) for r in rows)]
    inc = [r for r in rows if "rebuild_edit_s" in r]
    for r in inc:
        out += ["", f"Incremental builder runs on {r['n']:,} documents (cache warm): nothing changed "
                    f"{r['rebuild_unchanged_s']:.2f} s; one seed edited {r['rebuild_edit_s']:.2f} s; "
                    f"one seed added {r['rebuild_add_s']:.2f} s."]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    p.add_argument("--jobs", type=int, default=0, help="builder --jobs (default: every core)")
    p.add_argument("--seed", type=int, default=9, help="corpus random seed")
    p.add_argument("--out", type=Path, default=ROOT / ".cache" / "bench", help="work folder (corpora, sites)")
    p.add_argument("--code", type=Path, default=ROOT, help="checkout to benchmark (default: this one)")
    p.add_argument("--no-serve", action="store_true", help="skip edit → reload in mkdocs serve")
    p.add_argument("--search-query", default=SEARCH_QUERY,
                   help=f'what is typed into the search box (default "{SEARCH_QUERY}")')
    p.add_argument("--no-search", action="store_true", help="skip the search download per query")
    p.add_argument("--search-download", type=Path, metavar="FILE",
                   help='JSON {"<documents>": bytes a browser downloads for one search query}')
    args = p.parse_args(argv)
    search = json.loads(args.search_download.read_text()) if args.search_download else {}
    global CODE
    CODE = args.code.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC)
    header = f"Benchmark of {started:%Y-%m-%d %H:%M} UTC on {machine()}"
    print(header, flush=True)
    rows = []
    for n in args.sizes:
        t = time.perf_counter()
        query = "" if args.no_search or str(n) in search else args.search_query
        rows.append(run_size(n, args.out, args.jobs, args.seed, incremental=(n == 1000), serve=not args.no_serve,
                             search_query=query))
        if str(n) in search:
            rows[-1]["search_download_bytes"] = search[str(n)]
        print(f"  {n:,} documents measured in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    text = f"{header}; load average at end {load}.\n\n{table(rows)}\n"
    print(text)
    (args.out / "results.json").write_text(json.dumps({"header": header, "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
