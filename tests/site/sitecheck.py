"""The judges of the built site, as plain functions the tests call on the real site and on broken copies.

- `serve`: the site/ folder over HTTP on 127.0.0.1, under the path of `site_url`, as a host would serve it.
- `visit` / `visit_all`: a page in Chromium (Playwright), recording console errors, failed requests,
  every URL requested, and axe-core's violations.
- `vnu_errors`: the Nu Html Checker over many files in one JVM.
- `broken_links`: LinkChecker crawling the served site, anchors included.
Each returns findings with the allow-listed ones (tests/site/allowlist.yml) already removed.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
ALLOWLIST = HERE / "allowlist.yml"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"]
LOCAL_HOST = "127.0.0.1"


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` and `!ENV` tags; only plain keys are read here."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def base_path(mkdocs_yml: Path) -> str:
    """The path the site is published under, from `site_url` ("/" when there is none)."""
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_IgnoreTags) or {}
    path = urlsplit(config.get("site_url") or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_url(site: Path, file: Path) -> str:
    """The site-relative URL of a built HTML file: "documents/x/" for documents/x/index.html."""
    rel = file.relative_to(site).as_posix()
    return rel.removesuffix("index.html")


# ---------------------------------------------------------------- serving


@contextmanager
def serve(site: Path, prefix: str) -> Iterator[str]:
    """Serve `site` at http://127.0.0.1:PORT{prefix}; yields that URL. Anything outside prefix is 404."""

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site), **kwargs)

        def translate_path(self, path: str) -> str:
            if not path.startswith(prefix):
                return str(site / "__outside_the_site_path__")
            return super().translate_path("/" + path[len(prefix):])

        def list_directory(self, path):
            # a folder without index.html is a missing page, as on a real host
            self.send_error(404)
            return None

        def end_headers(self) -> None:
            # Tells LinkChecker this host accepts more than its default 10 requests a second.
            self.send_header("LinkChecker", "local test server")
            super().end_headers()

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer((LOCAL_HOST, 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------- allow-list


@functools.cache
def allowlist() -> dict:
    data = yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8")) or {}
    for judge in ("vnu", "axe"):
        for entry in data.get(judge) or []:
            assert str(entry.get("reason", "")).strip(), f"{ALLOWLIST.name}: {judge} entry without a reason: {entry}"
    return data


def vnu_allowed(message: dict) -> bool:
    return any(message["message"] == entry["message"]
               and re.search(entry.get("extract", ""), message.get("extract", ""))
               for entry in allowlist().get("vnu") or [])


def axe_allowed(rule: str, target: str) -> bool:
    return any(rule == entry["rule"] and re.search(entry["target"], target)
               for entry in allowlist().get("axe") or [])


# ---------------------------------------------------------------- the browser


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == LOCAL_HOST


@dataclass
class Visit:
    url: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    axe_violations: list[str] = field(default_factory=list)

    @property
    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not is_local(url)]


def new_context(browser):
    """A browser context in which a request to any host but 127.0.0.1 is recorded, then refused."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.set_default_timeout(10_000)
    context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/])"), lambda route: route.abort("blockedbyclient"))
    return context


def watch(page, visit: Visit) -> None:
    page.on("console", lambda msg: msg.type == "error" and visit.console_errors.append(
        f"{msg.text} ({msg.location.get('url', '')}:{msg.location.get('lineNumber', '')})"))
    page.on("pageerror", lambda error: visit.console_errors.append(f"uncaught: {error}"))
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("requestfailed", lambda request: visit.failed_requests.append(
        f"{request.url}: {request.failure}"))
    page.on("response", lambda response: response.status >= 400 and visit.failed_requests.append(
        f"{response.url}: HTTP {response.status}"))


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page) -> list[str]:
    """axe-core's violations on the page, of any impact, one line per node, allow-list applied."""
    page.add_script_tag(content=_axe_source())
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    found = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            if not axe_allowed(violation["id"], target):
                found.append(f"{violation['id']} ({violation['impact']}) at {target}: {node['html'][:160]}")
    return found


def visit(context, url: str, *, axe: bool = True) -> Visit:
    """Open one page, run axe-core in it, wait until the network is idle, and record what happened."""
    record = Visit(url)
    page = context.new_page()
    watch(page, record)
    try:
        page.goto(url, wait_until="load")
        if axe:
            record.axe_violations = run_axe(page)
        # requests the page makes after loading (Material's search worker and index) are recorded too
        page.wait_for_load_state("networkidle")
    finally:
        page.close()
    return record


def visit_all(urls: list[str], *, browsers: int = 2) -> dict[str, Visit]:
    """visit() every URL, spread over a few browsers, each driven from a thread of its own (Playwright's
    sync API wants one instance per thread): the pages are judged twice as fast on two cores."""
    from playwright.sync_api import sync_playwright

    def worker(share: list[str]) -> list[Visit]:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                context = new_context(browser)
                return [visit(context, url) for url in share]
            finally:
                browser.close()

    shares = [urls[i::browsers] for i in range(browsers) if urls[i::browsers]]
    with ThreadPoolExecutor(len(shares)) as pool:
        done = [record for records in pool.map(worker, shares) for record in records]
    return {record.url: record for record in done}


# ---------------------------------------------------------------- the Nu Html Checker


def vnu_errors(files: list[Path]) -> list[str]:
    """Errors from vnu.jar over all files in one run, allow-list applied: "file:line: message"."""
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always",
                             *map(str, files)], capture_output=True, text=True, timeout=600)
    assert result.stdout.startswith("{"), f"vnu printed no report:\n{result.stderr}"
    messages = json.loads(result.stdout)["messages"]
    return [f"{m.get('url', '').removeprefix('file:')}:{m.get('lastLine', '?')}: {m['message']}"
            f" [{m.get('extract', '').strip()[:120]!r}]"
            for m in messages if m["type"] in ("error", "non-document-error") and not vnu_allowed(m)]


