"""End to end: seeds full of active content build with `mkdocs build --strict`, and the
built HTML holds none of it as markup: no script element, event handler, frame or
javascript:/data: URL comes from document text; the text shows as the literal text it is.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, build_project, make_project, mkdocs_build

# Every payload carries "XSS" so that what comes from the seeds can be told from the theme's own markup.
HOSTILE_LINES = [
    '<script>alert("XSS1")</script>',
    '<img src=x onerror="alert(\'XSS2\')">',
    '<iframe src="https://example.org/XSS3"></iframe>',
    '<svg onload=alert("XSS4")><circle r=1 /></svg>',
    '<a href="javascript:alert(\'XSS5\')">click</a>',
    "[click me](javascript:alert('XSS6'))",
    "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTNycpPC9zY3JpcHQ+)",
    "![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoJ1hTUzgnKT4=)",
    "<style>body { display: none } /* XSS9 */</style>",
    '<div onclick="alert(\'XSS10\')" markdown="1">*XSS10 div*</div>',
    "<object data=\"javascript:alert('XSS11')\"></object>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'XSS12\')">',
    "<base href=\"javascript:alert('XSS13')//\">",
    "A paragraph that ends with an attribute list XSS14\n{: onclick=\"alert('XSS14')\" }",
    "[ref XSS15][r]\n\n[r]: javascript:alert('XSS15')",
    "Footnote syntax XSS16[^x]\n\n[^x]: <script>alert('XSS16')</script>",
    "*[XSS17]: <script>alert('XSS17')</script>",
    "{{ config.site_name }} and {% raw %}XSS18{% endraw %}",
    "!!! danger \"<script>alert('XSS19')</script>\"",
    "    indented code XSS20 <script>alert('XSS20')</script>",
    "| XSS21 | <script>alert('XSS21')</script> |\n|---|---|\n| a | b |",
    "# A heading injected XSS22",
    "---",
    "&lt;script&gt;alert('XSS23')&lt;/script&gt;",
]

HOSTILE = (
    "<script>alert('XSS0')</script> Report on <img src=x onerror=alert('XSS0')> migrants\n\n"
    "This document on migrant workers contains active content that must stay text.\n\n"
    + "\n\n".join(f"Item {i}. {line}" if i % 3 else line for i, line in enumerate(HOSTILE_LINES))
    + "\n\nThe end of the document on the rights of migrants.\n"
)

FRONT_MATTER = (
    "---\ntitle: <script>alert('XSS30')</script>\ntemplate: ../../../etc/passwd\nhide: [navigation]\n---\n\n"
    "A document whose first lines look like YAML front matter, about migrant workers.\n"
)

SEEDS: dict[str, str | bytes] = {
    "hostile.txt": HOSTILE,
    "front-matter.txt": FRONT_MATTER,
    "<img src=x onerror=alert('XSS40')>.txt": "A seed whose file name is an HTML tag, about labour migration.\n",
    "sub folder/Déclaration UPPER.TXT": "Déclaration sur les droits des travailleurs migrants.\n\nLe texte.\n",
    # Named in the report page's notices and rejections.
    "<script>alert('XSS41')</script>.md": "not a seed\n",
    "<svg onload=alert('XSS42')>.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
}
PUBLISHED = [name for name in SEEDS if name.lower().endswith(".txt") and "XSS42" not in name]

FORBIDDEN_TAGS = {"iframe", "object", "embed", "frame", "frameset", "applet", "base", "style"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset"}
BAD_SCHEME = re.compile(r"^\s*(javascript|data|vbscript)\s*:", re.IGNORECASE)


class Audit(HTMLParser):
    """Collects markup that would be active, and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.in_script = False
        self.data_script = False

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> element")
        if tag == "script":
            self.in_script = True
            self.data_script = (dict(attrs).get("type") or "").endswith("json")
            src = dict(attrs).get("src") or ""
            if "XSS" in src or BAD_SCHEME.match(src):
                self.problems.append(f"script src {src!r}")
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
            self.problems.append("meta refresh")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}={value!r} on <{tag}>")
            if name in URL_ATTRS and value and BAD_SCHEME.match(value):
                self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag == "img" and "x" == (dict(attrs).get("src") or ""):
            self.problems.append("img from document text")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and self.data_script:  # JSON data (JSON-LD): inert if it cannot close the element
            if "<" in data:
                self.problems.append(f"'<' in a JSON script element {data[:80]!r}")
            json.loads(data)
        elif self.in_script and ("XSS" in data or "alert(" in data):
            self.problems.append(f"script content {data[:80]!r}")
        if not self.in_script:
            self.text.append(data)


