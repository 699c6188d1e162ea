"""The site works offline and keeps its readers private: nothing is fetched from another host."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

import sitecheck

# what a browser fetches by itself when it meets the element (hyperlinks and <link rel=canonical> it does not)
FETCHED = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src",
           "embed": "src", "track": "src", "object": "data", "input": "src"}
FETCHING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch",
                 "manifest", "apple-touch-icon", "prerender"}
EXTERNAL = re.compile(r"^(https?:)?//", re.I)


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in FETCHED and values.get(FETCHED[tag]):
            self.urls.append(values[FETCHED[tag]])
        if tag == "link" and set(values.get("rel", "").lower().split()) & FETCHING_RELS:
            self.urls.append(values.get("href", ""))
        if "srcset" in values:
            self.urls += [part.split()[0] for part in values["srcset"].split(",") if part.strip()]
        self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", values.get("style", ""))


def external_resources(site: Path) -> list[str]:
    """Every URL on another host that a page or stylesheet of the site would make a browser fetch."""
    found = []
    for file in sitecheck.html_files(site):
        parser = _Resources()
        text = file.read_text(encoding="utf-8")
        parser.feed(text)
        parser.urls += re.findall(r"@import\s+(?:url\()?['\"]?([^'\"\s);]+)", text)
        found += [f"{file.relative_to(site)}: {url}" for url in parser.urls if EXTERNAL.match(url.strip())]
    for file in sorted(site.rglob("*.css")):
        text = file.read_text(encoding="utf-8", errors="replace")
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        found += [f"{file.relative_to(site)}: {url}" for url in urls if EXTERNAL.match(url.strip())]
    return found


def mkdocs_config(project: Path) -> dict:
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=sitecheck._IgnoreTags)


def test_theme_loads_no_web_fonts(seeds_site):
    project, _ = seeds_site
    assert mkdocs_config(project)["theme"].get("font") is False


def test_no_repository_link_makes_the_theme_call_a_code_host(seeds_site):
    project, _ = seeds_site
    assert "repo_url" not in mkdocs_config(project)


def test_no_page_or_stylesheet_refers_to_a_resource_on_another_host(built_site):
    found = external_resources(built_site)
    assert not found, "\n".join(found)
