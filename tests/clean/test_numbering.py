"""clean/structure and reflow: numbers at a line start, read from the shape of the text."""

from __future__ import annotations

import pytest

from cleankit import clean_text


def headings(doc):
    return [(b.level, b.number, b.text) for b in doc.blocks if b.kind == "heading"]


@pytest.mark.parametrize("line", ["Article 5", "Article 1er", "Art. 5", "§ 5", "Chapter II", "CHAPTER II",
                                  "Artículo 3. Ámbito de aplicación.", "Capítulo I", "Chapitre 2", "Titre III",
                                  "Título II", "Kapitel 4", "Abschnitt 2", "Section 3", "Part 1"])
def test_a_named_and_numbered_title_is_a_heading_with_its_number_in_its_text(line):
    doc = clean_text(f"A Title Of The Document\n\n{line}\n\nThe text of this part, which is a sentence.\n")
    assert (2, "", line) in headings(doc)


def test_french_articles_nest_under_their_chapter():
    doc = clean_text("Code de la route\n\nChapitre I\n\nTexte du chapitre.\n\nArticle 1er\n\nTexte.\n\n"
                     "Article 2\n\nTexte.\n\nChapitre II\n\nTexte.\n\nArticle 3\n\nTexte.\n")
    assert [(lvl, text) for lvl, _, text in headings(doc)] == [
        (1, "Code de la route"), (2, "Chapitre I"), (3, "Article 1er"), (3, "Article 2"), (2, "Chapitre II"),
        (3, "Article 3")]


def test_spanish_articles_nest_under_their_chapter():
    doc = clean_text("Real Decreto sobre extranjería\n\nCAPÍTULO I\n\nArtículo 1. Objeto.\n\nEl presente real "
                     "decreto regula la entrada.\n\nArtículo 2. Ámbito de aplicación.\n\nSe aplica a todos.\n")
    assert [(lvl, text) for lvl, _, text in headings(doc)][1:] == [
        (2, "CAPÍTULO I"), (3, "Artículo 1. Objeto."), (3, "Artículo 2. Ámbito de aplicación.")]


def test_decimal_section_numbers_nest_by_depth_and_keep_their_printed_form():
    doc = clean_text("Annual Report on Migration\n\n2. Scope\n\nText.\n\n2.1 Definitions\n\nText here.\n\n"
                     "2.1.1 Migrant worker\n\nText here.\n\n2.2 Exclusions\n\nText here.\n")
    assert [(lvl, text) for lvl, _, text in headings(doc)][2:] == [
        (3, "2.1 Definitions"), (4, "2.1.1 Migrant worker"), (3, "2.2 Exclusions")]


def test_roman_sections_sit_above_lettered_ones_above_arabic_ones():
    doc = clean_text("Report of the Secretary-General\n\nI. Introduction\n\nText.\n\nA. Background\n\nText.\n\n"
                     "1. Early years\n\nText.\n\nII. Findings\n\nText.\n")
    assert [(lvl, num) for lvl, num, _ in headings(doc)][1:] == [(2, "I"), (3, "A"), (4, "1"), (2, "II")]


def test_a_sentence_that_starts_with_article_is_not_a_heading():
    doc = clean_text("A Title Of The Document\n\nArticle 5 of the Convention provides that States shall protect "
                     "the rights of all persons.\n")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]


UN_PARAGRAPHS = ("Concluding observations\n\n"
                 "1. The Committee considered the report of the State party at its meetings held in Geneva and "
                 "adopted the present concluding observations at a later meeting.\n\n"
                 "A. Introduction\n\n"
                 "2. The Committee welcomes the submission of the report, which was prepared in accordance with "
                 "the reporting guidelines and submitted on time.\n\n"
                 "3. The Committee appreciates the constructive dialogue held with the delegation of the State "
                 "party and the information provided.\n")


def test_the_documents_own_numbered_paragraphs_keep_one_number_in_their_text():
    doc = clean_text(UN_PARAGRAPHS)
    paras = [b for b in doc.blocks if b.kind == "paragraph"]
    assert [b.text[:17] for b in paras] == ["1. The Committee ", "2. The Committee ", "3. The Committee "]
    assert all(b.number == "" for b in paras)
    assert not [b for b in doc.blocks if b.kind == "list_item"]


def test_a_tight_list_of_long_items_stays_an_ordered_list():
    doc = clean_text("A Fact Sheet Title\n\n" + "\n".join(
        f"{i}. Item {i} is a long sentence about the protection of migrants that goes on for many more "
        "words than a heading would ever have." for i in range(1, 4)) + "\n")
    assert [(b.kind, b.number) for b in doc.blocks[1:]] == [("list_item", "1"), ("list_item", "2"),
                                                           ("list_item", "3")]


@pytest.mark.parametrize("markers", [("(1)", "(2)"), ("1)", "2)"), ("a)", "b)"), ("(A)", "(B)")])
def test_enumeration_markers_are_kept_as_printed(markers):
    doc = clean_text(f"The State shall:\n\n{markers[0]} protect victims;\n{markers[1]} punish traffickers.\n")
    items = [b for b in doc.blocks if b.kind == "list_item"]
    shown = [(f"({b.number}) " if b.number else "") + b.text for b in items]
    assert shown == [f"{markers[0]} protect victims;", f"{markers[1]} punish traffickers."]


def test_lettered_and_roman_enumerations_keep_their_letters():
    doc = clean_text("The State shall:\n\n(a) protect victims;\n(b) punish traffickers.\n\n(i) first;\n(ii) second.\n")
    assert [b.number for b in doc.blocks if b.kind == "list_item"] == ["a", "b", "i", "ii"]


def test_a_number_that_starts_a_line_only_because_the_sentence_wrapped_stays_in_the_sentence():
    doc = clean_text("Rules for the review\n\nA person may ask for a review of any decision taken under section\n"
                     "7. This applies to children as well.\n")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]
    assert doc.blocks[1].text.endswith("under section 7. This applies to children as well.")


def test_a_list_that_continues_its_numbers_is_not_taken_for_a_wrapped_sentence():
    doc = clean_text("Steps to take\n\nFollow these steps in the order given below and do not skip any\n"
                     "1. Apply online.\n2. Pay the fee.\n3. Book the interview.\n")
    assert [b.number for b in doc.blocks if b.kind == "list_item"] == ["1", "2", "3"]


def test_a_paragraph_number_alone_on_its_line_starts_the_paragraph_below_it():
    text = ("1. \nWe, the States Members, welcome the anniversary of the plan of action and reaffirm our \n"
            "commitments made therein. \n2. \nWe recall and reaffirm our commitments to the 2030 Agenda for \n"
            "Sustainable Development and to the compacts adopted since then. \n")
    blocks = clean_text(text).blocks
    assert [(b.number, b.text[:12]) for b in blocks] == [("1", "We, the Stat"), ("2", "We recall an")]


def test_lettered_items_alone_on_their_lines_start_their_items():
    text = ("Les États parties s'engagent à :\n(a)\nprotéger les travailleurs migrants et leur famille ;\n"
            "(b)\ngarantir l'accès à la justice sans discrimination.\n")
    items = [(b.number, b.text) for b in clean_text(text).blocks if b.kind == "list_item"]
    assert items == [("a", "protéger les travailleurs migrants et leur famille ;"),
                     ("b", "garantir l'accès à la justice sans discrimination.")]
