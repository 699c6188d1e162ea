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


SOU_COVER = ("Statens offentliga utredningar          SOU 2023:48\n\n\n\nEn ny ordning för mottagande\n\n"
             "Stockholm 2023\n\n\n\n")


def test_the_own_number_beside_a_section_name_at_a_page_top_is_a_running_header():
    doc = clean_text(SOU_COVER + "Utredningen har haft i uppdrag att föreslå ett nytt system.\n\n\n\n"
                     "SOU 2023:48                              Sammanfattning\n\n\nSammanfattning\n\n"
                     "Utredningen föreslår en ny lag.\n")
    assert "SOU 2023:48                              Sammanfattning" in removed(doc)
    assert "Sammanfattning" in texts(doc)


def test_the_cover_keeps_its_own_number():
    doc = clean_text(SOU_COVER + "Utredningen har haft i uppdrag att föreslå ett nytt system.\n\n\n\n"
                     "SOU 2023:48                              Sammanfattning\n\nUtredningen föreslår.\n")
    assert "SOU 2023:48" in texts(doc)


def test_a_telegram_page_header_with_its_telno_is_removed():
    doc = clean_text("TELEGRAM\n\nFM UKMIS GENEVA 141530Z AUG 74\nTO FCO TELNO 612\n\n"
                     "1. UNHCR TOLD US THIS MORNING THAT THE HIGH COMMISSIONER HAS AGREED.\n\n"
                     "2. THE APPEAL WILL BE LAUNCHED.\n\n3. I SAID I WOULD SEEK INSTRUCTIONS.\n\n- 2 -\n\n"
                     "UKMIS GENEVA TELNO 612\n\n2. SHOULD DEPARTMENT AGREE, I WOULD PROPOSE TO SAY SO.\n")
    assert "UKMIS GENEVA TELNO 612" in removed(doc) and "TO FCO TELNO 612" in texts(doc)


def test_a_symbol_printed_alone_after_a_page_footer_is_a_running_header():
    doc = clean_text("United Nations                    CERD/C/GRC/CO/23-24\n\nConcluding observations\n\n"
                     "1. The Committee considered the reports.\n\n2. It thanks the State party.\n\n"
                     "3. It notes the dialogue.\n\nGE.23-18402(E)\nCERD/C/GRC/CO/23-24\n\n"
                     "4. The Committee welcomes the reports.\n")
    assert "CERD/C/GRC/CO/23-24" in removed(doc) and "CERD/C/GRC/CO/23-24" in texts(doc)


def test_the_own_number_cited_in_a_sentence_at_a_page_top_is_kept():
    doc = clean_text(SOU_COVER + "Utredningen har haft i uppdrag.\n\n\n\n"
                     "Betänkandet SOU 2023:48 lämnas till regeringen.\n\nMer text.\n")
    assert "Betänkandet SOU 2023:48 lämnas till regeringen." in texts(doc)


def test_another_number_at_a_page_top_is_kept():
    doc = clean_text(SOU_COVER + "Utredningen har haft i uppdrag.\n\n\n\nSOU 2021:12\n\nMer text.\n")
    assert "SOU 2021:12" in texts(doc)


def test_a_cover_marking_printed_again_at_a_page_break_is_a_running_header():
    doc = clean_text("TELEGRAM\n\nCONFIDENTIAL                              PRIORITY\n\nFM UKMIS GENEVA\nTO FCO\n\n"
                     "1. UNHCR TOLD US THIS MORNING THAT THE HIGH COMMISSIONER HAS AGREED.\n\n"
                     "2. THE APPEAL WILL BE LAUNCHED.\n\n3. I SAID I WOULD SEEK INSTRUCTIONS.\n\n"
                     "CONFIDENTIAL\n\n- 2 -\n\n4. COMMENT: THE QUESTION IS SENSITIVE.\n")
    assert removed(doc).count("CONFIDENTIAL") == 1


def test_a_teleprinter_end_mark_is_removed():
    doc = clean_text("1. WE AGREE WITH THE PROPOSAL.\n\nJAMES\n\nNNNN\n")
    assert "NNNN" in removed(doc)


def test_a_page_count_with_its_page_word_above_a_copyright_line_is_removed():
    doc = clean_text("These are Official Statistics.\n\n                    Page 1 of 1\n"
                     "© Crown copyright 2024. Published under the Open Government Licence.\n")
    assert "Page 1 of 1" in removed(doc)


def test_a_contents_entry_with_a_dot_leader_is_no_heading():
    doc = clean_text("Innehåll\n\nSammanfattning .................................. 9\n\n"
                     "Bilaga 1 Kommittédirektiv 2022:47 ................ 89\n\nSammanfattning\n\nText.\n")
    assert all("...." not in b.text for b in doc.blocks if b.kind == "heading")


def test_the_own_number_repeated_at_the_end_of_the_text_with_no_page_break_is_kept():
    doc = clean_text(SOU_COVER + "Utredningen har haft i uppdrag.\n\nMer text.\n\nSOU 2023:48\n\nSlut.\n")
    assert "SOU 2023:48" not in removed(doc)
