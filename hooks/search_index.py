"""MkDocs hook: full-text search of the built site with Pagefind, at any size.

Every word of every page's content is findable: after MkDocs has written the site
(``on_post_build``, last), Pagefind (the binary of the ``pagefind[bin]`` package, found by the
``pagefind`` package) reads the built pages and writes a chunked index to ``site/pagefind/``. The
reader's browser downloads only the chunks of the words typed and the fragments of the results
shown, never the whole index. Everything is served by the site itself: no request leaves its host.

What is indexed: the page's content only, the ``<article>`` Material writes it in, which this hook
marks ``data-pagefind-body`` as each page is written (``on_post_page``), so the navigation, header
and footer are not; pages whose front matter says ``search: exclude: true`` (the build report and
"what cleaning changed" pages) are not marked, nor is the 404 page, and Pagefind then leaves them
out. Inside the article, the ¶ buttons and copy buttons (``data-search-exclude``) and the heading
permalinks are not text.

Languages: Pagefind splits a site into one index per ``<html lang>`` and searches only the index of
the page the reader is on; one index in the site's language (``theme.language``) keeps every
document, whatever its own language, in every reader's results. Pagefind folds accents at query
time (``refugies`` finds ``réfugiés``, and the reverse), ranking the exact spelling first.

The browser side is ``overrides/partials/search.html`` (Material's search box) and
``overrides/assets/javascripts/site-search.js`` (Pagefind's results in Material's result list).

Size: Pagefind holds everything it indexes in memory until it writes the index (about 400 bytes a
word: 5.3 GB for 10,000 documents of 1,360 words). Past ``PART_TEXT_BYTES`` of text, the
site is indexed in parts, one Pagefind run each, so that no process holds more than one part: each
part is a bundle of its own (the first in ``pagefind/``, the others in ``pagefind/part-N/``), listed
in ``pagefind/parts.json``, and the browser merges them (Pagefind's ``mergeIndex``) into one search
whose results are ranked together. A small site is one part, as before.

``mkdocs serve``: see ``SERVE_INDEX``.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from pagefind.service import get_executable

log = get_plugin_logger("search_index")

BUNDLE = "pagefind"
"""The index's folder in the site (its URL path below the site's)."""
CONTENT_TAG = '<article class="md-content__inner md-typeset"'
"""The start tag of the element Material writes a page's content in (base.html)."""
CONTENT = re.compile(re.escape(CONTENT_TAG))
MARK = " data-pagefind-body"
MARKED = (CONTENT_TAG + MARK).encode()
"""A marked page's content tag (a page's text cannot hold it: its ``<`` is written ``&lt;``)."""
CONTENT_END = b"</article>"
TAG = re.compile(rb"<[^>]*>")
NOT_TEXT = ("[data-search-exclude]", ".headerlink")
"""Elements inside the content that are buttons or link symbols, not text."""
SERVE_INDEX = "background"
"""What ``mkdocs serve`` does after each rebuild. ``"background"``: Pagefind indexes the site in a
process of its own, at low priority, while the browser already reloads (it takes some 15 s of CPU
per 1,000 documents, which would otherwise be added to every edit-to-reload); a save that comes
before it is done stops it, and the next rebuild starts it again. Search in the preview answers
once the index is written. ``"off"``: the preview has no search."""
PART_TEXT_BYTES = 12_000_000
"""Text of the pages' content (their marked elements' HTML without its tags, in bytes) indexed by one
Pagefind run at most. Pagefind's memory grows by about 50 to 60 bytes per byte of text (measured:
50 for 10,000 generated documents in one run, 58 for their parts of 12 MB, 60 for pages of plain
prose): a part this size peaks at about 700 to 750 MB, under 1 GiB. Larger parts mean fewer of
them, and a query downloads a little of each part (its metadata and the chunks of the words typed)."""
PARTS_FILE = "parts.json"
"""In the bundle: the folders of the parts after the first, relative to the bundle (``{"parts": []}``
for a site indexed in one part); the browser's search merges them."""
PART_FOLDER = "part-{}"
MIRROR = ".pages"
"""The folder, inside the bundle while one part is indexed, that holds that part's pages (hard links
to the site's files, at their paths in the site, so each page keeps its URL)."""
BACKGROUND_NICENESS = 10
PR_SET_PDEATHSIG = 1
"""Linux's prctl option by which a process asks for a signal when its parent dies."""

