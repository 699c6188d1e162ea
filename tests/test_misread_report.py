"""The build report lists the words that look misread by OCR, per document (word as printed, line,
probable reading), says when the page title carries one, and shows them on the document's
"what cleaning changed" page; the page itself shows the text as printed."""

from __future__ import annotations

import pytest

from conftest import build_project, make_project

LETTER = """Ministry of Home Affairs

14 June 2019

Re: Joint communication concerning tbe rescue of migrants

Dear Sir,

We write about tbe rescue of the migrants at sea. They waited a long tirne before they were brought
to port, and some of them still need rnedical care.

Yours faithfully,

J. Borg
Director General
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("misread"), {"letter.txt": LETTER})
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    return project, report["documents"][0]


def test_the_report_lists_each_misread_word_with_its_line_and_reading(built):
    _, doc = built
    listed = {(m["word"], m["line"], m["reading"]) for m in doc["misreadings"]}
    assert {("tirne", 9, "time"), ("rnedical", 10, "medical")} <= listed


def test_the_report_says_when_the_title_carries_a_misread_word(built):
    _, doc = built
    assert "tbe" in doc["title"]
    assert [m["in_title"] for m in doc["misreadings"] if m["word"] == "tbe"] == [True]
    assert any(w.startswith("the page title carries a word that may be misread") and "tbe (the?)" in w
               for w in doc["warnings"])


def test_the_changes_page_shows_the_misread_words(built):
    project, doc = built
    page = (project / "docs" / "changes" / doc["page"].split("/")[-1]).read_text(encoding="utf-8")
    assert "## Words that may be misread" in page
    assert "<td>rnedical</td><td>medical</td>" in page


def test_the_page_shows_the_text_as_printed(built):
    project, doc = built
    assert "rnedical care" in (project / "docs" / doc["page"]).read_text(encoding="utf-8")
