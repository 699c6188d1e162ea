"""The issuing organisation named on a document's first lines, in any language: ministries,
agencies, courts (``ORG_WORDS``, ``ORG_ENDINGS``); never a headline, a gazette's name or a ©
line."""

from __future__ import annotations

from builder.clean.run import clean
from builder.document import Metadata, Source
from builder.enrich import symbols
from builder.enrich.metadata import bare_name, extract, memo_issuer, smart_case

EN = ("The Convention sets out basic rights for domestic workers, including reasonable hours of work, "
      "weekly rest and clear information on the terms and conditions of their employment.")
FR = ("Le présent décret précise les conditions dans lesquelles l'office peut orienter un demandeur "
      "vers une région autre que celle où il a présenté sa demande, afin d'équilibrer l'hébergement.")
ES = ("Lo dispuesto en esta orden será de aplicación a las ofertas de empleo de carácter estable y de "
      "temporada que se tramiten con una antelación mínima de tres meses al inicio de la actividad.")
DE = ("Die Anmeldung erfolgt direkt bei den Kursträgern. Eine Kinderbetreuung während der Kurse wird "
      "in vielen Kommunen angeboten, und die Kosten der Kurse trägt in allen Fällen der Bund.")
SV = ("Uppföljningen bygger på en enkät till samtliga kommuner samt intervjuer med handläggare i tolv "
      "kommuner, och den visar att de flesta kommuner har en god beredskap för mottagandet.")


def meta_of(*paragraphs: str) -> Metadata:
    """The metadata of a source whose paragraphs are separated by blank lines."""
    return extract(clean(Source("t.txt", "\n\n".join(paragraphs) + "\n", "")))


def test_a_french_ministry_on_line_one_is_the_organisation():
    meta = meta_of("Ministère de l'Intérieur", "Circulaire relative à l'accueil des demandeurs", FR, FR)
    assert meta.organisation == "Ministère de l'Intérieur"


def test_a_spanish_ministry_in_capitals_is_the_organisation_re_cased():
    meta = meta_of("MINISTERIO DE EMPLEO Y SEGURIDAD SOCIAL", "Nota sobre las ofertas de empleo", ES, ES)
    assert meta.organisation == "Ministerio de Empleo y Seguridad Social"


def test_a_german_federal_office_on_line_one_is_the_organisation():
    meta = meta_of("Pressemitteilung", "Bundesamt für Migration und Flüchtlinge", "Mehr Kurse für Geflüchtete",
                   DE, DE)
    assert meta.organisation == "Bundesamt für Migration und Flüchtlinge"


def test_a_german_court_named_by_a_compound_is_the_organisation():
    meta = meta_of("Verwaltungsgericht Berlin", "Urteil in der Sache der Kursträger", DE, DE)
    assert meta.organisation == "Verwaltungsgericht Berlin"


def test_a_swedish_agency_named_by_its_verket_ending_is_the_organisation():
    meta = meta_of("Migrationsverket", "Ensamkommande barns boende och mottagande", SV, SV)
    assert meta.organisation == "Migrationsverket"


def test_an_english_court_in_capitals_is_the_organisation():
    meta = meta_of("EUROPEAN COURT OF HUMAN RIGHTS", "FIFTH SECTION", "CASE OF X AND OTHERS v. EXAMPLELAND", EN, EN)
    assert meta.organisation == "European Court of Human Rights"


def test_an_english_headline_naming_an_organisation_is_not_the_organisation():
    meta = meta_of("FOR IMMEDIATE RELEASE", "Example Organization welcomes ratification of the Convention", EN, EN)
    assert meta.organisation != "Example Organization welcomes ratification of the Convention"


def test_a_german_headline_naming_an_agency_is_not_the_organisation():
    meta = meta_of("Pressemitteilung", "Bundesamt öffnet die Integrationskurse für alle Geflüchteten", DE, DE)
    assert meta.organisation is None


def test_a_french_name_with_an_adjective_after_its_organisation_word_is_an_organisation():
    meta = meta_of("Office français de l'immigration et de l'intégration", "Note sur l'accueil", FR, FR)
    assert meta.organisation == "Office français de l'immigration et de l'intégration"


def test_a_gazettes_name_is_never_the_organisation():
    meta = meta_of("Agencia Estatal Boletín Oficial del Estado", "Nota sobre las ofertas de empleo", ES, ES)
    assert meta.organisation is None


def test_a_french_copyright_line_is_never_the_organisation():
    meta = meta_of("© 2024 Ministère de l'Exemple - Tous droits réservés", "Note sur l'accueil", FR, FR)
    assert meta.organisation is None


def test_a_french_nor_code_names_the_ministry_not_the_journal_officiel():
    assert symbols.issuer("INTV2103152D") == "Ministère de l'Intérieur (France)"
    assert symbols.issuer("ABCD2103152D") is None


def test_a_decrees_organisation_comes_from_its_nor_code():
    meta = meta_of("JORF n°0054 du 4 mars 2021", "Décret n° 2021-239 du 3 mars 2021 relatif à l'accueil",
                   "NOR : INTV2103152D", FR, FR)
    assert meta.organisation == "Ministère de l'Intérieur (France)"


def test_a_capitalised_ministry_glued_above_the_acts_title_is_the_organisation():
    meta = meta_of("MINISTERIO DE EMPLEO Y SEGURIDAD SOCIAL\n"
                   "Orden ESS/1070/2015, de 4 de junio, por la que se regula la gestión colectiva de "
                   "contrataciones en origen para 2015 y las ofertas de empleo de carácter estable.", ES, ES)
    assert meta.organisation == "Ministerio de Empleo y Seguridad Social"


