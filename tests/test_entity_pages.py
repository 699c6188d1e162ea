"""Entity pages, the Glossary, the timeline, related documents and links on document pages:
on small corpora written here, then end to end on the shipped seeds."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
import yaml
from conftest import ROOT, SEEDS, build_project, make_project, mkdocs_build

from builder.config import Config, EntityDecl, load_entities
from builder.document import Block, Document, Metadata, Source
from builder.link import Corpus, cross_link
from builder.write.doc_links import abbreviation_lines
from builder.write.doc_related import related_block
from builder.write.document_page import render_document
from builder.write.entity_pages import render_entity_pages
from builder.write.timeline import render_timeline


def make_doc(name: str, *texts: str, title: str = "", date: str | None = None) -> Document:
    blocks = [Block("heading", t[3:], level=2) if t.startswith("## ") else Block("paragraph", t) for t in texts]
    doc = Document(Source(name, "", ""), blocks,
                   meta=Metadata(title=title or name.removesuffix(".txt").title(), date=date),
                   slug=name.removesuffix(".txt"))
    n = 0
    for b in blocks:
        if b.citable:
            n += 1
            b.para, b.anchor = n, f"para-{n}"
    return doc


def linked_corpus(*docs: Document, entities: tuple[EntityDecl, ...] = ()) -> Corpus:
    return cross_link(Corpus(list(docs), Config(entities=list(entities))))


GFMD = "The Global Forum on Migration and Development (GFMD) met."
HLD = EntityDecl("hld", "High-level Dialogue on International Migration and Development", "event", "HLD",
                 ["High-level Dialogue"], date="2013-10-03")


# --- entity pages and the glossary --------------------------------------------------------

def test_entity_page_links_every_document_and_paragraph_that_names_it():
    a = make_doc("a.txt", GFMD, "Nothing here.", "The GFMD again.", date="2013-01-02")
    b = make_doc("b.txt", "## About the GFMD", "Elsewhere the GFMD is a forum of states.", date="2014-05-06")
    listing = render_entity_pages(linked_corpus(a, b))["entities/gfmd.md"].split("## Where the documents name it")[1]
    assert 'href="../../documents/a/#para-1"' in listing and 'href="../../documents/a/#para-3"' in listing
    assert "a/#para-2" not in listing
    assert 'href="../../documents/b/#para-1"' in listing and "Also in a heading" in listing
    assert listing.index("documents/a/") < listing.index("documents/b/")


def test_entity_page_gives_name_short_form_spellings_kind_and_the_corpus_definition():
    a = make_doc("a.txt", GFMD, "The GFMD is a state-led process open to all members.")
    page = render_entity_pages(linked_corpus(a))["entities/gfmd.md"]
    assert "# Global Forum on Migration and Development (GFMD)" in page
    assert "**Kind:** initiative" in page and "**Also written:** GFMD" in page
    assert "> The GFMD is a state-led process open to all members." in page
    assert "paragraph 2](../documents/a.md#para-2)" in page


def test_mention_is_quoted_with_its_context_and_escaped():
    a = make_doc("a.txt", "Before <b>*x*</b> the Global Forum on Migration and Development (GFMD) after.")
    page = render_entity_pages(linked_corpus(a))["entities/gfmd.md"]
    assert ("Before &lt;b&gt;*x*&lt;/b&gt; the <strong>Global Forum on Migration and Development</strong> (GFMD) "
            "after.") in page


def test_event_page_lists_the_documents_written_for_it():
    w = make_doc("w.txt", "We will attend.", title="Positions for the High-level Dialogue")
    page = render_entity_pages(linked_corpus(w, make_doc("x.txt", "The HLD met."), entities=(HLD,)))["entities/hld.md"]
    assert "## Written for this event" in page
    assert "- [Positions for the High-level Dialogue](../documents/w.md)" in page


def test_only_entities_that_a_document_names_get_a_page():
    files = render_entity_pages(linked_corpus(make_doc("a.txt", GFMD), entities=(HLD,)))
    assert "entities/gfmd.md" in files and "entities/hld.md" not in files


def test_glossary_groups_entities_by_kind_and_links_their_pages():
    a = make_doc("a.txt", GFMD, "The Committee on Migrant Workers (CMW) met at the High-level Dialogue.")
    glossary = render_entity_pages(linked_corpus(a, entities=(HLD,)))["entities/index.md"]
    headings = re.findall(r"^## (.+)$", glossary, re.M)
    assert headings == ["Bodies and mechanisms", "Events", "Initiatives and processes"]
    assert "| [Committee on Migrant Workers](cmw.md) | CMW | 1 |" in glossary


# --- document pages -----------------------------------------------------------------------

def test_entity_mention_on_a_document_page_links_to_the_entity_page():
    a = make_doc("a.txt", GFMD)
    b = make_doc("b.txt", "The GFMD met.")
    corpus = linked_corpus(a, b)
    assert "The [GFMD](../entities/gfmd.md) met." in render_document(b, corpus)


def test_abbreviations_are_defined_for_tooltips_with_the_expansion_escaped():
    a = make_doc("a.txt", "The Fish & <Aquatic> Farms (FAF) met.")
    lines = abbreviation_lines(a, linked_corpus(a))
    assert "*[FAF]: Fish &amp; &lt;Aquatic&gt; Farms" in lines


def test_related_block_explains_each_related_document_and_who_refers_to_this_one():
    w = make_doc("w.txt", "The GFMD met before the High-level Dialogue.", title="Positions for the High-level Dialogue",
                 date="2013-09-27")
    x = make_doc("x.txt", GFMD, "The HLD met.", date="2014-01-01")
    corpus = linked_corpus(w, x, entities=(HLD,))
    text = "\n".join(related_block(w, corpus))
    assert "**Written for:** [High-level Dialogue on International Migration and Development (HLD)]" \
           "(../entities/hld.md)" in text
    assert "## Related documents\n\n- [X](x.md) (1 January 2014): Both mention " in text
    assert "## Referenced by\n\n- [X](x.md) (1 January 2014): Mentions the HLD, the event this document " \
           "was written for." in text


def test_timeline_page_lists_documents_and_events_in_date_order():
    w = make_doc("w.txt", "Before the High-level Dialogue.", title="Positions", date="2013-09-27")
    x = make_doc("x.txt", "After the HLD.", title="Report", date="2014")
    page = render_timeline(linked_corpus(w, x, make_doc("u.txt", "Undated.", title="Undated note"), entities=(HLD,)))
    order = [page.index(s) for s in ("[Positions](documents/w.md)", "[High-level Dialogue on International",
                                     "[Report](documents/x.md)", "## Undated documents", "[Undated note]")]
    assert order == sorted(order)
    assert "**3 October 2013** · Event: [High-level Dialogue on International Migration and Development (HLD)]" \
           "(entities/hld.md) — mentioned in [Positions](documents/w.md), [Report](documents/x.md)" in page


# --- small projects, through the builder ---------------------------------------------------

def entity_page_sources(project: Path, report: dict, entity: str) -> set[str]:
    """Seeds whose page the entity page links to."""
    page = (project / "docs" / "entities" / f"{entity}.md").read_text(encoding="utf-8")
    by_page = {Path(d["page"]).name: d["source"] for d in report["documents"]}
    return {by_page[f"{m}.md"] for m in re.findall(r'href="\.\./\.\./documents/([^/"#]+)/', page)
            if f"{m}.md" in by_page}


def test_alias_in_entities_yml_merges_two_spellings_into_one_entity_page(tmp_path):
    entities = yaml.safe_dump({"entities": [{
        "id": "ceb", "name": "Chief Executives Board for Coordination", "kind": "body", "short": "CEB",
        "aliases": ["UN System Chief Executives Board for Cooperation"]}]})
    project = make_project(tmp_path, {
        "a.txt": "Report of the board\n\nThe Chief Executives Board for Coordination asked for advice.\n",
        "b.txt": "Note on the request\n\nThe UN System Chief Executives Board for Cooperation asked again.\n",
    }, config={"entities.yml": entities})
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    assert entity_page_sources(project, report, "ceb") == {"a.txt", "b.txt"}


def test_acronym_defined_in_one_seed_is_linked_and_explained_in_another(tmp_path):
    project = make_project(tmp_path, {
        "a.txt": "Fisheries report\n\nThe Regional Fisheries Council (RFC) met in March.\n",
        "b.txt": "Letter on quotas\n\nWe thank the RFC for its advice on quotas.\n",
    }, config={"entities.yml": "entities: []\n"})
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    page_b = next(d["page"] for d in report["documents"] if d["source"] == "b.txt")
    md = (project / "docs" / page_b).read_text(encoding="utf-8")
    assert "[RFC](../entities/rfc.md)" in md
    assert "*[RFC]: Regional Fisheries Council" in md
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stdout + built.stderr
    html = (project / "site" / Path(page_b).with_suffix("").as_posix() / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../entities/rfc/"><abbr title="Regional Fisheries Council">RFC</abbr></a>' in html


WIDGETS = ("Note on widgets\n\nThe International Widget Office (IWO) met on 4 April 2016. The IWO agreed a "
           "standard for widgets and asked its members to apply it before the end of the year.\n")
HARBOURS = ("Report on harbour safety\n\nThe harbour authority met on 3 March 2015 to review safety at the "
            "docks and asked the port operators for more data on accidents.\n")


def test_withdrawing_the_only_seed_that_names_an_entity_leaves_a_notice_at_its_page(tmp_path):
    project = make_project(tmp_path, {"a.txt": HARBOURS, "b.txt": WIDGETS})
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    assert (project / "docs" / "entities" / "iwo.md").is_file()
    withdrawn_page = next(d["page"] for d in report["documents"] if d["source"] == "b.txt")
    (project / "seeds" / "b.txt").unlink()
    (project / "metadata.yml").write_text("withdrawn:\n  b.txt:\n    reason: published by mistake\n",
                                          encoding="utf-8")
    result, _ = build_project(project)
    assert result.returncode == 0, result.stderr  # no hand-written moved_to needed
    notice = (project / "docs" / "entities" / "iwo.md").read_text(encoding="utf-8")
    assert "No longer in the glossary" in notice
    assert f"(../{withdrawn_page})" in notice  # leads to the withdrawal notice
    assert "IWO" not in (project / "docs" / "entities" / "index.md").read_text(encoding="utf-8")
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (project / "site" / "entities" / "iwo" / "index.html").is_file()


def test_an_entity_page_that_vanishes_without_a_withdrawal_still_stops_the_build(tmp_path):
    project = make_project(tmp_path, {"a.txt": HARBOURS, "b.txt": WIDGETS})
    assert build_project(project)[0].returncode == 0
    (project / "seeds" / "b.txt").write_text(WIDGETS.replace("International Widget Office (IWO)", "office")
                                             .replace("The IWO", "It"), encoding="utf-8")
    result, _ = build_project(project)
    assert result.returncode == 2
    assert "entities/iwo/: would break" in result.stderr


# --- the shipped seeds --------------------------------------------------------------------

REQUIRED = ("iom", "ohchr", "ilo", "unhcr", "micic", "hld-2013", "icrmw", "untoc", "trafficking-protocol",
            "smuggling-protocol", "gfmd", "gmg")


def grep_pattern(spelling: str) -> re.Pattern[str]:
    """The spelling as a whole-word pattern; words may be split by spaces, line breaks, hyphens
    or commas; case matters only for acronyms."""
    words = [re.escape(w) for w in re.split(r"[\s,-]+", spelling.replace("’", "'")) if w]
    acronym = " " not in spelling and sum(c.isupper() for c in spelling) >= 2
    return re.compile(r"(?<!\w)" + r"[\s,-]+".join(words) + r"(?!\w)", 0 if acronym else re.IGNORECASE)


def seeds_mentioning(entity: EntityDecl) -> set[str]:
    patterns = [grep_pattern(s) for s in (entity.name, entity.short, *entity.aliases) if s]
    out = set()
    for seed in SEEDS.glob("*.txt"):
        text = seed.read_text(encoding="utf-8").replace("’", "'")
        text = re.sub(r"https?://\S+", " ", text)   # a web address is not a mention
        if any(p.search(text) for p in patterns):
            out.add(seed.name)
    return out


def test_entity_pages_exist_for_the_entities_that_connect_the_seeds(seeds_site):
    project, _ = seeds_site
    for entity in REQUIRED:
        assert (project / "site" / "entities" / entity / "index.html").is_file(), entity
    glossary = (project / "site" / "entities" / "index.html").read_text(encoding="utf-8")
    for entity in REQUIRED:
        assert f'href="{entity}/"' in glossary, entity


@pytest.mark.parametrize("entity", REQUIRED)
def test_entity_page_lists_exactly_the_seeds_that_mention_it(seeds_site, entity):
    project, report = seeds_site
    decl = next(e for e in load_entities(ROOT / "entities.yml") if e.id == entity)
    expected = seeds_mentioning(decl)
    assert expected, f"no seed mentions {entity}"
    assert entity_page_sources(project, report, entity) == expected


class _Links(HTMLParser):
    """Collects, inside the page's article, links in headings, links in links and every href."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth_article = 0
        self.heading = 0
        self.anchor = 0
        self.in_heading: list[str] = []
        self.nested: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "article":
            self.depth_article += 1
        if not self.depth_article:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self.heading += 1
        if tag == "a":
            href = a.get("href") or ""
            if self.anchor:
                self.nested.append(href)
            if self.heading and "headerlink" not in (a.get("class") or ""):
                self.in_heading.append(href)
            self.anchor += 1
            self.hrefs.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth_article -= 1
        if not self.depth_article:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self.heading -= 1
        if tag == "a" and self.anchor:
            self.anchor -= 1


