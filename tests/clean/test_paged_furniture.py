"""clean: a running header or footer is recognised by its shape, in any language: short texts
and a page number set apart by layout gaps, at a page boundary, even printed only once; a page
number beside a body line is taken off it; a contents list is kept."""

from __future__ import annotations

from cleankit import clean_text


def texts(doc):
    return "\n".join(b.text for b in doc.blocks)


def removed(doc):
    return [r.text for r in doc.removed]


def test_a_footer_with_a_page_number_of_a_count_is_removed_even_once():
    doc = clean_text("The camps are full.\n\nCountry Office / October 2023            Page 2 of 6\n\n"
                     "PROTECTION\nMore text.\n")
    assert "Page 2" not in texts(doc) and "Country Office / October 2023            Page 2 of 6" in removed(doc)


def test_a_footer_in_another_language_is_removed():
    doc = clean_text("Die Zahl ist gestiegen.\n\nBericht des Amtes            Seite 2 von 6\n\nWeiter im Text.\n")
    assert "Seite" not in texts(doc) and "Bericht des Amtes" not in texts(doc)


def test_a_header_with_a_dashed_page_number_between_two_texts_is_removed():
    doc = clean_text("Die Zahl ist gestiegen.\n\n"
                     "Drucksache 12/345            – 2 –            Bundestag – 20. Wahlperiode\n\n"
                     "Weiter im Text.\n")
    assert "Drucksache" not in texts(doc) and "Weiter im Text." in texts(doc)


def test_a_page_number_beside_a_body_line_is_taken_off_the_line():
    doc = clean_text("First part.\n\nThe last line of the body goes here.            Página 2 de 6\n\nNext part.\n")
    assert "The last line of the body goes here." in texts(doc) and "Página 2 de 6" in removed(doc)
    assert "Página" not in texts(doc)


def test_a_page_number_beyond_its_count_is_kept():
    doc = clean_text("First part.\n\nCountry Office            Page 7 of 6\n\nNext part.\n")
    assert "Page 7 of 6" in texts(doc)


def test_a_contents_list_with_page_numbers_is_kept():
    doc = clean_text("Contents\n\nIntroduction            Page 1\nThe camps            Page 3\n\n"
                     "Introduction\n\nThe camps are full.\n")
    assert "Page 3" in texts(doc) and "Page 1" in texts(doc)


def test_a_page_word_alone_in_another_language_is_a_page_number():
    doc = clean_text("Diário oficial\n\nPág. 3\n\nO texto da lei começa aqui.\n")
    assert "Pág. 3" in removed(doc)


def test_a_contact_block_at_the_end_with_social_links_is_kept():
    doc = clean_text("The report ends here.\n\nCONTACTS\nJane Roe, External Relations Officer, jroe@example.org\n"
                     "LINKS: data portal - Twitter - Facebook\n")
    assert "jroe@example.org" in texts(doc)


def test_a_bare_page_number_on_the_last_line_of_a_page_is_taken_off():
    doc = clean_text("Total        682 500\n\nSource: national statistics office.            A3 - 1\n")
    assert "A3 - 1" in removed(doc) and "Source: national statistics office." in texts(doc)


def test_a_fraction_in_a_table_row_is_kept():
    doc = clean_text("Quorum        2/3\nMajority        1/2\n\nThe vote is taken by show of hands.\n")
    assert "2/3" in texts(doc) and "1/2" in texts(doc)


GAZETTE_PAGE_1 = ("Official Gazette, Series I\n\nNo. 97\n\nPág. 3\n\nLAW No. 18/2024\n\n"
                  "The law lays down the conditions for the protection of unaccompanied children.\n"
                  "It applies to every applicant, whatever the stage of the procedure.\n\n"
                  "Article 1\n\nThe State shall appoint a representative for each child without delay.\n")


def test_a_first_page_line_printed_again_after_a_form_feed_is_a_running_header():
    doc = clean_text(GAZETTE_PAGE_1 + "\fOfficial Gazette, Series I\n\nPág. 4\n\n"
                     "Article 2\n\nThe representative shall be present at every interview.\n")
    assert [r.text for r in doc.removed].count("Official Gazette, Series I") == 1
    assert "Article 2" in texts(doc)


def test_a_first_page_line_repeated_away_from_a_page_break_is_kept():
    doc = clean_text(GAZETTE_PAGE_1 + "\nArticle 2\n\nThe representative shall be present at every interview.\n\n"
                     "Article 3\n\nThe representative shall be heard.\n\nLAW No. 18/2024\n\nEnd of the text.\n")
    assert "LAW No. 18/2024" not in removed(doc)


def test_a_paragraph_whose_first_line_repeats_a_first_page_line_after_a_page_break_is_kept():
    # Found by hypothesis: a wrapped paragraph's first line equal to a line of the first page.
    doc = clean_text("Migration migration migration\nmigration migration migration\nmigration.\n\n"
                     "A/HRC/99/1\n\n3\n\nMigration migration migration\nmigration.\n")
    assert "Migration migration migration" not in removed(doc)
    assert texts(doc).endswith("Migration migration migration migration.")


def test_a_two_line_footer_with_a_page_number_is_not_read_as_columns():
    doc = clean_text("The camps are full.\nRelocation goes on.\nMore arrivals are expected.\nThe rains came.\n\n"
                     "Country Office / October 2023            Page 2 of 6\n"
                     "www.example.org                          @agency\n\n"
                     "The rains cut the road.\nRelocation resumed.\n\nA third part.\nIt ends here.\n\n"
                     "A fourth part.\nIt ends here too.\n")
    assert "Page 2 of 6" not in texts(doc) and not any(m.text == "Page 2 of 6" for m in doc.moved)


REPORT_PAGE_1 = ("OPERATIONAL UPDATE\n\nCountry X\n1 - 31 October 2023\n\nKEY POINTS\n\n"
                 "Arrivals continued throughout October.\nThe rains cut the road for nine days.\n\n"
                 "Agency Country X / October 2023            Page 2 of 6\n\n")


def test_a_name_and_date_trail_at_a_page_top_is_a_running_header():
    doc = clean_text(REPORT_PAGE_1 + "Agency OPERATIONAL UPDATE > Country X / October 2023\n\n"
                     "PROTECTION\n\nRegistration reached 312,000 people.\n")
    assert "Agency OPERATIONAL UPDATE > Country X / October 2023" in removed(doc)


def test_a_heading_at_a_page_top_with_words_of_its_own_is_kept():
    doc = clean_text(REPORT_PAGE_1 + "Health > Nutrition / October 2023\n\n"
                     "PROTECTION\n\nRegistration reached 312,000 people.\n")
    assert "Health > Nutrition / October 2023" in texts(doc)


def test_a_line_repeated_three_times_that_each_paragraph_goes_on_from_is_no_running_header():
    # Found by hypothesis: three paragraphs opening with the same short line, each going on in
    # lower case, were taken for a header repeated on three pages.
    para = "Migration migration migration\nmigration.\n\n"
    doc = clean_text("A/HRC/99/1\n\n2\n\n" + para * 3)
    assert "Migration migration migration" not in removed(doc)
