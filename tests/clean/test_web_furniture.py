"""clean/web: site furniture recognised by its function (menus, related links, consent
notices, footer legal lines), removed with its reason; content that looks alike is kept."""

from __future__ import annotations

from cleankit import clean_text

BODY = ("The ministry published new rules on family reunification today, after a long consultation.\n\n"
        "Applicants must show a valid residence permit and proof of accommodation for the family.\n")
MENU = ["Home", "About us", "News", "Publications", "Our Work", "Regions", "Careers", "Events", "Media Centre",
        "Data and Statistics", "Where We Work", "Donate", "Search", "Contact"]


def text_of(doc):
    return " ".join(b.text for b in doc.blocks)


def reasons(doc):
    return {r.text: r.reason for r in doc.removed}


def test_a_site_menu_above_the_first_paragraph_is_removed_with_its_reason():
    doc = clean_text("Family reunification rules\n\n" + "\n\n".join(MENU) + "\n\n" + BODY)
    removed = reasons(doc)
    assert all(removed.get(item, "").startswith("site menu (") for item in MENU)
    assert removed["Home"] == "site menu (14 short link lines)"
    assert "Publications" not in text_of(doc) and "ministry published new rules" in text_of(doc)
    assert doc.blocks[0].text == "Family reunification rules"


def test_a_site_menu_below_the_last_paragraph_is_removed():
    doc = clean_text("Family reunification rules\n\n" + BODY + "\n" + "\n".join(MENU) + "\n")
    assert "Careers" not in text_of(doc)
    assert reasons(doc)["Careers"].startswith("site menu")


def test_numbered_recommendations_are_kept_even_where_a_menu_would_be():
    recs = "\n".join(f"{n}. Ensure access to services" for n in range(1, 13))
    doc = clean_text(f"Recommendations\n\n{recs}\n\n{BODY}")
    assert not [r for r in doc.removed if r.rule == "site_furniture"]
    assert sum(b.kind == "list_item" for b in doc.blocks) == 12


def test_short_lines_without_evidence_of_a_site_are_kept():
    countries = "\n\n".join(["Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia", "Austria",
                             "Belgium", "Benin", "Bolivia"])
    doc = clean_text(f"Signatories\n\n{BODY}\n{countries}\n")
    assert not [r for r in doc.removed if r.rule == "site_furniture"]
    assert "Angola" in text_of(doc)


def test_a_see_also_list_at_the_end_is_removed():
    doc = clean_text(f"Family reunification rules\n\n{BODY}\nSee also\n\n[Visas for family members](/visas)\n\n"
                     "[Residence permits](/permits)\n\n[Citizenship](/citizenship)\n")
    removed = reasons(doc)
    assert removed["See also"] == "related links (3 lines under a 'See also' heading)"
    assert "Residence permits" not in text_of(doc)


def test_a_related_list_in_french_is_removed():
    doc = clean_text(f"Les règles\n\n{BODY}\nLire aussi\n\nTitres de séjour\n\nNaturalisation\n")
    assert "Naturalisation" not in text_of(doc)
    assert reasons(doc)["Lire aussi"].startswith("related links")


def test_a_cookie_notice_is_removed_in_english():
    doc = clean_text(f"Family reunification rules\n\nWe use cookies to make this site work. You can accept "
                     f"or reject additional cookies.\n\n{BODY}")
    assert reasons(doc)["We use cookies to make this site work. You can accept or reject additional cookies."] \
        == "cookie or consent notice"
    assert "cookies" not in text_of(doc)


def test_a_cookie_notice_is_removed_in_french():
    doc = clean_text(f"Les règles\n\nNous utilisons des cookies pour améliorer votre expérience. Vous pouvez "
                     f"accepter ou refuser les cookies.\n\n{BODY}")
    assert any(r.reason == "cookie or consent notice" for r in doc.removed)
    assert "cookies" not in text_of(doc)


