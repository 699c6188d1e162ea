"""Cite this page: the citation box, BibTeX and CSL-JSON downloads, paragraph permalinks, and
the citation meta tags and JSON-LD in the head of every document page."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from builder.config import Config
from builder.document import Block, Document, Metadata, Source
from builder.link import LinkedCorpus
from builder.write.doc_cite import PARA, apa, bibtex, chicago, citation_block, csl_json, paragraph_marks
from conftest import ROOT, as_given, build_project, make_project, mkdocs_build

SITE = "https://example.org/corpus/"
HOSTILE = 'Fees "paid" by workers </script><script>alert(1)</script> & more'


def document(title: str = "Recruitment fees", date: str | None = "2017-08-31",
             organisation: str | None = "Acme Relief Agency") -> tuple[Document, LinkedCorpus]:
    doc = Document(Source("a.txt", "", ""), meta=Metadata(title=title, date=date, organisation=organisation),
                   slug="2017-08-31-acme-recruitment-fees")
    return doc, as_given([doc], Config(site_url=SITE, site_name="Migration Documents"))


class Head(HTMLParser):
    """The meta tags and JSON-LD scripts of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("name", "").startswith("citation_"):
            self.meta.setdefault(a["name"], []).append(a.get("content", ""))
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        self._in_ld = False if tag == "script" else self._in_ld

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(data)


def head_of(path: Path) -> Head:
    html = path.read_text(encoding="utf-8")
    parser = Head()
    parser.feed(html[:html.index("</head>")])
    return parser


# --- suggested citations ---------------------------------------------------------------

def test_apa_citation_has_organisation_date_italic_title_site_and_permanent_url():
    doc, corpus = document()
    assert apa(doc, corpus) == ("Acme Relief Agency. (2017, August 31). Recruitment fees. Migration Documents. "
                                f"{SITE}documents/2017-08-31-acme-recruitment-fees/")
    assert "<em>Recruitment fees</em>" in apa(doc, corpus, as_html=True)


def test_chicago_citation_quotes_the_title_and_dates_it_month_first():
    doc, corpus = document()
    assert chicago(doc, corpus) == ("Acme Relief Agency. “Recruitment fees.” Migration Documents, August 31, 2017. "
                                    f"{SITE}documents/2017-08-31-acme-recruitment-fees/.")


def test_citations_of_a_paragraph_give_its_number_and_anchor():
    doc, corpus = document()
    assert ", para. 12." in apa(doc, corpus, 12) and apa(doc, corpus, 12).endswith("/#para-12")
    assert ", para. 12.”" in chicago(doc, corpus, 12) and chicago(doc, corpus, 12).endswith("/#para-12.")


def test_partial_dates_and_missing_organisation():
    doc, corpus = document(date="2013-10", organisation=None)
    assert apa(doc, corpus).startswith("Recruitment fees. (2013, October). Migration Documents.")
    assert "October 2013" in chicago(doc, corpus)
    doc, corpus = document(date=None)
    assert "(n.d.)" in apa(doc, corpus) and "n.d." in chicago(doc, corpus)



# --- no doubled punctuation, whatever field ends with a full stop ------------------------------

def test_chicago_citation_of_an_undated_document_ends_n_d_with_a_single_period():
    doc, corpus = document(date=None)
    assert chicago(doc, corpus) == ("Acme Relief Agency. “Recruitment fees.” Migration Documents, n.d. "
                                    f"{SITE}documents/2017-08-31-acme-recruitment-fees/.")


def test_apa_citation_adds_no_period_after_a_title_ending_in_one():
    doc, corpus = document(title="Recruitment fees: a report.")
    assert apa(doc, corpus).startswith("Acme Relief Agency. (2017, August 31). Recruitment fees: a report. "
                                       "Migration Documents. ")
    assert "<em>Recruitment fees: a report.</em> Migration Documents." in apa(doc, corpus, as_html=True)


def test_apa_citation_without_organisation_adds_no_period_after_a_title_ending_in_one():
    doc, corpus = document(title="Recruitment fees: a report.", organisation=None)
    assert apa(doc, corpus).startswith("Recruitment fees: a report. (2017, August 31). Migration Documents. ")


def test_citations_add_no_period_after_a_title_ending_in_a_question_mark():
    doc, corpus = document(title="Who pays recruitment fees?")
    assert "“Who pays recruitment fees?” Migration Documents," in chicago(doc, corpus)
    assert "Who pays recruitment fees? Migration Documents." in apa(doc, corpus)


