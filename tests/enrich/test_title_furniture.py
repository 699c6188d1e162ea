"""enrich.metadata: a title is ranked from the head's candidate lines, and page furniture never
wins, in any language: a language or distribution note, a genre label, a gazette's running
header, a body's name alone, a reference number, a table caption, a note in brackets, the
second column of a two-column layout."""

from __future__ import annotations

from builder.document import Block, Document, Source
from builder.enrich.metadata import extract

PROSE = ("The present text sets out the findings of the inquiry and the measures that the authorities "
         "are invited to take in the coming year.")


def doc(*blocks: Block, source: str = "") -> Document:
    return Document(Source("t.txt", source, ""), blocks=list(blocks))


def para(text: str, label: str = "", lines: tuple[int, int] = (0, 0)) -> Block:
    return Block("paragraph", text, label=label, lines=lines)


def heading(text: str, level: int = 2) -> Block:
    return Block("heading", text, level=level)


def title_of(*blocks: Block, source: str = "") -> str:
    return extract(doc(*blocks, source=source)).title


def test_an_english_language_note_is_not_the_title():
    assert title_of(heading("Original: English", 1), heading("Migrants at sea: a duty to rescue"),
                    para(PROSE)) == "Migrants at sea: a duty to rescue"


def test_a_french_distribution_note_is_not_the_title():
    assert title_of(heading("Distr. : générale", 1), heading("Les migrants en mer et le devoir de secours"),
                    para(PROSE)) == "Les migrants en mer et le devoir de secours"


def test_a_language_switcher_is_not_the_title():
    assert title_of(heading("Español | English", 1), heading("Guía para solicitar asilo en el país"),
                    para(PROSE)) == "Guía para solicitar asilo en el país"


def test_an_english_release_label_is_not_the_title():
    assert title_of(heading("For Immediate Release", 1),
                    para("Ministers agree a new plan for refugee housing", label="lead"),
                    para(PROSE)) == "Ministers agree a new plan for refugee housing"


def test_a_french_press_label_with_its_number_is_not_the_title():
    assert title_of(heading("Communiqué de presse n° 12", 1),
                    para("Le gouvernement ouvre de nouveaux centres d'accueil"),
                    para(PROSE)) == "Le gouvernement ouvre de nouveaux centres d'accueil"


def test_a_german_agency_name_alone_and_its_release_number_are_not_the_title():
    assert title_of(para("Pressemitteilung", label="kicker"), heading("Bundesamt für Arbeit und Soziales", 1),
                    para("Nr. 7/2021"), heading("Neue Regeln für die Anerkennung von Abschlüssen"),
                    para(PROSE)) == "Neue Regeln für die Anerkennung von Abschlüssen"


def test_a_swedish_agency_compound_name_and_file_number_are_not_the_title():
    assert title_of(para("Socialstyrelsen\nRapport 2020:4\nDnr 4.1-2020-77"),
                    para("Barns hälsa i mottagandet av asylsökande"),
                    para(PROSE)) == "Barns hälsa i mottagandet av asylsökande"


def test_a_spanish_gazette_running_header_is_not_the_title():
    header = "DIARIO OFICIAL Núm. 21 Martes 3 de marzo de 2020 Sec. III. Pág. 1204"
    assert title_of(para(header), heading("Ayudas para el retorno voluntario de personas migrantes"),
                    para(PROSE)) == "Ayudas para el retorno voluntario de personas migrantes"


def test_a_table_caption_is_not_the_title():
    assert title_of(para("Asylum Statistics Yearbook"), heading("Table 3: Applications by country", 1),
                    para(PROSE)) == "Asylum Statistics Yearbook"


def test_a_note_in_brackets_is_not_the_title():
    assert title_of(heading("(Text adopted by the Assembly at its plenary meeting)", 1),
                    para("Resolution on the rights of migrant domestic workers"),
                    para(PROSE)) == "Resolution on the rights of migrant domestic workers"


def test_a_headline_heading_beats_an_earlier_short_paragraph_line():
    assert title_of(para("Annual review of the year"), heading("How the reception system coped with a record year"),
                    para(PROSE)) == "How the reception system coped with a record year"


def test_the_left_column_of_a_two_column_title_is_the_title():
    source = ("COUNCIL OF THE UNION          CONSEIL DE L'UNION\n"
              "Guidelines on return          Lignes directrices sur le retour\n"
              "of third-country nationals    des ressortissants de pays tiers\n")
    blocks = [heading("Council of the Union          Conseil de l'Union", 1),
              para(" ".join(source.split("\n")[1:3]), lines=(2, 3)), para(PROSE)]
    assert title_of(*blocks, source=source) == "Guidelines on return of third-country nationals"


def test_a_legal_act_title_after_a_ministry_line_and_margin_number_is_the_title():
    source = ("MINISTERIO DEL INTERIOR\n"
              "812        Real Decreto 55/2019, de 8 de febrero, por el que se regula la protección\n"
              "           temporal de personas desplazadas en situaciones de crisis.\n")
    act = para(" ".join(source.split()), lines=(1, 3))
    assert title_of(heading("DISPOSICIONES GENERALES", 3), act, para(PROSE), source=source) == (
        "Real Decreto 55/2019, de 8 de febrero, por el que se regula la protección temporal de personas "
        "desplazadas en situaciones de crisis")


def test_a_web_page_title_line_loses_the_site_name():
    assert title_of(heading("Ministerio de Trabajo | Permisos de residencia", 1),
                    para(PROSE)) == "Permisos de residencia"
