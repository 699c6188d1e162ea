"""A title written in another language than its document carries its own language (``lang`` on
the page's H1), as other-language blocks do; a title in the document's language, or of names
only, carries none of its own."""

from __future__ import annotations

from builder.document import Block, Document, Source
from builder.enrich import language
from builder.enrich.metadata import extract

FR = ("Le Comité des Ministres, en vertu de l'article 15 du Statut du Conseil de l'Europe, considère que "
      "les États membres doivent protéger les droits des enfants migrants et de leurs familles sur leur "
      "territoire, et qu'il convient de renforcer la coopération entre les autorités nationales.")


def test_an_english_title_on_a_french_page():
    assert language.title_language("Guidance for member States on the reception of migrant children", "fr") == "en"


def test_a_german_title_on_an_english_page():
    assert language.title_language("Neue Regeln für die Aufnahme von Geflüchteten aus der Ukraine", "en") == "de"


def test_a_title_in_the_documents_language_has_no_language_of_its_own():
    assert language.title_language("Recommandation sur la protection des enfants migrants", "fr") == ""


def test_a_title_of_names_only_has_no_language_of_its_own():
    assert language.title_language("Expulsión", "es") == ""
    assert language.title_language("Real Decreto 240/2007", "es") == ""


def test_the_documents_metadata_carries_the_titles_language():
    doc = Document(Source("t.txt", "", ""), blocks=[
        Block("heading", "Guidance for member States on the reception of migrant children", level=1),
        Block("paragraph", FR), Block("paragraph", FR)])
    meta = extract(doc)
    assert (meta.lang, meta.title_lang) == ("fr", "en")


def test_a_subject_line_after_the_salutation_is_the_title_without_its_label():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "clean"))
    from cleankit import clean_text

    text = ("Préfecture du Rhône\n\nLyon, le 12 mars 2021\n\nMonsieur le Directeur,\n\n"
            "Objet : demande de renouvellement de titre de séjour\n\n" + FR + "\n\n"
            "Je vous prie d'agréer, Monsieur le Directeur, l'expression de mes salutations distinguées.\n\n"
            "Claire Dupont\n")
    assert extract(clean_text(text)).title == "Demande de renouvellement de titre de séjour"


def test_a_memo_s_subject_is_its_title_and_its_sender_its_issuer_even_with_its_header_joined():
    from builder.clean import clean

    text = ("NOTA INFORMATIVA\n\nPara: Secretaría de Estado de Migraciones\nDe: Subdirección General de Protección "
            "Internacional\nFecha: 3 de mayo de 2017\nAsunto: Llegadas de solicitantes de asilo a Ceuta y Melilla\n\n"
            "1. Durante el primer trimestre de 2017 se registraron 1.245 solicitudes de protección internacional en "
            "los puestos fronterizos, lo que supone un aumento del 35 % respecto al año anterior.\n")
    meta = extract(clean(Source("memo.txt", text, "")))
    assert meta.title == "Llegadas de solicitantes de asilo a Ceuta y Melilla"
    assert meta.organisation == "Subdirección General de Protección Internacional"
    assert meta.doc_type == "note"