def audit(html_text: str) -> Audit:
    parser = Audit()
    parser.feed(html_text)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, dict]:
    project = make_project(tmp_path_factory.mktemp("hostile"), SEEDS)
    result, report = build_project(project)
    assert result.returncode == 1, result.stderr  # the binary one is rejected
    strict = mkdocs_build(project)
    assert strict.returncode != 0 and "XSS42" in strict.stdout + strict.stderr  # named, so CI sees it
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--no-strict", "-f", str(project / "mkdocs.yml")],
                           cwd=project, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert built.returncode == 0, built.stdout + built.stderr
    return project, report


def test_every_hostile_seed_is_published(hostile_site):
    _, report = hostile_site
    assert sorted(d["source"] for d in report["documents"]) == sorted(PUBLISHED)
    assert [r["source"] for r in report["rejected"]] == ["<svg onload=alert('XSS42')>.txt"]


def test_no_built_page_has_active_markup_from_document_text(hostile_site):
    project, _ = hostile_site
    pages = sorted((project / "site").rglob("*.html"))
    assert len(pages) > 5
    problems = {str(p.relative_to(project / "site")): audit(p.read_text(encoding="utf-8")).problems for p in pages}
    assert {page: found for page, found in problems.items() if found} == {}


def test_the_hostile_lines_show_as_their_literal_text(hostile_site):
    project, report = hostile_site
    doc = next(d for d in report["documents"] if d["source"] == "hostile.txt")
    page = audit((project / "site" / doc["url"] / "index.html").read_text(encoding="utf-8"))
    text = " ".join(" ".join(page.text).split())
    for needle in ['<script>alert("XSS1")</script>', "<img src=x onerror=\"alert('XSS2')\">",
                   "{{ config.site_name }}",
                   "&lt;script&gt;alert('XSS23')&lt;/script&gt;", "{% raw %}XSS18{% endraw %}"]:
        assert needle in text, needle


def test_a_title_made_of_html_shows_as_text_in_the_browser_title(hostile_site):
    project, report = hostile_site
    doc = next(d for d in report["documents"] if d["source"] == "hostile.txt")
    html_text = (project / "site" / doc["url"] / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html_text, re.DOTALL).group(1)
    assert "<" not in title and "&lt;" in title


def test_text_that_looks_like_front_matter_does_not_set_the_page_template_or_title(hostile_site):
    project, report = hostile_site
    doc = next(d for d in report["documents"] if d["source"] == "front-matter.txt")
    markdown = (project / "docs" / doc["page"]).read_text(encoding="utf-8")
    front = markdown.split("\n---\n", 1)[0]
    assert "template:" not in front and "hide:" not in front
    html_text = (project / "site" / doc["url"] / "index.html").read_text(encoding="utf-8")
    assert "md-sidebar--primary" in html_text  # navigation not hidden by the seed


def test_link_targets_that_are_not_web_addresses_are_shown_or_reported_never_linked(hostile_site):
    project, report = hostile_site
    doc = next(d for d in report["documents"] if d["source"] == "hostile.txt")
    page = audit((project / "site" / doc["url"] / "index.html").read_text(encoding="utf-8"))
    text = " ".join(" ".join(page.text).split())
    removed = " ".join(r["text"] for r in doc["removed"])
    for target in ("javascript:alert('XSS6'", "data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTNycpPC9zY3JpcHQ+"):
        assert target in text or target in removed, target
