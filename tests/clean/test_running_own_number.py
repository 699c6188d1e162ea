"""clean: page and running furniture in its other shapes: a page count with no page word
(``1 de 3``) beside the document's own number, a box-drawing rule, the document's own number
repeated at a page's top beside a section name; content that merely repeats is kept."""

from __future__ import annotations

from cleankit import clean_text


def texts(doc):
    return "\n".join(b.text for b in doc.blocks)


def removed(doc):
    return [r.text for r in doc.removed]


def test_a_count_with_no_page_word_beside_the_case_number_is_a_page_footer():
    doc = clean_text("Recurso de Apelación 512/2023\n\nLa Sala resuelve el recurso.\n\n"
                     "Recurso de Apelación 512/2023                    1 de 3\n\n\n\nTERCERO.- Consta en autos.\n")
    assert "1 de 3" not in texts(doc) and "Recurso de Apelación 512/2023                    1 de 3" in removed(doc)


def test_a_count_with_no_page_word_alone_is_a_page_number():
    doc = clean_text("Der Antrag wird abgelehnt.\n\n2 von 6\n\nDie Kosten trägt der Antragsteller.\n")
    assert "2 von 6" in removed(doc)


def test_a_count_beyond_its_total_beside_a_text_is_kept():
    doc = clean_text("La Sala resuelve.\n\nRecurso de Apelación 512/2023                    4 de 3\n\n\n\n"
                     "Consta en autos.\n")
    assert "4 de 3" in texts(doc)


def test_a_box_drawing_rule_is_a_separator():
    doc = clean_text("Die Verordnung tritt in Kraft.\n\n──────────────────────\n\nHerausgeber: Bundesamt\n")
    assert "──────────────────────" in removed(doc) and "─" not in texts(doc)
