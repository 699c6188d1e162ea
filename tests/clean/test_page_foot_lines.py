"""clean: a page header printed once (the document's own number and a page number) is page
furniture; a sentence cut at a page break after a function word goes on after it."""

from __future__ import annotations

from cleankit import clean_text

COVER = "STATE OF NEW YORK\n\n8405\n\nIN ASSEMBLY\n\n"
ITEM = "2. AN EMPLOYER SHALL POST THE NOTICE IN EVERY PLACE OF WORK AS FOLLOWS:\n"


def texts(doc):
    return "\n".join(b.text for b in doc.blocks)


def test_a_header_with_the_covers_number_and_a_page_number_is_removed():
    doc = clean_text(COVER + ITEM + " A. 8405  2\n\n(A) PROVIDE THE INFORMATION TO EACH EMPLOYEE.\n")
    assert "A. 8405" not in texts(doc) and any(r.text == "A. 8405  2" for r in doc.removed)


def test_a_code_the_cover_does_not_print_is_kept():
    doc = clean_text(COVER + ITEM + " B. 1234  2\n\n(A) PROVIDE THE INFORMATION TO EACH EMPLOYEE.\n")
    assert "B. 1234 2" in texts(doc) or "B. 1234  2" in texts(doc)


def test_a_sentence_cut_after_a_function_word_goes_on_past_the_break():
    doc = clean_text("Employees whose station is in the city of New York, or in the county of Westchester or\n"
                     "Rockland, or in the county of Putnam, Orange, Dutchess, Nassau or\n\n"
                     "Suffolk, shall receive locational compensation as follows.\n")
    assert "Nassau or Suffolk, shall receive" in texts(doc)


def test_a_clause_closed_by_a_semicolon_and_and_stays_its_own_paragraph():
    doc = clean_text("WHEREAS, It is the custom of this Legislative Body to recognize official days\n"
                     "that are set aside to increase awareness of issues; and\n\n"
                     "WHEREAS, Every minute 24 people leave everything behind to escape war; and\n")
    assert len([b for b in doc.blocks if b.text.startswith("WHEREAS")]) == 2
