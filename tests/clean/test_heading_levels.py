"""Heading levels follow the nesting the document's numbering shows: a decimal sub-section
under its section, numbered sections under the unnumbered parts they start again in, a
gazette's numbered section above the articles it holds, a legal text's closing units beside
its outermost named units; a warning about numbering says what the numbers do."""

from __future__ import annotations

from cleankit import clean_text

TEXT = "The text of this part goes on for a sentence or two, as reports do.\n\n"


def levels(source: str) -> list[tuple[int, str]]:
    return [(b.level, b.text) for b in clean_text(source).blocks if b.kind == "heading" and b.level > 1]


def test_a_section_number_without_a_full_stop_is_above_its_decimal_subsections():
    doc = "Report on reception\n\n" + "".join(f"{h}\n\n{TEXT}" for h in
                                               ("1 Inledning", "1.1 Uppdraget", "1.2 Metod", "2 Resultat"))
    assert levels(doc) == [(2, "1 Inledning"), (3, "1.1 Uppdraget"), (3, "1.2 Metod"), (2, "2 Resultat")]


def test_numbered_sections_that_start_again_under_unnumbered_parts_are_below_them():
    doc = "Case of A. v. Ruritania\n\n" + "".join(f"{h}\n\n{TEXT}" for h in (
        "THE FACTS", "I. THE CIRCUMSTANCES OF THE CASE", "II. RELEVANT DOMESTIC LAW", "THE LAW",
        "I. ALLEGED VIOLATION OF ARTICLE 3"))
    got = levels(doc)
    assert [lvl for lvl, _ in got] == [2, 3, 3, 2, 3]


def test_sections_that_start_again_under_parts_raise_no_numbering_warning():
    doc = "Case of A. v. Ruritania\n\n" + "".join(f"{h}\n\n{TEXT}" for h in (
        "THE FACTS", "I. THE CIRCUMSTANCES OF THE CASE", "THE LAW", "I. ALLEGED VIOLATION OF ARTICLE 3"))
    assert not [w for w in clean_text(doc).warnings if "numbering" in w]


def test_numbered_sections_after_one_unnumbered_summary_stay_at_the_top_level():
    doc = "Annual report\n\n" + "".join(f"{h}\n\n{TEXT}" for h in ("Summary", "I. Introduction", "II. Findings"))
    assert [lvl for lvl, _ in levels(doc)] == [2, 2, 2]


def test_a_numbered_section_before_the_articles_it_holds_is_above_them():
    doc = "Orden de 4 de junio\n\n" + "".join(f"{h}\n\n{TEXT}" for h in (
        "I. DISPOSICIONES GENERALES", "Artículo 1. Objeto.", "Artículo 2. Ámbito."))
    assert [lvl for lvl, _ in levels(doc)] == [2, 3, 3]


def test_closing_units_of_a_legal_text_sit_beside_its_outermost_named_units():
    doc = "Real Decreto 1/2020\n\n" + "".join(f"{h}\n\n{TEXT}" for h in (
        "CAPÍTULO I", "Artículo 1", "Artículo 2", "Disposición adicional única", "Disposición final primera"))
    assert [lvl for lvl, _ in levels(doc)] == [2, 3, 3, 2, 2]


def test_closing_units_beside_articles_when_there_are_no_chapters():
    doc = "Orden de 4 de junio\n\n" + "".join(f"{h}\n\n{TEXT}" for h in (
        "Artículo 1. Objeto.", "Artículo 2. Ámbito.", "Disposición final primera. Entrada en vigor."))
    assert [lvl for lvl, _ in levels(doc)] == [2, 2, 2]


def test_a_repeated_number_is_warned_as_repeated_not_as_a_jump():
    doc = "Rules\n\n" + "".join(f"{h}\n\n{TEXT}" for h in ("Article 1", "Article 2", "Article 2", "Article 3"))
    warnings = [w for w in clean_text(doc).warnings if "numbering" in w]
    assert len(warnings) == 1 and "repeats 2" in warnings[0] and "jumps" not in warnings[0]


def test_a_number_going_back_is_warned_as_going_back():
    doc = "Rules\n\n" + "".join(f"{h}\n\n{TEXT}" for h in ("Article 1", "Article 2", "Article 3", "Article 1"))
    warnings = [w for w in clean_text(doc).warnings if "numbering" in w]
    assert len(warnings) == 1 and "goes back from 3 to 1" in warnings[0]


def test_sections_signed_with_a_paragraph_sign_nest_under_the_article_that_holds_them():
    doc = "An act on workers\n\n" + "".join(f"{h}\n\n{TEXT}" for h in (
        "ARTICLE 19-E", "§ 697. Definitions.", "§ 698. Bill of rights.", "ARTICLE 20", "§ 699. Notices."))
    assert [lvl for lvl, _ in levels(doc)] == [2, 3, 3, 2, 3]


def test_paragraph_signs_alone_are_the_top_level_units():
    doc = "Gesetz über Leistungen\n\n" + "".join(f"{h}\n\n{TEXT}" for h in (
        "§ 1 Leistungsberechtigte", "§ 2 Leistungen in besonderen Fällen", "§ 3 Grundleistungen"))
    assert [lvl for lvl, _ in levels(doc)] == [2, 2, 2]
