"""A new document's slug names its organisation by the words of its name, not by its connectives
(``Ministerio del Interior`` → ``ministerio-interior``), in any language; a page already published
keeps its slug, whatever the rule that made it (``permalinks.yml`` pins it)."""

from __future__ import annotations

from builder.document import Document, Metadata, Source
from builder.slugs import make_slug

from conftest import build_project, make_project


def slug(title: str, organisation: str, date: str | None = None) -> str:
    return make_slug(Document(Source("x.txt", "x", "0"), meta=Metadata(title=title, organisation=organisation,
                                                                       date=date)))


def test_a_spanish_connective_is_not_one_of_the_organisation_words():
    assert slug("Expulsión", "Ministerio del Interior") == "ministerio-interior-expulsion"


def test_a_german_connective_is_not_one_of_the_organisation_words():
    assert slug("Integrationskurse", "Bundesamt für Migration und Flüchtlinge", "2022-05-12") == (
        "2022-05-12-bundesamt-migration-integrationskurse")


def test_a_lower_case_word_of_the_name_that_is_not_small_stays():
    assert slug("Décret", "Journal officiel de la République française") == "journal-officiel-decret"


def test_an_organisation_of_one_word_is_that_word():
    assert slug("Perguntas frequentes", "AIMA") == "aima-perguntas-frequentes"


PAGE = ("Ministerio del Interior | Expulsión\n\nExpulsión\n\nCuando las personas infractoras sean extranjeras, "
        "podrá aplicarse la expulsión del territorio, previa la tramitación del expediente administrativo.\n")


def test_a_published_page_keeps_the_slug_an_older_rule_made(tmp_path):
    pinned = "documents/ministerio-del-expulsion.md"
    project = make_project(tmp_path, {"page.txt": PAGE}, config={
        "permalinks.yml": f"pages:\n  {pinned}:\n    source: page.txt\n    title: Expulsión\n"})
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    assert [d["page"] for d in report["documents"]] == [pinned]


def test_a_new_page_gets_the_slug_of_the_present_rule(tmp_path):
    project = make_project(tmp_path, {"page.txt": PAGE})
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    assert [d["page"] for d in report["documents"]] == ["documents/ministerio-interior-expulsion.md"]
