"""A document symbol stays one reference on its page: the abbr extension marks an acronym the
page explains (``HRC``) in the prose, never inside a symbol that holds it (``A/HRC/53/26``),
wherever the symbol is (title, text, heading, footnote), and the symbol reads as written.
Rendered with the extensions of mkdocs.yml."""

from __future__ import annotations

import re
import sys
from html import unescape

from builder.config import Config, EntityDecl
from builder.document import Block, Document, Metadata, Source, Span
from builder.link import Corpus, cross_link
from builder.write.doc_links import symbols_kept_whole
from builder.write.document_page import render_document
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "clean"))
from cleankit import render_html  # noqa: E402  (Markdown with mkdocs.yml's extensions)

HRC = EntityDecl("hrc", "Human Rights Council", "body", "HRC")
ABBR = re.compile(r"<abbr [^>]*>(.*?)</abbr>")


def page_html(*blocks: Block, title: str = "Report A/HRC/53/26") -> str:
    doc = Document(Source("a.txt", "", ""), list(blocks), meta=Metadata(title=title), slug="a")
    for n, b in enumerate((b for b in blocks if b.citable), 1):
        b.para, b.anchor = n, f"para-{n}"
    markdown = render_document(doc, cross_link(Corpus([doc], Config(entities=[HRC]))))
    return render_html(markdown.split("\n---\n", 1)[1])   # the page without its front matter


def shown(html: str) -> str:
    """The text a reader sees."""
    return unescape(re.sub(r"<[^>]+>", "", html))


def abbreviations_in_symbols(html: str) -> list[str]:
    """The ``<abbr>`` elements that stand against a symbol's slash (``A/<abbr>HRC</abbr>/53``)."""
    return re.findall(r"/<abbr [^>]*>[^<]*</abbr>|<abbr [^>]*>[^<]*</abbr>/", html)


def test_the_acronym_is_explained_in_the_prose_but_not_inside_the_symbol():
    html = page_html(Block("paragraph", "The HRC adopted A/HRC/53/26 on pushbacks."))
    assert ABBR.findall(html) == ["HRC"] and abbreviations_in_symbols(html) == []
    assert "The HRC adopted A/HRC/53/26 on pushbacks." in shown(html)


def test_no_abbreviation_inside_a_symbol_in_the_title_a_heading_or_a_footnote():
    note = Block("footnote", "See CMW/C/GC/4 and A/HRC/47/30.", label="1")
    html = page_html(Block("heading", "On A/HRC/47/30", level=2),
                     Block("paragraph", "The HRC met.", spans=[Span(12, 12, "footnote", "1")]), note)
    assert ABBR.findall(html) == ["HRC"] and abbreviations_in_symbols(html) == []
    assert all(t in shown(html) for t in ("Report A/HRC/53/26", "On A/HRC/47/30", "See CMW/C/GC/4 and A/HRC/47/30."))


def test_the_check_sees_an_abbreviation_inside_a_symbol():
    html = render_html("The HRC adopted A/HRC/53/26.\n\n*[HRC]: Human Rights Council\n")
    assert len(abbreviations_in_symbols(html)) == 1


def test_a_symbol_in_a_link_target_and_text_outside_symbols_are_left_alone():
    markdown = "The HRC, HRC/ACNUR and [A/HRC/1](https://undocs.org/A/HRC/1).\n"
    assert symbols_kept_whole(markdown, ["HRC"]) == (
        "The HRC, HRC/ACNUR and [A/&#72;&#82;&#67;/1](https://undocs.org/A/HRC/1).\n")


def test_raw_html_blocks_are_left_alone():
    markdown = "<!-- verbatim -->\n<p>A/HRC/53/26</p>\n<!-- /verbatim -->\nA/HRC/53/26\n"
    assert symbols_kept_whole(markdown, ["HRC"]) == (
        "<!-- verbatim -->\n<p>A/HRC/53/26</p>\n<!-- /verbatim -->\nA/&#72;&#82;&#67;/53/26\n")
