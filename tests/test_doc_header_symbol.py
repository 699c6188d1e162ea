"""A document's own official symbol is shown in its page header; a symbol it only cites is not."""

from __future__ import annotations

from conftest import build_project, make_project

OWN = ("A/RES/80/9\n\nResolution on trafficking in persons\n\n"
       "The General Assembly reaffirms its commitment to protect the victims of trafficking.\n")
CITES = ("Letter on trafficking\n\n"
         "We refer to resolution A/RES/67/172 on the protection of migrants and its follow-up.\n")


def _page(project, report, source):
    (entry,) = [d for d in report["documents"] if d["source"] == source]
    return (project / "docs" / entry["page"]).read_text(encoding="utf-8")


def test_the_page_header_shows_the_documents_own_symbol(tmp_path):
    project = make_project(tmp_path, {"own.txt": OWN, "cites.txt": CITES})
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    assert "**Symbol:** A/RES/80/9" in _page(project, report, "own.txt")
    assert "**Symbol:**" not in _page(project, report, "cites.txt")
