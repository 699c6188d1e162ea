"""hooks/nav_memo.py and overrides/partials/nav.html: the navigation's HTML, made once for all the
pages that show the same one, is what Material's template makes for each of them."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import material

from conftest import ROOT, build_project, make_project, mkdocs_build

spec = importlib.util.spec_from_file_location("nav_memo", ROOT / "hooks" / "nav_memo.py")
nav_memo = importlib.util.module_from_spec(spec)
spec.loader.exec_module(nav_memo)

SPEED_HOOKS = ("hooks/nav_memo.py", "hooks/fast_markdown.py")
"""Hooks that only spare work: the site is the same without them."""


def _nav(*urls: str, active: str | None = None) -> SimpleNamespace:
    items = [SimpleNamespace(url=url, active=url == active, children=None) for url in urls]
    return SimpleNamespace(items=items)


def _page(url: str) -> SimpleNamespace:
    return SimpleNamespace(url=url)


def test_the_copied_template_is_materials_own():
    theirs = Path(material.__file__).parent / "templates" / "partials" / "nav.html"
    ours = ROOT / "overrides" / "partials" / "nav-material.html"
    assert ours.read_bytes() == theirs.read_bytes()


def test_pages_of_one_folder_outside_the_navigation_share_its_html():
    nav = _nav("", "documents/", "themes/")
    key = nav_memo.nav_key(_page("documents/a-letter/"), nav)
    assert key == ("../..", "../..", "../", "../../themes/")
    assert nav_memo.nav_key(_page("documents/a-report/"), nav) == key
    assert nav_memo.nav_key(_page("themes/labour/"), nav) != key


def test_a_page_the_navigation_lists_or_an_active_item_has_its_own_html():
    nav = _nav("", "documents/")
    assert nav_memo.nav_key(nav.items[1], nav) is None
    assert nav_memo.nav_key(_page("documents/a-letter/"), _nav("", "documents/", active="documents/")) is None


def test_the_html_is_rendered_once_per_key_and_reused():
    nav_memo.on_env(SimpleNamespace(globals={}))
    nav = _nav("", "documents/")
    calls: list[str] = []

    def render() -> str:
        calls.append("rendered")
        return f"<nav>{len(calls)}</nav>"

    first = nav_memo.nav_memo(_page("documents/a/"), nav, caller=render)
    again = nav_memo.nav_memo(_page("documents/b/"), nav, caller=render)
    listed = nav_memo.nav_memo(nav.items[1], nav, caller=render)
    assert (first, again, listed, len(calls)) == ("<nav>1</nav>", "<nav>1</nav>", "<nav>2</nav>", 2)


LETTER = ("Recruitment fees\n\nMigrant workers pay recruitment fees to agencies in the region, and "
          "the International Labour Organization (ILO) calls for fair recruitment.\n")
REPORT = ("Seasonal work\n\nSeasonal workers cross the border every spring; the ILO and the "
          "International Organization for Migration (IOM) report on their wages.\n")


def test_the_site_is_the_same_byte_for_byte_without_the_speed_hooks(tmp_path):
    project = make_project(tmp_path, {"letter.txt": LETTER, "report.txt": REPORT})
    result, _ = build_project(project)
    assert result.returncode == 0, result.stderr
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stdout + built.stderr
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    plain = [line for line in lines if not any(hook in line for hook in SPEED_HOOKS)]
    assert len(plain) == len(lines) - len(SPEED_HOOKS)
    config.write_text("".join(plain), encoding="utf-8")
    reference = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                                "-d", str(project / "site-plain")], cwd=project, capture_output=True, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert reference.returncode == 0, reference.stdout + reference.stderr
    fast, slow = _files(project / "site"), _files(project / "site-plain")
    assert fast.keys() == slow.keys() and len(fast) > 20
    assert [name for name in fast if fast[name] != slow[name]] == []


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a built site but the sitemap, whose entries carry the build's date."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and not p.name.startswith("sitemap.xml")}
