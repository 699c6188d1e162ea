"""An act's numbered units are headings whatever the length of their titles, when the
document's numbering shows it is built as an act (several consecutive unit numbers)."""

from __future__ import annotations

from cleankit import clean_text, lost_and_invented

INTRO = "Act on the residence of citizens\n\nThe act opens with a sentence of some length here.\n\n"
LONG = ("Residence for more than three months of citizens of a Member State of the Union or of another "
        "State party to the Agreement on the European Economic Area")


def kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in clean_text(INTRO + text).blocks][2:]


def test_a_long_title_on_the_units_line_is_a_heading_when_the_units_run_on():
    text = (f"Article 1. Scope.\n\nThis act applies to every citizen.\n\n"
            f"Article 2. {LONG}.\n\nEvery citizen has the right of residence.\n\n"
            f"Article 3. Exit.\n\nEvery citizen may leave.\n")
    assert ("heading", f"Article 2. {LONG}.") in kinds(text)


def test_the_same_long_title_stays_a_paragraph_when_no_numbering_shows_an_act():
    text = f"Article 2. {LONG}.\n\nEvery citizen has the right of residence.\n"
    assert ("paragraph", f"Article 2. {LONG}.") in kinds(text)


def test_a_title_in_another_language_and_with_the_paragraph_sign_is_a_heading_too():
    text = ("Artigo 1. Objeto.\n\nA presente lei regula a entrada.\n\n"
            "Artigo 2. Entrada e residência de outros familiares do cidadão de um Estado membro da União Europeia "
            "ou de outro Estado parte no Acordo.\n\nOs familiares podem entrar.\n\n"
            "Artigo 3. Saída.\n\nOs cidadãos podem sair.\n")
    assert [k for k, t in kinds(text) if t.startswith("Artigo")] == ["heading"] * 3


def test_a_title_line_under_the_bare_number_makes_one_heading_with_it():
    text = ("Article 1\nScope\n\nThis act applies to every citizen.\n\n"
            "Article 2\nDefinitions of the terms used in this act for the purposes of its application\n\n"
            "In this act the words mean what they say.\n\nArticle 3\nExit\n\nEvery citizen may leave.\n")
    found = kinds(text)
    assert ("heading", "Article 1 — Scope") in found
    assert ("heading", "Article 2 — Definitions of the terms used in this act for the purposes of its "
                       "application") in found
    lost, invented = lost_and_invented(INTRO + text, clean_text(INTRO + text))
    assert not lost and not invented


def test_a_unit_whose_text_is_one_sentence_on_its_line_is_no_title():
    text = ("§ 1. Scope.\n\nThis act applies to every citizen.\n\n§ 2. Exit.\n\nEvery citizen may leave.\n\n"
            "§ 3. This act shall take effect immediately and shall be deemed to have been in force on and after "
            "April 1, 2023.\n\nREPEAL NOTE. -- The paragraphs are repealed.\n")
    assert ("heading", "§ 3. This act shall take effect immediately and shall be deemed to have been in force on "
                       "and after April 1, 2023.") not in kinds(text)


def test_units_that_follow_one_another_with_no_text_between_are_articles_not_titles():
    text = "".join(f"Article {n}. Everyone has the right to life, liberty and security of person and to a "
                   f"fair hearing by an independent tribunal in the determination of rights number {n}.\n\n"
                   for n in range(1, 5))
    assert all(k == "paragraph" for k, _ in kinds(text))


def test_a_portuguese_ordinal_unit_number_is_a_unit():
    text = ("Artigo 1.º\nObjeto\n\nA presente lei regula a entrada.\n\n"
            "Artigo 2.º\nEntrada\n\nOs familiares podem entrar.\n\nArtigo 3.º\nSaída\n\nOs cidadãos podem sair.\n")
    assert ("heading", "Artigo 1.º — Objeto") in kinds(text)


def test_a_title_after_a_blank_line_under_the_bare_number_makes_one_heading_with_it():
    text = ("Artigo 1.º\n\nObjeto\n\nA presente lei regula a entrada.\n\nArtigo 2.º\n\nEntrada\n\n"
            "Os familiares podem entrar.\n\nArtigo 3.º\n\nSaída\n\nOs cidadãos podem sair.\n")
    assert [t for k, t in kinds(text) if k == "heading"] == ["Artigo 1.º — Objeto", "Artigo 2.º — Entrada",
                                                             "Artigo 3.º — Saída"]


def test_a_chapters_number_over_its_title_makes_one_heading_when_its_articles_run_on():
    text = ("CHAPTER I\nGENERAL PROVISIONS\n\nArticle 1\nScope\n\nThis act applies to every citizen.\n\n"
            "Article 2\nEntry\n\nEvery citizen may enter.\n\nArticle 3\nExit\n\nEvery citizen may leave.\n")
    assert ("heading", "CHAPTER I — GENERAL PROVISIONS") in kinds(text)


def test_a_unit_inside_quoted_amending_text_is_no_heading_of_the_page():
    text = ("Artigo 1.º\nObjeto\n\nA presente lei altera a lei anterior.\n\n"
            "Artigo 2.º\nAlteração\n\nOs artigos 9.º e 10.º passam a ter a seguinte redação:\n\n"
            "«Artigo 9.º\n\n[...]\n\nArtigo 10.º\n\n1 — O prazo é de 10 dias.»\n\n"
            "Artigo 3.º\nEntrada em vigor\n\nA presente lei entra em vigor amanhã.\n")
    assert [t for k, t in kinds(text) if k == "heading"] == ["Artigo 1.º — Objeto", "Artigo 2.º — Alteração",
                                                             "Artigo 3.º — Entrada em vigor"]


def test_a_units_number_in_capitals_over_its_title_in_capitals_makes_one_heading_with_it():
    text = ("ARTICLE 19-E\nIMMIGRANT WORKERS' BILL OF RIGHTS\n\n"
            "§ 697. Definitions. As used in this article, the following terms have these meanings.\n")
    assert ("heading", "ARTICLE 19-E — IMMIGRANT WORKERS' BILL OF RIGHTS") in kinds(text)


def test_a_units_number_over_a_sentence_in_capitals_keeps_the_sentence_as_text():
    text = "ARTICLE 5\nTHE COMMISSIONER SHALL PUBLISH THE LIST EVERY YEAR.\n"
    assert ("paragraph", "THE COMMISSIONER SHALL PUBLISH THE LIST EVERY YEAR.") in kinds(text)


def test_a_units_own_list_of_sections_above_them_is_its_table_of_contents_not_headings():
    text = ("ARTICLE 19-E\nIMMIGRANT WORKERS' BILL OF RIGHTS\nSECTION 697. DEFINITIONS.\n"
            "698. BILL OF RIGHTS.\n\n§ 697. DEFINITIONS.\n\nAs used in this article, the terms mean this.\n\n"
            "§ 698. BILL OF RIGHTS.\n\nThe commissioner shall publish a bill of rights.\n")
    doc = clean_text(INTRO + text)
    assert [b.text for b in doc.blocks if b.kind == "heading"][1:] == [
        "ARTICLE 19-E — IMMIGRANT WORKERS' BILL OF RIGHTS", "§ 697. DEFINITIONS.", "§ 698. BILL OF RIGHTS."]
    assert {r.text for r in doc.removed if r.reason.startswith("table of contents")} == {
        "SECTION 697. DEFINITIONS.", "698. BILL OF RIGHTS."}
    assert lost_and_invented(INTRO + text, doc) == ({}, {})
