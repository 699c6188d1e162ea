"""A theme page quotes each passage with the phrases that matched it in bold, in the language of
the passage's own block: a French block in an English document was matched with the French phrases."""

from __future__ import annotations

from builder.config import Theme
from builder.document import Block, Document, Metadata, Source, ThemeHit
from builder.write.theme_pages import passage_lines

WATER = Theme("water", "Water rights", "Who may use the rivers.", ["water rights"],
              languages={"fr": ["droits d’eau"]})


def document(blocks: list[Block], lang: str) -> Document:
    return Document(Source("a.txt", "", "0" * 64), blocks=blocks, meta=Metadata(title="A", lang=lang), slug="a")


def test_a_block_in_another_language_is_quoted_with_the_phrases_of_its_own_language():
    english = Block("paragraph", "The village keeps its water rights in old books.", anchor="para-1", para=1)
    french = Block("paragraph", "Le village garde ses droits d’eau dans de vieux livres.", anchor="para-2", para=2,
                   lang="fr")
    hit = ThemeHit("water", 4.0, [(1, 2.0), (0, 2.0)], ["droits d’eau", "water rights"])
    lines = passage_lines("themes/water.md", document([english, french], "en"), hit, WATER)
    quotes = [line for line in lines if line.startswith("> ")]
    assert quotes == ["> Le village garde ses **droits d’eau** dans de vieux livres.",
                      "> The village keeps its **water rights** in old books."]


def test_a_block_in_the_documents_language_is_quoted_with_the_documents_phrases():
    french = Block("paragraph", "Le village garde ses droits d’eau.", anchor="para-1", para=1)
    hit = ThemeHit("water", 2.0, [(0, 2.0)], ["droits d’eau"])
    lines = passage_lines("themes/water.md", document([french], "fr"), hit, WATER)
    assert "> Le village garde ses **droits d’eau**." in lines


def test_the_paragraph_the_pages_title_was_taken_from_is_not_quoted():
    # The page shows it as its title, not as a paragraph: a link to its anchor would lead nowhere.
    head = Block("paragraph", "Villages keep their water rights", anchor="para-1", para=1)
    body = Block("paragraph", "The village keeps its water rights in old books.", anchor="para-2", para=2)
    doc = Document(Source("a.txt", "", "0" * 64), blocks=[head, body], slug="a",
                   meta=Metadata(title="Villages keep their water rights", lang="en", title_block=0))
    lines = passage_lines("themes/water.md", doc, ThemeHit("water", 4.0, ((0, 2.0), (1, 2.0)), ("water rights",)),
                          WATER)
    quotes = [line for line in lines if line.startswith("> ")]
    assert quotes == ["> The village keeps its **water rights** in old books."]
    assert not any("#para-1" in line for line in lines)
