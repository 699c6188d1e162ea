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

``mkdocs serve``: see ``SERVE_INDEX``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from pagefind.service import get_executable

log = get_plugin_logger("search_index")

BUNDLE = "pagefind"
"""The index's folder in the site (its URL path below the site's)."""
CONTENT = re.compile(r'<article class="md-content__inner md-typeset"')
"""The start tag of the element Material writes a page's content in (base.html)."""
MARK = " data-pagefind-body"
NOT_TEXT = ("[data-search-exclude]", ".headerlink")
"""Elements inside the content that are buttons or link symbols, not text."""
SERVE_INDEX = "background"
"""What ``mkdocs serve`` does after each rebuild. ``"background"``: Pagefind indexes the site in a
process of its own, at low priority, while the browser already reloads (it takes some 15 s of CPU
per 1,000 documents, which would otherwise be added to every edit-to-reload); a save that comes
before it is done stops it, and the next rebuild starts it again. Search in the preview answers
once the index is written. ``"off"``: the preview has no search."""
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


def pagefind_command(site: Path, language: str) -> list[str]:
    """The Pagefind command line that indexes the built site in ``site`` into ``site/pagefind/``."""
    binary = get_executable()
    if binary is None:
        raise PluginError("search: the Pagefind binary is missing (pip install 'pagefind[bin]')")
    return [str(binary), "--site", str(site), "--output-subdir", BUNDLE, "--force-language", language,
            "--exclude-selectors", ", ".join(NOT_TEXT), "--quiet"]


def indexed_pages(site: Path) -> int:
    """How many pages the index in ``site/pagefind/`` holds (0: none written)."""
    entry = site / BUNDLE / "pagefind-entry.json"
    if not entry.exists():
        return 0
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages") or {}
    return sum(int(language.get("page_count", 0)) for language in languages.values())


def index_site(site: Path, language: str) -> int:
    """Index the built site in ``site`` into ``site/pagefind/``; the number of pages indexed."""
    done = subprocess.run(pagefind_command(site, language), capture_output=True, text=True,
                          preexec_fn=_dying_with_parent)
    if done.returncode != 0:
        raise PluginError(f"search: Pagefind failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return indexed_pages(site)


def start_indexing(site: Path, language: str) -> subprocess.Popen[bytes]:
    """``index_site`` in the background, at low priority; its warnings go to the console."""
    return subprocess.Popen(pagefind_command(site, language), stdin=subprocess.DEVNULL,
                            preexec_fn=_in_background)


def _dying_with_parent() -> None:
    """In Pagefind's process before it starts: end it when MkDocs ends, even killed (on Linux), so no
    indexing outlives the build that started it."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _in_background() -> None:
    _dying_with_parent()
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
    log.info("%d pages indexed for search in %.1f s", pages, time.perf_counter() - started)


def on_shutdown(**kwargs: Any) -> None:
    stop_indexing()
