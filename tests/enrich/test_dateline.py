"""The document's own date when its dateline is joined to the text (``Berlin, 12. Mai 2022 –
Das …``), when it is an adoption formula (``(Adopted by … on 24 April 2019 …)``) and when it is
a legal act's title line (``Ley 3/2015, de 4 de junio``), which beats a gazette's issue date."""

from __future__ import annotations

from builder.clean.run import clean
from builder.document import Metadata, Source
from builder.enrich import dates
from builder.enrich.metadata import extract

DE = ("Die Anmeldung erfolgt direkt bei den Kursträgern. Eine Kinderbetreuung während der Kurse wird "
      "in vielen Kommunen angeboten, und die Kosten der Kurse trägt in allen Fällen der Bund.")
EN = ("The Convention sets out basic rights for domestic workers, including reasonable hours of work, "
      "weekly rest and clear information on the terms and conditions of their employment.")
ES = ("Lo dispuesto en esta orden será de aplicación a las ofertas de empleo de carácter estable y de "
      "temporada que se tramiten con una antelación mínima de tres meses al inicio de la actividad.")
FR = ("Le présent décret précise les conditions dans lesquelles l'office peut orienter un demandeur "
      "vers une région autre que celle où il a présenté sa demande, afin d'équilibrer l'hébergement.")


def meta_of(*paragraphs: str) -> Metadata:
    """The metadata of a source whose paragraphs are separated by blank lines."""
    return extract(clean(Source("t.txt", "\n\n".join(paragraphs) + "\n", "")))


# --- a dateline joined to its paragraph by a dash -----------------------------------------

def test_a_german_dateline_joined_by_an_en_dash_dates_the_document():
    meta = meta_of("Pressemitteilung", "Mehr Kurse für Geflüchtete",
                   "Berlin, 12. Mai 2022 – Das Bundesamt öffnet die Kurse ab sofort für alle Geflüchteten. " + DE,
                   DE)
    assert meta.date == "2022-05-12"


def test_an_english_dateline_with_the_agency_in_brackets_and_an_em_dash_dates_the_document():
    meta = meta_of("FOR IMMEDIATE RELEASE", "Example Organization welcomes a new ratification",
                   "Geneva, 16 September 2021 (Example News) — The Organization has welcomed the ratification. " + EN,
                   EN)
    assert meta.date == "2021-09-16"


def test_a_french_dateline_joined_by_a_hyphen_dates_the_document():
    meta = meta_of("Communiqué de presse",
                   "Paris, 3 mars 2021 - Le ministère annonce une nouvelle répartition des places. " + FR, FR)
    assert meta.date == "2021-03-03"


def test_a_spanish_signature_joined_to_the_signatory_by_a_period_and_dash_dates_the_document():
    meta = meta_of("La presente orden regula las ofertas de empleo.", ES, ES,
                   "Madrid, 4 de junio de 2015.–La Ministra de Empleo y Seguridad Social, Ana Pérez García.")
    assert meta.date == "2015-06-04"


def test_a_spanish_dateline_closed_by_a_full_stop_dates_the_document():
    meta = meta_of("Nota de prensa", "La Defensora pide más atención jurídica",
                   "Madrid, 27 de noviembre de 2023. La Defensora del Pueblo ha pedido hoy más medios. " + ES, ES)
    assert meta.date == "2023-11-27"


def test_a_date_in_a_sentence_before_a_full_stop_is_no_dateline():
    meta = meta_of("A note on workers", "In Geneva the rules changed on 3 May 2021. The number of workers rose. " + EN)
    assert meta.date != "2021-05-03"


def test_a_dateline_keeps_a_partial_dates_precision():
    meta = meta_of("Pressemitteilung", "Berlin, im Mai 2022 – Das Bundesamt öffnet die Kurse. " + DE, DE)
    assert meta.date == "2022-05"


def test_an_impossible_date_in_a_joined_dateline_is_reported_not_guessed():
    doc = clean(Source("t.txt", "Pressemitteilung\n\nBerlin, 31. Februar 2022 – Das Bundesamt öffnet die Kurse. "
                       + DE + "\n\n" + DE + "\n", ""))
    meta = extract(doc)
    assert meta.date is None
    assert any("impossible date '31. Februar 2022'" in w for w in doc.warnings)


def test_a_date_inside_a_sentence_before_a_dash_is_no_dateline():
    assert dates.glued_dateline("The ministry said on 12 May 2022 – in a statement – that it would act.",
                                "en") is None


def test_a_span_of_dates_is_no_dateline():
    assert dates.glued_dateline("London, 3 May 2021 – 5 June 2021", "en") is None


def test_a_date_with_no_place_before_it_is_no_dateline():
    assert dates.glued_dateline("12 May 2022 – The ministry said that it would act.", "en") is None


# --- adoption formulas -----------------------------------------------------------------------

def test_an_english_adoption_formula_in_brackets_dates_the_document():
    meta = meta_of("Recommendation of the Committee of Ministers to member States",
                   "(Adopted by the Committee of Ministers on 24 April 2019 at the 1343rd meeting of the "
                   "Ministers' Deputies)", EN, EN)
    assert meta.date == "2019-04-24"


def test_a_french_adoption_formula_in_brackets_dates_the_document():
    meta = meta_of("Recommandation du Comité des Ministres aux États membres",
                   "(adoptée par le Comité des Ministres le 24 avril 2019, lors de la 1343e réunion des "
                   "Délégués des Ministres)", FR, FR)
    assert meta.date == "2019-04-24"


def test_a_sentence_opening_with_adopted_is_no_adoption_formula():
    assert dates.adoption_formula("Adopted on 10 December 1948, the Declaration sets out rights. It is "
                                  "the basis of the treaties.", "en") is None


