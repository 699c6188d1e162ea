"""Letters in English, French, Spanish, Portuguese, German, Swedish, Italian and Dutch: the frame
of each (subject, salutation, closing, place-and-date line, enclosure lines, signatory and role)
is read from the shape of the letter with each language's words (``LETTER_WORDS``), whatever the
language; nothing of it is lost."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "clean"))

from cleankit import clean_text, lost_and_invented  # noqa: E402

from builder.clean.rules.letter import letter_languages  # noqa: E402
from builder.clean.text.letter_words import ALL_LANGUAGES, LETTER_WORDS  # noqa: E402
from builder.enrich.metadata import extract  # noqa: E402

# One letter a language: (date line, subject line, salutation, closing, name, role, enclosure line).
FRAMES = {
    "en": ("London, 12 March 2021", "Subject: Your request about asylum accommodation", "Dear Ms Doe,",
           "Yours sincerely,", "John Smith", "Director of Asylum Support", "Enc: annex"),
    "fr": ("Fait à Paris, le 12 mars 2021", "Objet : demande de subvention pour l'accueil", "Madame, Monsieur,",
           "Je vous prie d'agréer, Madame, Monsieur, l'expression de ma considération distinguée.",
           "Pierre Dupont", "Directeur général", "P.J. : deux annexes"),
    "es": ("Madrid, 4 de junio de 2015", "Asunto: Solicitud de información sobre la reagrupación",
           "Excelentísimo señor:", "Le saluda atentamente,", "María Fernández Ruiz", "Directora General de Migraciones",
           "Anexo: copia de la resolución"),
    "pt": ("Lisboa, 3 de maio de 2019", "Assunto: Pedido de autorização de residência", "Prezados Senhores,",
           "Atenciosamente,", "João Silva Santos", "Diretor do Departamento de Asilo", "Anexo: lista de documentos"),
    "de": ("Berlin, den 3. Mai 2021", "Betreff: Ihre Anfrage zur Unterbringung", "Sehr geehrte Damen und Herren,",
           "Mit freundlichen Grüßen", "Dr. Anna Schmidt", "Referatsleiterin", "Anlage: Antragsformular"),
    "sv": ("Stockholm den 3 maj 2021", "Ärende: Begäran om uppgifter om mottagandet", "Hej,",
           "Med vänlig hälsning", "Karin Andersson", "Enhetschef", "Bilaga: beslut"),
    "it": ("Roma, 5 marzo 2020", "Oggetto: richiesta di informazioni sull'accoglienza", "Gentili Signori,",
           "Distinti saluti", "Mario Rossi", "Direttore centrale", "Allegato: modulo"),
    "nl": ("Den Haag, 8 april 2021", "Onderwerp: uw verzoek om informatie over de opvang", "Geachte heer, mevrouw,",
           "Met vriendelijke groet,", "Jan de Vries", "Directeur Asiel", "Bijlage: formulier"),
}
BODY = {
    "en": "Thank you for your letter about asylum accommodation. We will reply in full shortly.",
    "fr": "Par courrier du 3 février, vous avez sollicité une subvention pour votre programme d'accueil.",
    "es": "En respuesta a su escrito, le informo de que el procedimiento se rige por la normativa vigente.",
    "pt": "Acusamos a receção do vosso pedido, que se encontra em análise nos nossos serviços.",
    "de": "vielen Dank für Ihr Schreiben. Wir haben Ihre Anfrage zur Unterbringung geprüft.",
    "sv": "Tack för ert brev. Vi har gått igenom er begäran och skickar härmed handlingarna.",
    "it": "in riferimento alla Vostra richiesta, si comunica che le informazioni sono in corso di raccolta.",
    "nl": "Naar aanleiding van uw brief deel ik u mee dat uw verzoek in behandeling is genomen.",
}
EXPECTED_DATES = {"en": "2021-03-12", "fr": "2021-03-12", "es": "2015-06-04", "pt": "2019-05-03",
                  "de": "2021-05-03", "sv": "2021-05-03", "it": "2020-03-05", "nl": "2021-04-08"}
LANGS = list(FRAMES)


def letter(lang: str) -> str:
    date, subject, salutation, closing, name, role, enclosure = FRAMES[lang]
    return (f"Ministry of Examples\nSample Street 1\n\n{date}\n\nThe Council\nExample Road 2\n\n{subject}\n\n"
            f"{salutation}\n\n{BODY[lang]}\n\n{closing}\n\n{name}\n{role}\n\n{enclosure}\n")


@pytest.mark.parametrize("lang", LANGS)
def test_the_subject_line_is_the_title_without_its_label(lang):
    doc = clean_text(letter(lang))
    label, _, subject = FRAMES[lang][1].partition(":")
    subject = subject.strip()
    assert extract(doc).title == subject[:1].upper() + subject[1:]
    assert [r.text for r in doc.removed if r.reason.startswith("label of the subject line")] == [label + ":"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_salutation_and_closing_are_recognised(lang):
    parts = clean_text(letter(lang)).letter
    assert (parts["salutation"], parts["closing"]) == (FRAMES[lang][2], FRAMES[lang][3])


@pytest.mark.parametrize("lang", LANGS)
def test_the_signatory_and_role_come_from_the_signature_block(lang):
    meta = extract(clean_text(letter(lang)))
    assert (meta.signatory, meta.signatory_role) == FRAMES[lang][4:6]


@pytest.mark.parametrize("lang", LANGS)
def test_the_place_and_date_line_is_the_letters_date(lang):
    doc = clean_text(letter(lang))
    assert doc.letter["date"] == FRAMES[lang][0]
    assert extract(doc).date == EXPECTED_DATES[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_the_addressee_is_what_comes_between_the_date_and_the_subject(lang):
    assert extract(clean_text(letter(lang))).addressee == "The Council, Example Road 2"


@pytest.mark.parametrize("lang", LANGS)
def test_an_enclosure_line_under_the_signature_is_a_note_not_the_role(lang):
    parts = clean_text(letter(lang)).letter
    assert parts["signature_note"] == FRAMES[lang][6]
    assert parts["signatory_role"] == FRAMES[lang][5]


@pytest.mark.parametrize("lang", LANGS)
def test_every_word_of_the_letter_is_on_the_page_or_in_the_report(lang):
    text = letter(lang)
    lost, invented = lost_and_invented(text, clean_text(text))
    assert not lost and not invented


def test_an_enclosure_line_under_the_subject_is_neither_subject_nor_addressee():
    doc = clean_text("Préfecture du Rhône\n\nLyon, le 2 avril 2021\n\nMadame Durand\n12 rue de la Paix\n\n"
                     "Objet : votre demande de titre de séjour\nP.J. : deux annexes\n\nMadame,\n\n"
                     "Votre dossier est complet et sera examiné dans les meilleurs délais.\n\nCordialement,\n\n"
                     "Le préfet\n")
    assert doc.letter["subject"] == "Votre demande de titre de séjour"
    assert doc.letter["enclosure"] == "P.J. : deux annexes"
    assert doc.letter["addressee"] == "Madame Durand, 12 rue de la Paix"


def test_a_subject_wrapped_over_two_lines_is_one_title():
    doc = clean_text("Bundesamt für Beispiele\n\nBerlin, den 3. Mai 2021\n\n"
                     "Betreff: Ihre Anfrage zur Unterbringung von\nAsylsuchenden in Berlin\n\n"
                     "Sehr geehrte Frau Weber,\n\nwir haben Ihre Anfrage geprüft und antworten in Kürze.\n\n"
                     "Mit freundlichen Grüßen\n\nA. Person\n")
    assert extract(doc).title == "Ihre Anfrage zur Unterbringung von Asylsuchenden in Berlin"


def test_an_addressee_above_the_place_and_date_line_is_the_addressee():
    doc = clean_text("Ministère de l'Exemple\n75007 Paris\n\nAssociation Accueil\n3 rue du Port\n69002 Lyon\n\n"
                     "Paris, le 12 mars 2021\n\nMadame la Présidente,\n\nVotre demande a été examinée par "
                     "mes services.\n\nCordialement,\n\nJean Martin\n")
    assert doc.letter["addressee"] == "Association Accueil, 3 rue du Port, 69002 Lyon"
    assert doc.letter["letterhead"] == "Ministère de l'Exemple"


def test_a_reference_line_after_the_address_is_kept_apart_from_it():
    doc = clean_text("Bundesamt für Beispiele\n\nBerlin, den 3. Mai 2021\n\nFlüchtlingsrat\nBeispielweg 4\n"
                     "Ihr Zeichen: 2021/45-B\n\nSehr geehrte Damen und Herren,\n\nwir haben Ihre Anfrage "
                     "geprüft.\n\nMit freundlichen Grüßen\n\nA. Person\n")
    assert doc.letter["addressee"] == "Flüchtlingsrat, Beispielweg 4"
    assert doc.letter["reference"] == "Ihr Zeichen: 2021/45-B"


def test_a_form_of_address_without_its_comma_opens_no_letter():
    doc = clean_text("Ministère de l'Exemple\n\nMonsieur le Président\n\nLe rapport décrit la situation des "
                     "travailleurs migrants.\n\nCordialement,\n\nJean Martin\n")
    assert "salutation" not in doc.letter


def test_a_date_line_in_the_signature_block_is_the_letters_date():
    doc = clean_text("Ministerio de Ejemplos\n\nSr. D. Juan García\nCalle Mayor 5\n\nMuy señor mío:\n\n"
                     "Le informo de que su solicitud ha sido admitida a trámite.\n\nAtentamente,\n\n"
                     "Madrid, 4 de junio de 2015\n\nMaría Fernández\nDirectora General\n")
    assert extract(doc).date == "2015-06-04"
    assert doc.letter["signatory"] == "María Fernández"


def test_a_role_written_above_the_name_in_italian_is_the_role():
    doc = clean_text(letter("it").replace("Mario Rossi\nDirettore centrale", "Il Direttore Centrale\nMario Rossi"))
    assert (doc.letter["signatory"], doc.letter["signatory_role"]) == ("Mario Rossi", "Il Direttore Centrale")


def test_the_documents_language_is_tried_first_then_every_language():
    french = " ".join([BODY["fr"]] * 6)
    assert letter_languages(french) == [("fr", "en"), ALL_LANGUAGES]
    assert letter_languages("Dear Sir, thank you.") == [ALL_LANGUAGES]


def test_every_language_of_the_tables_has_every_part():
    assert set(LANGS) <= set(LETTER_WORDS)
    for code, words in LETTER_WORDS.items():
        assert all(getattr(words, name) for name in words.__slots__), code


def test_a_reference_without_a_colon_is_kept_apart_and_a_name_starting_like_one_is_not():
    doc = clean_text("Justitiedepartementet\n\n2021-05-03\n\nDnr Ju2021/01234\n\nRefugee Council\nBox 68614\n\n"
                     "Hej,\n\nHär kommer svaret på era frågor.\n\nMed vänliga hälsningar\n\nAnna Svensson\n")
    assert doc.letter["reference"] == "Dnr Ju2021/01234"
    assert doc.letter["addressee"] == "Refugee Council, Box 68614"


def test_a_courtesy_sentence_after_a_lead_in_clause_is_the_closing():
    closing = ("Restant à votre disposition pour tout renseignement, je vous prie d'agréer, Madame, "
               "l'expression de mes salutations distinguées.")
    doc = clean_text(letter("fr").replace(FRAMES["fr"][3], closing))
    assert doc.letter["closing"] == closing
    assert doc.letter["signatory"] == "Pierre Dupont"


def test_a_body_sentence_that_merely_holds_a_courtesy_word_does_not_close_the_letter():
    sentence = "The States shall, accept the principle of respect for the rights of migrants in their territory."
    doc = clean_text(letter("en").replace(BODY["en"], BODY["en"] + "\n\n" + sentence))
    assert doc.letter["closing"] == "Yours sincerely,"


def unlabelled(subject_line: str) -> str:
    return ("Migrationsverket\nBox 1234\n\nDatum: 2021-05-03\n\nRådgivningsbyrån\nBox 2009\n\n"
            f"{subject_line}\n\nHej,\n\nHär kommer svaret på era frågor.\n\nMed vänlig hälsning\n\nKarin Andersson\n")


def test_a_subject_without_a_label_alone_after_the_address_is_the_title():
    doc = clean_text(unlabelled("Begäran om uppgifter om mottagandet av asylsökande"))
    assert extract(doc).title == "Begäran om uppgifter om mottagandet av asylsökande"
    assert doc.letter["addressee"] == "Rådgivningsbyrån, Box 2009"


def test_a_labelled_date_line_is_the_letters_date():
    assert extract(clean_text(unlabelled("Begäran om uppgifter"))).date == "2021-05-03"


@pytest.mark.parametrize("line", ["Stockholm", "Att: Karin Berg", "103 11 Stockholm"])
def test_a_short_or_labelled_line_after_the_address_is_no_subject(line):
    doc = clean_text(unlabelled(line))
    assert "subject" not in doc.letter


def test_an_addressee_alone_after_the_date_is_no_subject():
    doc = clean_text("Migrationsverket\n\n2021-05-03\n\nRådgivningsbyrån för asylsökande\n\nHej,\n\n"
                     "Här kommer svaret.\n\nMed vänlig hälsning\n\nKarin Andersson\n")
    assert "subject" not in doc.letter
    assert doc.letter["addressee"] == "Rådgivningsbyrån för asylsökande"
