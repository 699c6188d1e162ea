"""The build report page (about/report.md): for editors, reachable from About, out of the reading nav."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT

from builder.config import Config
from builder.document import Document, Metadata, Move, Removal, Source
from builder.link import Corpus
from builder.report import make_report
from builder.write.markdown import escape
from builder.write.report_page import render_report_page

STAT_COLUMNS = {"Lines removed": "lines_removed", "Rejoined across page breaks": "rejoined_across_breaks",
                "Hyphens joined": "hyphens_joined", "Footnotes": "footnotes", "Captions moved": "captions_moved",
                "Boxes moved": "boxes_moved"}


def summary_table(markdown: str) -> dict[str, dict[str, str]]:
    """The summary table of the page as {source: {column: cell}}."""
    lines = markdown[markdown.index("## Summary"):].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| Document |"))
    head = [c.strip() for c in lines[start].strip("|").split("|")]
    rows = {}
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        source = re.match(r"\[(.*?)\]\(", cells[0]).group(1).replace("\\_", "_")
        rows[source] = dict(zip(head, cells))
    return rows


class AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml may hold ``!!python/name:`` and ``!ENV`` tags; they do not matter here."""


AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def a_document(**fields) -> Document:
    source = Source(name="letter.txt", text="Page 3\nDear Sir,\nThe de-\nvelopment of ports.\n", sha256="0" * 64)
    doc = Document(source=source, slug="letter", meta=Metadata(title="A letter", missing=["organisation"]), **fields)
    return doc


def test_report_page_lists_removals_and_rejoins_for_each_seed(seeds_site):
    project, report = seeds_site
    page = (project / "docs" / "about" / "report.md").read_text(encoding="utf-8")
    for entry in report["documents"]:
        section = page[page.index(f"Source file: {escape(entry['source'])}"):]
        section = section[:section.find("\n## ")] if "\n## " in section else section
        assert f"**Removals:** {len(entry['removed'])}" in section, entry["source"]
        rejoined = entry["stats"].get("rejoined_across_breaks", 0)
        assert f"**Paragraphs rejoined across page breaks:** {rejoined}" in section, entry["source"]
        for removal in entry["removed"]:
            assert escape(removal["reason"]) in section
            assert escape(removal["text"].split("\n")[0].strip()) in section


def test_report_page_numbers_match_the_json_report(seeds_site):
    project, report = seeds_site
    rows = summary_table((project / "docs" / "about" / "report.md").read_text(encoding="utf-8"))
    assert set(rows) == {e["source"] for e in report["documents"]}
    for entry in report["documents"]:
        row = rows[entry["source"]]
        assert int(row["Removals"]) == len(entry["removed"])
        assert int(row["Moved"]) == len(entry["moved"])
        assert int(row["Warnings"]) == len(entry["warnings"])
        assert row["Unthemed"] == ("yes" if entry["unthemed"] else "no")
        for column, stat in STAT_COLUMNS.items():
            assert int(row[column]) == entry["stats"].get(stat, 0), (entry["source"], column)


def test_report_page_shows_each_removal_with_line_reason_and_text():
    doc = a_document(removed=[Removal("Page 3", "page number", "page_numbers", 1)],
                     moved=[Move("Photo: a port", "caption", "captions", 9, "after paragraph 2")],
                     stats={"rejoined_across_breaks": 2, "hyphens_joined": 1}, warnings=["odd heading"])
    page = render_report_page(Corpus([doc], Config()))
    assert "| 1 | page number | Page 3 |" in page
    assert "| 9 | caption | after paragraph 2 | Photo: a port |" in page
    assert "**Removals:** 1 (page number: 1)" in page
    assert "**Paragraphs rejoined across page breaks:** 2" in page
    assert "**Line-end hyphens joined:** 1" in page
    assert "- odd heading" in page
    assert "**Missing metadata:** organisation" in page
    assert "**Themes:** unthemed" in page


def test_report_page_numbers_are_those_of_the_json_report_for_a_made_up_document():
    doc = a_document(removed=[Removal("x", "noise", "noise", 2), Removal("y", "noise", "noise", 3)],
                     stats={"lines_removed": 2, "footnotes": 4})
    corpus = Corpus([doc], Config())
    row = summary_table(render_report_page(corpus))["letter.txt"]
    (entry,) = make_report(corpus)["documents"]
    assert int(row["Removals"]) == len(entry["removed"]) == 2
    assert int(row["Lines removed"]) == entry["stats"]["lines_removed"] == 2
    assert int(row["Footnotes"]) == entry["stats"]["footnotes"] == 4


def test_seed_text_in_the_report_page_is_escaped():
    doc = a_document(removed=[Removal("<script>alert(1)</script> | [x](y)", "noise", "noise", 1)])
    page = render_report_page(Corpus([doc], Config()))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#124; \\[x\\](y)" in page


def test_report_page_counts_anchors_carried_to_changed_text():
    doc = a_document(extra={"anchors": {"anchors": ["para-1", "para-2"], "carried": ["para-2"], "aliases": []}})
    page = render_report_page(Corpus([doc], Config()))
    assert "**Paragraph anchors:** 2; carried to changed text since first published: 1 (para-2)" in page


def test_report_page_is_reachable_from_about_but_not_in_the_nav(seeds_site):
    project, _ = seeds_site
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=AnyTagLoader)["nav"]
    assert {"About": "about.md"} in nav
    assert "about/report.md" not in str(nav)
    about = (project / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert 'href="report/"' in about
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "about/report/" not in home
    assert (project / "site" / "about" / "report" / "index.html").is_file()