def test_an_elided_article_stays_lower_case_when_a_name_is_re_cased():
    assert smart_case("CONSEIL DE L'EUROPE") == "Conseil de l'Europe"


# --- what a header prints beside a body's name ----------------------------------------------

def test_a_genre_word_after_the_name_is_cut():
    assert bare_name("Migrationsverket Beslut") == "Migrationsverket"


def test_a_genre_word_and_an_article_before_the_name_are_cut():
    assert bare_name("Antwort der Bundesregierung") == "Bundesregierung"


def test_a_french_formation_phrase_after_the_name_is_cut():
    assert bare_name("Le Conseil d'Etat statuant au contentieux") == "Conseil d'Etat"


def test_an_english_formation_phrase_after_the_name_is_cut():
    assert bare_name("European Court of Human Rights, sitting as a Chamber") == "European Court of Human Rights"


def test_an_adjective_after_a_french_name_is_kept():
    assert bare_name("Direction générale des étrangers en France") == "Direction générale des étrangers en France"


def test_a_capital_a_opening_a_name_is_no_article():
    assert bare_name("Assembleia da República") == "Assembleia da República"


def test_a_swedish_decision_header_gives_the_agency_without_its_genre():
    meta = meta_of("Migrationsverket                         BESLUT\n"
                   "                                         Datum              Beteckning\n"
                   "                                         2023-06-19         23-418277", SV, SV)
    assert meta.organisation == "Migrationsverket"


def test_a_portuguese_legislature_in_capitals_is_the_organisation():
    meta = meta_of("ASSEMBLEIA DA REPÚBLICA", "Lei n.º 18/2024",
                   "A presente lei procede à quarta alteração à lei do asilo, que estabelece as condições e "
                   "procedimentos de concessão de asilo ou proteção subsidiária aos requerentes.")
    assert meta.organisation == "Assembleia da República"


def test_an_italian_ministrys_department_is_named_with_it():
    meta = meta_of("MINISTERO DELL'INTERNO\nDIPARTIMENTO PER LE LIBERTÀ CIVILI E L'IMMIGRAZIONE",
                   "OGGETTO: Sistema di accoglienza e integrazione.",
                   "Si forniscono, pertanto, le seguenti indicazioni operative ai prefetti della Repubblica per "
                   "l'inserimento dei minori stranieri non accompagnati al compimento della maggiore età.")
    assert meta.organisation == "Ministero dell'Interno (Dipartimento per le Libertà Civili e l'Immigrazione)"


def test_an_agency_named_above_its_ministry_is_the_organisation():
    meta = meta_of("Immigratie- en Naturalisatiedienst\nMinisterie van Justitie en Veiligheid",
                   "Nareis voor gezinsleden",
                   "Heeft u een asielvergunning? Dan kunt u uw gezinsleden misschien naar Nederland laten komen. "
                   "U moet de aanvraag binnen drie maanden na het krijgen van uw verblijfsvergunning indienen.")
    assert meta.organisation == "Immigratie- en Naturalisatiedienst"


# --- a body naming itself in the text, an agency in a dateline --------------------------------

def test_a_court_naming_itself_as_it_sits_is_the_organisation():
    meta = meta_of("CASE OF A.B. v. EXAMPLE", "In the case of A.B. v. Example,\n"
                   "The European Court of Human Rights (Second Section), sitting as a Chamber composed of:", EN, EN)
    assert meta.organisation == "European Court of Human Rights"


def test_a_spanish_court_naming_itself_as_it_sits_is_the_organisation():
    meta = meta_of("SENTENCIA", "El Tribunal Supremo, reunido en Pleno, ha dictado la siguiente sentencia.", ES, ES)
    assert meta.organisation == "Tribunal Supremo"


def test_the_agency_in_a_storys_dateline_is_the_organisation():
    meta = meta_of("Court acquits nine men over a deadly shipwreck",
                   "KALAMATA, Greece, July 9 (Meridian) - A court on Tuesday dropped charges against nine men. " + EN,
                   EN)
    assert meta.organisation == "Meridian"


def test_a_figure_in_brackets_after_a_date_is_no_agency():
    meta = meta_of("Court acquits nine men over a deadly shipwreck",
                   "KALAMATA, Greece, July 9 (2024) - A court on Tuesday dropped charges against nine men. " + EN, EN)
    assert meta.organisation != "2024"


# --- a memo's header ---------------------------------------------------------------------------

def test_a_memo_from_a_unit_to_its_organisations_director_is_the_organisations():
    lines = ["TO:      The Director,", "         Intergovernmental Committee for Example Migration,",
             "         Geneva.", "", "FROM:    Chief, Operations Division."]
    assert memo_issuer(lines, "en") == "Intergovernmental Committee for Example Migration (Operations Division)"


def test_a_memo_from_a_named_body_is_that_bodys():
    assert memo_issuer(["TO: Mission Chief, Trieste", "FROM: Example Agency for Migration, Legal Division"], "en") \
        == "Example Agency for Migration (Legal Division)"


def test_a_french_memo_from_a_ministry_is_the_ministrys():
    assert memo_issuer(["À : Préfecture du Rhône", "De : Ministère de l'Intérieur"], "fr") == "Ministère de l'Intérieur"


def test_a_memo_between_people_names_no_organisation():
    assert memo_issuer(["TO: Jane Doe", "FROM: John Roe"], "en") is None


def test_a_masthead_in_the_block_that_holds_the_title_on_its_own_line_is_the_organisation():
    meta = meta_of("DEPARTMENT OF EXAMPLE AFFAIRS\nHumanitarian Programme Statistics\n"
                   "Quarterly Bulletin — Quarter ending 30 September 2019", EN, EN)
    assert meta.organisation == "Department of Example Affairs"
