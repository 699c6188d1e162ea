"""A web page's publication line dates it, kept or removed with the page's furniture; a date in
slashes is read day first, and not at all where it could be either way in English."""

from __future__ import annotations

from builder.document import Block, Document, Removal, Source
from builder.enrich import dates
from builder.enrich.metadata import extract

PT = ("O relatório anual mostra que a integração dos imigrantes no mercado de trabalho melhorou, "
      "sobretudo nas regiões do interior do país, onde a procura de mão de obra é maior.")


def iso(line: str, lang: str | None) -> str | None:
    found = dates.publication_date(line, lang)
    return found.iso if found else None


def test_a_portuguese_publication_line_in_slashes_day_first():
    assert iso("Publicado em 18/12/2023 | Atualizado em 19/12/2023", "pt") == "2023-12-18"


def test_an_english_publication_line_with_a_written_date():
    assert iso("Published 14 March 2024 · 4 minute read", "en") == "2024-03-14"


def test_a_publication_line_after_a_byline():
    assert iso("By Ana Lima | Published 2 May 2022", "en") == "2022-05-02"


def test_an_english_slashed_date_that_reads_both_ways_is_not_guessed():
    assert iso("Published 03/04/2021", "en") is None


def test_a_sentence_saying_what_was_published_is_no_publication_line():
    assert iso("The Commission published on 3 March 2021 its new strategy", "en") is None


def test_a_publication_line_removed_as_furniture_still_dates_the_page():
    doc = Document(Source("t.txt", "", ""), blocks=[Block("heading", "Novo relatório sobre imigração", level=1),
                                                    Block("paragraph", PT), Block("paragraph", PT)])
    doc.removed.append(Removal("Publicado em 18/12/2023 | Atualizado em 19/12/2023", "site menu", "web", line=3))
    meta = extract(doc)
    assert (meta.date, meta.sources["date"]) == ("2023-12-18", "text: publication line (line 3)")


def test_a_publication_line_glued_to_a_link():
    assert iso("From:[Home Office](https://example.org/ho)Published 25 February 2016 Updated: 3 May 2020",
               "en") == "2016-02-25"


def updated(line: str, lang: str | None) -> str | None:
    found = dates.publication_date(line, lang, dates.UPDATED)
    return found.iso if found else None


def test_a_dutch_last_modified_line_in_dashes_day_first():
    assert updated("Laatst gewijzigd: 12-09-2023", "nl") == "2023-09-12"


def test_an_english_last_updated_line():
    assert updated("Page last updated 3 May 2021", "en") == "2021-05-03"


def test_a_french_last_update_line():
    assert updated("Dernière mise à jour : 4 mars 2022", "fr") == "2022-03-04"


def test_a_swedish_last_updated_line_in_iso():
    assert updated("Senast uppdaterad 2023-05-02", "sv") == "2023-05-02"


def test_a_german_stand_line_with_dots():
    assert updated("Stand: 01.03.2023", "de") == "2023-03-01"


def test_a_sentence_about_an_update_is_no_last_modified_line():
    assert updated("The register was updated in many offices during 2021.", "en") is None


def test_a_web_page_closing_with_its_last_modified_line_is_dated():
    source = Source("t.txt", "Home\nMenu\n\nNareis\n\n" + PT + "\n\n" + PT + "\n\nLaatst gewijzigd: 12-09-2023\n", "")
    doc = Document(source=source, blocks=[Block("paragraph", PT, lines=(6, 6)), Block("paragraph", PT, lines=(8, 8)),
                                          Block("paragraph", "Laatst gewijzigd: 12-09-2023", lines=(10, 10))])
    assert extract(doc).date == "2023-09-12"


def test_a_publication_line_beats_a_last_modified_line_above_it():
    source = Source("t.txt", "Atualizado em 19/12/2023\n\nPublicado em 18/12/2023\n\n" + PT + "\n", "")
    doc = Document(source=source, blocks=[Block("paragraph", "Atualizado em 19/12/2023", lines=(1, 1)),
                                          Block("paragraph", "Publicado em 18/12/2023", lines=(3, 3)),
                                          Block("paragraph", PT, lines=(5, 5))])
    assert extract(doc).date == "2023-12-18"
