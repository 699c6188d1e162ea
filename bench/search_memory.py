"""Search indexing at scale, without the builder: peak memory and time of indexing a site of N pages.

    python -m bench.search_memory SITE --pages 10000 --out DIR      # SITE: a built site/ folder
    python -m bench.search_memory SITE --pages 10000 --out DIR --part-text-bytes 0 --download "border management"

Makes a site of ``--pages`` document pages shaped like the built site's own (``synthetic_site``): a
copy of ``SITE`` (its theme, assets, home page; its index left out) with ``--pages`` pages more, each
the site's longest document page with its content replaced by generated text of a real document's
length (``bench/corpus.py``'s prose: 250 to 4,000 words, 1,360 on average, in paragraphs with ¶
buttons and numbered sections). Then indexes it as ``mkdocs build`` does, with the hook's own code
(``hooks/search_index.py``'s ``index_site``) in a fresh process, and prints as JSON: the pages
indexed, the index's parts, wall and CPU time, and the peak memory, which is the largest resident
set of any process of the indexing (the hook's Python and every Pagefind run:
``getrusage(RUSAGE_CHILDREN).ru_maxrss``). ``--part-text-bytes`` sets the hook's part size (its
``PART_TEXT_BYTES``; 0: the whole site in one part, as before parts existed); ``--download QUERY``
also measures what a browser downloads for the query (``bench/search_download.py``, typing a key
every ``--delay`` ms). The generated pages are kept in ``--out`` for the next run with the
same ``--pages`` (the built site's other files are copied again each time); document ``i`` depends
only on ``i``.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .corpus import COUNTRIES, GENERIC, ROOT, _Doc, theme_phrases
from .search_download import TYPING_DELAY_MS, search_download

HOOK = ROOT / "hooks" / "search_index.py"
FIRST_PARAGRAPH = re.compile(r'<p class="para"')
CONTENT_END = re.compile(r'<h2 id="(related|source)[^"]*"')
TITLE = re.compile(r"(<h1 id=\")[^\"]*(\">).*?(<a class=\"headerlink\" href=\"#)[^\"]*(\")", re.S)
HEAD_TITLE = re.compile(r"<title>.*?</title>", re.S)
ONE_PART = 10**15
"""A part size no site reaches: the whole site in one Pagefind run."""
CHILD = """
import importlib.util, json, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("search_index", sys.argv[1])
hook = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hook)
if sys.argv[4]:
    hook.PART_TEXT_BYTES = int(sys.argv[4])
print(json.dumps({"pages": hook.index_site(Path(sys.argv[2]), sys.argv[3])}))
"""


def template_page(site: Path) -> str:
    """The HTML of the site's longest document page with citable paragraphs (the shape copied)."""
    pages = [p for p in site.glob("documents/*/index.html") if FIRST_PARAGRAPH.search(p.read_text("utf-8"))]
    if not pages:
        raise SystemExit(f"{site}: no document page with paragraphs to copy")
    return max(pages, key=lambda p: p.stat().st_size).read_text("utf-8")


def article(i: int, phrases: list[str]) -> tuple[str, str]:
    """The title and the content HTML (paragraphs and sections) of synthetic document ``i``."""
    rng = random.Random(f"search:{i}")
    doc = _Doc(rng, phrases)
    title = f"{rng.choice(['Report', 'Submission', 'Statement', 'Note'])} on {doc.topic()} in {rng.choice(COUNTRIES)}"
    target = int(min(4000, max(250, rng.lognormvariate(6.9, 0.55))))
    parts: list[str] = []
    words = section = para = 0
    while words < target:
        if rng.random() < 0.12:
            section += 1
            head = html.escape(f"{section}. {doc.topic().capitalize()} and {rng.choice(GENERIC)}")
            parts.append(f'<h2 id="section-{section}">{head}<a class="headerlink" href="#section-{section}" '
                         f'title="Permanent link">&para;</a></h2>')
            continue
        para += 1
        text = doc.paragraph()
        words += len(text.split())
        parts.append(f'<p class="para" data-para="{para}" id="para-{para}">{html.escape(text)} <a class="para-link" '
                     f'href="#para-{para}" data-para="{para}" title="Paragraph {para}: permanent link" '
                     f'data-search-exclude>¶</a></p>')
    return title, "\n".join(parts)


