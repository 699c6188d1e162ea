"""The document types the review found missing (F18), from the text's own signals in several
languages: judgment, recommendation, statistics, licence, transcript, a press release quoting
a minister, a cable, a note named in its title."""

from __future__ import annotations

from builder.document import Block, Document, Source
from builder.enrich.metadata import extract

EN = ("The ministry has reviewed the treatment of seasonal workers in the harvest and found that most "
      "employers respect the contracts they signed with the workers.")
FR = ("Le ministère a examiné la situation des travailleurs saisonniers pendant la récolte et constate "
      "que la plupart des employeurs respectent les contrats signés avec les travailleurs.")
SV = ("Regeringen har tagit emot ett förslag om hur mottagandet av asylsökande ska organiseras i "
      "kommunerna under de kommande åren.")


def p(text: str) -> Block:
    return Block("paragraph", text)


def h(text: str, level: int = 2) -> Block:
    return Block("heading", text, level=level)


def doc_type(*blocks: Block, front: dict[str, str] | None = None) -> str | None:
    d = Document(Source("t.txt", "", ""), blocks=list(blocks), front_matter=front or {})
    return extract(d).doc_type


def test_an_english_judgment():
    assert doc_type(h("Case of X and Y v. Greece", 1), p("JUDGMENT"), h("THE FACTS"), p(EN), p(EN),
                    p("FOR THESE REASONS, THE COURT, UNANIMOUSLY,"), p("Holds that there has been a violation.")) == (
        "judgment")


def test_a_french_judgment():
    assert doc_type(h("Affaire X c. Belgique", 1), p("ARRÊT"), h("EN FAIT"), p(FR), p(FR),
                    p("PAR CES MOTIFS, LA COUR, À L'UNANIMITÉ,"), p("Dit qu'il y a eu violation.")) == "judgment"


def test_a_recommendation_to_governments():
    assert doc_type(h("Recommendation of the Committee on the reception of migrants", 1), p(EN),
                    p("Recommends that the governments of member States adopt the measures below.")) == (
        "recommendation")


def test_a_statistical_bulletin():
    assert doc_type(p("Asylum Statistics"), p("Monthly bulletin of the ministry"), h("Table 1: Applications"),
                    p(EN)) == "statistics"


def test_a_licence():
    assert doc_type(h("Open Data Licence", 1), p(EN),
                    p("The Licensor grants you a worldwide, royalty-free licence to use the Licensed Material."),
                    p("The material is provided as is, without warranty of any kind.")) == "licence"


def test_a_transcript_of_a_sitting():
    assert doc_type(h("Sitting of the chamber on the budget", 1), p("The SPEAKER. The House will be in order."),
                    p(EN), p("Madam Speaker, I thank the members. (Applause.)")) == "transcript"


def test_a_press_release_quoting_a_minister_today():
    assert doc_type(h("Nya regler för mottagandet av asylsökande", 1), p(SV + " Förslaget lämnades i dag."),
                    p("– Mottagandet ska bli mer enhetligt i hela landet, säger migrationsministern.")) == (
        "press release")


def test_a_cable_answering_a_message_is_a_letter():
    assert doc_type(p("Message LONDON, 3 March 1948"),
                    p("Thank you for your personal message of last week about the ships. " + EN), p(EN)) == "letter"


def test_a_note_named_so_in_its_front_matter_title():
    assert doc_type(p(EN), p(EN), front={"title": "Notes for the Minister"}) == "note"


def test_a_guidance_note():
    assert doc_type(h("Guidance note on the reception of asylum seekers", 1), h("Scope"), p(EN), h("Rules"),
                    p(EN), h("Annex"), p(EN)) == "note"


ES = ("El recurrente solicitó protección internacional alegando persecución por motivos políticos en su "
      "país de origen, y la Administración denegó la solicitud.")


def test_a_spanish_judgment_named_with_its_number_and_in_its_parts():
    assert doc_type(p("TRIBUNAL SUPREMO"), p("Sentencia núm. 1234/2019"), h("ANTECEDENTES DE HECHO"), p(ES),
                    h("FUNDAMENTOS DE DERECHO"), p(ES), h("FALLO"), p(ES)) == "judgment"


def test_a_spanish_note_verbale():
    assert doc_type(p("Nota Verbal núm. 123/2017"),
                    p("La Misión Permanente de España saluda atentamente a la Oficina del Alto Comisionado y tiene "
                      "el honor de remitirle la respuesta del Gobierno."), p(ES),
                    p("La Misión Permanente aprovecha la ocasión para reiterar las seguridades de su más alta "
                      "consideración.")) == "note verbale"


def test_an_english_note_verbale_without_its_name():
    assert doc_type(p("The Permanent Mission of Malta presents its compliments to the Office of the High "
                      "Commissioner and has the honour to transmit the reply of the Government."), p(EN),
                    p("The Permanent Mission of Malta avails itself of this opportunity to renew the assurances of "
                      "its highest consideration.")) == "note verbale"


def test_a_french_speech():
    assert doc_type(h("Discours de M. le ministre de l'Intérieur", 1), p("Seul le prononcé fait foi"),
                    p("Mesdames et Messieurs,"), p(FR), p(FR), p("Je vous remercie.")) == "speech"


def test_english_remarks_checked_against_delivery():
    assert doc_type(h("Opening remarks by the High Commissioner", 1), p("Check against delivery"), p("Excellencies,"),
                    p(EN), p(EN), p("Thank you.")) == "speech"