def test_paragraph_citation_drops_the_title_period_before_the_paragraph_number():
    doc, corpus = document(title="Recruitment fees: a report.")
    assert "Recruitment fees: a report, para. 12. Migration Documents." in apa(doc, corpus, 12)
    assert "<em>Recruitment fees: a report</em>, para. 12." in apa(doc, corpus, 12, as_html=True)
    assert "“Recruitment fees: a report, para. 12.”" in chicago(doc, corpus, 12)


def test_no_citation_format_doubles_a_period_whatever_field_ends_with_one():
    doubled = re.compile(r"\.\s*\.|[?!]\.|\.,\s*\.")
    for title in ("Recruitment fees.", "Recruitment fees?", "Recruitment fees"):
        for organisation in ("Acme Holdings Inc.", "Acme Relief Agency", None):
            for site_name in ("Documents Co.", "Migration Documents"):
                for date in (None, "2013", "2013-10", "2017-08-31"):
                    doc = Document(Source("a.txt", "", ""), slug="a",
                                   meta=Metadata(title=title, date=date, organisation=organisation))
                    corpus = as_given([doc], Config(site_url=SITE, site_name=site_name))
                    for para in (0, 12, PARA):
                        for style in (apa, chicago):
                            for as_html in (False, True):
                                text = re.sub(r"<[^>]+>", "", style(doc, corpus, para, as_html=as_html))
                                assert not doubled.search(text), text
                    for text in (bibtex(doc, corpus), csl_json(doc, corpus), "\n".join(citation_block(doc, corpus))):
                        assert not doubled.search(re.sub(r"<[^>]+>", "", text)), text

def test_the_citation_is_on_one_visible_line_before_the_collapsed_formats():
    doc, corpus = document()
    box = "\n".join(citation_block(doc, corpus))
    quick = box[:box.index("<details")]
    assert "Cite this document:" in quick and 'class="cite-copy' in quick
    assert f'{SITE}documents/2017-08-31-acme-recruitment-fees/' in quick  # the APA citation, with its URL


def test_citation_box_offers_both_styles_copy_buttons_permanent_url_and_downloads():
    doc, corpus = document()
    box = "\n".join(citation_block(doc, corpus))
    assert "<strong>APA</strong>" in box and "<strong>Chicago</strong>" in box
    assert box.count('class="cite-copy') == 4
    assert f'<a href="{SITE}documents/2017-08-31-acme-recruitment-fees/">' in box
    assert 'href="../2017-08-31-acme-recruitment-fees.bib"' in box
    assert 'href="../2017-08-31-acme-recruitment-fees.csl.json"' in box
    template = re.search(r'data-cite-apa="([^"]*)"', box).group(1)
    assert f"para. {PARA}" in template and template.endswith(f"#para-{PARA}")


def test_seed_text_in_the_citation_box_stays_text():
    doc, corpus = document(title=HOSTILE)
    box = "\n".join(citation_block(doc, corpus))
    assert "<script>" not in box and "</script>" not in box
    assert 'data-copy="Acme Relief Agency. (2017, August 31). Fees &quot;paid&quot;' in box


def test_bibtex_entry_escapes_special_characters():
    doc, corpus = document(title="Fees {100%} & costs_2 #1", organisation="A & B")
    entry = bibtex(doc, corpus)
    assert entry.startswith("@misc{2017-08-31-acme-recruitment-fees,\n")
    assert r"{Fees \{100\%\} \& costs\_2 \#1}" in entry and r"{{A \& B}}" in entry
    assert "month        = aug" in entry and entry.count("{") == entry.count("}")


def test_csl_json_is_a_list_with_one_item():
    doc, corpus = document()
    item, = json.loads(csl_json(doc, corpus))
    assert item["title"] == "Recruitment fees" and item["author"] == [{"literal": "Acme Relief Agency"}]
    assert item["issued"] == {"date-parts": [[2017, 8, 31]]}
    assert item["URL"] == f"{SITE}documents/2017-08-31-acme-recruitment-fees/"


def test_paragraph_marks_give_the_anchor_number_and_old_anchors():
    block = Block("paragraph", "Text.", anchor="para-3", para=3, aliases=["para-7"])
    before, after, attrs = paragraph_marks(block)
    assert before == '<a id="para-7" class="para-alias"></a>'
    assert after == ""  # the ¶ permalink is added to the HTML by hooks/para_links.py (tests/test_para_links.py)
    assert attrs == '{: #para-3 .para data-para="3" }'
    assert paragraph_marks(Block("heading", "Title")) == ("", "", "")


