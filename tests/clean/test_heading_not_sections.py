"""A heading names a section that follows: short capitalised lines that are a place and date,
a web address, a document symbol, a download link's label, a note in brackets, a role and
name, the name under a signing line, a lone place or status over a date, or a link label
heading no text are never headings (never in the table of contents); a page footer with page
and job numbers is page furniture; a heading's number is never lost when it turns out to be
no heading."""

from __future__ import annotations

from cleankit import clean_text, lost_and_invented

INTRO = "Reception of asylum seekers\n\nThe first paragraph of the report is a sentence of some length.\n\n"


def headings(text: str) -> list[str]:
    return [b.text for b in clean_text(INTRO + text).blocks if b.kind == "heading" and b.level > 1]


def paragraphs(text: str) -> list[str]:
    return [b.text for b in clean_text(INTRO + text).blocks if b.kind == "paragraph"]


END = "\n\nThe text goes on with a sentence here.\n"


def test_a_place_and_date_line_is_no_heading_in_any_language():
    for line in ("Norrköping den 28 mars 2022", "Berlin, den 4. Mai 2021", "Geneva, 4 May 2020",
                 "Lisboa, 12 de março de 2023", "Madrid, 7 de julio de 2021"):
        assert headings(line + END) == [], line
        assert line in paragraphs(line + END)


def test_a_line_with_a_web_address_is_no_heading():
    assert headings("ELI : https://www.example.org/eli/decret/2021/3/3/X/jo/texte" + END) == []


def test_a_document_symbol_alone_is_no_heading():
    assert headings("A/HRC/53/26" + END) == []


def test_a_print_or_bill_code_alone_is_no_heading_but_a_short_code_may_be():
    assert headings("LBD12038-03-4" + END) == []
    assert "LBD12038-03-4" in paragraphs("LBD12038-03-4" + END)
    assert headings("COVID-19" + END) == ["COVID-19"]


def test_a_download_link_label_is_no_heading():
    assert headings("Descargar el informe (PDF, 4,2 MB)" + END) == []
    assert headings("Bericht herunterladen (PDF)" + END) == []


def test_a_note_wholly_in_brackets_is_no_heading():
    assert headings("(Adopted by the Committee of Ministers on 24 April 2019 at its meeting)" + END) == []


def test_a_role_and_a_name_on_two_lines_are_no_heading():
    assert headings("Le ministre de l'intérieur,\nPaul Martin" + END) == []


def test_the_name_under_a_signing_line_is_no_heading():
    text = "Fait à Paris, le 3 mars 2021.\n\nJean Dupont\n\nPar le Premier ministre :\n"
    assert headings(text) == []
    assert "Jean Dupont" in paragraphs(text)


def test_a_lone_word_over_a_date_is_a_place_or_status_not_a_heading():
    assert headings("STRASBOURG\n\n12 July 2016\n\nFINAL\n\n12/10/2016" + END) == []


def test_a_short_line_heading_no_text_before_the_next_heading_is_a_link_label():
    # (A cue of the related-links kind, "Read more", goes as a call to action: test_web_furniture.)
    text = "Our campaign page\n\nWhat the law says\n\nInternational standards are clear on this point.\n"
    assert headings(text) == ["What the law says"]
    assert "Our campaign page" in paragraphs(text)


def test_a_short_section_title_with_text_under_it_is_still_a_heading():
    text = "Hintergrund\n\nDie Zahl der Anträge ist im Jahr gestiegen.\n\nErgebnisse\n\nDie Ergebnisse folgen.\n"
    assert headings(text) == ["Hintergrund", "Ergebnisse"]


def test_page_number_and_job_number_on_one_line_are_page_furniture():
    text = "2                                GE.23-07412\n\nThe text goes on.\n\nGE.23-07412                3\n"
    doc = clean_text(INTRO + text)
    assert [r.reason for r in doc.removed] == ["page footer: page number and print job number"] * 2
    assert not any("GE.23" in b.text for b in doc.blocks)


def test_a_numbered_line_that_is_no_heading_keeps_its_number_in_its_text():
    text = INTRO + "Depósito legal\n\nD. L.: M-1/1958\n"
    doc = clean_text(text)
    assert any(b.text == "D. L.: M-1/1958" and not b.number for b in doc.blocks)
    lost, invented = lost_and_invented(text, doc)
    assert not lost and not invented


