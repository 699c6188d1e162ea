"""A document page shows its bylines, datelines, publication and contact lines in its header,
under the title, with no paragraph number; a paragraph link published when such a line was
paragraph 1 keeps working (the guard carries it), and ``--check`` passes."""

from __future__ import annotations

import dataclasses
import re

from builder import pipeline
from builder.clean import build_rules, clean
from builder.document import HEAD_LABELS

from conftest import make_project
from test_permalinks import P1, P2, P3, publish, the_page

RELEASE = ("PRESS RELEASE\n\nRecruitment fees and the rights of migrant workers\n\n"
           f"GENEVA, 3 May 2021 — {P1}\n\n{P2}\n\n{P3}\n\n"
           "Media contact: Anna Berg, tel +41 22 799 7912, email press@example.org\n")


def page(project) -> str:
    return (project / "docs" / the_page(project)).read_text(encoding="utf-8")


def head_block(text: str) -> str:
    """The page header's block of lines (``{: .doc-head }``)."""
    found = re.search(r"\n\n((?:(?!\n\n).)*)\n\{: \.doc-head[^}]*\}", text, re.S)
    assert found, "no page header block"
    return found.group(1)


def test_bylines_datelines_and_contact_lines_are_in_the_page_header_with_no_number(tmp_path):
    project = make_project(tmp_path, {"a.txt": RELEASE})
    assert publish(project) == 0
    text = page(project)
    head = head_block(text)
    for line in ("PRESS RELEASE", "GENEVA, 3 May 2021", "Media contact:", "press@example.org"):
        assert line in head
    assert "data-para" not in head
    assert text.index(head) < text.index(P1)  # under the title, above the text
    assert "— " + P1 not in text  # the dateline left its paragraph
    numbered = re.findall(r'\{: #para-(\d+) \.para', text)
    assert numbered == ["1", "2", "3"]  # the text's paragraphs, from 1
    assert re.search(r"^" + re.escape(P1[:40]) + r".*\n\{: #para-1 \.para", text, re.M)


def _cleaning_before_the_page_header(source):
    """The cleaning as it was before the page header: bylines were citable paragraphs, the
    dateline opened its paragraph."""
    doc = clean(source, [r for r in build_rules() if r.name != "page_header"])
    blocks = [dataclasses.replace(b, label="") if b.label in HEAD_LABELS else b for b in doc.blocks]
    return dataclasses.replace(doc, blocks=blocks)


def test_a_published_link_to_a_byline_that_was_paragraph_1_still_finds_it_in_the_header(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"a.txt": RELEASE})
    with monkeypatch.context() as m:
        m.setattr(pipeline, "clean", _cleaning_before_the_page_header)
        assert publish(project) == 0
    before = page(project)
    assert re.search(r"PRESS RELEASE.*\n\{: #para-1 \.para", before)
    assert publish(project) == 0
    after = page(project)
    head = head_block(after)
    assert '<a id="para-1" class="para-alias"></a>PRESS RELEASE' in head
    assert re.search(r'<a id="para-\d+" class="para-alias"></a>\**Media contact', head)
    # The paragraph the dateline opened keeps its link: on the paragraph, not on the dateline.
    assert re.search(r"^" + re.escape(P1[:40]) + r".*\n\{: #para-2 \.para", after, re.M)
    assert re.search(re.escape(P2[:40]) + r".*\n\{: #para-3 \.para", after)  # numbers stay
    assert publish(project, "--check") == 0  # the guard passes, permalinks.yml untouched
