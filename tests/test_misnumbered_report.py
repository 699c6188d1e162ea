"""A mis-numbered heading in a source is published as printed and flagged in the build report:
in report.json's warnings and on the document's report page (issue #21)."""

from __future__ import annotations

from conftest import build_project, make_project

SOURCE = """Input on the protection of migrants

I. Introduction

The present report is submitted pursuant to a request from the Office of the High Commissioner.

II. Activities

IOM assists States in many ways, as described in the sections below this one.

I. State Assistance

IOM is active in assisting States in drafting laws on migration and on the rights of migrants.

2. Facilitating Consistency across States

Another of the major activities of IOM is dialogue between the States of a region.
"""


def test_a_misnumbered_heading_is_in_the_build_report_and_on_the_documents_report_page(tmp_path):
    project = make_project(tmp_path, {"a.txt": SOURCE})
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    [doc] = report["documents"]
    [warning] = [w for w in doc["warnings"] if "misnumbered heading" in w]
    assert "'I. State Assistance'" in warning
    page = (project / "docs" / doc["page"]).read_text(encoding="utf-8")
    assert "### I. State Assistance" in page  # published as printed, never renumbered
    changes = next((project / "docs" / "changes").glob("*.md")).read_text(encoding="utf-8")
    assert "## Warnings" in changes and "misnumbered heading" in changes