def test_prose_about_cookies_without_addressing_the_reader_is_kept():
    prose = ("The directive requires that cookies are stored only after informed consent has been given by "
             "the user, as the court confirmed in its judgment.")
    doc = clean_text(f"Data protection\n\n{prose}\n\n{BODY}")
    assert "informed consent" in text_of(doc)


def test_a_copyright_line_is_removed():
    doc = clean_text(f"Family reunification rules\n\n{BODY}\n© 2024 Ministry of the Interior. All rights reserved.\n")
    assert reasons(doc)["© 2024 Ministry of the Interior. All rights reserved."].startswith("footer legal line")
    assert "©" not in text_of(doc)


def test_a_rights_reserved_line_in_spanish_is_removed():
    doc = clean_text(f"Las normas\n\n{BODY}\nMinisterio del Interior. Todos los derechos reservados\n")
    assert "derechos reservados" not in text_of(doc)


def test_a_share_bar_is_removed_anywhere():
    doc = clean_text(f"Family reunification rules\n\n{BODY}\nPrint\n\nShare\n\nFacebook\n\nLinkedIn\n\n{BODY}")
    assert reasons(doc)["Facebook"] == "share or social-network links (4 lines)"


def test_a_feedback_question_with_its_answers_and_form_is_removed():
    form = ("Is this page useful?\n\n*   [Maybe](https://example.org/contact)\n*   Yes this page is useful\n"
            "*   No this page is not useful\n\nThank you for your feedback\n\nWhat went wrong?\n\n"
            "Don’t include personal or financial information like your passport number.\n\nSend Cancel\n")
    doc = clean_text("Family reunification rules\n\n" + BODY + "\n" + form)
    assert "useful" not in text_of(doc) and "What went wrong" not in text_of(doc) and "Send" not in text_of(doc)
    assert reasons(doc)["Is this page useful?"].startswith("feedback form (")
    assert "ministry published new rules" in text_of(doc)


def test_a_feedback_question_in_french_before_more_text_takes_only_its_answers():
    more = "Les demandes déposées avant le 1er mars restent examinées selon les anciennes règles du séjour.\n"
    doc = clean_text("Regroupement familial\n\n" + BODY + "\nCette page vous a-t-elle été utile ?\n\nOui\n\nNon\n\n"
                     + more)
    assert "utile" not in text_of(doc) and "Oui" not in text_of(doc)
    assert "anciennes règles" in text_of(doc)


def test_a_question_of_the_text_answered_once_is_kept():
    doc = clean_text("Questions and answers\n\n" + BODY + "\nCan my children join me?\n\n"
                     "Yes, if they are under 18.\n\nThey apply at the consulate with their birth certificates.\n")
    assert "Can my children join me?" in text_of(doc) and "Yes, if they are under 18." in text_of(doc)
    assert not [r for r in doc.removed if r.reason.startswith("feedback")]


def test_a_version_picker_of_dated_lines_is_removed_with_its_label():
    picker = ("Seleccionar redacción:\nÚltima actualización publicada el 09/11/2015\n"
              "Modificación publicada el 04/08/2012\nModificación publicada el 24/04/2012\n"
              "Modificación publicada el 26/11/2011\nTexto inicial publicado el 28/02/2007\n")
    doc = clean_text("Real Decreto sobre residencia\n\n" + picker + "\n" + BODY)
    assert "Modificación" not in text_of(doc) and "Seleccionar" not in text_of(doc)
    assert reasons(doc)["Modificación publicada el 04/08/2012"] == "version picker (5 dated versions of the page)"


def test_an_english_version_list_with_spelled_dates_is_a_picker():
    picker = "\n".join(f"Version of {d}" for d in ("3 March 2021", "9 June 2019", "1 May 2017", "2 January 2015"))
    doc = clean_text("Immigration rules\n\n" + BODY + "\n" + picker + "\n")
    assert "Version of" not in text_of(doc)


