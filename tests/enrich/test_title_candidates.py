"""enrich.metadata: which lines may be a document's title. A genre or section label never
wins; a document with no title line is named by the name it gives itself."""

from __future__ import annotations

from builder.document import Block, Document, Source
from builder.enrich.metadata import extract

RECITAL = ("The General Conference, meeting at its twentieth session, recalling the principles of its "
           "founding charter and the instruments adopted since,")


def doc(*blocks: Block) -> Document:
    return Document(Source("t.txt", "", ""), blocks=list(blocks))


def para(text: str) -> Block:
    return Block("paragraph", text)


def heading(text: str, level: int = 0) -> Block:
    return Block("heading", text, level=level)


def test_a_section_label_heading_is_not_the_title():
    meta = extract(doc(heading("Preamble"), para(RECITAL), para("Adopts this text.")))
    assert meta.title != "Preamble"


def test_a_genre_label_in_another_language_is_not_the_title():
    meta = extract(doc(heading("Zusammenfassung"), para(RECITAL)))
    assert meta.title != "Zusammenfassung"


def test_a_document_without_a_title_line_is_named_by_its_own_words():
    meta = extract(doc(heading("Preamble"), para(RECITAL),
                       para("Adopts and solemnly proclaims this Declaration on Race and Racial Prejudice:")))
    assert (meta.title, meta.title_source) == ("Declaration on Race and Racial Prejudice",
                                               "the document's name for itself")


def test_a_french_text_naming_itself_la_presente_is_named_so():
    meta = extract(doc(heading("Préambule"), para(RECITAL),
                       para("Les États parties à la présente Convention sur les Travailleurs Migrants, considérant …")))
    assert meta.title == "Convention sur les Travailleurs Migrants"


def test_a_lower_case_mention_is_not_a_name():
    meta = extract(doc(heading("Preamble"), para(RECITAL), para("Adopts this declaration on race and prejudice.")))
    assert meta.title_source != "the document's name for itself"


def test_a_stated_title_still_wins_over_the_self_given_name():
    meta = extract(doc(heading("Declaration of principles on tolerance", 1), para(RECITAL),
                       para("Adopts this Declaration on Race and Racial Prejudice.")))
    assert meta.title == "Declaration of principles on tolerance"
