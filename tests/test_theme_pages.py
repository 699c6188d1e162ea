"""Theme pages, the themes overview, the home page and the document header, built from
small corpora and taxonomies written here."""

from __future__ import annotations

import gc
import re
import weakref
from html.parser import HTMLParser

from pathlib import Path

from builder import pipeline
from builder.config import Config
from builder.document import Document, Source, ThemeHit
from builder.write.theme_pages import documents_for
from conftest import linked, make_project, mkdocs_build

THEMES = """\
themes:
  - id: farm-work
    label: Farm work
    description: Work on farms and in orchards.
    phrases: [seasonal workers, harvest*, orchard]
  - id: water
    label: Water rights
    description: Who may use the rivers.
    phrases: [water rights, irrigation]
"""

ORCHARD = """\
Seasonal work in the orchards

March 3, 2015

Seasonal workers arrive in the orchard every spring. They pick apples for the apple harvest.

The harvest ends in October. Seasonal workers then go home.

Irrigation canals need repair. Water rights are shared between the villages.
"""

RIVER = """\
Water in the valley

June 9, 2012

Water rights decide who may open the irrigation gates. Irrigation is a village matter.

Water rights are written in old books. The irrigation board keeps them.

Seasonal workers drink from the river too.
"""

BIRDS = """\
Birds of the marshes

May 1, 2014

The marsh herons nest in the reeds. Marsh herons feed on frogs.

Volunteers count the marsh herons every spring and every autumn.
"""


class Site:
    """A project built in memory: its pages by docs-relative path, and the report."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.rebuild()

    def rebuild(self) -> None:
        result = pipeline.build(self.project / "seeds", self.project, jobs=1, use_cache=False)
        self.files, self.report = result.files, result.report

    def page(self, path: str) -> str:
        return self.files[path]

    def doc(self, source: str) -> dict:
        return next(d for d in self.report["documents"] if d["source"] == source)

    def doc_page(self, source: str) -> str:
        return self.files[self.doc(source)["page"]]


def build(tmp_path, seeds=None, themes=THEMES, **config) -> Site:
    project = make_project(tmp_path, seeds or {"orchard.txt": ORCHARD, "river.txt": RIVER},
                           config={"themes.yml": themes, **config})
    return Site(project)


def test_theme_page_ranks_documents_by_strength_with_linked_excerpts(tmp_path):
    site = build(tmp_path)
    text = site.page("themes/water.md")
    assert "Who may use the rivers." in text
    # The river document has more and stronger passages than the orchard document.
    assert text.index("# Water in the valley") < text.index("# Seasonal work in the orchards")
    assert "> **Water rights** decide who may open the **irrigation** gates." in text
    links = re.findall(r"\]\(\.\./(documents/[^)#]+\.md)#(para-\d+)\)", text)
    assert links
    for doc_page, anchor in links:
        assert re.search(r"\{: #" + anchor + r"[ }]", site.page(doc_page))


def test_each_document_shows_at_most_three_passages_strongest_first(tmp_path):
    many = "A farm\n\nJuly 1, 2016\n\n" + "\n\n".join(
        f"Seasonal workers came in year {i} to the orchard." for i in range(5)) + (
        "\n\nSeasonal workers and seasonal workers again at the orchard for the harvest.\n")
    text = build(tmp_path, {"farm.txt": many}).page("themes/farm-work.md")
    assert text.count("{: .passage-source }") == 3
    quotes = [line for line in text.splitlines() if line.startswith("> ")]
    assert len(quotes) == 3 and "again at the" in quotes[0]


def test_excerpt_links_land_on_anchors_that_exist_in_the_strict_build(tmp_path):
    site = build(tmp_path)
    for path, text in site.files.items():
        target = site.project / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text if isinstance(text, bytes) else text.encode())
    built = mkdocs_build(site.project)
    assert built.returncode == 0, built.stdout + built.stderr
    html = (site.project / "site" / "themes" / "water" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="\.\./\.\./(documents/[^"#]+)#(para-\d+)"', html)
    assert links
    for target, anchor in links:
        assert f'id="{anchor}"' in (site.project / "site" / target / "index.html").read_text(encoding="utf-8")


APPLES = """\
  - id: apples
    label: Apples
    description: Apples and their pickers.
    phrases: [apples, apple harvest, pick apples]