def page_html(template: str, title: str, content: str, slug: str) -> str:
    """``template`` with its title and its content (first paragraph to the related/source sections) replaced."""
    start = FIRST_PARAGRAPH.search(template)
    end = CONTENT_END.search(template, start.end() if start else 0)
    assert start is not None
    stop = end.start() if end else template.index("</article>")
    page = template[:start.start()] + content + "\n" + template[stop:]
    escaped = html.escape(title)
    page = TITLE.sub(lambda m: f"{m[1]}{slug}{m[2]}{escaped}{m[3]}{slug}{m[4]}", page, count=1)
    return HEAD_TITLE.sub(f"<title>{escaped}</title>", page, count=1)


def synthetic_site(site: Path, out: Path, pages: int) -> Path:
    """A copy of the built ``site`` (its search index left out) with ``pages`` synthetic document pages."""
    done = out / ".complete"
    if not (done.exists() and done.read_text() == str(pages)):
        shutil.rmtree(out, ignore_errors=True)
    # the built site's own files, every time: the theme and scripts as they are now
    shutil.copytree(site, out, ignore=lambda folder, names: ["pagefind"] if Path(folder) == site else [],
                    dirs_exist_ok=True)
    if done.exists():
        return out
    template = template_page(site)
    phrases = theme_phrases()
    for i in range(pages):
        title, content = article(i, phrases)
        folder = out / "documents" / f"synthetic-{i:05d}"
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(page_html(template, title, content, f"synthetic-{i:05d}"), "utf-8")
    done.write_text(str(pages))
    return out


def measure_indexing(site: Path, part_text_bytes: int | None = None, language: str = "en") -> dict[str, Any]:
    """Index ``site`` with the hook's code in a fresh process: pages, parts, time, peak memory."""
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    started = time.perf_counter()
    budget = "" if part_text_bytes is None else str(part_text_bytes or ONE_PART)
    done = subprocess.run([sys.executable, "-c", CHILD, str(HOOK), str(site), language, budget],
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"indexing failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    parts_file = site / "pagefind" / "parts.json"
    parts = 1 + len(json.loads(parts_file.read_text())["parts"]) if parts_file.exists() else 1
    text = sum(_hook().marked_pages(site).values())
    return {"pages": json.loads(done.stdout.strip().splitlines()[-1])["pages"], "parts": parts,
            "part_text_bytes": part_text_bytes, "wall_s": round(wall, 1),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 1), "peak_rss_mb": round(usage.ru_maxrss / 1024),
            "text_mb": round(text / 1e6, 1), "index_mb": round(_size(site / "pagefind") / 1e6, 1)}


def _hook() -> Any:
    spec = importlib.util.spec_from_file_location("search_index", HOOK)
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_memory", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site/ folder (the shape of the pages generated)")
    parser.add_argument("--pages", type=int, default=10_000, help="synthetic document pages (default 10,000)")
    parser.add_argument("--out", type=Path, required=True, help="where the synthetic site is written (reused)")
    parser.add_argument("--part-text-bytes", type=int,
                        help="pages' text per part of the index, in bytes (default: the hook's; 0: one part)")
    parser.add_argument("--delay", type=int, default=TYPING_DELAY_MS, metavar="MS",
                        help=f"milliseconds between keys typed (default {TYPING_DELAY_MS}; 0: pasted)")
    parser.add_argument("--download", metavar="QUERY", action="append", default=[],
                        help="also measure what a browser downloads for QUERY (repeatable)")
    args = parser.parse_args(argv)
    site = synthetic_site(args.site, args.out, args.pages)
    figures: dict[str, Any] = {"synthetic_pages": args.pages, **measure_indexing(site, args.part_text_bytes)}
    figures["download"] = [search_download(site, query, args.delay) for query in args.download]
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