def test_a_treaty_body_decision_in_french():
    assert doc_type(p("Comité contre la torture"),
                    p("Décision adoptée par le Comité au titre de l'article 22 de la Convention, concernant la "
                      "communication no 912/2018"), p(FR), p(FR)) == "judgment"


def test_a_french_licence_with_its_guillemets():
    assert doc_type(h("Licence Ouverte", 1), p("Le « Concédant » concède au « Réutilisateur » un droit non exclusif."),
                    p("L'« Information » est mise à disposition sans autre garantie que la présente licence."),
                    p(FR)) == "licence"


# --- the 2026-12-08 review: treaties, court decisions, administrative decisions, circulars, -----
# --- numbered reports, tables alone, wire stories ----------------------------------------------

ES = ("El Ministerio ha examinado la situación de los trabajadores de temporada durante la cosecha y "
      "constata que la mayoría de los empleadores respetan los contratos firmados.")
IT = ("Il Ministero ha esaminato la situazione dei lavoratori stagionali durante la raccolta e constata "
      "che la maggior parte dei datori di lavoro rispetta i contratti firmati.")


def table(*rows: str) -> Block:
    return Block("table", "\n".join(rows))


def test_an_agreement_signed_in_two_originals_for_two_states_is_a_convention():
    assert doc_type(h("Agreement between the Republic of Example and the Kingdom of Sample", 1), p(EN),
                    p("Article 1"), p(EN), p("Article 2"), p(EN),
                    p("Done at Dakar on 10 October 2023, in two originals, both texts being equally authentic."),
                    p("FOR THE KINGDOM OF SAMPLE"), p("Jane Doe")) == "convention"


def test_a_spanish_agreement_in_two_copies_is_a_convention():
    assert doc_type(h("Acuerdo entre el Reino de España y la República de Ejemplo", 1), p(ES),
                    p("Artículo 1"), p(ES), p("Artículo 2"), p(ES),
                    p("Hecho en Dakar el 10 de octubre de 2023, en dos ejemplares originales."),
                    p("POR EL REINO DE ESPAÑA")) == "convention"


def test_a_french_court_ruling_in_the_name_of_the_people_is_a_judgment():
    assert doc_type(p("AU NOM DU PEUPLE FRANÇAIS"), p("Le Conseil d'Etat statuant au contentieux"),
                    p("Vu la procédure"), p("Considérant ce qui suit :"), p(FR),
                    p("Article 1er : La requête est rejetée."),
                    p("Article 2 : La présente décision sera notifiée."),
                    p("Délibéré à l'issue de la séance du 11 janvier 2023.")) == "judgment"


def test_a_swedish_agencys_decision_with_its_appeal_note_is_a_decision():
    assert doc_type(p("Migrationsverket BESLUT"), h("Migrationsverkets beslut"),
                    p("Migrationsverket avslår din ansökan om uppehållstillstånd."), h("Skälen för beslutet"), p(SV),
                    p("Hur man överklagar, se bilaga."), p("Beslutet har fattats av beslutsfattare Maria Lindqvist.")) \
        == "decision"


def test_a_german_notice_with_its_appeal_instructions_is_a_decision():
    assert doc_type(p("Bescheid"), p("Ihr Antrag wird abgelehnt."), h("Begründung"),
                    p("Die Voraussetzungen sind nicht erfüllt, weil die Unterlagen unvollständig sind."),
                    h("Rechtsbehelfsbelehrung"), p("Gegen diesen Bescheid kann innerhalb eines Monats Klage erhoben "
                                                  "werden.")) == "decision"


def test_an_italian_letter_to_all_prefects_is_a_circular():
    assert doc_type(p("MINISTERO DELL'INTERNO"), p("AI SIGG. PREFETTI DELLA REPUBBLICA\nLORO SEDI\n"
                                                  "e, per conoscenza:\nAL SIG. PRESIDENTE DELLA REGIONE"),
                    p("OGGETTO: Sistema di accoglienza."), p(IT), p(IT)) == "circular"


def test_a_french_text_named_a_circular_is_a_circular():
    assert doc_type(p("Circulaire n° 2021-12"), h("Accueil des demandeurs d'asile", 1), p(FR), p(FR)) == "circular"


def test_a_report_numbering_itself_is_a_report_despite_a_boxed_aside():
    assert doc_type(h("Locked out", 1), p("Example Watch Network — Report No. 7 — November 2022"), p(EN),
                    Block("admonition", "Note: figures are minimums."), p(EN)) == "report"


def test_a_text_of_tables_only_is_statistics():
    assert doc_type(h("ANNEX 3", 1), p("Table A3.1 First-time asylum applicants by citizenship"),
                    table("Citizenship  2022  2023", "Syria  131 970  181 250"), p("Source: a statistical office."),
                    h("Table A3.2 Decisions by outcome"), table("Outcome  Decisions", "Rejected  389 635")) \
        == "statistics"


def test_a_text_with_tables_and_much_prose_is_not_statistics_by_shape():
    assert doc_type(table("A  1", "B  2"), p(EN), p(EN), p(EN), table("C  3", "D  4"), p(EN), p(EN)) is None


def test_a_wire_story_with_two_bylines_and_an_agency_dateline_is_an_article():
    assert doc_type(h("Court acquits nine men over a deadly shipwreck", 1), p("By Elena Markou and Tom Whitfield"),
                    p("KALAMATA, Greece, July 9 (Meridian) - A court on Tuesday dropped charges. " + EN), p(EN),
                    p("(Reporting by Elena Markou; Editing by Sharon Lyle)")) == "article"
