"""A magazine or newspaper article is typed ``article`` from its own signals: a byline at the top
(``By Jane Doe``, ``by`` on a line above the name, ``par``/``von``/``av``) and the jump lines a
periodical prints where an article runs on (``Continued on next page``, ``(Continued)``)."""

from __future__ import annotations

from builder.document import Block, Document, Source
from builder.enrich.metadata import extract

EN = ("Ten years ago the number of refugees in the world ran into millions, and many of them were "
      "waiting for a rare chance to emigrate.")


def doc_type(source: str, *texts: str) -> str | None:
    blocks = [Block("paragraph", t) for t in texts]
    return extract(Document(Source("t.txt", source, ""), blocks=blocks)).doc_type


def test_a_byline_on_two_lines_and_a_jump_line_make_an_article():
    source = "The world's refugees\nby\nJane Doe\n" + EN + "\nCONTINUED ON NEXT PAGE\n"
    assert doc_type(source, "The world's refugees", "by Jane Doe " + EN, "CONTINUED ON NEXT PAGE") == "article"


def test_a_byline_on_one_line_and_a_continued_heading_make_an_article():
    source = "Refugees in Europe\nBy Jane Marie Doe\n" + EN + "\nREFUGEES (Continued)\n" + EN
    assert doc_type(source, "Refugees in Europe", "By Jane Marie Doe", EN, "REFUGEES (Continued) " + EN) == "article"


def test_a_french_byline_counts_too():
    source = "Les réfugiés\npar Jeanne Dupont\nLe texte.\n(suite)\n"
    assert doc_type(source, "Les réfugiés", "par Jeanne Dupont", EN, "(suite) " + EN) == "article"


def test_a_byline_alone_is_not_enough():
    source = "Refugees in Europe\nBy Jane Doe\n" + EN
    assert doc_type(source, "Refugees in Europe", "By Jane Doe", EN) is None


def test_a_line_that_starts_with_by_inside_the_text_is_not_a_byline():
    source = "Refugees in Europe\n" + EN + "\nwas adopted\nby\nthe General Assembly\n(continued)\n"
    assert doc_type(source, "Refugees in Europe", EN, "was adopted by the General Assembly", "(continued)") is None
