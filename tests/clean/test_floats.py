"""clean/floats: paragraphs split by page breaks and floats are rejoined; floats are moved."""

from __future__ import annotations

from cleankit import clean_text

COLUMN = ("The Office continued to support the work of the \n"
          "treaty bodies and special procedures in the \n"
          "region, with training and advice to officials.\n\n")


def texts(doc):
    return [(b.kind, b.text) for b in doc.blocks]


def test_pdf_paragraph_split_by_a_page_break_is_rejoined_even_before_a_capital():
    doc = clean_text(COLUMN + "The Office organized a meeting with the \nministries and civil society and \n\n"
                     "OHCHR launched an initiative with the \nStates of the region.\n")
    assert texts(doc)[1] == ("paragraph", "The Office organized a meeting with the ministries and civil society "
                                          "and OHCHR launched an initiative with the States of the region.")
    assert doc.stats["rejoined_across_breaks"] == 1


def test_photo_caption_mid_sentence_is_moved_after_the_rejoined_paragraph():
    doc = clean_text(COLUMN + "It helped the authorities to respect the \nrights of all migrants, protect \n\n"
                     "Two migrants holding a sign that asks for respect of their rights at the border crossing.\n"
                     " them against abuse and fulfil their rights.\n\n" + COLUMN)
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["paragraph", "paragraph", "admonition", "paragraph"]
    assert doc.blocks[1].text.endswith("protect them against abuse and fulfil their rights.")
    caption = doc.blocks[2]
    assert caption.label == "quote" and caption.children[0].text.startswith("Two migrants holding a sign")
    assert doc.moved[0].reason == "photo caption" and "after the paragraph" in doc.moved[0].placed
    assert doc.stats["captions_moved"] == 1


def test_titled_box_mid_sentence_becomes_an_example_admonition_with_its_title():
    doc = clean_text(COLUMN + "The resulting report focuses on the rights \nof migrants in an \n\n"
                     "Support for families in a border town\n\n"
                     "In May, the Office received a complaint \nfrom a family that was separated at the \nborder.\n"
                     " irregular situation and gives guidance.\n")
    box = doc.blocks[2]
    assert doc.blocks[1].text == ("The resulting report focuses on the rights of migrants in an irregular "
                                  "situation and gives guidance.")
    assert (box.kind, box.label, box.title) == ("admonition", "example", "Support for families in a border town")
    assert box.children[0].text.startswith("In May, the Office received")


def test_untitled_box_starting_with_a_capital_is_told_apart_from_a_continuation_by_lookahead():
    doc = clean_text(COLUMN + "The Office worked with the Commission on \nMigrants, Government \n\n"
                     "Since 2007, thousands have migrated to \ncountries of the Gulf for work.\n\n"
                     " authorities and civil society on the law.\n")
    assert doc.blocks[1].text == ("The Office worked with the Commission on Migrants, Government authorities "
                                  "and civil society on the law.")
    assert doc.blocks[2].kind == "admonition" and doc.blocks[2].title == ""
    assert doc.blocks[2].children[0].text.startswith("Since 2007")


def test_wide_question_box_is_a_question_admonition_in_place():
    doc = clean_text(COLUMN * 4 + "Do you know the difference between a refugee and a migrant in this \n"
                     "context? The two terms are often confused by the media in many countries.\n\n" + COLUMN)
    assert [b.kind for b in doc.blocks] == ["paragraph"] * 4 + ["admonition", "paragraph"]
    assert doc.blocks[4].label == "question"


def test_plain_text_paragraph_split_by_a_page_break_is_rejoined_when_it_continues_lowercase():
    doc = clean_text("A practical model can be seen from the experience within a broader context\n\n"
                     "related to the protection of human rights.\n\nA new paragraph starts here.\n")
    assert [b.text for b in doc.blocks] == [
        "A practical model can be seen from the experience within a broader context related to the "
        "protection of human rights.", "A new paragraph starts here."]


def test_a_finished_sentence_is_not_joined_to_the_next_block():
    doc = clean_text("The first paragraph ends with a full stop.\n\nand the next one starts lowercase.\n")
    assert len(doc.blocks) == 2


def test_a_list_item_split_by_a_page_break_and_a_running_header_is_rejoined():
    doc = clean_text("Concerns:\n\n▪ Detention of children without \n\n4\n\nNote on the situation in the region\n\n"
                     "  any individual assessment.\n▪ Collective expulsions.\n")
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert items == ["Detention of children without any individual assessment.", "Collective expulsions."]
    assert {r.text for r in doc.removed} == {"4", "Note on the situation in the region"}


def test_a_lowercase_line_between_an_open_line_and_a_lowercase_one_is_no_running_header():
    doc = clean_text("Intro text.\n\nThe Council adopted the Regulation on\n\nof 14 May 2024\n\n"
                     "introducing the screening of nationals.\n")
    assert "of 14 May 2024" in " ".join(b.text for b in doc.blocks)
    assert not any("14 May" in r.text for r in doc.removed)


def test_an_image_placeholder_of_a_converter_becomes_a_caption_in_place():
    doc = clean_text("Children in detention\n\n[Image: A child looks through a fence. Photo: © J. Ortega]\n\n"
                     "New figures show a rise in the number of children held last year.\n")
    caption = doc.blocks[1]
    assert caption.kind == "admonition" and caption.label == "quote"
    assert caption.children[0].text == "Image: A child looks through a fence. Photo: © J. Ortega"
    assert doc.moved[0].reason.startswith("image description")


def test_an_editors_note_in_brackets_is_no_image():
    doc = clean_text("Children in detention\n\n[Note: figures for 2023 are provisional]\n\n"
                     "New figures show a rise in the number of children held last year.\n")
    assert not any(b.kind == "admonition" for b in doc.blocks)


def test_a_hyphen_before_a_layout_gap_does_not_join_the_text_beside_it():
    # Texts side by side on one line: the right-hand one is no rest of the left-hand one's word.
    doc = clean_text("coopera-     Sincerely,\n")
    text = " ".join(b.text for b in doc.blocks)
    assert "coopera-" in text.split() and "Sincerely," in text.split()
