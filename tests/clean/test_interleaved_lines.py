"""clean: OCR that read two columns' lines in turn: a line that completes the hyphenated word two
lines above it is put back after that line (a move in the report); a compound's hyphen is left."""

from __future__ import annotations

from cleankit import clean_text

HEAD = "World Tensions\n\n"


def text(doc):
    return " ".join(b.text for b in doc.blocks)


def test_the_line_that_completes_a_split_word_is_put_back_after_it():
    doc = clean_text(HEAD + "the people of many lands, through an international organi-\ntheir own creation,\n"
                     "zation of\nhave asked social scientists to apply their knowledge.\n")
    assert "international organization of their own creation," in text(doc)


def test_the_line_put_back_is_a_move_in_the_report():
    doc = clean_text(HEAD + "the people of many lands, through an international organi-\ntheir own creation,\n"
                     "zation of\nhave asked social scientists to apply their knowledge.\n")
    assert [m.text for m in doc.moved if m.rule == "ocr_debris"] == ["zation of"]


def test_a_compounds_hyphen_after_a_whole_word_moves_nothing():
    doc = clean_text(HEAD + "Employees paid on a part-\ntime, hourly or per diem basis receive a bonus\n"
                     "on a basis reflecting the hours worked.\n")
    assert not [m for m in doc.moved if m.rule == "ocr_debris"]