# --- built pages -----------------------------------------------------------------------

def test_head_of_a_document_page_carries_citation_meta_tags_and_valid_json_ld(tmp_path):
    metadata = yaml.safe_dump({"documents": {"a.txt": {"title": HOSTILE, "organisation": "Acme <Relief> Agency",
                                                        "date": "2015-03-03"}}})
    project = make_project(tmp_path, {"a.txt": "Some title\n\nMigrant workers pay recruitment fees to agencies.\n"},
                           config={"metadata.yml": metadata})
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stdout + built.stderr
    doc, = report["documents"]
    head = head_of(project / "site" / doc["url"] / "index.html")
    assert head.meta["citation_title"] == [HOSTILE]
    assert head.meta["citation_author"] == ["Acme <Relief> Agency"]
    assert head.meta["citation_publication_date"] == ["2015/03/03"]
    assert head.meta["citation_public_url"] == [f"https://example.org/migration-corpus/{doc['url']}"]
    ld, = [json.loads(text) for text in head.json_ld]
    assert ld["@context"] == "https://schema.org" and ld["headline"] == HOSTILE
    assert ld["author"]["name"] == "Acme <Relief> Agency" and ld["datePublished"] == "2015-03-03"
    assert ld["url"] == head.meta["citation_public_url"][0]


def test_document_pages_get_bibtex_and_csl_json_beside_them(tmp_path):
    project = make_project(tmp_path, {"a.txt": "Some title\n\nMigrant workers pay recruitment fees to agencies.\n"})
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    stem = project / "docs" / report["documents"][0]["page"][:-3]
    assert Path(f"{stem}.bib").read_text(encoding="utf-8").startswith("@misc{")
    assert json.loads(Path(f"{stem}.csl.json").read_text(encoding="utf-8"))[0]["URL"].endswith(
        report["documents"][0]["url"])


def test_shipped_document_pages_cite_themselves_and_every_paragraph_has_a_permalink(seeds_site):
    project, report = seeds_site
    for doc in report["documents"]:
        page = project / "site" / doc["url"] / "index.html"
        head = head_of(page)
        assert head.meta["citation_title"] and head.meta["citation_public_url"], doc["source"]
        ld, = [json.loads(text) for text in head.json_ld]
        assert ld["@type"] == "DigitalDocument" and ld["url"] == head.meta["citation_public_url"][0]
        html = page.read_text(encoding="utf-8")
        assert html.count('class="para-link"') == doc["paragraphs"], doc["source"]
        assert 'class="cite-copy' in html


def test_cite_script_and_styles_are_local_and_registered():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "assets/cite.js" in config["extra_javascript"]
    assert "assets/permalinks.css" in config["extra_css"]
    for name in ("cite.js", "permalinks.css"):
        text = (ROOT / "docs" / "assets" / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://|//[a-z]", text), name
        assert "innerHTML" not in text


def symbol_document(symbols: list[str], source: str) -> tuple[Document, LinkedCorpus]:
    doc, corpus = document(title="Political Declaration", date="2025-11-25",
                           organisation="United Nations General Assembly")
    doc.meta.symbols = symbols
    doc.meta.sources["symbols"] = source
    return doc, corpus


def test_citations_give_the_documents_own_symbol_after_the_title():
    from builder.enrich.metadata import OWN_SYMBOL

    doc, corpus = symbol_document(["A/RES/80/9", "A/73/12"], OWN_SYMBOL)
    assert "Political Declaration (A/RES/80/9). Migration Documents." in apa(doc, corpus)
    assert "<em>Political Declaration</em> (A/RES/80/9), para. 3." in apa(doc, corpus, 3, as_html=True)
    assert "“Political Declaration” (A/RES/80/9). Migration Documents, November 25, 2025." in chicago(doc, corpus)
    assert re.search(r"number\s+= \{A/RES/80/9\}", bibtex(doc, corpus))
    assert json.loads(csl_json(doc, corpus))[0]["number"] == "A/RES/80/9"


def test_a_symbol_the_document_only_cites_is_not_in_its_citation():
    doc, corpus = symbol_document(["A/RES/67/172"], "text")
    assert "A/RES/67/172" not in apa(doc, corpus) + chicago(doc, corpus) + bibtex(doc, corpus) + csl_json(doc, corpus)
