"""clean/flattened: structure an extraction ran into the text is rebuilt from its shape (an
item run into the one above it; label-and-number pairs run into a sentence)."""

from __future__ import annotations

from cleankit import clean_text, lost_and_invented


def items(doc):
    return [(b.number, b.text) for b in doc.blocks if b.kind == "list_item"]


RULES = ("The following general rules apply:\n\n(d) The usual conditions apply to all persons.\n\n"
         "(e) Age limits should be followed generally 45 (f) Special consideration should be given to reunions.\n\n"
         "(g) Fiancées are treated as wives.\n")


def test_an_item_run_into_the_one_above_it_is_its_own_item():
    assert items(clean_text(RULES)) == [("d", "The usual conditions apply to all persons."),
                                        ("e", "Age limits should be followed generally 45"),
                                        ("f", "Special consideration should be given to reunions."),
                                        ("g", "Fiancées are treated as wives.")]


def test_a_cross_reference_to_an_item_is_not_split_when_the_list_has_it():
    text = ("Règles :\n\n(a) Les conditions de (b) ci-dessous s'appliquent à tous.\n\n(b) Les limites d'âge.\n\n"
            "(c) Les fiancées sont traitées comme des épouses.\n")
    assert [n for n, _ in items(clean_text(text))] == ["a", "b", "c"]


def test_label_and_number_pairs_run_into_a_sentence_become_a_table():
    doc = clean_text("(d) The usual conditions apply to all persons.\n\n(e) The following maximum age limits apply- "
                     "Single Males 45 Single Women 35 Married persons with children 50\n")
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert table.rows == [["Single Males", "45"], ["Single Women", "35"], ["Married persons with children", "50"]]
    assert items(doc)[-1] == ("e", "The following maximum age limits apply-")
    assert any(m.reason.startswith("label-and-number pairs") for m in doc.moved)


def test_pairs_in_german_with_text_after_them_keep_that_text():
    text = ("Höchstbeträge je Monat: Alleinstehende Erwachsene 204 Junge Erwachsene 163 Kinder bis sechs 123 "
            "und mehr nicht.\n")
    doc = clean_text(text)
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert [r[1] for r in table.rows] == ["204", "163", "123"]
    assert doc.blocks[-1].text == "und mehr nicht."
    assert lost_and_invented(text, doc) == ({}, {})


def test_single_word_labels_with_numbers_are_prose_not_a_table():
    doc = clean_text("See Article 12 Section 3 Paragraph 4 of the act, and January 2020 February 2021 March 2022.\n")
    assert not [b for b in doc.blocks if b.kind == "table"]
