"""Entity links as a reader meets them on the built pages of the seeds and of the development
corpus: at most one link to an entity in each section of a document's text (the part under a
top-level heading, a box, the footnotes), and none in a heading, a caption box, words in
quotation marks or a document symbol. Read from the HTML that `mkdocs build --strict` made."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from builder.enrich import symbols

TEXT_CONTAINERS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6"}
OPENING_MARKS = {"“": "”", "„": "“”", "«": "»"}


@dataclass
class EntityLink:
    entity: str
    section: tuple[str, int]
    where: set[str] = field(default_factory=set)
    """``heading``, ``caption``, ``quotation``, ``symbol``: where it should never be."""


class DocumentText(HTMLParser):
    """The entity links of a document page's text (its article up to the citation box), each with
    its section and what holds it."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0          # inside <article>
        self.done = False       # past the text (the citation box and what follows)
        self.events: list[tuple] = []
        self.open: list[tuple[str, str]] = []   # (tag, class) of the open elements in the article
        self.texts: list[list] = []             # open text containers: [text so far, [(link, start, end)]]
        self.link: EntityLink | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "article":
            self.depth += 1
        if not self.depth or self.done or tag in ("br", "hr", "img", "input", "meta"):
            return
        if "cite-quick" in a.get("class", ""):
            self.done = True
            return
        self.open.append((tag, a.get("class", "")))
        if re.fullmatch(r"h[1-6]", tag):
            self.events.append(("heading", int(tag[1])))
        if tag == "div" and re.search(r"\b(admonition|footnote)\b", a.get("class", "")):
            self.events.append(("section", len(self.events)))
        if tag in TEXT_CONTAINERS:
            self.texts.append(["", []])
        target = re.fullmatch(r"(?:\.\./)+entities/([^/]+)/", a.get("href", "")) if tag == "a" else None
        if target:
            self.link = EntityLink(target.group(1), ("", 0))
            self.events.append(("link", self.link))
            if self.texts:
                self.texts[-1][1].append([self.link, len(self.texts[-1][0]), None])
            holders = [t for t, _ in self.open] + [c for _, c in self.open]
            if any(re.fullmatch(r"h[1-6]", h) for h in holders):
                self.link.where.add("heading")
            if any("admonition" in c and "quote" in c.split() for _, c in self.open):
                self.link.where.add("caption")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if not self.depth or self.done or not self.open:
            return
        while self.open and self.open[-1][0] != tag:
            self.open.pop()   # an element closed implicitly
        if not self.open:
            return
        _, css = self.open.pop()
        if tag == "a" and self.link and self.texts:
            self.texts[-1][1][-1][2] = len(self.texts[-1][0])
            self.link = None
        if tag == "div" and re.search(r"\b(admonition|footnote)\b", css):
            self.events.append(("end-section", 0))
        if tag in TEXT_CONTAINERS and self.texts:
            judge(*self.texts.pop())

    def handle_data(self, data: str) -> None:
        if self.depth and not self.done:
            for text in self.texts:
                text[0] += data

    def links(self) -> list[EntityLink]:
        """The links, each given its section: a new one at each top-level heading (the highest
        level below the title's), at each box and at the footnotes."""
        levels = [e[1] for e in self.events if e[0] == "heading" and e[1] > 1]
        top = min(levels, default=2)
        section: tuple[str, int] = ("text", 0)
        outer = section
        found = []
        for n, (kind, value) in enumerate(self.events):
            if kind == "heading" and value <= top:
                section = outer = ("text", n)
            elif kind == "section":
                section = ("box", n)
            elif kind == "end-section":
                section = outer
            elif kind == "link":
                value.section = section
                found.append(value)
        return found


def judge(text: str, links: list) -> None:
    """Mark each link of a text container that sits in quotation marks or in a document symbol."""
    symbol_spans = [(s, e) for s, e, _ in symbols.matches(text)]
    for link, start, end in links:
        end = len(text) if end is None else end
        before = text[:start]
        if before.count('"') % 2 or any(before.count(o) > sum(before.count(c) for c in closers)
                                        for o, closers in OPENING_MARKS.items()):
            link.where.add("quotation")
        if any(s < end and start < e for s, e in symbol_spans):
            link.where.add("symbol")


def document_links(site: Path, url: str) -> list[EntityLink]:
    parser = DocumentText()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser.links()


def judged_pages(site_fixture) -> tuple[Path, list[str]]:
    project, report = site_fixture
    return project / "site", [d["url"] for d in report["documents"]]


@pytest.fixture(params=["seeds_site", "dev_corpus_site"])
def corpus_pages(request) -> tuple[Path, list[str]]:
    return judged_pages(request.getfixturevalue(request.param))


def test_the_judged_pages_link_entities(corpus_pages):
    site, urls = corpus_pages
    assert sum(bool(document_links(site, url)) for url in urls) >= 3


def test_an_entity_is_linked_at_most_once_in_each_section(corpus_pages):
    site, urls = corpus_pages
    repeated = {}
    for url in urls:
        counts = Counter((link.section, link.entity) for link in document_links(site, url))
        repeated.update({(url, key): n for key, n in counts.items() if n > 1})
    assert repeated == {}


def test_no_page_links_one_entity_in_every_one_of_its_many_short_sections(corpus_pages):
    """Issue #21 saw nine links to one body on one page of the seeds; a link per section, with
    sections a few paragraphs long, is what made them."""
    site, urls = corpus_pages
    most = {url: Counter(link.entity for link in document_links(site, url)).most_common(1) for url in urls}
    assert {url: top for url, top in most.items() if top and top[0][1] > 5} == {}


def test_no_entity_link_in_a_heading_a_caption_a_quotation_or_a_symbol(corpus_pages):
    site, urls = corpus_pages
    misplaced = [(url, link.entity, sorted(link.where)) for url in urls
                 for link in document_links(site, url) if link.where]
    assert misplaced == []




ABBR_AGAINST_A_SLASH = re.compile(r"/<abbr [^>]*>([^<]*)</abbr>|<abbr [^>]*>([^<]*)</abbr>/")


def abbreviations_in_symbols(html: str) -> list[str]:
    """The acronyms marked ``<abbr>`` inside a document symbol (``A/<abbr>HRC</abbr>/53/26``)."""
    found = []
    for m in ABBR_AGAINST_A_SLASH.finditer(html):
        acronym = m.group(1) or m.group(2)
        around = re.sub(r"<[^>]+>", "", html[max(0, m.start() - 80):m.end() + 80])
        if any(acronym in re.split(r"[/.()-]", symbol) for _, _, symbol in symbols.matches(around)):
            found.append(acronym)
    return found


def test_the_symbol_check_sees_an_abbreviation_inside_a_symbol():
    assert abbreviations_in_symbols('See A/<abbr title="Human Rights Council">HRC</abbr>/53/26.') == ["HRC"]
    assert abbreviations_in_symbols('The <abbr title="x">IOM</abbr>/UNHCR plan.') == []


def test_no_abbreviation_is_marked_inside_a_document_symbol(corpus_pages):
    site, urls = corpus_pages
    pages = {url: (site / url / "index.html").read_text(encoding="utf-8") for url in urls}
    assert any("<abbr " in html for html in pages.values())
    found = {url: abbreviations_in_symbols(html) for url, html in pages.items()}
    assert {url: acronyms for url, acronyms in found.items() if acronyms} == {}
