"""The build report pages: the summary (about/report.md) and each document's report on its
provenance page (changes/<slug>.md, with the word diff): for editors, reachable from About, out of
the reading nav and search; the per-document report pages of earlier builds redirect there."""

from __future__ import annotations

import html
import posixpath
import re

import yaml
from conftest import ROOT, as_given, linked, make_project

from builder.__main__ import main
from builder.config import Config
from builder.document import Block, Document, Metadata, Move, Removal, Source
from builder.layout import page_of, page_url
from builder.link import by_name
from builder.link.anchors import fingerprint
from builder.manifest import MANIFEST_NAME, Manifest, PageEntry
from builder.report import make_report
from builder.write.markdown import escape
from builder.write import report_page
from builder.write.report_page import render_report_page, render_report_pages

STAT_COLUMNS = {"Lines removed": "lines_removed", "Rejoined across page breaks": "rejoined_across_breaks",
                "Hyphens joined": "hyphens_joined", "Footnotes": "footnotes", "Captions moved": "captions_moved",
                "Boxes moved": "boxes_moved"}


def summary_table(markdown: str) -> dict[str, dict[str, str]]:
    """The summary table of the page as {source: {column: cell}} (the Document cell is its link target)."""
    table = markdown[markdown.index("## Summary"):]
    table = table[table.index("<table>"):table.index("</table>")]
    head = re.findall(r"<th>(.*?)</th>", table)
    rows = {}
    for line in re.findall(r"<tr><td>.*</tr>", table):
        cells = re.findall(r"<td>(.*?)</td>", line)
        row = dict(zip(head, cells))
        row["Document"] = re.match(r'<a href="(.*?)">', cells[0]).group(1)
        rows[html.unescape(row["Source"])] = row
    return rows


class AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml may hold ``!!python/name:`` and ``!ENV`` tags; they do not matter here."""


AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def a_document(**fields) -> Document:
    source = Source(name="letter.txt", text="Page 3\nDear Sir,\nThe de-\nvelopment of ports.\n", sha256="0" * 64)
    doc = Document(source=source, slug="letter", meta=Metadata(title="A letter", missing=["organisation"]), **fields)
    return doc


def detail_pages(project) -> dict[str, str]:
    """Each document's report (its provenance page), by source file, found through the summary's links."""
    docs = project / "docs"
    rows = summary_table((docs / "about" / "report.md").read_text(encoding="utf-8"))
    pages = {}
    for source, row in rows.items():
        url = posixpath.normpath(posixpath.join("about/report/", row["Document"]))  # the summary's own URL
        pages[source] = (docs / f"{url}.md").read_text(encoding="utf-8")
    return pages


def test_report_page_lists_removals_and_rejoins_for_each_seed(seeds_site):
    project, report = seeds_site
    pages = detail_pages(project)
    for entry in report["documents"]:
        section = pages[entry["source"]]
        assert f"Source file: {escape(entry['source'])}" in section
        assert f"<strong>Removals:</strong> {len(entry['removed'])}" in section, entry["source"]
        rejoined = entry["stats"].get("rejoined_across_breaks", 0)
        assert f"<strong>Paragraphs rejoined across page breaks:</strong> {rejoined}" in section, entry["source"]
        for removal in entry["removed"]:
            assert f"<td>{html.escape(removal['reason'], quote=False)}</td>" in section
            assert html.escape(removal["text"].split("\n")[0].strip(), quote=False) in section


def test_report_page_numbers_match_the_json_report(seeds_site):
    project, report = seeds_site
    rows = summary_table((project / "docs" / "about" / "report.md").read_text(encoding="utf-8"))
    assert set(rows) == {e["source"] for e in report["documents"]}
    for entry in report["documents"]:
        row = rows[entry["source"]]
        assert row["Document"] == f"../../{entry['url'].replace('documents/', 'changes/', 1)}"
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
    page = render_report_pages(linked([doc], Config()))["changes/letter.md"]
    assert "<tr><td>1</td><td>page number</td><td>Page 3</td></tr>" in page
    assert "<tr><td>9</td><td>caption</td><td>after paragraph 2</td><td>Photo: a port</td></tr>" in page
    assert "<strong>Removals:</strong> 1 (page number: 1)" in page
    assert "<strong>Paragraphs rejoined across page breaks:</strong> 2" in page
    assert "<strong>Line-end hyphens joined:</strong> 1" in page
    assert "<li>odd heading</li>" in page
    assert "<strong>Missing metadata:</strong> organisation" in page
    assert "<strong>Themes:</strong> unthemed" in page


def test_report_page_numbers_are_those_of_the_json_report_for_a_made_up_document():
    doc = a_document(removed=[Removal("x", "noise", "noise", 2), Removal("y", "noise", "noise", 3)],
                     stats={"lines_removed": 2, "footnotes": 4})
    corpus = linked([doc], Config())
    row = summary_table(render_report_page(corpus))["letter.txt"]
    (entry,) = make_report(corpus)["documents"]
    assert int(row["Removals"]) == len(entry["removed"]) == 2
    assert int(row["Lines removed"]) == entry["stats"]["lines_removed"] == 2
    assert int(row["Footnotes"]) == entry["stats"]["footnotes"] == 4


def test_seed_text_in_the_report_page_is_escaped():
    doc = a_document(removed=[Removal("<script>alert(1)</script> | [x](y)", "noise", "noise", 1)])
    page = render_report_pages(linked([doc], Config()))["changes/letter.md"]
    assert "<script>" not in page
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt; | [x](y)</td>" in page
    assert "<!-- verbatim -->\n<table>" in page  # raw HTML, never read as Markdown


def test_report_page_counts_anchors_carried_to_changed_text():
    first = Block("paragraph", "The first paragraph, as first published.", anchor="para-1", para=1)
    second = Block("paragraph", "The second paragraph, reworded since.", anchor="para-2", para=2)
    doc = a_document(blocks=[first, second])
    pinned = {"para-1": fingerprint(first.text), "para-2": fingerprint("The second paragraph, as first published.")}
    config = Config(permalinks=Manifest(pages={page_of(doc.slug): PageEntry(source=doc.name, anchors=pinned)}))
    page = render_report_pages(as_given([doc], config))["changes/letter.md"]
    assert "<strong>Paragraph anchors:</strong> 2; carried to changed text since first published: 1 (para-2)" in page


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
    summary = (project / "site" / "about" / "report" / "index.html").read_text(encoding="utf-8")
    doc_pages = list((project / "docs" / "changes").glob("*.md"))
    assert doc_pages
    for doc_page in doc_pages:
        assert doc_page.stem not in str(nav)
        assert f'href="../../changes/{doc_page.stem}/"' in summary
        assert (project / "site" / "changes" / doc_page.stem / "index.html").is_file()


def test_report_pages_are_excluded_from_search(seeds_site):
    project, _ = seeds_site
    pages = [project / "docs" / "about" / "report.md", *(project / "docs" / "about" / "report").rglob("*.md"),
             *(project / "docs" / "changes").glob("*.md")]
    assert len(pages) > 1
    for page in pages:
        front = yaml.safe_load(page.read_text(encoding="utf-8").split("---\n")[1])
        assert front["search"] == {"exclude": True}, page


def test_document_page_links_its_report_on_its_provenance_page():
    doc = a_document()
    from builder.write.doc_provenance import provenance_block
    block = "\n".join(provenance_block(doc, linked([doc], Config())))
    assert 'href="../../changes/letter/"' in block


def test_the_report_of_a_document_and_its_word_diff_are_one_page():
    doc = a_document(removed=[Removal("Page 3", "page number", "page_numbers", 1)])
    files = render_report_pages(linked([doc], Config()))
    assert not any(p.startswith("about/report/") for p in files)
    page = files["changes/letter.md"]
    assert "<tr><td>1</td><td>page number</td><td>Page 3</td></tr>" in page
    diff = page[page.index('<pre class="cleaning-diff">'):]
    assert "<del" in diff and "Page 3" in diff


def test_a_report_page_published_before_leads_to_the_provenance_page(tmp_path):
    project = make_project(tmp_path, {"a.txt": "A letter on recruitment fees\n\nMigrant workers pay fees.\n"})
    args = ["build", "--root", str(project), "--seeds", str(project / "seeds"), "--docs", str(project / "docs"),
            "--no-cache", "--jobs", "1", "-q"]
    assert main(args) == 0
    (slug,) = [p.stem for p in (project / "docs" / "changes").glob("*.md")]
    old = f"about/report/{slug}.md"
    manifest = project / MANIFEST_NAME
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("pages:\n", f"pages:\n  {old}: {{}}\n", 1),
                        encoding="utf-8")
    assert main(args) == 0
    redirect = (project / "docs" / page_url(old) / "index.html").read_text(encoding="utf-8")
    href = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', redirect).group(1)
    assert posixpath.normpath(posixpath.join(page_url(old), href)) == f"changes/{slug}"
    assert "location.hash" in redirect
    assert main([*args, "--check"]) == 0


def many_documents(n: int) -> list[Document]:
    docs = []
    for i in range(n):
        source = Source(name=f"d{i}.txt", text="Page 3\nText.\n", sha256="0" * 64)
        date = "2014-01-01" if i % 2 else ("2015-03-01" if i % 3 else None)
        docs.append(Document(source=source, slug=f"d{i}", meta=Metadata(title=f"Doc {i}", date=date),
                             removed=[Removal("Page 3", "page number", "page_numbers", 1)] * (i % 4),
                             stats={"rejoined_across_breaks": i % 5}))
    return docs


def test_a_long_summary_is_split_by_year_and_every_row_matches_the_json_report(monkeypatch):
    monkeypatch.setattr(report_page, "SUMMARY_MAX", 4)
    corpus = linked(many_documents(13), Config())
    files = render_report_pages(corpus)
    report = make_report(corpus)
    summary = files["about/report.md"]
    assert "| Document |" not in summary  # the summary page itself only links the years
    year_pages = sorted(p for p in files if p.startswith("about/report/by-year/"))
    assert year_pages == ["about/report/by-year/2014-2.md", "about/report/by-year/2014.md",
                          "about/report/by-year/2015.md", "about/report/by-year/undated.md"]
    for page in year_pages:
        assert page.removeprefix("about/") in summary
    rows = {}
    for page in year_pages:
        part = summary_table(files[page])
        assert 0 < len(part) <= 4
        rows.update(part)
    assert set(rows) == {e["source"] for e in report["documents"]}
    for entry in report["documents"]:
        row = rows[entry["source"]]
        assert int(row["Removals"]) == len(entry["removed"])
        assert int(row["Rejoined across page breaks"]) == entry["stats"].get("rejoined_across_breaks", 0)
        detail = files[f"changes/{by_name(corpus)[entry['source']].slug}.md"]
        assert f"<strong>Removals:</strong> {len(entry['removed'])}" in detail


def test_a_short_summary_is_one_table():
    files = render_report_pages(linked(many_documents(5), Config()))
    assert not any(p.startswith("about/report/by-year/") for p in files)
    assert len(summary_table(files["about/report.md"])) == 5


def test_every_column_of_the_summary_is_explained_once_above_the_table():
    summary = render_report_pages(linked(many_documents(3), Config()))["about/report.md"]
    terms = summary[summary.index("## What the columns mean"):summary.index("## Summary")]
    head = re.findall(r"<th>(.*?)</th>", summary[summary.index("## Summary"):])
    explained = re.findall(r"<dt>(.*?)</dt>", terms)
    assert sorted(explained) == sorted(head)  # each column once, and no term that is not a column


def test_removals_and_lines_removed_are_told_apart():
    terms = dict(report_page.TERMS)
    assert "piece of a line" in terms["Removals"] and "piece of a line counts none" in terms["Lines removed"]


def test_the_year_pages_and_each_document_s_report_link_the_explanations(monkeypatch):
    monkeypatch.setattr(report_page, "SUMMARY_MAX", 2)
    files = render_report_pages(linked(many_documents(5), Config()))
    target = f"#{report_page.TERMS_ID})"
    linking = [page for page, text in files.items() if target in text]
    assert {p for p in files if p.startswith(("about/report/by-year/", "changes/"))} <= set(linking)
    assert "{: #" + report_page.TERMS_ID + " }" in files["about/report.md"]


def test_the_summary_table_scrolls_in_a_box_of_its_own():
    summary = render_report_pages(linked(many_documents(3), Config()))["about/report.md"]
    box = re.search(r'<div class="report-table"[^>]*>\s*<table>', summary)
    assert box and 'tabindex="0"' in box.group(0) and 'aria-label="' in box.group(0)
