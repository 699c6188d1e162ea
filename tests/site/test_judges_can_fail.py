"""Each judge of the site, shown able to fail: one copy of the built site is broken on purpose in
several ways, each fault on a page of its own (a copy of the home page, fault-*.html, or a deleted
anchor or page), and each test shows the matching judge reporting its fault. The allow-list is shown
to let through only the theme's own elements."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from test_offline import external_resources

import sitecheck


def inject(file: Path, html: str, *, before: str = "</article>") -> None:
    text = file.read_text(encoding="utf-8")
    assert before in text, f"{file}: no {before}"
    file.write_text(text.replace(before, html + before, 1), encoding="utf-8")


def paragraph_links(site: Path) -> list[tuple[Path, Path, str]]:
    """Links from one page to a paragraph of another: (linking file, linked file, "para-N")."""
    found = []
    for file in sitecheck.html_files(site):
        page = "/" + sitecheck.page_url(site, file)
        for href, anchor in re.findall(r'href="([^"#]+)#(para-\d+)"', file.read_text(encoding="utf-8")):
            target = urlsplit(urljoin(page, href)).path.lstrip("/")
            target_file = site / target / "index.html" if target.endswith("/") or not target else site / target
            if target_file.is_file() and target_file != file:
                found.append((file, target_file, anchor))
    return found


FAULT_PAGES = {
    "fault-external-script": ('<script src="https://cdn.example.com/library.js"></script>', "</article>"),
    "fault-font-link": ('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">', "</head>"),
    "fault-script-error": ("<script>notDefinedAnywhere()</script>", "</article>"),
    "fault-missing-image": ('<img src="missing-figure.png" alt="figure">', "</article>"),
    "fault-invalid-markup": ("<ul><p>not a list item</p></ul>", "</article>"),
    "fault-content-checkbox": ('<input type="checkbox" id="content-box" autocomplete="off">', "</article>"),
    "fault-low-contrast": ('<p style="color:#d0d0d0;background:#ffffff">faint words</p>', "</article>"),
    "fault-content-dialog": ('<div role="dialog" class="content-dialog">unnamed dialog</div>', "</article>"),
}


@pytest.fixture(scope="module")
def broken(built_site, site_prefix, tmp_path_factory):
    """The broken copy, served: (its folder, its URL, {"anchor": (page, id), "deleted": page})."""
    site = tmp_path_factory.mktemp("broken") / "site"
    shutil.copytree(built_site, site)
    for name, (html, before) in FAULT_PAGES.items():
        shutil.copy(site / "index.html", site / f"{name}.html")
        inject(site / f"{name}.html", html, before=before)
    # a page linking to paragraphs of two other pages: one loses the paragraph's anchor, one is deleted
    targets: dict[Path, dict[Path, str]] = {}
    for source, target, anchor in paragraph_links(site):
        targets.setdefault(source, {}).setdefault(target, anchor)
    source = next((page for page, linked in targets.items() if len(linked) >= 2), None)
    assert source, "no page links to paragraphs of two other pages"
    (anchor_file, anchor), (deleted_file, _) = list(targets[source].items())[:2]
    anchor_file.write_text(anchor_file.read_text(encoding="utf-8").replace(f'id="{anchor}"', ""), encoding="utf-8")
    deleted_file.unlink()
    faults = {"source": sitecheck.page_url(site, source), "anchor": (sitecheck.page_url(site, anchor_file), anchor),
              "deleted": sitecheck.page_url(site, deleted_file)}
    with sitecheck.serve(site, site_prefix) as url:
        yield site, url, faults


@pytest.fixture(scope="module")
def link_report(broken, tmp_path_factory) -> list[str]:
    """LinkChecker on the page that links to the two broken targets, and on the links it holds."""
    _, url, faults = broken
    return sitecheck.broken_links(url + faults["source"], tmp_path_factory.mktemp("linkchecker"), site_url=url,
                                  depth=1)


@pytest.fixture(scope="module")
def vnu_report(broken) -> list[str]:
    site, _, _ = broken
    return sitecheck.vnu_errors([site / "fault-invalid-markup.html", site / "fault-content-checkbox.html"])


def visit_fault(context, broken, name: str) -> sitecheck.Visit:
    _, url, _ = broken
    return sitecheck.visit(context, f"{url}{name}.html")


# ---------------------------------------------------------------- links


def test_link_checker_reports_a_link_to_a_deleted_paragraph_anchor(broken, link_report):
    page, anchor = broken[2]["anchor"]
    assert any(f"{page}#{anchor}" in line and "Anchor" in line for line in link_report), link_report


def test_link_checker_reports_a_link_to_a_deleted_page(broken, link_report):
    page = broken[2]["deleted"]
    assert any(f"{page} " in line and "404" in line for line in link_report), link_report


# ---------------------------------------------------------------- offline and private


def test_offline_check_reports_a_script_from_another_host(broken, context):
    visit = visit_fault(context, broken, "fault-external-script")
    assert set(visit.foreign_requests) == {"https://cdn.example.com/library.js"}
    assert "fault-external-script.html: https://cdn.example.com/library.js" in external_resources(broken[0])


def test_offline_check_reports_an_external_web_font_link(broken, context):
    font = "https://fonts.googleapis.com/css?family=Roboto"
    visit = visit_fault(context, broken, "fault-font-link")
    assert set(visit.foreign_requests) == {font}
    assert f"fault-font-link.html: {font}" in external_resources(broken[0])


def test_browser_check_reports_a_script_error(broken, context):
    visit = visit_fault(context, broken, "fault-script-error")
    assert any("notDefinedAnywhere" in error for error in visit.console_errors), visit.console_errors


def test_browser_check_reports_a_missing_image(broken, context):
    visit = visit_fault(context, broken, "fault-missing-image")
    assert any("missing-figure.png" in failed for failed in visit.failed_requests), visit.failed_requests


# ---------------------------------------------------------------- HTML validity


def test_html_validator_reports_invalid_markup(vnu_report):
    assert any("fault-invalid-markup" in error and "“p” not allowed as child of element “ul”" in error
               for error in vnu_report), vnu_report


def test_html_validator_allow_list_covers_only_the_theme_elements(vnu_report):
    # the message the allow-list accepts for the theme's toggles, raised by content markup, still counts
    assert any("fault-content-checkbox" in error and "content-box" in error for error in vnu_report), vnu_report
    assert not any("md-toggle" in error for error in vnu_report), vnu_report


# ---------------------------------------------------------------- accessibility


def test_accessibility_check_reports_low_contrast_text(broken, context):
    visit = visit_fault(context, broken, "fault-low-contrast")
    assert any(v.startswith("color-contrast") and "faint words" in v for v in visit.axe_violations), \
        visit.axe_violations


def test_accessibility_allow_list_covers_only_the_theme_elements(broken, context):
    # the rule the allow-list accepts for the theme's search box, broken by content markup, still counts
    visit = visit_fault(context, broken, "fault-content-dialog")
    assert any(v.startswith("aria-dialog-name") and "content-dialog" in v for v in visit.axe_violations), \
        visit.axe_violations
    assert not any(".md-search" in v for v in visit.axe_violations), visit.axe_violations


def test_every_allow_list_entry_names_a_theme_element_and_a_reason():
    entries = sitecheck.allowlist()
    for entry in entries.get("vnu") or []:
        assert entry["message"] and entry["extract"].strip() and entry["reason"].strip(), entry
    for entry in entries.get("axe") or []:
        assert entry["rule"] and entry["target"].strip() and entry["reason"].strip(), entry
