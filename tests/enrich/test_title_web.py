"""enrich.metadata: a title as a reader cites it. A web page's title line loses the site's name,
its sections and the breadcrumb's parent; a symbol printed before the title goes; a generic
section label, a periodical's volume line never win; a subtitle on its own line follows a colon;
a headline set one or two words a line is read whole."""

from __future__ import annotations

from builder.document import Block, Document, Source
from builder.enrich.metadata import extract

PROSE = ("The present text sets out the findings of the inquiry and the measures that the authorities "
         "are invited to take in the coming year.")


def para(text: str, lines: tuple[int, int] = (0, 0)) -> Block:
    return Block("paragraph", text, lines=lines)


def heading(text: str, level: int = 2) -> Block:
    return Block("heading", text, level=level)


def title_of(*blocks: Block, source: str = "", front: dict[str, str] | None = None) -> str:
    doc = Document(Source("t.txt", source, ""), blocks=list(blocks), front_matter=front or {})
    return extract(doc).title


def test_a_site_name_before_the_page_title_goes():
    assert title_of(heading("Ministère de la Justice | Demande d'asile", 1), para(PROSE)) == "Demande d'asile"


def test_a_site_acronym_and_one_word_sections_after_the_page_title_go():
    assert title_of(heading("Perguntas sobre vistos de trabalho - Viver | Living - SEF", 1),
                    para(PROSE)) == "Perguntas sobre vistos de trabalho"


def test_a_breadcrumb_parent_a_genre_label_and_a_domain_go():
    assert title_of(heading("Asylum policy - Asylum policy part 3: appeals - Guidance - GOV.EX", 1),
                    para(PROSE)) == "Asylum policy part 3: appeals"


def test_a_title_with_a_dash_and_a_subtitle_stays_whole():
    assert title_of(heading("Annual asylum report - Trends and figures for the year", 1),
                    para(PROSE)) == "Annual asylum report - Trends and figures for the year"


def test_a_front_matter_title_loses_the_site_name():
    assert title_of(para(PROSE), front={"title": "Family reunification rules - Migration Agency"}) == (
        "Family reunification rules")


def test_a_symbol_printed_before_the_title_goes():
    assert title_of(heading("BOE-A-2019-1234 Orden INT/55/2019, de 3 de mayo, por la que se regula el "
                            "procedimiento de asilo", 1), para(PROSE)) == (
        "Orden INT/55/2019, de 3 de mayo, por la que se regula el procedimiento de asilo")


def test_a_legal_act_title_may_run_past_thirty_words():
    act = ("Real Decreto 12/2019, de 4 de enero, sobre entrada, circulación y residencia de los nacionales de "
           "terceros países que sean miembros de la familia de ciudadanos de los Estados miembros de la Unión y "
           "de otros Estados parte")
    assert title_of(heading(act, 1), para(PROSE)) == act


def test_a_generic_section_label_is_not_the_title():
    assert title_of(heading("Información general"), heading("Solicitud de protección internacional"),
                    para(PROSE)) == "Solicitud de protección internacional"


def test_a_german_generic_section_label_is_not_the_title():
    assert title_of(heading("Allgemeine Informationen"), heading("Leistungen für Asylsuchende im Überblick"),
                    para(PROSE)) == "Leistungen für Asylsuchende im Überblick"


def test_a_periodical_volume_line_is_not_the_title():
    assert title_of(heading("Vol. II - No. 4", 1), heading("Scientists debate the relief of refugees"),
                    para(PROSE)) == "Scientists debate the relief of refugees"


def test_a_subtitle_on_its_own_line_follows_a_colon():
    source = ("Barns boende och skolgång\n"
              "En granskning av kommunernas ansvar\n\n"
              + PROSE[:70] + "\n" + PROSE[70:] + "\n")
    blocks = [para("Barns boende och skolgång En granskning av kommunernas ansvar", lines=(1, 2)),
              para(PROSE, lines=(4, 5))]
    assert title_of(*blocks, source=source) == "Barns boende och skolgång: En granskning av kommunernas ansvar"


def test_a_title_wrapped_at_the_prose_width_is_joined_without_a_colon():
    source = ("Human rights of migrants at international borders and\n"
              "The duty of States\n\n"
              "The present text sets out the findings of the inquiry\n")
    blocks = [para("Human rights of migrants at international borders and The duty of States", lines=(1, 2)),
              para(PROSE, lines=(4, 4))]
    assert title_of(*blocks, source=source) == (
        "Human rights of migrants at international borders and The duty of States")


def test_a_headline_set_a_word_or_two_a_line_is_read_whole():
    assert title_of(para("WEEKLY"), heading("COURIER"), para("Scientists Agree"), para("Joint"),
                    heading("Statement on"), para("Peace"), para(PROSE)) == (
        "Scientists Agree Joint Statement on Peace")


def test_a_one_word_page_title_is_the_title_once_the_site_name_is_gone():
    meta_title = title_of(heading("Ministerio de Sanidad | Vacunación", 1), para(PROSE))
    assert meta_title == "Vacunación"


def test_a_genre_label_left_once_the_site_name_is_gone_is_no_title():
    assert title_of(heading("UNHCR | Press release", 1), heading("Record numbers cross the sea in summer"),
                    para(PROSE)) == "Record numbers cross the sea in summer"


def test_a_site_acronym_with_a_country_name_goes():
    assert title_of(heading("Refugiados - ACNUR Chile", 1), para(PROSE)) == "Refugiados"


def test_a_navigation_or_genre_word_left_once_the_site_name_is_gone_is_no_title():
    assert title_of(heading("News - Refugee Council", 1), heading("Winter shelter opens for asylum seekers"),
                    para(PROSE)) == "Winter shelter opens for asylum seekers"