"""


def test_editing_the_taxonomy_changes_the_pages(tmp_path):
    site = build(tmp_path)
    assert "themes/apples.md" not in site.files
    assert "# Seasonal work in the orchards" in site.page("themes/water.md")
    assert "themes/water/" in site.doc_page("orchard.txt")

    # The editor adds a theme and takes a phrase out of another, then rebuilds.
    edited = THEMES.replace("phrases: [water rights, irrigation]", "phrases: [water rights]") + APPLES
    (site.project / "themes.yml").write_text(edited, encoding="utf-8")
    site.rebuild()

    apples = site.page("themes/apples.md")
    assert "# Seasonal work in the orchards" in apples and "# Water in the valley" not in apples
    assert "**pick apples**" in apples
    assert '<a href="apples/">Apples</a>' in site.page("themes/index.md")
    assert "themes/apples/" in site.doc_page("orchard.txt")
    # Without "irrigation", the orchard's one sentence on water is too little evidence.
    assert "themes/water/" not in site.doc_page("orchard.txt")
    water = site.page("themes/water.md")
    assert "# Water in the valley" in water and "# Seasonal work in the orchards" not in water
    assert "**Water rights**" in water and "**irrigation**" not in water


def test_overview_counts_documents_per_theme(tmp_path):
    text = build(tmp_path).page("themes/index.md")
    # Theme | main theme of | mentioned in
    assert "| [Farm work](farm-work.md) | 1 | 0 |" in text
    # The orchard's last paragraph (irrigation, water rights) is an aside there: mentioned.
    assert "| [Water rights](water.md) | 1 | 1 |" in text


class _Table(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.headers: list[dict] = []
        self.cells: list[dict] = []
        self.caption = False
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "img", "input", "hr", "meta", "link"):
            self.stack.append(tag)
        a = dict(attrs)
        if tag == "th":
            self.headers.append(a)
        if tag == "td":
            self.cells.append(a)
        if tag == "caption":
            self.caption = True
        if tag == "a" and "td" in self.stack:
            self.cells[-1]["link"] = a

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}>")
        else:
            self.stack.pop()


def test_matrix_is_an_accessible_table_whose_cells_link_to_the_passages(tmp_path):
    site = build(tmp_path)
    table = re.search(r'<div class="theme-matrix-wrap">.*?</div>', site.page("themes/index.md")).group(0)
    parser = _Table()
    parser.feed(table)
    assert parser.errors == [] and parser.stack == []
    assert parser.caption
    assert parser.headers and all(h.get("scope") in ("col", "row") for h in parser.headers)
    shaded = [c for c in parser.cells if c.get("class", "").startswith("m m") and c.get("class") != "m m0"]
    assert len(shaded) == sum(len(d["themes"]) for d in site.report["documents"])
    for cell in shaded:
        theme, anchor = re.fullmatch(r"([a-z-]+)/#(doc-[\w-]+)", cell["link"]["href"]).groups()
        assert f"{{: #{anchor} }}" in site.page(f"themes/{theme}.md")
        assert "evidence" in cell["link"]["aria-label"]


def test_unthemed_document_is_listed_with_suggested_phrases(tmp_path):
    site = build(tmp_path, {"orchard.txt": ORCHARD, "birds.txt": BIRDS})
    birds = site.doc("birds.txt")
    assert birds["unthemed"] and "marsh herons" in birds["keywords"]
    assert {"source": "birds.txt", "keywords": birds["keywords"]} in site.report["unthemed"]
    overview = site.page("themes/index.md")
    assert "## Unthemed documents" in overview
    assert re.search(r"\[Birds of the marshes\]\(\.\./documents/[^)]+\): suggested phrases: marsh herons",
                     overview)


def test_document_header_shows_date_type_and_theme_tags(tmp_path):
    text = build(tmp_path).doc_page("orchard.txt")
    assert "**Date:** 3 March 2015" in text
    assert '<a class="theme-tag" href="../../themes/farm-work/">Farm work</a>' in text


MENTIONS = "Seasonal workers drink from the river too.\n\nSeasonal workers wash in it."
"""Two passing mentions of farm work in the river document (no paragraph treats it)."""


def test_matrix_shows_main_themes_and_mentions_apart_with_a_legend(tmp_path):
    site = build(tmp_path, {"orchard.txt": ORCHARD, "river.txt": RIVER.replace(
        "Seasonal workers drink from the river too.", MENTIONS)})
    overview = site.page("themes/index.md")
    assert '<span aria-hidden="true">●</span> main theme' in overview
    assert '<span aria-hidden="true">○</span> mentioned' in overview
    assert re.search(r'<td class="m m\d main"><a [^>]*>●</a>', overview)
    assert re.search(r'<td class="m m\d mention"><a [^>]*>○</a>', overview)


def test_a_theme_only_mentioned_is_listed_apart_from_the_tags_and_after_main_documents(tmp_path):
    site = build(tmp_path, {"orchard.txt": ORCHARD, "river.txt": RIVER.replace(
        "Seasonal workers drink from the river too.", MENTIONS)})
    river = site.doc_page("river.txt")
    assert '<a class="theme-tag" href="../../themes/water/">Water rights</a>' in river
    assert re.search(r'<small>Also mentions: <a class="theme-mention" href="[^"]*farm-work/">Farm work</a>', river)
    assert 'class="theme-tag" href="../../themes/farm-work/"' not in river
    farm = site.page("themes/farm-work.md")
    assert farm.index("# Seasonal work in the orchards") < farm.index("# Water in the valley")
    assert "main theme, strength" in farm and "mentioned, strength" in farm


def test_letter_header_shows_from_to_and_signatory(tmp_path):
    letter = """\
