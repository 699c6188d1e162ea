"""Speakers' labels in records and transcripts read as labels (bold, run into their paragraph),
never as headings nor as plain text (one behaviour a test, inputs written here)."""

from __future__ import annotations

from cleankit import clean_text


def labels(text: str) -> list[str]:
    return [b.text[s.start:s.end] for b in clean_text(text).blocks for s in b.spans
            if s.kind == "strong" and s.start == 0]


def test_a_titled_name_with_a_country_and_a_colon_is_a_label():
    text = "Mr. Smith (France): We support the draft resolution and thank the facilitators for their work.\n"
    assert labels(text) == ["Mr. Smith (France):"]


def test_a_french_label_with_a_space_before_its_colon_is_a_label():
    text = "M. Dupont (Belgique) : Nous appuyons le projet de résolution et remercions les facilitateurs.\n"
    assert labels(text) == ["M. Dupont (Belgique) :"]


def test_a_label_on_a_line_of_its_own_joins_its_speech_as_a_label_not_a_heading():
    text = "Ms. Jones (Chile):\n\nWe also support it, and we thank the chair for the work done.\n"
    assert [b.kind for b in clean_text(text).blocks] == ["paragraph"]
    assert labels(text) == ["Ms. Jones (Chile):"]


RECORD = ("The PRESIDENT. The meeting is called to order and the agenda is adopted now.\n\n"
          "The SPEAKER. The House will be in order, and the members will take their seats.\n\n"
          "Mr. ROGERS of Kentucky. Mr. Speaker, I yield myself such time as I may consume.\n")


def test_roles_and_surnames_in_capitals_opening_a_records_paragraphs_are_labels():
    assert labels(RECORD) == ["The PRESIDENT.", "The SPEAKER.", "Mr. ROGERS of Kentucky."]


def test_one_paragraph_opening_with_a_word_in_capitals_is_no_record():
    text = "The SPEAKER. The House will be in order.\n\nThe members rose and the session went on for long.\n"
    assert labels(text) == []


def test_acronyms_opening_paragraphs_are_no_speakers():
    text = "UNHCR. The agency said the camp was full.\n\nIOM. The organization said so too, and it was full.\n"
    assert labels(text) == []


def test_a_title_in_the_middle_of_a_sentence_is_no_label():
    text = "The delegation of Mr. Smith (France) said: we support the draft resolution of the committee.\n"
    assert labels(text) == []
