"""A press release's contact block (a label, a name or unit, an address, an e-mail address, a phone
number, a web address on lines of their own) is kept as lines, never reflowed into one sentence."""

from __future__ import annotations

from cleankit import body_markdown, clean_text, lost_and_invented, render_html

RELEASE = "The ministry opened the courses today. They are free for every refugee.\n\n"
CONTACT = "Media contact:\nDepartment of Communication\nnewsroom@example.org\n+41 22 799 7912\n"


def contact(doc):
    return [b for b in doc.blocks if b.label == "contact"]


def test_a_labelled_contact_block_is_one_block_of_lines():
    [block] = contact(clean_text(RELEASE + CONTACT))
    assert block.text.split("\n") == ["Media contact:", "Department of Communication", "newsroom@example.org",
                                      "+41 22 799 7912"]


def test_its_label_is_bold():
    [block] = contact(clean_text(RELEASE + CONTACT))
    strong = [(s.start, s.end) for s in block.spans if s.kind == "strong"]
    assert strong == [(0, len("Media contact:"))]


def test_a_label_on_a_line_of_its_own_above_the_block_is_its_first_line():
    text = RELEASE + "Pressekontakt:\n\nReferat Presse\nFrankenstraße 210\n90461 Nürnberg\nTelefon: +49 911 943-17777\n"
    [block] = contact(clean_text(text))
    assert block.text.startswith("Pressekontakt:\nReferat Presse\n")


def test_two_details_without_a_label_make_a_contact_block():
    text = RELEASE + "Jane Doe, Press Officer\njane.doe@example.org\n(212) 555-1234\n"
    assert len(contact(clean_text(text))) == 1


def test_a_list_of_figures_under_a_label_is_not_a_contact_block():
    text = RELEASE + "Figures at a glance:\n- refugees registered: 727.205\n- of them children: 40 percent\n"
    assert contact(clean_text(text)) == []


def test_a_paragraph_that_gives_an_address_in_a_sentence_is_prose():
    text = (RELEASE + "For more information, write to newsroom@example.org or call the\n"
            "press office on +41 22 799 7912.\n")
    assert contact(clean_text(text)) == []


def test_a_gazette_reference_and_a_web_address_are_not_contact_details_enough():
    assert contact(clean_text(RELEASE + "cve: BOE-A-2015-6231\nVerificable en http://www.boe.es\n")) == []


def test_the_page_shows_each_line_of_the_block_on_its_own_line():
    html = render_html(body_markdown(clean_text(RELEASE + CONTACT)))
    assert "Department of Communication<br />\nnewsroom@example.org" in html


def test_no_word_of_the_block_is_lost():
    doc = clean_text(RELEASE + CONTACT)
    assert lost_and_invented(RELEASE + CONTACT, doc) == ({}, {})
