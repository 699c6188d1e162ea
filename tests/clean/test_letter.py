"""clean/letter: the parts of a letter, joined where the source split them."""

from __future__ import annotations

from cleankit import clean_text

LETTER = """

THE PERMANENT MISSION
OF THE REPUBLIC OF NOWHERE

TO THE UNITED NATIONS IN GENEVA

March 3, 2019

Office of the United Nations High Commissioner  
for Human Rights
Palais des Nations
CH 1211 Geneva 10

Dear High Commissioner:

Please find attached our response to your note. We remain at your disposal.

Sincerely yours,

A handwritten signature in black ink.

Jane Q. Public

Jnae Publc 7

Deputy Permanent  
Representative to the UN Human  
Rights Council

**SUBJECT: Our response to the note on migrants**

1. The response begins with a paragraph that has several sentences. It goes on.
"""


def parts(doc):
    return {b.label: b.text for b in doc.blocks if b.kind == "letter"}


def test_letter_parts_are_recognised():
    doc = clean_text(LETTER)
    p = parts(doc)
    assert p["date"] == "March 3, 2019"
    assert p["salutation"] == "Dear High Commissioner:"
    assert p["closing"] == "Sincerely yours,"
    assert p["signatory"] == "Jane Q. Public"


def test_letterhead_split_over_lines_and_blank_lines_is_one_line():
    assert parts(clean_text(LETTER))["letterhead"] == (
        "THE PERMANENT MISSION OF THE REPUBLIC OF NOWHERE TO THE UNITED NATIONS IN GENEVA")


def test_role_split_mid_name_is_joined():
    role = "Deputy Permanent Representative to the UN Human Rights Council"
    assert parts(clean_text(LETTER))["signatory_role"] == role


def test_addressee_keeps_its_lines_on_the_page_and_is_one_line_for_metadata():
    doc = clean_text(LETTER)
    assert parts(doc)["addressee"].split("\n") == [
        "Office of the United Nations High Commissioner", "for Human Rights", "Palais des Nations", "CH 1211 Geneva 10"]
    assert doc.letter["addressee"] == (
        "Office of the United Nations High Commissioner for Human Rights, Palais des Nations, CH 1211 Geneva 10")


def test_ocr_noise_of_the_signature_and_its_image_description_are_removed():
    doc = clean_text(LETTER)
    removed = {r.text: r.reason for r in doc.removed}
    assert removed["Jnae Publc 7"] == "OCR noise from the scanned signature"
    assert removed["A handwritten signature in black ink."] == "image description of a signature"


def test_subject_line_becomes_the_title_and_goes_to_metadata():
    doc = clean_text(LETTER)
    title = next(b for b in doc.blocks if b.kind == "heading")
    assert (title.level, title.text) == (1, "Our response to the note on migrants")
    assert doc.letter["subject"] == "Our response to the note on migrants"
    assert any(r.text == "SUBJECT:" for r in doc.removed)


def test_letter_parts_go_to_extra_for_the_metadata_stage():
    extra = clean_text(LETTER).letter
    assert set(extra) == {"letterhead", "date", "addressee", "salutation", "closing", "signatory",
                          "signatory_role", "subject"}


def test_a_document_without_salutation_and_closing_is_not_a_letter():
    doc = clean_text("A Report\n\nMarch 3, 2019\n\nThe body of the report.\n")
    assert not doc.letter
    assert not [b for b in doc.blocks if b.kind == "letter"]
