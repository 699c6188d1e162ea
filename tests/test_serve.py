"""`mkdocs serve --dirty`, as an editor runs it: a saved seed reaches the served page after one
rebuild, which renders only the pages whose Markdown changed (the rest are kept), gives the site a
clean build gives, and strict mode does not abort it."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import ROOT, make_project

LETTER = "Recruitment fees\n\nMigrant workers pay recruitment fees in the region.\n"
OTHER = "Seasonal work\n\nSeasonal workers cross the border every spring.\n"
THIRD = "Border procedures\n\nAsylum seekers wait at the border for their hearing.\n"


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


def _markdown_states(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}


def _site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site but the sitemap, whose entries carry the build's date, and the
    search index, which serve has Pagefind write in the background after the build (its own
    test is tests/test_search_index.py)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and not p.name.startswith("sitemap.xml") and p.relative_to(site).parts[0] != "pagefind"}


RENDERED_HOOK = """
import os


def on_post_page(output, page, **kwargs):
    with open(os.environ["RENDERED_PAGES"], "a", encoding="utf-8") as f:
        f.write(page.file.src_uri + "\\n")
    return output
"""
"""A hook added to the test's project: the pages MkDocs renders, a line each, in a file."""


def test_an_edit_renders_only_the_pages_whose_markdown_changed_and_the_site_equals_a_clean_build(tmp_path):
    project = make_project(tmp_path, {"letter.txt": LETTER, "other.txt": OTHER, "third.txt": THIRD})
    (project / "hooks" / "rendered_pages.py").write_text(RENDERED_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "hooks:\n", "hooks:\n  - hooks/rendered_pages.py\n", 1), encoding="utf-8")
    port, rendered_pages = _free_port(), tmp_path / "rendered.txt"
    temp = tmp_path / "tmp"  # serve builds into a mkdtemp folder: here, the only one
    temp.mkdir()
    with (tmp_path / "serve.log").open("w") as out:
        cmd = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}", "-f", str(config)]
        server = subprocess.Popen(cmd, cwd=project, stdout=out, stderr=subprocess.STDOUT,
                                  env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp),
                                       "RENDERED_PAGES": str(rendered_pages)})
    try:
        home = f"http://127.0.0.1:{port}/migration-corpus/"
        assert _wait_for(home, "Recruitment fees", 120), (tmp_path / "serve.log").read_text()
        docs = project / "docs"
        before, first_build = _markdown_states(docs), rendered_pages.read_text().split()
        assert len(first_build) > 10  # the first build renders every page
        (project / "seeds" / "letter.txt").write_text(LETTER + "\nA new paragraph about wage theft.\n",
                                                        encoding="utf-8")
        page = next(p for p in (docs / "documents").glob("*.md") if "fees" in p.name)
        assert _wait_for(f"{home}documents/{page.stem}/", "wage theft", 60), (tmp_path / "serve.log").read_text()
        time.sleep(3)  # (a late page or a second rebuild would show within this time)
        after, rendered = _markdown_states(docs), rendered_pages.read_text().split()[len(first_build):]
    finally:
        server.terminate()
        server.wait(10)
    changed = sorted(name for name in after if before.get(name) != after[name])
    assert f"documents/{page.name}" in changed and len(changed) < len(first_build) / 2
    assert sorted(rendered) == changed
    clean = _clean_build(project, f"http://127.0.0.1:{port}/migration-corpus/")
    assert _site_files(next(temp.glob("mkdocs_*"))) == _site_files(clean)


def _clean_build(project: Path, site_url: str) -> Path:
    """``mkdocs build --strict`` of the project into a fresh folder, with serve's site_url."""
    config = project / "mkdocs-clean.yml"
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {site_url}", text), encoding="utf-8")
    site = project.parent / "clean-site"
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
                           cwd=project, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT), "RENDERED_PAGES": os.devnull})
    assert built.returncode == 0, built.stdout + built.stderr
    return site


def _build(project: Path, **options):
    from builder.build import Options, run

    return run(Options(project / "seeds", project / "docs", project, **options))


def test_builds_in_a_serving_session_give_what_clean_builds_give_edit_after_edit(tmp_path):
    """Under serve the process keeps what each build read (cached documents and pages, the
    manifest it wrote: ``engine.live``); each build still equals a clean one (``--check``: no
    cache, nothing kept), through an edit, a new paragraph, a new seed and a removed one."""
    from builder.engine import live

    project = make_project(tmp_path, {"letter.txt": LETTER, "other.txt": OTHER, "third.txt": THIRD})
    seeds = project / "seeds"
    wage_theft = LETTER + "\nA new paragraph about wage theft.\n"
    edits = [lambda: None,
             lambda: (seeds / "letter.txt").write_text(wage_theft, encoding="utf-8"),
             lambda: (seeds / "other.txt").write_text(OTHER.replace("every spring", "every autumn"), encoding="utf-8"),
             lambda: (seeds / "fourth.txt").write_text(THIRD.replace("Border", "Harbour"), encoding="utf-8"),
             lambda: (seeds / "fourth.txt").unlink(),
             lambda: (seeds / "letter.txt").write_text(LETTER + "\nA new paragraph about wage theft, again.\n",
                                                       encoding="utf-8")]
    live.start(project)
    try:
        for i, edit in enumerate(edits):
            edit()
            if i == 4:  # a page once published must stay: withdraw the removed seed's
                (project / "metadata.yml").write_text("withdrawn:\n  fourth.txt:\n    reason: a test\n",
                                                      encoding="utf-8")
            _build(project, need_report=True)
            assert _build(project, check=True).out_of_date == [], f"after edit {i}"
        session = live.start(project)
        assert session.manifest is not None and any(kept.entries for kept in session.folders.values())
    finally:
        live.stop(project)


