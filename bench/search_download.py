"""What a reader's browser downloads for one search: the built site served on 127.0.0.1, the query
typed into the header's search box in headless Chromium (Debian's, /usr/bin/chromium), every file
fetched for the search counted: Pagefind's JavaScript and WebAssembly, its entry and metadata files,
the index chunks of the words typed and the fragments of the results shown (and the site's own
search script, which the page loads for it).

    python -m bench.search_download SITE QUERY      # SITE: a built site/ folder

prints the figures as JSON. ``search_download(site, query)`` returns them: the bytes per kind of file
(as a plain static server sends them; Pagefind's index chunks and fragments are gzip files already,
its JavaScript would shrink to about a third on a host that compresses), the number of requests, and
the number of results the query found. The query is typed a key at a time, as a reader types it (a
key every 80 ms unless ``--delay`` says otherwise), so the chunks fetched for the words while they
are typed are counted too.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
HOST = "127.0.0.1"
KINDS = (("index", ".pf_index"), ("fragment", ".pf_fragment"), ("wasm", ".pagefind"), ("meta", ".pf_meta"),
         ("meta", "pagefind-entry.json"), ("js", ".js"))
SEARCH_SCRIPT = "/assets/javascripts/site-search.js"
"""The site's own search script (overrides/), loaded by every page for its search box."""
TIMEOUT_MS = 60_000
TYPING_DELAY_MS = 80
"""A key every 80 ms: a fast typist (about 150 words a minute)."""


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The folder ``site`` over HTTP on 127.0.0.1 (any free port), at its root; yields its URL."""

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer((HOST, 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def kind(path: str) -> str | None:
    """What a fetched file is to the search (``None``: not the search's)."""
    if path.endswith(SEARCH_SCRIPT):
        return "js"
    if "/pagefind/" not in path:
        return None
    return next((name for name, ending in KINDS if path.split("?")[0].endswith(ending)), "other")


def search_download(site: Path, query: str, delay_ms: int = TYPING_DELAY_MS) -> dict[str, Any]:
    """Type ``query`` into the search box of the built site in ``site``, a key every ``delay_ms``
    milliseconds (0: the whole query at once, as pasted); what the browser fetched for it."""
    fetched: dict[str, int] = {}
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.route(lambda target: not target.startswith(url), lambda route: route.abort())
            page.on("requestfinished", lambda request: fetched.__setitem__(request.url, _size(request)))
            page.goto(url, wait_until="networkidle")
            page.click(".md-search__input")
            if delay_ms:
                page.keyboard.type(query, delay=delay_ms)
            else:
                page.keyboard.insert_text(query)
            page.wait_for_function("q => document.querySelector('.md-search-result').dataset.answered === q",
                                   arg=query)
            page.wait_for_load_state("networkidle")
            results = page.eval_on_selector_all(".md-search-result__item", "items => items.length")
            found = page.inner_text(".md-search-result__meta").strip()
        finally:
            browser.close()
    by_kind: dict[str, int] = {}
    for address, size in fetched.items():
        if (name := kind(address.removeprefix(url.rstrip("/")))) is not None:
            by_kind[name] = by_kind.get(name, 0) + size
    return {"query": query, "bytes": sum(by_kind.values()), "by_kind": by_kind,
            "requests": sum(1 for address in fetched if kind(address.removeprefix(url.rstrip("/")))),
            "results_listed": results, "found": found}


def _size(request: Any) -> int:
    response = request.response()
    if response is None:
        return 0
    sizes = request.sizes()
    return int(sizes.get("responseBodySize") or 0) or len(response.body())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_download", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site/ folder (with pagefind/ in it)")
    parser.add_argument("query", help="the words to type into the search box")
    parser.add_argument("--delay", type=int, default=TYPING_DELAY_MS, metavar="MS",
                        help=f"milliseconds between keys (default {TYPING_DELAY_MS}; 0: the query pasted at once)")
    args = parser.parse_args(argv)
    if not (args.site / "pagefind" / "pagefind.js").is_file():
        print(f"{args.site}: no Pagefind index (build the site with `mkdocs build`)", file=sys.stderr)
        return 2
    print(json.dumps(search_download(args.site, args.query, args.delay), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