_serving = False
_indexing: subprocess.Popen[bytes] | None = None
_marked: list[str] = []
"""Pages marked for search in this build."""
_unmarked: list[str] = []
"""Pages in search whose HTML had no content element to mark (the theme changed its markup)."""


def in_search(page: Any) -> bool:
    """Whether a page is indexed: not when its front matter says ``search: exclude: true``."""
    search = (getattr(page, "meta", None) or {}).get("search") or {}
    return not (isinstance(search, dict) and search.get("exclude"))


def mark_content(html: str) -> str | None:
    """``html`` with its content element marked for Pagefind (``None``: it has none)."""
    match = CONTENT.search(html)
    if match is None:
        return None
    return html[:match.end()] + MARK + html[match.end():]


def index_language(theme_language: str | None) -> str:
    """The one language the index is built in: the site's, as Pagefind names it (``pt-BR``: ``pt``)."""
    return (theme_language or "en").split("-")[0].split("_")[0].lower() or "en"


def pagefind_command(source: Path, output: Path, language: str) -> list[str]:
    """The Pagefind command line that indexes the pages in ``source`` into the bundle ``output``."""
    binary = get_executable()
    if binary is None:
        raise PluginError("search: the Pagefind binary is missing (pip install 'pagefind[bin]')")
    return [str(binary), "--site", str(source), "--output-path", str(output), "--force-language", language,
            "--exclude-selectors", ", ".join(NOT_TEXT), "--quiet"]


def indexed_pages(bundle: Path) -> int:
    """How many pages the bundle in ``bundle`` holds (0: none written)."""
    entry = bundle / "pagefind-entry.json"
    if not entry.exists():
        return 0
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages") or {}
    return sum(int(language.get("page_count", 0)) for language in languages.values())


def index_parts(bundle: Path) -> int:
    """How many parts the index in ``bundle`` has (0: none written)."""
    listing = bundle / PARTS_FILE
    return 1 + len(json.loads(listing.read_text(encoding="utf-8"))["parts"]) if listing.exists() else 0


def text_bytes(html: bytes) -> int:
    """The size of a page's text for search: its marked element's HTML without its tags (0: no
    element marked)."""
    start = html.find(MARKED)
    if start < 0:
        return 0
    end = html.rfind(CONTENT_END)
    return len(TAG.sub(b"", html[start:end if end > start else len(html)]))


def marked_pages(site: Path) -> dict[str, int]:
    """Each HTML page of the built site marked for search (its path in the site), with the size of
    its text (``text_bytes``); Pagefind's own files left out."""
    pages = {}
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix()
        if path.split("/", 1)[0] != BUNDLE and (size := text_bytes(file.read_bytes())):
            pages[path] = size
    return pages


def split_pages(pages: dict[str, int], part_bytes: int) -> list[list[str]]:
    """``pages`` (path: text size) in as few parts as hold at most about ``part_bytes`` each: each
    page, in path order, goes to the part with the least text so far, so every part holds pages of
    every kind and section (the words' statistics, which rank the results, are alike in each part)."""
    count = min(len(pages), max(1, math.ceil(sum(pages.values()) / part_bytes)))
    parts: list[list[str]] = [[] for _ in range(count)]
    loads = [0] * count
    for path, size in pages.items():
        emptiest = loads.index(min(loads))
        parts[emptiest].append(path)
        loads[emptiest] += size
    return parts


def part_folder(number: int) -> str:
    """The folder of the part ``number`` (from 0), relative to the bundle (the first part is the bundle)."""
    return "" if number == 0 else PART_FOLDER.format(number + 1) + "/"


def mirror(site: Path, pages: list[str], folder: Path) -> None:
    """``folder`` with ``pages`` of ``site`` at their paths in it (hard links; copies where the file
    system has none)."""
    shutil.rmtree(folder, ignore_errors=True)
    for page in pages:
        target = folder / page
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / page, target)
        except OSError:
            shutil.copyfile(site / page, target)


