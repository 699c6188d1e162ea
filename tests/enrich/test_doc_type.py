"""The document type from the text's own signals, in several languages (metadata.TYPE_CUES)."""

from __future__ import annotations

from builder.document import Block, Document, Source
from builder.enrich.metadata import extract

FR = ("Le ministère a examiné la situation des travailleurs saisonniers pendant la récolte et constate "
      "que la plupart des employeurs respectent les contrats signés avec les travailleurs.")
ES = ("El ministerio ha examinado la situación de los trabajadores temporeros durante la cosecha y "
      "comprueba que la mayoría de los empleadores respetan los contratos firmados.")
DE = ("Das Ministerium hat die Lage der Saisonarbeitskräfte während der Ernte geprüft und stellt fest, "
      "dass die meisten Arbeitgeber die unterzeichneten Verträge einhalten.")
EN = ("The ministry has reviewed the treatment of seasonal workers in the harvest and found that most "
      "employers respect the contracts they signed with the workers.")


def p(text: str) -> Block:
    return Block("paragraph", text)


def h(text: str, level: int = 2) -> Block:
    return Block("heading", text, level=level)


def doc(*blocks: Block) -> Document:
    return Document(Source("t.txt", "", ""), blocks=list(blocks))


def test_french_letter_from_salutation_and_closing():
    d = doc(p("Madame, Monsieur,"), p(FR), p(FR),
            p("Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées."))
    assert extract(d).doc_type == "letter"


def test_german_letter():
    d = doc(p("Sehr geehrte Damen und Herren,"), p(DE), p("Mit freundlichen Grüßen"))
    assert extract(d).doc_type == "letter"


def test_spanish_press_release():
    d = doc(p("Nota de prensa"), h("El Gobierno aprueba el plan de temporeros", 1), p(ES), p(ES), p("###"))
    assert extract(d).doc_type == "press release"


def test_english_press_release_end_mark_and_release_line():
    d = doc(p("For immediate release"), p(EN), p("-ends-"))
    assert extract(d).doc_type == "press release"


def test_spanish_legal_act_with_visto_and_articles():
    d = doc(h("Real Decreto sobre trabajadores temporeros", 1), p("Visto el informe del Consejo de Estado,"),
            p(ES), p("Artículo 1. Objeto"), p(ES), p("Artículo 2. Ámbito"), p(ES))
    assert extract(d).doc_type == "legal act"


def test_french_legal_act_with_vu_considerant_and_article_1er():
    d = doc(p("Vu le code du travail,"), p("Considérant que " + FR), p("Article 1er"), p(FR), p("Article 2"), p(FR))
    assert extract(d).doc_type == "legal act"


def test_german_law_with_paragraph_sections():
    d = doc(h("Gesetz über Saisonarbeit", 1), h("§ 1 Anwendungsbereich"), p(DE), h("§ 2 Begriffe"), p(DE))
    assert extract(d).doc_type == "legal act"


def test_resolution_from_preamble_and_operative_words():
    d = doc(p("Resolution adopted by the General Assembly"), p("Recalling its earlier resolutions,"),
            p("Reaffirming " + EN), p("Decides to keep the matter under review."))
    assert extract(d).doc_type == "resolution"


def test_french_declaration_adopted_and_proclaimed():
    d = doc(h("Préambule"), p("La Conférence générale, " + FR),
            p("Adopte et proclame solennellement la présente Déclaration sur les travailleurs saisonniers."),
            p("Article premier"), p(FR))
    assert extract(d).doc_type == "declaration"


def test_convention_agreed_as_follows():
    d = doc(h("Convention on seasonal workers", 1), p("The States Parties to the present Convention,"), p(EN),
            p("Have agreed as follows:"), p("Article 1"), p(EN))
    assert extract(d).doc_type == "convention"


def test_portuguese_faq_is_a_web_page():
    d = doc(h("Perguntas Frequentes", 1), p("O ministério responde às perguntas mais comuns sobre os contratos "
                                            "dos trabalhadores sazonais e os seus direitos durante a colheita."))
    assert extract(d).doc_type == "web page"


def test_scrape_header_and_menu_make_a_web_page():
    d = doc(p("Source: https://example.org/page"), p("Menú"), p("Inicio"), p(ES), p(ES))
    assert extract(d).doc_type == "web page"


def test_french_note_with_its_header_lines():
    d = doc(p("Note à l'attention du directeur"), p("Objet : travailleurs saisonniers"), p(FR), p(FR))
    assert extract(d).doc_type == "note"


def test_a_type_named_in_the_header_still_wins():
    d = doc(p("Memorandum"), p("To: Director"), p("From: Legal adviser"), p(EN))
    assert extract(d).doc_type == "memorandum"


def test_french_fact_sheet():
    d = doc(h("Les travailleurs saisonniers", 1), h("Objectif de la fiche :"), p(FR), p(FR))
    assert extract(d).doc_type == "fact sheet"


def test_plain_text_without_signals_has_no_type():
    assert extract(doc(p(FR), p(FR))).doc_type is None
