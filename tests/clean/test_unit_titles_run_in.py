"""clean: a legal unit's number and short title run into its text (``§ 12. Title. Text …``)
become a heading and the paragraph under it; a unit whose first sentence reads as a sentence
stays one paragraph."""

from __future__ import annotations

from cleankit import clean_text

HEAD = "AN ACT to amend the civil service law\n\n"


def unit(n: int, title: str, text: str = "Pursuant to the terms of an agreement, the state shall pay the sum.") -> str:
    return f"§ {n}. {title} {text}\n\n"


def blocks(doc):
    return [(b.kind, b.text) for b in doc.blocks]


def test_a_units_short_title_run_into_its_text_is_its_heading():
    doc = clean_text(HEAD + unit(12, "Inconvenience pay program.") + unit(13, "Dependent care deductions."))
    assert ("heading", "§ 12. Inconvenience pay program.") in blocks(doc)


def test_the_text_after_a_run_in_title_is_a_paragraph_of_its_own():
    doc = clean_text(HEAD + unit(12, "Inconvenience pay program.") + unit(13, "Dependent care deductions."))
    assert ("paragraph", "Pursuant to the terms of an agreement, the state shall pay the sum.") in blocks(doc)


def test_a_title_with_a_date_ends_at_the_full_stop_after_it():
    doc = clean_text(HEAD + unit(17, "Salaries of employees hired on or after September 1, 1992."))
    assert ("heading", "§ 17. Salaries of employees hired on or after September 1, 1992.") in blocks(doc)


def test_a_unit_that_opens_with_a_sentence_stays_one_paragraph():
    doc = clean_text(HEAD + "§ 24. This act shall take effect immediately. It applies to all members.\n")
    assert blocks(doc)[-1] == ("paragraph", "§ 24. This act shall take effect immediately. It applies to all members.")


def test_a_units_one_sentence_title_over_its_first_subdivision_is_a_heading():
    doc = clean_text(HEAD + "§ 3. Command pay.\n\nCommand pay shall continue to be paid to all.\n\n"
                     "§ 4. Additional compensation for all members of the unit who are in full-time status.\n"
                     "1. In recognition of the general requirement for employees to assemble for briefing, each "
                     "employee shall receive additional compensation.\n"
                     "2. Each such employee shall be compensated for pre-shift briefing under the agreement.\n\n"
                     "§ 5. Hazardous duty pay.\n\nThis payment shall be made to all eligible members.\n")
    assert ("heading", "§ 4. Additional compensation for all members of the unit who are in full-time status.") \
        in blocks(doc)


def test_a_unit_printed_right_under_a_sentence_starts_a_block():
    doc = clean_text(HEAD + "The labor law is amended by adding a new article to read as follows.\n"
                     "§ 697. DEFINITIONS. AS USED IN THIS ARTICLE, THE FOLLOWING TERMS SHALL HAVE THESE MEANINGS:\n")
    assert ("heading", "§ 697. DEFINITIONS.") in blocks(doc)