def index_part(source: Path, output: Path, language: str) -> None:
    """One Pagefind run: the pages in ``source`` into the bundle ``output``."""
    done = subprocess.run(pagefind_command(source, output, language), capture_output=True, text=True,
                          preexec_fn=partial(_dying_with_parent, os.getpid()))
    if done.returncode != 0:
        raise PluginError(f"search: Pagefind failed ({done.returncode}):\n{done.stdout}{done.stderr}")


def index_site(site: Path, language: str) -> int:
    """Index the built site in ``site`` into ``site/pagefind/``, in parts of ``PART_TEXT_BYTES`` of text
    at most; the number of pages indexed."""
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    pages = marked_pages(site)
    if not pages:
        return 0  # Pagefind, finding no marked page, would index every page's whole body
    parts = split_pages(pages, PART_TEXT_BYTES)
    indexed = 0
    for number, part in enumerate(parts):
        source = bundle / MIRROR
        mirror(site, part, source)
        output = bundle / part_folder(number)
        index_part(source, output, language)
        shutil.rmtree(source)
        indexed += indexed_pages(output)
    (bundle / PARTS_FILE).write_text(json.dumps({"parts": [part_folder(n) for n in range(1, len(parts))]}),
                                     encoding="utf-8")
    return indexed


def start_indexing(site: Path, language: str) -> subprocess.Popen[bytes]:
    """``index_site`` in a process of its own, in the background at low priority; its warnings go to
    the console."""
    return subprocess.Popen([sys.executable, __file__, str(site), language], stdin=subprocess.DEVNULL,
                            preexec_fn=partial(_in_background, os.getpid()))


def _dying_with_parent(parent: int) -> None:
    """In a child process before it runs Pagefind (or the indexing): end it when its parent ``parent``
    ends, even killed (on Linux), so no indexing outlives the build that started it. A parent gone
    already, before the signal was asked for, ends it here."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:
            os._exit(1)


def _in_background(parent: int) -> None:
    _dying_with_parent(parent)
    os.nice(BACKGROUND_NICENESS)


def stop_indexing() -> None:
    """Stop the background indexing, if it still runs (the site is about to change)."""
    global _indexing
    if _indexing is not None and _indexing.poll() is None:
        _indexing.terminate()
        _indexing.wait()
    _indexing = None


def on_startup(command: str, **kwargs: Any) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: Any, **kwargs: Any) -> None:
    _marked.clear()
    _unmarked.clear()
    stop_indexing()  # before MkDocs cleans the site folder it writes in


def on_post_page(output: str, page: Any, config: Any, **kwargs: Any) -> str:
    if not in_search(page):
        return output
    marked = mark_content(output)
    if marked is None:
        _unmarked.append(page.file.src_uri)
        return output
    _marked.append(page.file.src_uri)
    return marked


@event_priority(-100)  # after every other hook and plugin has written its files
def on_post_build(config: Any, **kwargs: Any) -> None:
    global _indexing
    if _unmarked:  # a warning: `mkdocs build --strict` fails on it
        log.warning("%d page(s) left out of search, e.g. %s: no content element (%s) to index in their "
                    "HTML (did the theme change its markup?)", len(_unmarked), _unmarked[0], CONTENT.pattern)
    if not _marked:
        return  # no page to index (Pagefind fails on an empty site)
    site = Path(config["site_dir"])
    language = index_language(config["theme"]["language"])
    if _serving:
        if SERVE_INDEX == "background":
            _indexing = start_indexing(site, language)
        return
    started = time.perf_counter()
    pages = index_site(site, language)
    parts = index_parts(site / BUNDLE)
    log.info("%d pages indexed for search in %.1f s%s", pages, time.perf_counter() - started,
             f" ({parts} parts)" if parts > 1 else "")


def on_shutdown(**kwargs: Any) -> None:
    stop_indexing()


def main(argv: list[str] | None = None) -> int:
    """``python hooks/search_index.py SITE LANGUAGE``: index a built site (what ``start_indexing`` runs)."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("language")
    args = parser.parse_args(argv)
    index_site(args.site, args.language)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