# ---------------------------------------------------------------- LinkChecker

LINKCHECKER_CONFIG = """\
[checking]
threads=4
maxrequestspersecond=1000
timeout=20
[filtering]
checkextern=0
{internlinks}
[AnchorCheck]
"""


# LinkChecker run as root switches to user nobody, who cannot list its own plugin folder when Python
# lives under /root (as here): the anchor check would then silently not load. Run it as we are.
LINKCHECKER_MAIN = """
import sys
from linkcheck.command import linkchecker as command
command.drop_privileges = lambda: None
sys.argv[0] = "linkchecker"
command.linkchecker()
"""


def broken_links(start_url: str, workdir: Path, *, site_url: str | None = None, depth: int = -1) -> list[str]:
    """LinkChecker's errors and warnings (a missing anchor is a warning) crawling from start_url, to
    `depth` levels of links (-1: all); every URL under site_url (default start_url) counts as the site's."""
    config = workdir / "linkcheckerrc"
    internlinks = f"internlinks=^{re.escape(site_url)}" if site_url else ""
    config.write_text(LINKCHECKER_CONFIG.format(internlinks=internlinks), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", LINKCHECKER_MAIN, "--config", str(config), "--no-status",
                             "--recursion-level", str(depth), "--output", "csv", start_url],
                            capture_output=True, text=True, timeout=600, env={**os.environ, "HOME": str(workdir)})
    # comment lines start with "# "; a row's first field may itself start with "#" (a link "#para-3")
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("# ")]
    assert lines and lines[0].startswith("urlname;"), f"LinkChecker printed no report:\n{result.stderr}"
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    return [f"{row['url']} (linked from {row['parentname']}): {row['result']} {row['warningstring'][:200]}".strip()
            for row in rows if row["valid"] != "True" or row["warningstring"]]