def test_a_chronology_of_different_events_is_kept():
    events = ("Convention adopted on 18/12/1990\nEntry into force on 01/07/2003\nFirst report reviewed on 12/04/2006\n"
              "Optional protocol opened on 10/12/2008\n")
    doc = clean_text("Timeline\n\n" + BODY + "\n" + events)
    assert "Entry into force on 01/07/2003" in text_of(doc)


HEADER = "\n".join(["Skip to content", "Home", "About us", "News", "Publications", "Contact", "Search"])


def test_a_date_line_between_the_menu_and_the_text_is_kept():
    doc = clean_text(f"{HEADER}\n\nFamily reunification rules\n\nPublicado em 18/12/2023 | Atualizado em 19/12/2023\n"
                     f"\nShare\nFacebook\nTwitter\n\n{BODY}")
    assert "Publicado em 18/12/2023 | Atualizado em 19/12/2023" in text_of(doc)
    assert reasons(doc)["About us"].startswith("site menu (")


def test_a_menu_written_right_above_a_cookie_notice_keeps_the_reason_of_a_menu():
    notice = "This site uses cookies to improve your visit. By going on you accept them.\nAccept\nRefuse"
    doc = clean_text(f"{HEADER}\nHome > News > Migration\n{notice}\n\nFamily reunification rules\n\n{BODY}")
    removed = reasons(doc)
    assert removed["About us"].startswith("site menu (")
    assert removed["Home > News > Migration"] == "breadcrumb trail"
    assert removed["Accept"] == removed["Refuse"] == "cookie or consent notice"


def test_a_newsletter_form_in_the_footer_keeps_its_reason_beside_the_footer_lines():
    footer = ("Back to top\nSubscribe to our newsletter\nYour e-mail address\nSign up\n"
              "© 2023 The Observatory. All rights reserved.\nPrivacy policy | Terms of use | Site map\n")
    doc = clean_text(f"Family reunification rules\n\n{BODY}\n{footer}")
    removed = reasons(doc)
    assert removed["Subscribe to our newsletter"] == removed["Your e-mail address"] == "subscription prompt"
    assert removed["© 2023 The Observatory. All rights reserved."].startswith("footer legal line")
    assert not removed["Privacy policy | Terms of use | Site map"].startswith("subscription")


def test_a_lone_read_more_between_paragraphs_is_a_call_to_action():
    doc = clean_text(f"Family reunification rules\n\n{BODY}\nRead more\n\nWhat the law says\n\n{BODY}")
    assert "Read more" not in text_of(doc)
    assert reasons(doc)["Read more"].startswith("call to action")


def test_a_download_link_naming_a_file_type_and_size_is_a_call_to_action():
    for line in ("Descarregar o relatório (PDF, 4,2 MB)", "Download the full report [PDF 300 KB]",
                 "Rapport complet (pdf - 1,2 Mo)"):
        doc = clean_text(f"Family reunification rules\n\n{BODY}\n{line}\n\n{BODY}")
        assert reasons(doc).get(line, "").startswith("call to action"), line


def test_a_sentence_about_a_file_is_no_download_link():
    line = "The annual report (PDF, 4.2 MB) was sent to every member of parliament last week."
    doc = clean_text(f"Family reunification rules\n\n{BODY}\n{line}\n")
    assert line in text_of(doc)


def test_a_two_line_share_bar_with_several_networks_on_one_line_is_a_share_bar():
    doc = clean_text(f"Family reunification rules\n\n{BODY}\nShare this\nFacebook  X  Email  Print\n\n{BODY}")
    assert reasons(doc)["Facebook  X  Email  Print"] == "share or social-network links (2 lines)"


def test_related_articles_with_headlines_longer_than_menu_items_are_related_links():
    related = ("Related articles\nHow alternatives to detention work in practice\n"
               "Five things you should know about the new asylum bill of this spring\nOur annual report is out\n")
    doc = clean_text(f"Family reunification rules\n\n{BODY}\n{related}\nWe use cookies. Accept all | Manage\n")
    assert reasons(doc)["Five things you should know about the new asylum bill of this spring"] \
        == "related links (3 lines under a 'See also' heading)"