# --- a legal act's own date in its title line ---------------------------------------------

def test_a_spanish_act_title_without_its_year_takes_the_year_of_its_number():
    found = dates.act_date("Orden ESS/1070/2015, de 4 de junio, por la que se regula la gestión", "es")
    assert found is not None and found.iso == "2015-06-04"


def test_a_spanish_law_title_dates_the_law():
    found = dates.act_date("Ley 3/2015, de 30 de marzo, reguladora del ejercicio del alto cargo", "es")
    assert found is not None and found.iso == "2015-03-30"


def test_a_french_decree_title_dates_the_decree():
    found = dates.act_date("Décret n° 2021-123 du 3 mars 2021 relatif aux conditions d'accueil", "fr")
    assert found is not None and found.iso == "2021-03-03"


def test_a_german_act_title_dates_the_act():
    assert dates.act_date("Gesetz vom 12. Mai 2022 zur Änderung des Aufenthaltsrechts", "de").iso == "2022-05-12"
    assert dates.act_date("Beschäftigungsverordnung vom 6. Juni 2013", "de").iso == "2013-06-06"
    assert dates.act_date("Staatsangehörigkeitsgesetz vom 22. Juli 1913", "de").iso == "1913-07-22"


def test_an_act_title_with_no_year_anywhere_gives_no_date():
    assert dates.act_date("Orden de 4 de junio, por la que se regula la gestión", "es") is None


def test_the_acts_own_date_beats_the_gazettes_issue_date():
    meta = meta_of("BOLETÍN OFICIAL DEL ESTADO\nNúm. 134    Viernes 5 de junio de 2015    Sec. I.   Pág. 48712",
                   "MINISTERIO DE EMPLEO Y SEGURIDAD SOCIAL\n"
                   "6231   Orden ESS/1070/2015, de 4 de junio, por la que se regula la gestión\n"
                   "       colectiva de contrataciones en origen para 2015.", ES, ES)
    assert meta.date == "2015-06-04"


def test_the_signing_date_beats_the_gazettes_issue_date():
    meta = meta_of("Núm. 134    Viernes 5 de junio de 2015    Sec. I.   Pág. 48712", ES, ES,
                   "Dado en Madrid, el 4 de junio de 2015.")
    assert meta.date == "2015-06-04"


def test_a_gazettes_issue_date_is_kept_when_the_text_states_no_other():
    meta = meta_of("BOLETÍN OFICIAL DEL ESTADO\nNúm. 134    Viernes 5 de junio de 2015    Sec. I.   Pág. 48712",
                   ES, ES)
    assert meta.date == "2015-06-05"
    assert "issue date" in meta.sources["date"]


def test_an_act_cited_at_the_start_of_a_wrapped_line_is_not_the_documents_title():
    meta = meta_of("Informe sobre la contratación en origen",
                   "El informe examina la aplicación del reglamento aprobado por el\n"
                   "Real Decreto 557/2011, de 20 de abril, en las campañas agrícolas.", ES, ES)
    assert meta.date != "2011-04-20"


# --- a signing formula that goes on after its date ----------------------------------------

def test_an_english_signing_formula_going_on_after_a_comma_dates_itself():
    line = ("Done at Dakar on 10 October 2023, in two originals, both texts being equally authentic. "
            "The English version is provided for information.")
    assert dates.adoption_formula(line, "en").iso == "2023-10-10"


def test_a_spanish_signing_formula_going_on_after_a_comma_dates_itself():
    line = "Hecho en Dakar el 10 de octubre de 2023, en dos ejemplares originales. La versión inglesa es informativa."
    assert dates.adoption_formula(line, "es").iso == "2023-10-10"


def test_a_german_signing_formula_going_on_without_a_comma_dates_itself():
    line = "Geschehen zu Berlin am 12. Mai 2022 in zwei Urschriften, jede in deutscher und französischer Sprache."
    assert dates.adoption_formula(line, "de").iso == "2022-05-12"


def test_a_formula_whose_first_sentence_names_a_second_date_is_no_formula():
    assert dates.adoption_formula("Signed on 3 May 2021. The Court met again on 4 June 2021 and decided.", "en") is None


def test_a_treaty_closing_with_its_signing_formula_and_a_clause_is_dated():
    meta = meta_of("AGREEMENT BETWEEN THE REPUBLIC OF EXAMPLE AND THE KINGDOM OF SAMPLE", EN, EN,
                   "Done at Dakar on 10 October 2023, in two originals, in the French and Spanish languages, "
                   "both texts being equally authentic.",
                   "FOR THE REPUBLIC OF EXAMPLE\nJane Doe")
    assert meta.date == "2023-10-10"


# --- a span of days in one month dates the month ------------------------------------------

def test_a_span_of_days_with_a_dash_dates_its_month():
    assert dates.dateline("1 - 31 October 2023", "en")[0].iso == "2023-10"


def test_a_french_span_of_days_dates_its_month():
    assert dates.dateline("du 1er au 15 mars 2021", "fr")[0].iso == "2021-03"


def test_a_spanish_span_of_days_dates_its_month():
    assert dates.dateline("1–15 de marzo de 2021", "es")[0].iso == "2021-03"


def test_a_place_before_a_day_is_no_span():
    assert dates.dateline("Geneva, 31 October 2023", "en")[0].iso == "2023-10-31"


def test_an_update_dated_by_a_span_under_its_title_takes_the_month():
    meta = meta_of("OPERATIONAL UPDATE", "Example Country\n1 - 31 October 2023", EN, EN)
    assert meta.date == "2023-10"
