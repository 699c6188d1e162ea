"""The heading a page's title was taken from is not shown again under the title.

The title is often a heading of the source tidied (a site's name, a breadcrumb's parent or a
symbol taken off it): the page shows it once, as its title, and the words the tidying took off
are in the build report with their reason. A heading that merely contains the title stays. A
headline paragraph of the head that is the title is not repeated either."""

from __future__ import annotations

import sys

from builder.document import Block, Document, Metadata, Source
from builder.enrich import metadata
from builder.write.document_page import render_body
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "clean"))
from cleankit import clean_text  # noqa: E402  (the cleaning stage on a text written here)

PROSE = ("La expulsión de un extranjero del territorio nacional se acuerda por resolución motivada "
         "de la autoridad competente, tras un procedimiento con audiencia del interesado.")


def body(title: str, *blocks: Block) -> str:
    """The page's body when its title is ``title`` (the block it was taken from found as enrich does)."""
    meta = Metadata(title=title, title_block=metadata.title_block(list(blocks), title))
    doc = Document(Source(name="doc.txt", text="", sha256=""), blocks=list(blocks), meta=meta)
    return "\n".join(render_body(doc))


def test_a_heading_the_title_was_tidied_from_is_not_repeated_under_it():
    page = body("Expulsión", Block("heading", "Ministerio del Interior | Expulsión", level=1),
                Block("paragraph", PROSE))
    assert "Ministerio del Interior" not in page
    assert PROSE in page


def test_a_heading_that_is_the_title_is_not_repeated_under_it():
    page = body("Expulsión", Block("heading", "Expulsión", level=1), Block("paragraph", PROSE))
    assert "Expulsión\n" not in page and "# Expulsión" not in page


def test_a_longer_heading_containing_the_title_stays():
    page = body("Expulsión", Block("heading", "Expulsión de ciudadanos de la Unión Europea", level=2),
                Block("paragraph", PROSE))
    assert "## Expulsión de ciudadanos de la Unión Europea" in page


def test_a_later_heading_like_the_title_stays_once_the_title_heading_is_skipped():
    page = body("Expulsión", Block("heading", "Ministerio del Interior | Expulsión", level=1),
                Block("paragraph", PROSE), Block("heading", "Expulsión", level=2))
    assert page.count("Expulsión") == 1 + PROSE.count("Expulsión")


def test_the_words_the_tidying_took_off_the_heading_are_in_the_report_with_the_reason():
    doc = clean_text(f"Ministerio del Interior | Expulsión\n\n{PROSE}\n")
    meta = metadata.extract(doc)
    assert meta.title == "Expulsión"
    noted = [r for r in doc.removed if r.reason == metadata.TIDIED_TITLE_REASON]
    assert [r.text for r in noted] == ["Ministerio del Interior |"]
    assert noted[0].line == 1


def test_a_heading_that_is_the_title_as_it_is_adds_nothing_to_the_report():
    doc = clean_text(f"Expulsión de extranjeros del territorio nacional\n\n{PROSE}\n")
    meta = metadata.extract(doc)
    assert meta.title == "Expulsión de extranjeros del territorio nacional"
    assert not [r for r in doc.removed if r.reason == metadata.TIDIED_TITLE_REASON]


def test_a_headline_paragraph_that_is_the_title_is_not_repeated_under_it():
    headline = ("La Defensora pide que se garantice la asistencia jurídica a las personas llegadas "
                "a las islas en las primeras horas de su estancia")
    page = body(headline, Block("paragraph", "Nota de prensa", label="byline"), Block("paragraph", headline),
                Block("paragraph", PROSE))
    assert headline not in page
    assert PROSE in page


def test_a_paragraph_like_the_title_after_the_first_prose_stays():
    page = body("Expulsión", Block("paragraph", PROSE), Block("paragraph", "Expulsión"))
    assert page.count("Expulsión") == 1 + PROSE.count("Expulsión")