def test_a_contact_block_under_its_label_is_kept_not_taken_for_a_menu():
    contact = ("Press contact:\nFederal Office for Migration\nPress and Public Relations\nFrankenstrasse 210\n"
               "90461 Nuremberg\nPhone: +49 911 943-17777\nE-mail: press@example.org\nwww.example.org\n")
    doc = clean_text(f"Federal Office for Migration\n\nNews\n\nFamily reunification rules\n\n{BODY}\n\n{contact}")
    assert "Frankenstrasse 210" in text_of(doc) and "90461 Nuremberg" in text_of(doc)


def test_a_button_label_after_every_section_title_is_cut_from_the_titles():
    sections = "".join(f"{t}, Show\n{'-' * (len(t) + 6)}\n\n{BODY}\n" for t in
                       ("Definition of a stateless person", "Exclusion from recognition", "Grant of leave to remain"))
    doc = clean_text(f"Immigration rules part 14\n\nShow all sections\n\n{sections}")
    texts = [b.text for b in doc.blocks]
    assert "Exclusion from recognition" in texts and not any("Show" in t for t in texts)
    assert reasons(doc)["Show all sections"] == "button label of a collapsible section (after 3 section titles)"


def test_a_word_after_a_comma_at_the_end_of_wrapped_lines_is_text():
    lines = "".join(f"The State shall protect the rights of migrants, {w}\nthe rights of their families.\n\n"
                    for w in ("Whatever", "Whatever", "Whatever"))
    doc = clean_text(f"Immigration rules\n\n{lines}")
    assert not [r for r in doc.removed if r.rule == "toggle_labels"]


def test_a_list_of_the_titles_printed_below_is_the_pages_table_of_contents():
    toc = "\n\n".join(["[Preamble]", "CHAPTER I", "Article 1", "Article 2", "CHAPTER II", "Article 3", "[Annex]"])
    text = "".join(f"{t}\n\n{BODY}\n" for t in ("CHAPTER I", "Article 1. Purpose.", "Article 2. Scope.",
                                               "CHAPTER II", "Article 3. Entry into force."))
    doc = clean_text(f"Royal Decree 240/2007\n\n{toc}\n\n{BODY}\n{text}")
    assert [r.reason for r in doc.removed] == [
        "table of contents (5 entries, each the start of a heading or title below)"] * 7
    assert sum(b.text == "CHAPTER I" for b in doc.blocks) == 1


def test_a_list_of_short_lines_not_printed_again_below_is_kept():
    items = "\n\n".join(["Albania", "Algeria", "Angola", "Argentina", "Armenia"])
    doc = clean_text(f"Signatories\n\n{BODY}\n{items}\n\n{BODY}\nArticle 1\n\n{BODY}")
    assert "Angola" in text_of(doc)


def test_a_line_of_file_formats_alone_is_a_download_link():
    doc = clean_text(f"Royal Decree 240/2007\n\n{BODY}\nPDF\n\nePUB\n\n{BODY}")
    assert reasons(doc)["PDF"].startswith("call to action") and reasons(doc)["ePUB"].startswith("call to action")


def test_short_lines_after_a_breadcrumb_are_the_page_s_title_not_the_menu():
    doc = clean_text("Ministry of Migration\nNews and statements\n\nSkip to main content\n"
                     "Home  >  News  >  Item 17044\n\nFamily reunion: Rules\nStatement for the press\n\n"
                     "Item 17044, issued on 4 March 2024\n\nIssued by\nJane Smith\nHead of Press\n\n"
                     "Statement\n\n" + BODY)
    assert "Family reunion: Rules" in text_of(doc) and "Statement for the press" in text_of(doc)
    assert reasons(doc)["Home  >  News  >  Item 17044"] == "breadcrumb trail"
    assert "Skip to main content" in reasons(doc)
