"""`mkdocs serve --dirty`, as an editor runs it: a saved seed reaches the served page after one
rebuild, which renders only what changed, and strict mode does not abort it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT, make_project

LETTER = "Recruitment fees\n\nMigrant workers pay recruitment fees in the region.\n"
OTHER = "Seasonal work\n\nSeasonal workers cross the border every spring.\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if needle in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_a_saved_seed_is_served_after_exactly_one_dirty_rebuild(tmp_path):
    project = make_project(tmp_path, {"letter.txt": LETTER, "other.txt": OTHER})
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        cmd = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}",
               "-f", str(project / "mkdocs.yml")]
        server = subprocess.Popen(cmd, cwd=project, stdout=out, stderr=subprocess.STDOUT,
                                  env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        home = f"http://127.0.0.1:{port}/migration-corpus/"
        assert _wait_for(home, "Recruitment fees", 120), log.read_text()
        builds_before = log.read_text().count("Building documentation")
        seed = project / "seeds" / "letter.txt"
        seed.write_text(LETTER + "\nA new paragraph about wage theft, saved in the editor.\n", encoding="utf-8")
        page = next(p for p in (project / "docs" / "documents").glob("*.md") if "fees" in p.name)
        url = f"{home}documents/{page.stem}/"
        assert _wait_for(url, "wage theft", 60), log.read_text()
        time.sleep(3)  # (a second rebuild would start within this time)
        text = log.read_text()
        assert text.count("Building documentation") - builds_before == 1, text
        assert "Aborted" not in text and "WARNING" not in text, text
    finally:
        server.terminate()
        server.wait(10)
