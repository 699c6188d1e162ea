"""Nothing is lost from letters in any language: for letters generated from the frames of eight
languages in any order (a subject, enclosure, reference or date line anywhere in the head or under
the signature, lines wrapped or split into chunks at random), every word of the source is on the
page or in the report's ``removed``, and nothing is invented."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent / "clean"))

from cleankit import clean_text, lost_and_invented  # noqa: E402

from builder.read import decode  # noqa: E402

HEAD_LINES = ("Ministère de l'Exemple", "RÉPUBLIQUE FRANÇAISE", "Place Beauvau", "75008 Paris",
              "Bundesamt für Beispiele", "Beispielstraße 12", "Migrationsverket", "Box 1234",
              "Fait à Paris, le 12 mars 2021", "Madrid, 4 de junio de 2015", "Stockholm den 3 maj 2021",
              "Berlin, den 3. Mai 2021", "Lisboa, 3 de maio de 2019", "March 3, 2019",
              "Monsieur le Président", "de l'Association d'aide", "Sr. D. Juan García", "Till Rådgivningsbyrån",
              "Objet : demande de subvention pour", "l'accueil des demandeurs", "Asunto: Solicitud de información",
              "Betreff: Ihre Anfrage zur Unterbringung von", "Ärende: Begäran om uppgifter", "Subject: Our reply",
              "P.J. : deux annexes", "Anexo: copia", "N/Réf. : 2021-0456", "Ihr Zeichen: 12/45", "Dnr Ju2021/1",
              "Ref: the attached note")
SALUTATIONS = ("Madame, Monsieur,", "Excelentísimo señor:", "Sehr geehrte Damen und Herren,", "Prezados Senhores,",
               "Hej,", "Gentili Signori,", "Geachte heer, mevrouw,", "Dear Sir:", "Monsieur le Président")
BODIES = ("Votre demande a été examinée avec attention par mes services.",
          "Le informo de que su solicitud ha sido admitida a trámite.",
          "wir haben Ihre Anfrage geprüft und antworten in Kürze.",
          "We write about the matter raised in your note of last month.")
CLOSINGS = ("Je vous prie d'agréer, Madame, l'expression de ma considération distinguée.", "Le saluda atentamente,",
            "Mit freundlichen Grüßen", "Atenciosamente,", "Med vänlig hälsning", "Distinti saluti",
            "Met vriendelijke groet,", "Yours sincerely,", "Cordialement,")
SIGNATURE_LINES = ("Pierre Dupont", "Le directeur général", "Im Auftrag", "Dr. Anna Schmidt", "Referatsleiterin",
                   "Anlage: Antragsformular", "Bilaga: beslut", "Madrid, 4 de junio de 2015", "Enc: annex",
                   "Par délégation,", "Il Direttore Centrale", "Mario Rossi", "J.B0rq~", "[STAMP: RECEIVED]",
                   "Tel: +1 555 0100", "cc: Jane Doe")


def chunked(lines: list[str], breaks: list[bool]) -> str:
    out: list[str] = []
    for line, blank in zip(lines, breaks + [False] * len(lines)):
        out += [line, ""] if blank else [line]
    return "\n".join(out)


@st.composite
def letters(draw: st.DrawFn) -> str:
    head = draw(st.lists(st.sampled_from(HEAD_LINES), max_size=10))
    signature = draw(st.lists(st.sampled_from(SIGNATURE_LINES), max_size=6))
    parts = [chunked(head, draw(st.lists(st.booleans(), max_size=10))), draw(st.sampled_from(SALUTATIONS)),
             "\n\n".join(draw(st.lists(st.sampled_from(BODIES), min_size=1, max_size=3))),
             draw(st.sampled_from(CLOSINGS)), chunked(signature, draw(st.lists(st.booleans(), max_size=6)))]
    return "\n\n".join(p for p in parts if p) + "\n"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letters())
# A subject line whose wrapped line comes after a repeated letterhead removed between them (the
# subject reader once looked the line above up by number and stopped with StopIteration).
@example("RÉPUBLIQUE FRANÇAISE\nMinistère de l'Exemple\n\nRÉPUBLIQUE FRANÇAISE\nMinistère de l'Exemple\n"
         "Objet : demande de subvention pour\nRÉPUBLIQUE FRANÇAISE\nMinistère de l'Exemple\n"
         "Ministère de l'Exemple\n\n\nMadame, Monsieur,\n\nVotre demande a été examinée avec attention "
         "par mes services.\n\nJe vous prie d'agréer, Madame, l'expression de ma considération distinguée.\n")
def test_no_word_of_a_letter_in_any_language_is_lost(text):
    doc = clean_text(text)
    lost, invented = lost_and_invented(decode("t.txt", text.encode()).text, doc)
    assert not lost and not invented, (dict(lost), dict(invented))