def test_the_manifest_kept_parsed_is_what_parsing_its_text_gives(tmp_path):
    """``manifest.as_read`` of the manifest a build wrote equals ``load_manifest`` of the file,
    in order too (pages, anchors): what ``engine.live`` keeps stands for the parse."""
    from builder.manifest import MANIFEST_NAME, as_read, load_manifest

    project = make_project(tmp_path, {"letter.txt": LETTER + "\nA second paragraph.\n", "other.txt": OTHER})
    result = _build(project, need_report=True).result
    parsed = load_manifest(project / MANIFEST_NAME)
    kept = as_read(result.pinned)
    assert kept == parsed
    assert list(kept.pages) == list(parsed.pages)
    assert [list(e.anchors) for e in kept.pages.values()] == [list(e.anchors) for e in parsed.pages.values()]
    shipped = load_manifest(ROOT / MANIFEST_NAME)  # the seeds' manifest: many pages, anchors, moves
    assert as_read(shipped) == shipped and list(as_read(shipped).pages) == list(shipped.pages)


def test_the_manifest_written_from_each_pages_kept_lines_is_the_one_written_afresh():
    """A long-lived process keeps each manifest page's lines (``dump_manifest(memo=…)``): a page
    whose entry changed, a new page and a page gone are written as a fresh dump writes them."""
    from builder.manifest import Manifest, PageEntry, dump_manifest

    memo: dict = {}
    first = Manifest({"documents/a.md": PageEntry("a.txt", "A", anchors={"para-1": "abc first … last"}),
                      "documents/b.md": PageEntry("b.txt", "B: the second", anchors={"para-2": "d x", "para-1": "e y"}),
                      "themes/c.md": PageEntry()})
    assert dump_manifest(first, memo) == dump_manifest(first)
    b = PageEntry("b.txt", "B: the second", anchors={"para-2": "d x", "para-1": "e y"})
    second = Manifest({"documents/a.md": PageEntry("a.txt", "A", anchors={"para-1": "abc first … last",
                                                                         "para-2": "new second"}),
                       "documents/b.md": b,
                       "documents/d.md": PageEntry("d.txt", "D", retired={"para-3": "gone"})})
    assert dump_manifest(second, memo) == dump_manifest(second)
    assert dump_manifest(first, memo) == dump_manifest(first)


def test_a_kept_cache_entry_is_read_again_once_its_file_is_replaced(tmp_path):
    """A session answers an entry from memory only while its file is the one read (size,
    modification time, inode): an entry written again is read from the disk."""
    from builder.engine import live
    from builder.engine.memo import RenderMemo

    live.start(tmp_path)
    try:
        memo = RenderMemo(tmp_path)
        key = memo.key("inputs")
        memo.put(key, {"page.md": "first"})
        assert memo.get(key) == {"page.md": "first"}
        assert key in memo.kept.entries  # kept: the next read, by any memo of the session, is from memory
        assert RenderMemo(tmp_path).get(key) == {"page.md": "first"}
        memo.put(key, {"page.md": "second"})
        assert RenderMemo(tmp_path).get(key) == {"page.md": "second"}
    finally:
        live.stop(tmp_path)


def test_a_session_keeps_only_what_the_last_build_read(tmp_path):
    """After an edit, the edited seed's previous document is no longer kept: a serving process
    holds one build's documents, however many edits it sees."""
    from builder.engine import live
    from builder.engine.store import CACHE_DIR

    project = make_project(tmp_path, {"letter.txt": LETTER, "other.txt": OTHER, "third.txt": THIRD})
    live.start(project)
    try:
        _build(project, need_report=True)
        _build(project, need_report=True)  # (the first build stored the documents: this one read them)
        kept = live.kept(project / CACHE_DIR)
        assert kept is not None and len(kept.entries) == 3
        for i in range(3):
            (project / "seeds" / "letter.txt").write_text(LETTER + f"\nEdit number {i} of the letter.\n",
                                                          encoding="utf-8")
            _build(project)
        assert len(kept.entries) <= 3  # (the edited seed's new document is kept once a build reads it)
    finally:
        live.stop(project)
