"""clean/letter: a letterhead's name apart from its details, a closing that is a courtesy sentence
and a formula, closings in several languages, and stamps kept on the page."""

from __future__ import annotations

import pytest
from cleankit import body_markdown, clean_text, render_html


def letter(head: str = "MINISTRY OF EXAMPLES", closing: str = "Yours faithfully,",
           signature: str = "A. Person\nDirector") -> str:
    return (f"{head}\n\n1 March 2020\n\nThe Secretariat\nSome Street\n\nDear Sir,\n\n"
            "We write about the matter raised in your note of last month.\n\n"
            f"{closing}\n\n{signature}\n")


def parts(doc):
    return {b.label: b.text for b in doc.blocks if b.kind == "letter"}


def test_the_letterhead_is_the_body_s_name_without_its_address_phone_and_references():
    doc = clean_text(letter("MINISTRY OF EXAMPLES\nDepartment of Samples\nP.O. Box 12, Sampletown\n"
                            "Tel: +1 555 0100    Fax: +1 555 0101\n\nOur Ref: ABC/12/2020"))
    assert doc.letter["letterhead"] == "MINISTRY OF EXAMPLES Department of Samples"


def test_the_letterhead_s_details_stay_on_the_page_with_their_lines():
    doc = clean_text(letter("MINISTRY OF EXAMPLES\nP.O. Box 12, Sampletown\nOur Ref: ABC/12/2020"))
    assert parts(doc)["letterhead_details"] == "P.O. Box 12, Sampletown\nOur Ref: ABC/12/2020"


def test_a_letterhead_that_is_only_an_address_names_no_organisation():
    doc = clean_text(letter("12 Sample Road\nSampletown 4000"))
    assert "letterhead" not in doc.letter
    assert parts(doc)["letterhead_details"] == "12 Sample Road\nSampletown 4000"


def test_a_courtesy_sentence_before_the_formula_is_part_of_the_closing():
    doc = clean_text(letter(closing="Please accept, Sir, the assurances of my highest consideration.\n\n"
                                    "Yours faithfully,"))
    assert doc.letter["signatory"] == "A. Person"
    assert [b.text for b in doc.blocks if b.label == "closing"] == [
        "Please accept, Sir, the assurances of my highest consideration.", "Yours faithfully,"]


def test_a_courtesy_sentence_and_the_formula_on_consecutive_lines_are_the_closing():
    doc = clean_text(letter(closing="Please accept, Sir, the assurances of my highest consideration.\n"
                                    "Yours faithfully,"))
    assert doc.letter["signatory"] == "A. Person"


@pytest.mark.parametrize("closing", [
    "Sincerely,", "Veuillez agréer, Monsieur, l'expression de ma haute considération.", "Atentamente,",
    "Mit freundlichen Grüßen", "Med vänlig hälsning", "Atenciosamente,", "Cordialement,"])
def test_closing_formulas_in_several_languages_end_the_letter(closing):
    doc = clean_text(letter(closing=closing))
    assert doc.letter["signatory"] == "A. Person"
    assert doc.letter["signatory_role"] == "Director"


def test_a_sentence_that_only_opens_like_a_courtesy_formula_is_not_a_closing():
    doc = clean_text(letter(closing="Please accept this note as notice that the office will close.\n\n"
                                    "Yours faithfully,"))
    assert doc.letter["closing"] == "Yours faithfully,"


def test_a_bracketed_stamp_is_kept_as_a_stamp_not_glued_to_the_role():
    doc = clean_text(letter(signature="A. Person\nDirector\n[STAMP: MINISTRY OF EXAMPLES\n"
                                      "RECEIVED 17 JUN 2019\nREGISTRY]"))
    assert doc.letter["signatory_role"] == "Director"
    assert parts(doc)["stamp"] == "[STAMP: MINISTRY OF EXAMPLES\nRECEIVED 17 JUN 2019\nREGISTRY]"
    assert not [r for r in doc.removed if "RECEIVED" in r.text]


def test_a_received_date_stamp_is_kept_not_removed_as_signature_noise():
    doc = clean_text(letter(signature="A. Person\nDirector\nRECEIVED 17 JUN 2019"))
    assert parts(doc)["stamp"] == "RECEIVED 17 JUN 2019"
    assert doc.letter["signatory_role"] == "Director"
    assert not doc.removed


def test_the_stamp_shows_on_the_page_after_the_signature():
    html = render_html(body_markdown(clean_text(letter(signature="A. Person\nDirector\nRECEIVED 17 JUN 2019"))))
    assert '<p class="letter-stamp">RECEIVED 17 JUN 2019</p>' in html
    assert html.index("A. Person") < html.index("RECEIVED")


def test_a_contact_line_under_the_signature_is_a_note_not_the_role():
    doc = clean_text(letter(signature="A. Person\nDirector\nTel: +1 555 0100"))
    assert doc.letter["signatory_role"] == "Director"
    assert parts(doc)["signature_note"] == "Tel: +1 555 0100"


def test_the_ocr_of_a_handwritten_signature_is_still_removed():
    doc = clean_text(letter(signature="A. Person\nA Persn 7\nDirector"))
    assert [r.text for r in doc.removed] == ["A Persn 7"]
    assert doc.letter["signatory_role"] == "Director"


def test_a_bracket_that_closes_mid_line_is_not_a_stamp():
    doc = clean_text(letter(signature="[Signed] A. Person\nDirector"))
    assert doc.letter["signatory"] == "[Signed] A. Person"
    assert "stamp" not in doc.letter


def test_a_bracket_that_never_closes_does_not_swallow_the_signature():
    doc = clean_text(letter(signature="A. Person\n[Director\nHead of Unit"))
    assert "stamp" not in doc.letter
    assert doc.letter["signatory"] == "A. Person"


def test_a_role_written_above_the_name_is_the_role():
    doc = clean_text(letter(closing="Cordialement,", signature="Le directeur général\nJean Martin"))
    assert doc.letter["signatory"] == "Jean Martin"
    assert doc.letter["signatory_role"] == "Le directeur général"


def test_a_delegation_line_under_the_closing_is_not_the_name():
    doc = clean_text(letter(closing="Mit freundlichen Grüßen",
                            signature="Im Auftrag\nDr. Anna Schmidt\nReferatsleiterin"))
    assert doc.letter["signatory"] == "Dr. Anna Schmidt"
    assert doc.letter["signatory_role"] == "Referatsleiterin"
    assert "Im Auftrag" in [b.text for b in doc.blocks if b.label == "closing"]
