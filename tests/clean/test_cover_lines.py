"""clean: the short lines of a cover, each printed apart, are lines of the cover, not section
headings (they head no text)."""

from __future__ import annotations

from cleankit import clean_text

BODY = ("AN ACT to amend the labor law, in relation to the rights of workers, and to provide for "
        "the posting of notices in every place of work. It shall take effect at once.\n")


def headings(doc):
    return [b.text for b in doc.blocks if b.kind == "heading"]


def test_a_covers_heading_like_lines_among_a_number_and_a_date_are_no_headings():
    doc = clean_text("A Bill on Workers\n\nSTATE OF NEW YORK\n\n8405\n\nIN ASSEMBLY\n\nDecember 13, 2023\n\n" + BODY)
    assert "STATE OF NEW YORK" not in headings(doc) and "IN ASSEMBLY" not in headings(doc)


def test_a_covers_lines_keep_their_text():
    doc = clean_text("A Bill on Workers\n\nSTATE OF NEW YORK\n\n8405\n\nIN ASSEMBLY\n\nDecember 13, 2023\n\n" + BODY)
    assert "IN ASSEMBLY" in "\n".join(b.text for b in doc.blocks)


def test_the_last_line_of_a_run_that_heads_a_table_stays_its_heading():
    doc = clean_text("A Bill on Workers\n\n" + BODY + "\nALL DEPARTMENTS\n\nSpecial Pay Bills\n\nGeneral Fund\n\n"
                     "Nonpersonal Service\n\nEmployee training ........ 50,819\nContract administration .... 50,000\n"
                     "Employee benefit fund ...... 58,481\n")
    assert "Nonpersonal Service" in headings(doc)


def test_headings_each_over_its_text_are_no_cover():
    doc = clean_text("A Report on Workers\n\nScope\n\n" + BODY + "\nMethod\n\n" + BODY + "\nFindings\n\n" + BODY)
    assert headings(doc)[1:] == ["Scope", "Method", "Findings"]


def test_a_headline_printed_a_word_or_two_a_line_is_no_run_of_headings():
    doc = clean_text("Volume I - No. 6\n\nUNESCO \n\nCOURIER\n\nSocial \n\nScientists \n\nIssue \n\nJoint\n\n"
                     "Statement \n\non \n\nWorld \n\nTensions\n\n" + BODY)
    assert not {"COURIER", "Joint"} & set(headings(doc))


def test_a_headline_in_mixed_case_over_a_place_and_a_date_stays_the_title():
    doc = clean_text("Ministry opens new reception centres\n\nSTRASBOURG\n\n12 July 2016\n\n" + BODY)
    assert headings(doc)[:1] == ["Ministry opens new reception centres"]


def test_a_covers_first_line_in_capitals_is_no_title():
    doc = clean_text("STATE OF NEW YORK\n\n8405\n\nIN ASSEMBLY\n\nDecember 13, 2023\n\n" + BODY)
    assert "STATE OF NEW YORK" not in headings(doc)


def test_a_headline_below_a_letterhead_and_a_reference_stays_a_heading():
    doc = clean_text("AGENCY FOR ASYLUM\n\n2023-06-19\n\nApplication for a residence permit\n\n"
                     "Decision of the Agency\n\n" + BODY)
    assert "Application for a residence permit" in headings(doc)
