"""A periodical's running header at the top of a page (bracketed labels, a volume and issue
line, a provenance line with a web address) is kept as byline text, never the title; a
converter's braced placeholder line is removed with its reason."""

from __future__ import annotations

from cleankit import clean_text

from builder.enrich.metadata import extract

BODY = ("The recess having expired, the chamber was called to order by the presiding officer at "
        "eight o'clock in the evening.\n")


def title_of(text: str) -> str:
    return extract(clean_text(text)).title


def test_a_bracketed_header_stack_is_not_the_title():
    text = ("[Official Record Volume 160, Number 16 (Tuesday, January 28, 2014)]\n[Chamber]\n[Pages H1473-H1478]\n\n"
            "JOINT SESSION TO RECEIVE A MESSAGE\n\n" + BODY)
    doc = clean_text(text)
    assert extract(doc).title == "Joint Session to Receive a Message"
    labels = [b.text for b in doc.blocks if b.label == "byline"]
    assert labels and "[Chamber]" in labels[0] and "[Pages H1473-H1478]" in labels[0]


def test_a_french_journal_issue_line_is_not_the_title():
    text = "Bulletin officiel Tome 12, numéro 3 (mars 2019)\n\nLa protection des travailleurs saisonniers\n\n" + BODY
    assert title_of(text) == "La protection des travailleurs saisonniers"


def test_a_provenance_line_with_a_web_address_is_not_the_title():
    text = "From the Official Record Online through the Printing Office [www.example.gov]\n\nSeasonal work\n\n" + BODY
    assert title_of(text) == "Seasonal work"


def test_a_converters_braced_placeholder_line_is_removed_with_its_reason():
    doc = clean_text("Seasonal work\n\n                {time}  2041\nJOINT SESSION OF THE HOUSE\n\n" + BODY)
    assert all("{time}" not in b.text for b in doc.blocks)
    assert [r.reason for r in doc.removed if r.text.startswith("{time}")] == [
        "converter's placeholder line (a braced marker such as a time stamp)"]


def test_braces_inside_a_sentence_are_kept():
    doc = clean_text("Seasonal work\n\nThe template field {name} is filled in by the clerk for each worker.\n\n" + BODY)
    assert any("{name}" in b.text for b in doc.blocks)
