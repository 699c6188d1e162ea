"""Document pages say where the reader is: breadcrumbs Documents › the document's year › its title
above the title, the year linking the year's listing (the timeline's section of that year, or the
year's page once the documents listing is split by year)."""

from __future__ import annotations

import re

from conftest import linked

from builder.config import Config
from builder.document import Document, Metadata, Source
from builder.link import LinkedCorpus, by_name
from builder.report import make_report
from builder.write import paginate
from builder.write.doc_header import breadcrumbs
from builder.write.document_page import render_document
from builder.write.pages import document_files, document_inputs


def a_document(slug: str, title: str = "A letter & more", date: str | None = "2014-03-02") -> Document:
    source = Source(name=f"{slug}.txt", text="Text.\n", sha256="0" * 64)
    return Document(source=source, slug=slug, meta=Metadata(title=title, date=date))


def crumbs(doc: Document, corpus: LinkedCorpus) -> list[tuple[str, str]]:
    """The breadcrumbs as (link target, text); the last, the page itself, has no target."""
    html = "\n".join(breadcrumbs(doc, corpus))
    assert '<nav class="breadcrumbs" aria-label="Breadcrumb"' in html
    return re.findall(r'<li>(?:<a href="([^"]*)">|<span aria-current="page">)(.*?)</(?:a|span)></li>', html)


def inputs(name: str, corpus: LinkedCorpus) -> str | None:
    """The memo key of the corpus's own (pinned) copy of the seed ``name``."""
    text = document_inputs(by_name(corpus)[name], corpus)
    assert text is not None
    return text


def test_a_dated_document_shows_documents_then_its_year_then_its_title():
    doc = a_document("letter")
    assert crumbs(doc, linked([doc], Config())) == [
        ("../", "Documents"), ("../../timeline/#2014", "2014"), ("", "A letter &amp; more")]


def test_an_undated_document_links_the_timeline_s_undated_section():
    doc = a_document("note", date=None)
    assert crumbs(doc, linked([doc], Config()))[1] == ("../../timeline/#undated-documents", "Undated")


def test_on_a_collection_split_by_year_the_year_links_its_page(monkeypatch):
    monkeypatch.setattr(paginate, "LISTING_MAX", 2)
    docs = [a_document(f"d{i}", date=f"{2010 + i % 2}-01-01") for i in range(3)]
    assert crumbs(docs[1], linked(docs, Config()))[1] == ("../by-year/2011/", "2011")


def test_the_breadcrumbs_come_before_the_title():
    doc = a_document("letter")
    page = render_document(doc, linked([doc], Config()))
    assert page.index('<nav class="breadcrumbs"') < page.index("# A letter")


def test_a_page_is_rendered_again_when_the_listing_comes_to_be_split(monkeypatch):
    docs = [a_document(f"d{i}") for i in range(3)]
    before = inputs("d0.txt", linked(docs, Config()))
    monkeypatch.setattr(paginate, "LISTING_MAX", 2)
    assert inputs("d0.txt", linked(docs, Config())) != before


def test_on_a_year_listed_in_parts_the_year_links_the_part_that_lists_the_document(monkeypatch):
    monkeypatch.setattr(paginate, "LISTING_MAX", 2)
    docs = [a_document(f"d{i}", date=f"2011-01-0{i + 1}") for i in range(5)]
    corpus = linked(docs, Config())
    listed = {part.page: [d.slug for d in part.docs] for part in paginate.parts(docs)}
    assert listed == {"documents/by-year/2011.md": ["d0", "d1"], "documents/by-year/2011-2.md": ["d2", "d3"],
                      "documents/by-year/2011-3.md": ["d4"]}
    assert [crumbs(d, corpus)[1] for d in (docs[1], docs[2], docs[4])] == [
        ("../by-year/2011/", "2011"), ("../by-year/2011-2/", "2011"), ("../by-year/2011-3/", "2011")]


def test_a_page_is_rendered_again_when_its_document_moves_to_another_part_of_its_year(monkeypatch):
    monkeypatch.setattr(paginate, "LISTING_MAX", 2)
    docs = [a_document(f"d{i}", date=f"2011-01-0{i + 2}") for i in range(4)]
    before = inputs("d1.txt", linked(docs, Config()))
    earlier = a_document("d9", date="2011-01-01")   # listed first: d1 moves to the second part
    assert inputs("d1.txt", linked([earlier, *docs], Config())) != before


def test_the_provenance_page_shows_documents_its_year_the_document_then_itself():
    doc = a_document("letter")
    corpus = linked([doc], Config())
    entry = make_report(corpus)["documents"][0]
    page = document_files(doc, corpus, entry, None)["changes/letter.md"]
    html = "\n".join(line for line in page.splitlines() if 'class="breadcrumbs"' in line)
    assert re.findall(r'<li>(?:<a href="([^"]*)">|<span aria-current="page">)(.*?)</(?:a|span)></li>', html) == [
        ("../../documents/", "Documents"), ("../../timeline/#2014", "2014"),
        ("../../documents/letter/", "A letter &amp; more"), ("", "What cleaning changed")]
    assert page.startswith("---\n") and page.index('class="breadcrumbs"') < page.index("\n# What cleaning changed")
