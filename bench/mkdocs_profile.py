"""Where ``mkdocs build`` spends its time: a cProfile of one build, split into its parts.

    python -m bench.mkdocs_profile PROJECT [--out prof.out] [--top 25]

``PROJECT`` holds ``mkdocs.yml`` and a ``docs/`` the builder has made (``bench.run`` makes one); the
builder hook then finds ``docs/`` up to date. The build runs in this process under cProfile
(``mkdocs build --strict``'s settings, quiet); the figures printed are the cumulative seconds of
the functions that make each part (Markdown conversion, template rendering by template, our hooks,
copying files, the sitemap, Pagefind...), then the functions by cumulative and by own time.
cProfile slows call-heavy Python code more than the rest: read the parts as proportions.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

Key = tuple[str, int, str]

PARTS: tuple[tuple[str, str, str], ...] = (
    # (what, file ending, function): the cumulative time of that function is the part.
    ("whole build", "mkdocs/commands/build.py", "build"),
    ("config and plugins loaded (on_config)", "mkdocs/plugins.py", "on_config"),
    ("builder hook (docs/ up-to-date check)", "hooks/builder_hook.py", "on_pre_build"),
    ("cleaning site/", "mkdocs/utils/__init__.py", "clean_directory"),
    ("listing files", "mkdocs/structure/files.py", "get_files"),
    ("theme files added", "mkdocs/structure/files.py", "add_files_from_theme"),
    ("navigation", "mkdocs/structure/nav.py", "get_navigation"),
    ("reading sources (front matter)", "mkdocs/structure/pages.py", "read_source"),
    ("Markdown conversion (Page.render)", "mkdocs/structure/pages.py", "render"),
    ("copying static files", "mkdocs/structure/files.py", "copy_static_files"),
    ("theme templates (sitemap.xml, 404.html)", "mkdocs/commands/build.py", "_build_theme_template"),
    ("pages: template, hooks, writing (_build_page)", "mkdocs/commands/build.py", "_build_page"),
    ("  template context (get_context)", "mkdocs/commands/build.py", "get_context"),
    ("  Jinja rendering (Template.render)", "jinja2/environment.py", "render"),
    ("  writing files (write_file)", "mkdocs/utils/__init__.py", "write_file"),
    ("anchor validation", "mkdocs/structure/pages.py", "validate_anchor_links"),
    ("hooks: verbatim_html (markdown)", "hooks/verbatim_html.py", "on_page_markdown"),
    ("hooks: verbatim_html (content)", "hooks/verbatim_html.py", "on_page_content"),
    ("hooks: para_links", "hooks/para_links.py", "on_page_content"),
    ("hooks: nav_memo", "hooks/nav_memo.py", "nav_memo"),
    ("hooks: search_index (marking pages)", "hooks/search_index.py", "on_post_page"),
    ("hooks: search_index (Pagefind)", "hooks/search_index.py", "on_post_build"),
)


def cumulative(stats: pstats.Stats, ending: str, name: str) -> tuple[float, int]:
    """Cumulative seconds and calls of the functions named ``name`` in files ending ``ending``
    (calls from one such function into another counted once: the outermost only)."""
    raw = stats.stats  # type: ignore[attr-defined]
    total, calls = 0.0, 0
    for (file, _line, func), (_cc, nc, _tt, ct, callers) in raw.items():
        if func == name and file.endswith(ending):
            inner = sum(v[3] for k, v in callers.items() if k[2] == name and k[0].endswith(ending))
            total += ct - inner
            calls += nc
    return total, calls


def by_template(stats: pstats.Stats) -> dict[str, float]:
    """Own time of the code Jinja compiled from each template (its functions carry its file name)."""
    raw = stats.stats  # type: ignore[attr-defined]
    own: dict[str, float] = defaultdict(float)
    for (file, _line, _func), (_cc, _nc, tt, _ct, _callers) in raw.items():
        if file.endswith((".html", ".xml")):
            own[file.split("/templates/")[-1].split("/overrides/")[-1]] += tt
    return dict(own)


def by_package(stats: pstats.Stats) -> dict[str, float]:
    """Own time by package (site-packages' top folder; ``hooks`` for ours; ``builtins`` for C)."""
    raw = stats.stats  # type: ignore[attr-defined]
    own: dict[str, float] = defaultdict(float)
    for (file, _line, _func), (_cc, _nc, tt, _ct, _callers) in raw.items():
        if "site-packages/" in file:
            name = file.split("site-packages/")[1].split("/")[0]
        elif "/hooks/" in file:
            name = "hooks (ours)"
        elif file.endswith((".html", ".xml")):
            name = "templates (Jinja-compiled code)"
        elif file == "~":
            name = "builtins (C)"
        else:
            name = Path(file).parent.name or file
        own[name] += tt
    return dict(own)


def report(stats: pstats.Stats, pages: int, top: int) -> None:
    whole = cumulative(stats, "mkdocs/commands/build.py", "build")[0] or 1.0
    print(f"\n{pages} pages; shares of the profiled build ({whole:.1f} s of CPU under cProfile, this process)\n")
    print("| part | seconds | share | calls |\n|---|---|---|---|")
    for what, ending, name in PARTS:
        seconds, calls = cumulative(stats, ending, name)
        print(f"| {what} | {seconds:.2f} | {100 * seconds / whole:.1f} % | {calls:,} |")
    for title, table in (("own time by template", by_template(stats)), ("own time by package", by_package(stats))):
        print(f"\n| {title} | seconds | share |\n|---|---|---|")
        for name, seconds in sorted(table.items(), key=lambda kv: -kv[1])[:top]:
            print(f"| {name} | {seconds:.2f} | {100 * seconds / whole:.1f} % |")
    for order in ("cumulative", "tottime"):
        print(f"\n## by {order}\n")
        stats.sort_stats(order).print_stats(top)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.mkdocs_profile", description=__doc__.split("\n")[0])
    p.add_argument("project", type=Path, help="folder of mkdocs.yml, docs/ already built")
    p.add_argument("--out", type=Path, default=Path("prof.out"), help="where cProfile's data goes")
    p.add_argument("--top", type=int, default=30)
    args = p.parse_args(argv)
    out = args.out.resolve()
    os.chdir(args.project)
    config = load_config(str(args.project.resolve() / "mkdocs.yml"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    # The CPU clock: on a shared machine, wall time is mostly other people's work.
    profiler = cProfile.Profile(time.process_time)
    started, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    profiler.enable()
    build(config)
    profiler.disable()
    print(f"built in {time.perf_counter() - started:.1f} s, {time.process_time() - cpu:.1f} s of CPU under cProfile, "
          f"and {_children_cpu() - children:.1f} s of CPU in child processes (Pagefind)")
    config.plugins.on_shutdown()
    profiler.dump_stats(str(out))
    stats = pstats.Stats(profiler, stream=sys.stdout)
    pages = sum(1 for _ in Path(config["site_dir"]).rglob("*.html"))
    report(stats, pages, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
