"""Real headings are found: numbered section titles stacked without a blank line between them,
a short title line printed directly above its paragraph, and legal units named by kind
(``Disposición final``, ``Titre II``, ``Abschnitt 3``, ``§ 3``) in several languages."""

from __future__ import annotations

from cleankit import clean_text, lost_and_invented

INTRO = "Report on reception conditions\n\nThe present report opens with a sentence of some length.\n\n"


def headings(text: str) -> list[tuple[str, str]]:
    return [(b.number, b.text) for b in clean_text(INTRO + text).blocks if b.kind == "heading" and b.level > 1]


def test_two_numbered_section_titles_without_a_blank_line_are_two_headings():
    text = ("III.   Trends in violations at borders\n"
            "A.      Pushbacks and collective expulsions\n"
            "4.      The Special Rapporteur continues to receive credible reports of migrants.\n")
    assert headings(text) == [("III", "Trends in violations at borders"), ("A", "Pushbacks and collective expulsions")]


def test_stacked_numbered_titles_with_their_paragraph_right_below_are_headings_then_the_paragraph():
    text = ("IV.  Scope\nB.  Persons covered\nThe rules apply to every person who applies for protection.\n")
    doc = clean_text(INTRO + text)
    assert [(b.kind, b.text) for b in doc.blocks][-3:] == [
        ("heading", "Scope"), ("heading", "Persons covered"),
        ("paragraph", "The rules apply to every person who applies for protection.")]
    lost, invented = lost_and_invented(INTRO + text, doc)
    assert not lost and not invented


def test_a_short_title_line_directly_above_its_paragraph_is_a_heading_in_any_language():
    for label, prose in (("Hintergrund", "Die Integrationskurse bestehen aus einem Sprachkurs und einem Kurs."),
                         ("About the Organization", "The Organization is the agency of the United Nations for work."),
                         ("Contexte", "Le présent rapport examine les conditions matérielles d'accueil en France."),
                         ("Summary", "The present report examines the measures taken by States at their borders.")):
        assert headings(f"{label}\n{prose}\n") == [("", label)], label


def test_a_paragraph_whose_first_line_is_long_is_not_split():
    text = ("The Special Rapporteur visited the country from 3 to 14 May\n"
            "and met the authorities and civil society.\n")
    assert headings(text) == []


def test_a_short_line_that_runs_on_into_the_next_is_not_a_title():
    assert headings("Office of the\nHigh Commissioner for Human Rights and its partners met in May.\n") == []


def test_a_salutation_or_label_ending_in_a_colon_or_comma_is_not_a_title():
    assert headings("Dear colleagues,\nThe meeting of the committee will take place in Geneva in May.\n") == []
    assert headings("Contact:\nThe press office answers questions from journalists every day.\n") == []


def test_spanish_closing_provisions_are_headings():
    text = ("Disposición adicional única. Menores de edad.\n\nEn ningún caso podrán formularse ofertas.\n\n"
            "Disposición final primera. Entrada en vigor.\n\nLa presente orden entrará en vigor mañana.\n")
    assert [t for _, t in headings(text)] == ["Disposición adicional única. Menores de edad.",
                                              "Disposición final primera. Entrada en vigor."]


def test_french_german_and_paragraph_sign_units_are_headings():
    text = ("Titre II\n\nLe texte du titre suit ici.\n\nAbschnitt 3\n\nDer Text des Abschnitts folgt.\n\n"
            "§ 3 Anwendungsbereich\n\nDieses Gesetz gilt für alle.\n")
    assert [t for _, t in headings(text)] == ["Titre II", "Abschnitt 3", "§ 3 Anwendungsbereich"]


def test_a_closing_provision_right_under_another_heading_stays_a_heading_even_with_a_long_title():
    text = ("Capítulo V\n\nDisposición adicional primera. Atribución de competencias.\n\n"
            "Las competencias corresponden a la Administración.\n\n"
            "Disposición adicional tercera. Régimen especial de aplicación a los ciudadanos de algunos Estados "
            "no miembros de la Unión Europea.\n\nEl régimen se aplica a los ciudadanos.\n")
    assert [t.split(".")[0] for _, t in headings(text)] == ["Capítulo V", "Disposición adicional primera",
                                                            "Disposición adicional tercera"]


def test_an_annex_line_over_its_title_is_a_heading_with_its_title_under_it_in_any_language():
    title = "Political Declaration on the Implementation of the Global Plan of Action to Combat Trafficking"
    for word in ("Annex", "ANNEX II", "Anexo 1", "Annexe", "Anhang", "Appendix B", "Bilaga 2"):
        text = (f"{word}\nPolitical Declaration on the Implementation of the Global Plan\nof Action to Combat "
                "Trafficking\n\n1. We, the States Members of the United Nations, welcome the plan.\n")
        blocks = [(b.kind, b.text) for b in clean_text(INTRO + text).blocks][2:4]
        assert blocks[0] == ("heading", word) and blocks[1][1] == title, word


def test_an_annex_line_over_a_sentence_heads_it_and_the_sentence_stays_text():
    text = "Annex\nThe list of the States that signed the declaration is printed below.\n"
    assert headings(text) == [("", "Annex")]
