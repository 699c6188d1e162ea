"""Edit → reload in ``mkdocs serve``, measured the way an editor meets it.

``measure_reload(project)`` starts a real ``mkdocs serve --dirty`` (the live preview the README
documents for large collections) on a free port, waits until it serves the site, adds a
paragraph holding a unique word to one seed (a real write to the file, which the server is
watching), then polls the seed's page over HTTP until its text holds the word. It returns the
seconds from the write to that moment, and how many rebuilds the save set off (the lines
"Building documentation" that serve logs after the write, counted a few seconds after the page
showed the word, so a second rebuild would be seen). The paragraph goes into the body, at a
paragraph break past the middle (``edited``). The seed and ``permalinks.yml`` (which pinned the
new paragraph) are put back afterwards, with the server stopped, so the next build of the
project sees its original text.

    python -m bench.serve_reload PROJECT      # a project made by bench.run (seeds/, mkdocs.yml)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import string
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REBUILD_LINE = "Building documentation"
"""What ``mkdocs serve`` logs at the start of every build, the first one included."""
SETTLE = 4.0
"""Seconds to keep watching the log after the page showed the edit: a second rebuild set off by
the same save (the builder's own writes seen as changes) starts well within this time."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def page_holds(url: str, needle: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return needle in response.read().decode("utf-8", errors="replace")
    except OSError:
        return False


def wait_for(url: str, needle: str, seconds: float, poll: float) -> float | None:
    """Seconds until ``url`` serves a text holding ``needle`` (``None``: not within ``seconds``)."""
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if page_holds(url, needle):
            return time.perf_counter() - started
        time.sleep(poll)
    return None


def seed_page(docs: Path, seed_name: str) -> str:
    """The docs-relative URL of the page made from ``seed_name`` (its front matter names it)."""
    for page in sorted((docs / "documents").glob("*.md")):
        with page.open(encoding="utf-8") as f:
            head = f.read(4096)
        if f"\nsource: {seed_name}\n" in head:
            return f"documents/{page.stem}/"
    raise LookupError(f"no page under {docs / 'documents'} names {seed_name}")


def cpu_seconds(pid: int) -> float | None:
    """CPU seconds (user + system) of process ``pid`` and of its children it has waited for (the
    builder's forked render processes), from ``/proc``; ``None`` where there is no ``/proc``."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime


def children(pid: int) -> list[str]:
    """The processes that process ``pid`` started and has not waited for (any of its threads)."""
    found: list[str] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            found += (task / "children").read_text().split()
        except OSError:
            pass
    return found


def running(pid: int) -> bool:
    """Process ``pid`` exists and has not ended (a zombie, ended but not yet waited for, has)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_without_children(pid: int, seconds: float) -> float:
    """Wait (up to ``seconds``) until no child of process ``pid`` runs any more: the search index
    serve builds in the background after its first build would otherwise run (and be stopped)
    during the edit's rebuild. Returns the seconds waited."""
    started = time.perf_counter()
    while any(running(int(c)) for c in children(pid)) and time.perf_counter() - started < seconds:
        time.sleep(1.0)
    return time.perf_counter() - started


def cpu_before_edit(pid: int) -> float | None:
    """``cpu_seconds`` of ``pid``, with the CPU of its children that ended and are not yet waited
    for (the background index of the first build): waited for during the edit's rebuild, it is
    added to the parent's then."""
    own = cpu_seconds(pid)
    return None if own is None else own + sum(cpu_seconds(int(c)) or 0.0 for c in children(pid))


def unique_word() -> str:
    return "benchmark" + "".join(random.choices(string.ascii_lowercase, k=10))


def edited(text: bytes, word: str) -> bytes:
    """``text`` with a paragraph holding ``word`` inserted at the first paragraph break past its
    middle: inside the body, where cleaning keeps it (appended after a page's closing web
    boilerplate, it would be removed with it)."""
    middle = text.find(b"\n\n", len(text) // 2)
    at = middle if middle >= 0 else len(text)
    paragraph = f"\n\nThe delegation added one more paragraph in the editor, naming {word} once.\n".encode()
    return text[:at] + paragraph + text[at:]


def measure_reload(project: Path, seed: Path, env: dict[str, str], start_timeout: float = 1800.0,
                   reload_timeout: float = 600.0) -> dict:
    """``reload_s`` (write to page served with the edit) and ``rebuilds`` (serve builds set off by
    the save; one is right) for an edit of ``seed`` in ``project``; ``serve_start_s`` is the first
    build of the server; ``reload_cpu_s`` the CPU seconds the server (with the render processes
    it forked) spent from the write to the page served with the edit, the figure to read on a
    shared machine; ``builder_s`` the builder's part, as the hook logs it (wall). The server's
    log is ``project/serve.log``."""
    port = free_port()
    log = project / "serve.log"
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}",
           "-f", str(project / "mkdocs.yml")]
    original = seed.read_bytes()
    manifest = project / "permalinks.yml"
    pins = None
    word = unique_word()
    result: dict = {}
    with log.open("w") as out:
        server = subprocess.Popen(cmd, cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        home = f"http://127.0.0.1:{port}/migration-corpus/"
        started = wait_for(home, "</html>", start_timeout, 0.5)
        if started is None:
            raise RuntimeError(f"mkdocs serve did not serve {home} within {start_timeout:.0f} s:\n"
                               + log.read_text()[-3000:])
        result["serve_start_s"] = started
        url = home + seed_page(project / "docs", seed.name)
        result["waited_for_index_s"] = round(wait_without_children(server.pid, start_timeout), 1)
        # The manifest as the first build left it (it may have made it): put back afterwards.
        pins = manifest.read_bytes() if manifest.exists() else None
        before = log.read_text().count(REBUILD_LINE)
        cpu = cpu_before_edit(server.pid)
        seed.write_bytes(edited(original, word))
        seconds = wait_for(url, word, reload_timeout, 0.05)
        cpu_after = cpu_seconds(server.pid)
        if seconds is None:
            raise RuntimeError(f"{url} did not show the edit within {reload_timeout:.0f} s:\n"
                               + log.read_text()[-3000:])
        time.sleep(SETTLE)
        text = log.read_text()
        result.update(reload_s=seconds, rebuilds=text.count(REBUILD_LINE) - before,
                      reload_cpu_s=None if cpu is None or cpu_after is None else round(cpu_after - cpu, 2),
                      builder_s=builder_seconds(text),
                      serve_warnings=sum(1 for line in text.splitlines() if line.startswith("WARNING")))
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        seed.write_bytes(original)
        if pins is not None:  # the edit's paragraph was pinned: without it, the next build would refuse
            manifest.write_bytes(pins)
    return result


BUILDER_LINE = re.compile(r"document\(s\) from \S+, .* in ([0-9.]+) s")
"""The hook's summary of each builder run (``hooks/builder_hook.py``): its wall seconds."""


def builder_seconds(log_text: str) -> float | None:
    """The wall seconds of the builder's last run, as serve's log gives them."""
    found = BUILDER_LINE.findall(log_text)
    return float(found[-1]) if found else None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.serve_reload", description=__doc__.split("\n")[0])
    p.add_argument("project", type=Path, help="a project made by bench.run (seeds/, mkdocs.yml, built docs/)")
    args = p.parse_args(argv)
    project = args.project.resolve()
    seeds = sorted(project.glob("seeds/*.txt"))
    code = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": code, "NO_MKDOCS_2_WARNING": "1"}
    print(json.dumps(measure_reload(project, seeds[len(seeds) // 2], env)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
