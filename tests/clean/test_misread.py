"""Words that look misread by OCR are listed for an editor (word as printed, its source line, its
probable reading), never corrected: a word not in the language's word list that one common OCR
confusion (rn↔m, tb→th, l→I, 0→o …) turns into a frequent word."""

from __future__ import annotations

import subprocess
import sys

from cleankit import ROOT, clean_text

from builder.clean.text import misread as mr


def flagged(text: str) -> list[tuple[str, int, str]]:
    return clean_text(text).misread


def test_tb_read_for_th_is_flagged_with_its_reading():
    assert flagged("We write to you about tbe rescue of the migrants at sea.\n") == [("tbe", 1, "the")]


def test_rn_read_for_m_is_flagged():
    assert ("rnedical", 1, "medical") in flagged("They need rnedical care and food, and they need it now.\n")


def test_a_capital_i_printed_as_l_reads_as_a_capital():
    text = "The Directorate of lmmigration Services of the island is open.\n"
    assert ("lmmigration", 1, "Immigration") in flagged(text)


def test_the_reading_keeps_the_capital_of_the_word_as_printed():
    assert flagged("Tbe ship was at sea for a long time and the crew was tired.\n") == [("Tbe", 1, "The")]


def test_a_digit_read_for_a_letter_is_flagged():
    assert ("G0vernment", 1, "Government") in flagged("The G0vernment adopted the plan in the spring.\n")


def test_the_line_is_the_source_line_of_the_word():
    text = "The letter was sent in June.\nIt is about the\nrescue of tbe migrants at sea.\n"
    assert flagged(text) == [("tbe", 3, "the")]


def test_the_text_is_left_as_printed():
    doc = clean_text("We write to you about tbe rescue of the migrants at sea.\n")
    assert "about tbe rescue" in doc.blocks[0].text


def test_a_name_that_no_confusion_makes_a_word_is_not_flagged():
    assert flagged("The article by Yefim Zarjevski was sent to Calwell in the spring.\n") == []


def test_a_word_of_the_language_is_not_flagged_even_when_a_confusion_makes_another():
    assert flagged("The modern ship came in clear weather; the dear old crew was home in time.\n") == []


def test_an_identifier_ending_in_digits_is_not_flagged():
    assert flagged("See the section a11 of the annex and the table b5 for the figures.\n") == []


def test_a_french_text_is_read_with_the_french_word_list():
    text = ("Le ministre de la justice est dans la rnaison des droits et il a une mission pour les "
            "personnes qui sont en France. Les droits des personnes et la loi sont dans le code que le "
            "ministre a publié pour les juges et les avocats du pays.\n")
    assert ("rnaison", 1, "maison") in flagged(text)


def test_a_text_whose_language_is_not_clear_is_not_checked():
    assert mr.clear_language("Tbe rnedical tirne", mr.word_counts("Tbe rnedical tirne")) is None


def test_one_warning_lists_the_words_for_the_console():
    doc = clean_text("We write to you about tbe rescue of the migrants at sea in tirne.\n")
    assert [w for w in doc.warnings if "misread" in w] == [
        "words that may be misread by OCR (left as printed, for an editor to check): tbe (the?, line 1), "
        "tirne (time?, line 1)"]


def test_the_word_list_is_not_loaded_for_a_text_that_shows_no_confusion():
    code = ("import sys; from builder.clean import clean; from builder.read import decode;"
            "clean(decode('a.txt', b'The ministry has reviewed the treatment of seasonal workers in the harvest.\\n'));"
            "print('wordfreq' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


UN = "The United Nations met. The United Nations spoke. The United Nations agreed on the text.\n"


def test_a_comma_inside_a_name_the_text_writes_whole_is_listed_as_printed():
    doc = clean_text(UN + "\nThe Conference of the United, Nations Educational Organization met in Paris.\n")
    assert ("United, Nations", 3, "United Nations") in doc.misread
    assert any("United, Nations" in b.text for b in doc.blocks)  # left as printed


def test_a_comma_between_two_names_the_text_never_writes_together_is_not_listed():
    doc = clean_text("The delegates of France, Germany and Italy met in Paris to agree on the text of the law.\n")
    assert doc.misread == []


def test_a_comma_the_text_prints_more_than_once_is_its_own_style():
    text = ("The New York Inc office and the New York Inc board and New York Inc staff met. "
            "New York, Inc and New York, Inc signed the text of the agreement.\n")
    assert clean_text(text).misread == []


def test_a_hyphen_after_an_article_before_a_capital_is_listed():
    doc = clean_text("Freedoms are affirmed for the peoples of the world by the-Charter of the United Nations.\n")
    assert ("the-Charter", 1, "the Charter") in doc.misread


def test_a_compound_made_of_a_function_word_is_not_listed():
    doc = clean_text("The department of Indre-et-Loire and the in-depth review of the law were both discussed.\n")
    assert doc.misread == []


def test_an_apostrophe_that_no_quotation_mark_opened_is_listed():
    doc = clean_text("It is stated in the Constitution of the body, adopted on' 16 November 1945, that war is bad.\n")
    assert ("on'", 1, "on") in doc.misread


def test_a_closing_quotation_mark_and_a_plural_possessive_are_not_listed():
    doc = clean_text("The text says 'war is over' and the workers' rights are kept by the law of the land.\n")
    assert doc.misread == []


def test_an_apostrophe_ending_a_word_in_a_language_that_elides_so_is_not_listed():
    text = ("Abbiamo aspettato un po' di tempo per la risposta del ministero e della questura, "
            "che non è arrivata per il richiedente e per la sua famiglia.\n")
    assert clean_text(text).misread == []


def test_a_slash_read_for_an_i_is_listed_with_the_word_it_makes():
    doc = clean_text("The author /s a staff member of the information service of the agency in the city.\n")
    assert ("/s", 1, "is") in doc.misread


def test_a_slash_between_words_is_no_misreading():
    doc = clean_text("The applicant and/or the spouse may apply at 50 km/h on the road of the city.\n")
    assert doc.misread == []