def test_a_labelled_reference_code_is_no_heading():
    assert headings("NOR : INTV2103152D" + END) == []
    assert headings("Dnr: 1.3.2-2022-11845" + END) == []


def test_a_source_line_with_a_web_address_above_the_title_leaves_the_title_the_title():
    doc = clean_text("Retrieved from the archive at [www.example.org]\n\n"
                     "ANNUAL REPORT ON RECEPTION\n\nThe report opens with a sentence of some length.\n")
    [title] = [b.text for b in doc.blocks if b.kind == "heading" and b.level == 1]
    assert title == "Annual Report on Reception"


def test_two_texts_side_by_side_are_no_heading_but_a_numbered_title_with_its_layout_gap_is():
    assert headings("Council of Europe          Conseil de l'Europe" + END) == []
    assert headings("III.   Trends at borders\n\nText of the section follows here.\n") == ["Trends at borders"]


def test_a_numbered_section_title_over_its_first_subsection_is_still_a_heading():
    text = "1 Inledning\n\n1.1 Uppdraget\n\nRegeringen gav Migrationsverket i uppdrag att redovisa.\n\n" \
           "2 Resultat\n\nTabell 1. Antal ärenden\n\nTexten fortsätter här.\n"
    assert headings(text)[:3] == ["1 Inledning", "1.1 Uppdraget", "2 Resultat"]


def test_an_item_ending_with_a_semicolon_and_a_conjunction_is_no_heading_in_any_language():
    for line in ("Certidão de casamento devidamente autenticada; ou", "A valid passport of the family member; and",
                 "Eine Kopie des Aufenthaltstitels; oder"):
        assert headings(line + END) == [], line
        assert line in paragraphs(line + END)


def test_a_numbered_item_ending_with_a_comma_is_no_heading_even_with_blank_lines_around_it():
    text = ("Nicht als Einkommen zu berücksichtigen sind:\n\n1.  Leistungen nach diesem Gesetz,\n\n\n"
            "2.  eine Grundrente nach dem Bundesversorgungsgesetz und nach den Gesetzen, die eine\n"
            "    entsprechende Anwendung vorsehen,\n\n\n3.  die Renten oder Beihilfen.\n")
    assert headings(text) == []


def test_a_short_title_ending_with_a_lower_case_word_after_a_comma_is_still_a_heading():
    assert headings("Rights, duties" + END) == ["Rights, duties"]


def test_a_name_printed_apart_under_a_role_line_ending_with_a_comma_is_no_heading():
    text = ("Dado en Madrid, el 16 de febrero de 2007.\n\nLa Vicepresidenta Primera del Gobierno,\n\n"
            "MARÍA TERESA FERNÁNDEZ DE LA VEGA SANZ\n")
    assert headings(text) == []
    assert "MARÍA TERESA FERNÁNDEZ DE LA VEGA SANZ" in paragraphs(text)


def test_a_bold_clause_ending_with_a_colon_over_a_list_is_no_heading():
    text = ("**Le principe d’égalité devant la loi se décline en plusieurs types d’égalité :**\n\n"
            "* le suffrage universel ;\n* l’égalité des sexes.\n")
    assert headings(text) == []


def test_a_short_bold_label_ending_with_a_colon_is_still_a_heading():
    text = "**Documents nécessaires :**\n\nLe passeport et une photographie récente du demandeur sont requis.\n"
    assert [h.strip(" :") for h in headings(text)] == ["Documents nécessaires"]


def test_an_item_whose_text_is_only_a_note_in_brackets_is_no_heading():
    for line in ("2a. (weggefallen)", "Dos. (Anulado)", "Tres. (Derogado)"):
        assert headings(line + END) == [], line
        assert line in paragraphs(line + END)


def test_a_line_ending_with_a_closing_quote_it_never_opened_is_no_heading():
    assert headings("Medical Psychology”" + END) == []
    assert headings("Journal of Medical Psychology\"" + END) == []


def test_a_title_wholly_in_quotation_marks_is_still_a_heading():
    assert headings("“Open-Air Museums”" + END) == ["“Open-Air Museums”"]


def test_a_numbered_bold_title_ending_with_a_colon_is_still_a_heading():
    text = ("**1. The promotion and protection of the human rights of all migrants, regardless of status:**\n\n"
            "Migration policies should be consistent with human rights and respect the dignity of migrants.\n")
    assert len(headings(text)) == 1
