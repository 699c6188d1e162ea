"""The dev corpus (documents of kinds the builder had not seen) built end to end: markup in
the sources is read, never shown (no front matter as a title, no literal ``##`` or source HTML)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml


ESCAPED_TAG = re.compile(r"(?:\\<|&lt;)/?(?:sup|a|b|i|em|strong|span|div|p|br|style|meta)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def dev_site(dev_corpus_site):
    return dev_corpus_site


def pages(project: Path):
    for page in sorted((project / "docs" / "documents").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            head, _, body = text[4:].partition("\n---\n")
            yield page, yaml.safe_load(head) or {}, body
        else:
            yield page, {}, text


def test_no_title_is_front_matter(dev_site):
    _, report = dev_site
    for doc in report["documents"]:
        assert not doc["title"].startswith("---") and "title:" not in doc["title"].lower(), doc["source"]


def test_no_literal_markdown_heading_or_source_html_on_a_page(dev_site):
    project, _ = dev_site
    for page, _, body in pages(project):
        for line in body.splitlines():
            assert not re.match(r"^(?:\\#|#{1,6}[^\s#])", line), (page.name, line)
            # The builder's own HTML (the citation box) is not the source's: a source tag shows escaped.
            assert not ESCAPED_TAG.search(line), (page.name, line)


def test_front_matter_is_read_into_the_metadata(dev_site):
    _, report = dev_site
    read = [d for d in report["documents"] if any(r["rule"] == "front_matter" for r in d["removed"])]
    assert len(read) >= 10


def test_no_markdown_escape_of_a_paragraph_number_is_shown(dev_site):
    project, _ = dev_site
    for page, _, body in pages(project):
        assert not re.search(r"^\d{1,3}\\\\[.)]", body, re.M), page.name  # "2\\." shows a backslash