MINISTRY OF FARMS

May 4, 2015

Office of the Rural Assembly
Geneva

Dear Colleagues:

Seasonal workers in the orchard need fair contracts for the harvest, and seasonal workers need housing near the orchard.

Sincerely,

Ana Berg
Director
"""
    text = build(tmp_path, {"letter.txt": letter}).doc_page("letter.txt")
    header = next(line for line in text.splitlines() if line.startswith("**Date:**"))
    assert "**Date:** 4 May 2015" in header
    assert "**From:** Ministry of Farms" in header
    assert "**To:** Office of the Rural Assembly, Geneva" in header
    assert "**Type:** letter" in header
    assert "**Signed:** Ana Berg, Director" in header


def test_home_lists_every_document_by_date_with_its_facts(tmp_path):
    site = build(tmp_path, {"orchard.txt": ORCHARD, "river.txt": RIVER, "birds.txt": BIRDS})
    home = site.page("index.md")
    rows = [line for line in home.splitlines() if line.startswith("<tr><td>") and 'href="documents/' in line]
    assert [r.removeprefix("<tr><td>").split("</td>")[0] for r in rows] == ["9 June 2012", "1 May 2014", "3 March 2015"]
    assert '">Seasonal work in the orchards</a>' in rows[2]
    assert '<a href="themes/farm-work/">Farm work</a>' in rows[2]
    assert home.index("This site publishes") < home.index("<th>Date</th><th>Title</th><th>Organisation</th>")
    listing = site.page("documents/index.md")
    assert listing.index("Water in the valley") < listing.index("Birds of the marshes") < listing.index(
        "Seasonal work in the orchards")


def test_metadata_override_wins_and_is_reported(tmp_path):
    overrides = """\
documents:
  orchard.txt:
    title: Orchard workers
    date: "2015-03-04"
"""
    site = build(tmp_path, **{"metadata.yml": overrides})
    orchard = site.doc("orchard.txt")
    assert orchard["title"] == "Orchard workers" and orchard["date"] == "2015-03-04"
    assert orchard["metadata_sources"]["title"] == orchard["metadata_sources"]["date"] == "override"
    assert orchard["metadata_overrides"]["date"] == {"text": "2015-03-03", "override": "2015-03-04"}
    text = site.doc_page("orchard.txt")
    assert "\ntitle: Orchard workers\n" in text and "\n# Orchard workers\n" in text
    assert "**Date:** 4 March 2015" in text
    assert '">Orchard workers</a>' in site.page("index.md")



def test_a_theme_page_says_what_strength_means_before_it_shows_one(tmp_path):
    text = build(tmp_path).page("themes/water.md")
    meaning = text.index("strength is the weight of the theme's phrases")
    assert meaning < text.index("strength ", meaning + 1) and meaning < text.index("main theme, strength")


def test_ranking_a_corpus_for_its_theme_pages_does_not_keep_it_alive():
    # The rankings are worked out once per corpus and forgotten with it: a finished build's
    # documents are freed (a long ``mkdocs serve`` builds many corpora).
    hit = ThemeHit("farm-work", 2.0)
    corpus = linked([Document(Source("a.txt", "Seasonal workers.", "0" * 64), slug="a", themes=[hit],
                              main_themes=["farm-work"])], Config())
    assert [(score, doc.name) for score, doc, _ in documents_for(corpus, "farm-work")] == [(2.0, "a.txt")]
    alive = weakref.ref(corpus)
    del corpus
    gc.collect()
    assert alive() is None