def crosslinked_pages(site: Path) -> list[Path]:
    """Every page of the site (the rule holds everywhere, not only where entities are linked)."""
    pages = sorted(site.rglob("index.html"))
    assert site / "timeline" / "index.html" in pages and site / "entities" / "iom" / "index.html" in pages
    return pages


def test_no_link_sits_in_a_heading_or_inside_another_link(seeds_site):
    project, _ = seeds_site
    problems = []
    for page in crosslinked_pages(project / "site"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        problems += [(page.parent.name, "in heading", h) for h in parser.in_heading]
        problems += [(page.parent.name, "nested", h) for h in parser.nested]
    assert problems == []


def test_no_page_links_to_itself(seeds_site):
    project, _ = seeds_site
    site = project / "site"
    problems = []
    for page in crosslinked_pages(site):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        here = ("/" + page.parent.relative_to(site).as_posix() + "/").replace("/./", "/")
        for href in parser.hrefs:
            if not href or href.startswith("#") or urlparse(href).scheme:
                continue   # in-page anchors (footnotes, ¶) are not links to the page
            target = unquote(urlparse(urljoin("http://site" + here, href)).path)
            if target == here:
                problems.append((here, href))
    assert problems == []


def test_documents_link_entities_and_show_abbreviations(seeds_site):
    project, report = seeds_site
    pages = [(project / "site" / d["url"] / "index.html").read_text(encoding="utf-8") for d in report["documents"]]
    assert sum('href="../../entities/' in p for p in pages) == len(pages)
    assert any('<abbr title="International Organization for Migration">IOM</abbr>' in p for p in pages)
    timeline = (project / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert 'href="../entities/hld-2013/"' in timeline


def test_entity_named_in_many_documents_lists_every_paragraph_without_quotes():
    docs = [make_doc(f"d{i:03}.txt", GFMD, "Other words.", "The GFMD again.") for i in range(60)]
    page = render_entity_pages(linked_corpus(*docs))["entities/gfmd.md"]
    assert page.count('<li>Paragraphs <a href="../../documents/d') == 60
    assert 'href="../../documents/d059/#para-3"' in page
    assert "<strong>GFMD</strong>" not in page
