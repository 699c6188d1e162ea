"""Citable links never break: pinned page URLs, pinned paragraph anchors, the guard.

Each test builds a small corpus written here, publishes it (which writes permalinks.yml),
changes something (the cleaning, a title, the seeds) and builds again.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
import shutil
from pathlib import Path

import pytest
import yaml

from builder import pipeline
from builder import link as link_stage
from builder.__main__ import main
from builder.config import Config
from builder.document import Block, Document, Metadata, Source
from builder.layout import page_url
from builder.link import pins, prepared
from builder.link.anchors import Marks, carry_anchors, fingerprint, normalise, with_marks
from builder.manifest import MANIFEST_NAME, PageEntry, load_manifest
from builder.errors import ConfigError
from builder.write.doc_cite import alias_lines
from conftest import ROOT, build_project, make_project, mkdocs_build

P1 = ("Migrant workers in the region pay recruitment fees that often exceed a month of wages, "
      "and many of them borrow money to pay these fees before they leave home.")
P2 = ("Employers who keep the passports of their workers make it impossible for them to change "
      "jobs or to go back home when their contract comes to an end.")
P3 = ("Governments of origin and of destination should share what they know about licensed "
      "recruiters and publish the names of those that have lost their licences.")
P4 = ("Trade unions and civil society groups help workers to claim unpaid wages. They also help "
      "them to report abuses without any fear of losing their residence permits.")
P5 = ("Courts in several countries have ordered employers to repay the fees charged to workers, "
      "with interest, and have fined the agencies that charged them.")


def seed(*paragraphs: str, title: str = "Recruitment fees and the rights of migrant workers") -> str:
    return f"{title}\n\n" + "\n\n".join(paragraphs) + "\n"


def publish(project: Path, *extra: str) -> int:
    """One build of ``project`` in this process (so a test can monkeypatch the cleaner)."""
    return main(["build", "--root", str(project), "--seeds", str(project / "seeds"),
                 "--docs", str(project / "docs"), "--no-cache", "--jobs", "1", "-q", *extra])


def manifest(project: Path) -> dict:
    return yaml.safe_load((project / MANIFEST_NAME).read_text(encoding="utf-8"))["pages"]


def document_pages(project: Path) -> dict[str, dict]:
    return {page: entry for page, entry in manifest(project).items() if entry and entry.get("source")}


PARA_ATTRS = re.compile(r'^\s*\{: #(para-\d+) \.para ')
ALIAS = re.compile(r'<a id="(para-\d+)" class="para-alias"></a>')


def anchors_on_page(path: Path) -> dict[str, str]:
    """Every anchor on a generated page (own and alias) → the text of the paragraph holding it
    (the line before the attribute list that gives the paragraph its anchor)."""
    out: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for before, line in zip(lines, lines[1:]):
        own = PARA_ATTRS.match(line)
        if not own:
            continue
        text = ALIAS.sub("", before).strip()
        out[own.group(1)] = text
        for alias in ALIAS.findall(before):
            out[alias] = text
    return out


def holds_start(paragraph: str, text: str, words: int = 6) -> bool:
    return " ".join(normalise(text).split()[:words]) in normalise(paragraph)


def the_page(project: Path, source: str = "a.txt") -> str:
    return next(page for page, entry in document_pages(project).items() if entry["source"] == source)


def texts_by_anchor(project: Path, source: str = "a.txt") -> dict[str, str]:
    return anchors_on_page(project / "docs" / the_page(project, source))


# --- (a) cleaning changes: anchors follow their text ---------------------------------

def resplit(merge: str, split: str):
    """A cleaner that merges the paragraph starting like ``merge`` into the one before it and
    splits the one starting like ``split`` after its first sentence."""
    original = pipeline.clean

    def clean(source):
        doc = original(source)
        blocks: list[Block] = []
        for block in doc.blocks:
            if block.kind == "paragraph" and block.text.startswith(merge) and blocks:
                blocks[-1].text += " " + block.text
            elif block.kind == "paragraph" and block.text.startswith(split):
                first, rest = block.text.split(". ", 1)
                blocks += [Block("paragraph", first + "."), Block("paragraph", rest)]
            else:
                blocks.append(block)
        return dataclasses.replace(doc, blocks=blocks)

    return clean


def test_after_cleaning_splits_and_merges_paragraphs_every_anchor_lands_on_its_text(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"a.txt": seed(P1, P2, P3, P4, P5)})
    assert publish(project) == 0
    before = texts_by_anchor(project)
    assert len(before) == 5
    monkeypatch.setattr(pipeline, "clean", resplit(merge=P3[:20], split=P4[:20]))
    assert publish(project) == 0
    after = texts_by_anchor(project)
    for anchor, text in before.items():
        assert anchor in after, f"{anchor} was dropped"
        assert holds_start(after[anchor], text), (anchor, after[anchor])
    # The merged paragraph keeps its own number; the one merged into it stays as an alias.
    merged = next(a for a, t in before.items() if t.startswith(P3[:20]))
    page = (project / "docs" / the_page(project)).read_text(encoding="utf-8")
    assert f'<a id="{merged}" class="para-alias"></a>' in page
    # The second half of the split paragraph is new: it gets a number after every old one.
    new = set(after) - set(before)
    assert len(new) == 1 and int(new.pop().split("-")[1]) > max(int(a.split("-")[1]) for a in before)


def test_undoing_a_cleaning_change_gives_every_anchor_back_its_own_paragraph(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"a.txt": seed(P1, P2, P3, P4, P5)})
    assert publish(project) == 0
    before = texts_by_anchor(project)
    with monkeypatch.context() as m:
        m.setattr(pipeline, "clean", resplit(merge=P3[:20], split=P4[:20]))
        assert publish(project) == 0
    assert publish(project) == 0
    after = texts_by_anchor(project)
    for anchor, text in before.items():
        assert after[anchor] == text
    assert len(after) == len(before) + 1  # the split-off half's anchor lives on, as an alias


def test_a_reworded_paragraph_keeps_its_anchor(tmp_path):
    project = make_project(tmp_path, {"a.txt": seed(P1, P2, P3)})
    assert publish(project) == 0
    before = texts_by_anchor(project)
    reworded = P2.replace("impossible", "very hard").replace("go back", "return")
    (project / "seeds" / "a.txt").write_text(seed(P1, reworded, P3), encoding="utf-8")
    assert publish(project) == 0
    after = texts_by_anchor(project)
    assert set(after) == set(before)
    anchor = next(a for a, t in before.items() if t == P2)
    assert after[anchor] == reworded


def test_a_paragraph_inserted_before_others_leaves_their_numbers_alone(tmp_path):
    project = make_project(tmp_path, {"a.txt": seed(P1, P2, P3)})
    assert publish(project) == 0
    before = texts_by_anchor(project)
    (project / "seeds" / "a.txt").write_text(seed(P5, P1, P2, P3), encoding="utf-8")
    assert publish(project) == 0
    after = texts_by_anchor(project)
    assert {a: after[a] for a in before} == before
    assert [t for a, t in after.items() if a not in before] == [P5]


def test_an_anchor_whose_text_is_gone_fails_the_build_until_it_is_retired(tmp_path):
    project = make_project(tmp_path, {"a.txt": seed(P1, P2, P3)})
    assert publish(project) == 0
    gone = next(a for a, t in texts_by_anchor(project).items() if t == P2)
    page = the_page(project)
    (project / "seeds" / "a.txt").write_text(seed(P1, P3), encoding="utf-8")
    result, _ = build_project(project)
    assert result.returncode == 2
    assert f"{page_url(page)}#{gone}" in result.stderr
    assert "retire" in result.stderr
    assert P2 in (project / "docs" / page).read_text(encoding="utf-8"), "a failed build wrote nothing"
    text = (project / MANIFEST_NAME).read_text(encoding="utf-8")
    text = text.replace(f"  {page}:\n", f"  {page}:\n    retired:\n      {gone}: paragraph removed from the source\n")
    (project / MANIFEST_NAME).write_text(text, encoding="utf-8")
    result, _ = build_project(project)
    assert result.returncode == 0, result.stderr
    assert f'<a id="{gone}" class="para-alias"></a>' in (project / "docs" / page).read_text(encoding="utf-8")


# --- (b) titles and moves: old URLs keep working -------------------------------------

def test_a_title_change_keeps_the_url(tmp_path):
    project = make_project(tmp_path, {"a.txt": seed(P1, P2)})
    assert publish(project) == 0
    page = the_page(project)
    before = texts_by_anchor(project)
    (project / "metadata.yml").write_text("documents:\n  a.txt:\n    title: A different title altogether\n",
                                          encoding="utf-8")
    assert publish(project) == 0
    assert the_page(project) == page
    assert "A different title altogether" in (project / "docs" / page).read_text(encoding="utf-8")
    assert texts_by_anchor(project) == before


def test_a_page_moved_in_the_manifest_leaves_a_redirect_that_keeps_the_anchor(tmp_path):
    project = make_project(tmp_path, {"a.txt": seed(P1, P2)})
    assert publish(project) == 0
    old = the_page(project)
    text = (project / MANIFEST_NAME).read_text(encoding="utf-8")
    (project / MANIFEST_NAME).write_text(text.replace(f"  {old}:\n", f"  {old}:\n    moved_to: documents/fees.md\n"),
                                         encoding="utf-8")
    assert publish(project) == 0
    assert (project / "docs" / "documents" / "fees.md").is_file()
    assert not (project / "docs" / old).exists()
    redirect = (project / "docs" / page_url(old) / "index.html").read_text(encoding="utf-8")
    href = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', redirect).group(1)
    assert posixpath.normpath(posixpath.join(page_url(old), href)) + "/" == "documents/fees/"
    assert "location.hash" in redirect
    assert set(anchors_on_page(project / "docs" / "documents" / "fees.md")) == {"para-1", "para-2"}
    assert publish(project, "--check") == 0


def test_a_document_moved_outside_the_documents_folder_fails_the_build_saying_so(tmp_path, capsys):
    project = make_project(tmp_path, {"a.txt": seed(P1, P2)})
    assert publish(project) == 0
    old = the_page(project)
    text = (project / MANIFEST_NAME).read_text(encoding="utf-8")
    (project / MANIFEST_NAME).write_text(text.replace(f"  {old}:\n", f"  {old}:\n    moved_to: fees.md\n"),
                                         encoding="utf-8")
    capsys.readouterr()
    assert publish(project) != 0
    assert "is moved to 'fees.md', outside documents/" in capsys.readouterr().err


def test_a_renamed_seed_file_keeps_its_page(tmp_path):
    project = make_project(tmp_path, {"a.txt": seed(P1, P2, P3)})
    assert publish(project) == 0
    page = the_page(project)
    (project / "seeds" / "a.txt").rename(project / "seeds" / "renamed.txt")
    assert publish(project) == 0
    assert the_page(project, "renamed.txt") == page


THEMES = """themes:
  - id: recruitment
    label: Recruitment
    description: Recruitment fees and agencies.
    phrases: [recruitment fees]
  - id: passports
    label: Passports
    description: Passports kept by employers.
    phrases: [passports]
"""


def test_a_theme_page_is_pinned_by_id_and_its_removal_needs_a_redirect(tmp_path):
    project = make_project(tmp_path, {"a.txt": seed(P1, P2)}, config={"themes.yml": THEMES})
    assert publish(project) == 0
    assert "themes/passports.md" in manifest(project)
    (project / "themes.yml").write_text(THEMES.split("  - id: passports")[0], encoding="utf-8")
    result, _ = build_project(project)
    assert result.returncode == 2
    assert "themes/passports/: would break" in result.stderr and "moved_to" in result.stderr
    text = (project / MANIFEST_NAME).read_text(encoding="utf-8")
    (project / MANIFEST_NAME).write_text(
        text.replace("  themes/passports.md: {}\n", "  themes/passports.md:\n    moved_to: themes/index.md\n"),
        encoding="utf-8")
    result, _ = build_project(project)
    assert result.returncode == 0, result.stderr
    assert 'url=../"' in (project / "docs" / "themes" / "passports" / "index.html").read_text(encoding="utf-8")


def test_a_listing_page_that_is_regrouped_away_leads_to_the_listing_above_it(tmp_path):
    project = make_project(tmp_path, {"a.txt": seed(P1, P2)})
    assert publish(project) == 0
    text = (project / MANIFEST_NAME).read_text(encoding="utf-8")
    (project / MANIFEST_NAME).write_text(text.replace("pages:\n", "pages:\n  documents/by-year/2013-2.md: {}\n"),
                                         encoding="utf-8")
    assert publish(project) == 0
    redirect = (project / "docs" / "documents" / "by-year" / "2013-2" / "index.html").read_text(encoding="utf-8")
    assert 'url=../../"' in redirect  # documents/by-year/2013-2/ → documents/


# --- (c) removing a seed --------------------------------------------------------------

def test_removing_a_seed_fails_the_guard_until_a_tombstone_is_declared(tmp_path):
    project = make_project(tmp_path, {"a.txt": seed(P1, P2),
                                      "b.txt": seed(P3, P4, title="Passports kept by employers")})
    assert publish(project) == 0
    page = the_page(project, "b.txt")
    (project / "seeds" / "b.txt").unlink()
    result, _ = build_project(project)
    assert result.returncode == 2
    assert f"{page_url(page)}: would break" in result.stderr and "withdrawn" in result.stderr
    assert (project / "docs" / page).is_file(), "a failed build wrote nothing"
    (project / "metadata.yml").write_text("withdrawn:\n  b.txt:\n    reason: published twice by mistake\n"
                                          "    url: https://example.org/passports.pdf\n", encoding="utf-8")
    result, _ = build_project(project)
    assert result.returncode == 0, result.stderr
    notice = (project / "docs" / page).read_text(encoding="utf-8")
    assert "withdrawn" in notice and "published twice by mistake" in notice
    assert "<https://example.org/passports.pdf>" in notice
    assert 'id="para-1"' in notice and 'id="para-2"' in notice
    assert page in manifest(project)
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "citation_title" not in (project / "site" / page_url(page) / "index.html").read_text(encoding="utf-8")


# --- (d) adding a seed ---------------------------------------------------------------

def test_adding_a_seed_changes_no_existing_url_or_anchor(tmp_path):
    project = make_project(tmp_path, {"a.txt": seed(P1, P2, P3)})
    assert publish(project) == 0
    pages_before = manifest(project)
    page = the_page(project)
    anchors_before = texts_by_anchor(project)
    # Same title: the newcomer must not take (or push away) the first one's URL.
    (project / "seeds" / "0-first.txt").write_text(seed(P4, P5), encoding="utf-8")
    assert publish(project) == 0
    pages_after = manifest(project)
    assert {p: pages_after[p] for p in pages_before} == pages_before
    assert the_page(project) == page
    assert texts_by_anchor(project) == anchors_before
    assert the_page(project, "0-first.txt") != page


# --- the manifest ---------------------------------------------------------------------

def test_first_build_writes_a_manifest_of_every_page_and_paragraph(tmp_path):
    project = make_project(tmp_path, {"a.txt": seed(P1, P2, P3)})
    assert not (project / MANIFEST_NAME).exists()
    assert publish(project) == 0
    pages = manifest(project)
    generated = {p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.md")}
    assert set(pages) == generated
    entry = pages[the_page(project)]
    assert set(entry["anchors"]) == set(texts_by_anchor(project))
    assert (project / MANIFEST_NAME).read_text(encoding="utf-8").startswith("# The permalink manifest")


def test_check_fails_when_the_manifest_would_change(tmp_path, capsys):
    project = make_project(tmp_path, {"a.txt": seed(P1, P2)})
    assert publish(project) == 0
    assert publish(project, "--check") == 0
    (project / MANIFEST_NAME).unlink()
    assert publish(project, "--check") == 1
    assert f"missing: {MANIFEST_NAME}" in capsys.readouterr().err


def test_manifest_errors_name_the_file_and_key(tmp_path):
    path = tmp_path / MANIFEST_NAME
    path.write_text("pages:\n  documents/a.md:\n    anchors:\n      paragraph-one: abc\n    colour: red\n",
                    encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_manifest(path)
    assert "permalinks.yml: 'pages.documents/a.md.anchors.paragraph-one'" in str(err.value)
    assert "permalinks.yml: 'pages.documents/a.md.colour'" in str(err.value)


def test_fingerprint_keeps_hash_first_and_last_words():
    words = " ".join(f"w{i}" for i in range(50))
    value = fingerprint(words)
    digest, _, excerpt = value.partition(" ")
    assert len(digest) == 12 and excerpt.startswith("w0 w1") and excerpt.endswith("w48 w49") and " … " in excerpt


def test_a_merged_paragraph_is_found_from_either_part_in_memory():
    entry = PageEntry(anchors={"para-1": fingerprint(P1), "para-2": fingerprint(P2)})
    carried = carry_anchors(entry, [Block("paragraph", P1 + " " + P2)])
    assert carried.lost == []
    assert carried.marks == [Marks("para-1", 1, ("para-2",))]


def test_an_anchor_whose_paragraph_became_a_heading_lands_on_the_heading():
    entry = PageEntry(anchors={"para-1": fingerprint("Decent work and fair recruitment"), "para-2": fingerprint(P1)})
    heading, body = Block("heading", "Decent work and fair recruitment", level=2), Block("paragraph", P1)
    carried = carry_anchors(entry, [body], [heading])
    assert carried.lost == []
    body, heading = with_marks([body, heading], {id(body): carried.marks[0], id(heading): carried.marks[1]})
    assert (body.anchor, heading.aliases) == ("para-2", ["para-1"])
    assert alias_lines(heading) == ['<div class="para-aliases"><a id="para-1" class="para-alias"></a></div>', ""]


# --- the shipped site ------------------------------------------------------------------

def test_shipped_manifest_pins_every_page_and_paragraph_and_the_guard_passes(tmp_path):
    shipped = ROOT / MANIFEST_NAME
    assert shipped.is_file(), "no permalinks.yml: run `python -m builder build` once, and commit it"
    project = make_project(tmp_path, with_shipped_seeds=True)
    shutil.copy(shipped, project / MANIFEST_NAME)
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    assert (project / MANIFEST_NAME).read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")
    pages = manifest(project)
    for doc in report["documents"]:
        anchors = anchors_on_page(project / "docs" / doc["page"])
        assert len(anchors) >= doc["paragraphs"]
        assert set(anchors) <= set(pages[doc["page"]]["anchors"]) | set(pages[doc["page"]].get("retired", {}))


def test_slug_is_date_organisation_acronym_and_short_title_without_stop_words():
    from builder.document import Document, Metadata, Source
    from builder.slugs import make_slug

    doc = Document(Source("x.txt", "x", "0"), meta=Metadata(
        title="Re. Report on the Protection of Migrants in Transit", date="2013-05-02",
        organisation="International Organization for Migration (IOM)"))
    assert make_slug(doc) == "2013-05-02-iom-report-protection-migrants-transit"


def test_slug_joins_initials_and_does_not_repeat_the_organisation():
    from builder.document import Document, Metadata, Source
    from builder.slugs import make_slug

    doc = Document(Source("x.txt", "x", "0"), meta=Metadata(
        title="U.S. Mission statement on labour mobility", organisation="U.S. Mission in Geneva"))
    assert make_slug(doc) == "us-mission-statement-labour-mobility"


def test_digests_prepared_per_document_are_the_paragraphs_digests():
    from builder.config import Config
    from builder.document import Document, Metadata, Source
    from builder.link import prepare
    from builder.link.anchors import citable_blocks, paragraph_digests, prepared_digests
    doc = Document(Source("a.txt", "", ""), [Block("heading", "Title", level=1), Block("paragraph", "First one."),
                                             Block("paragraph", "Second, “quoted” one.")], meta=Metadata(title="Title"))
    doc = dataclasses.replace(doc, link_prepared=prepare(doc, Config()))
    assert prepared_digests(doc) == paragraph_digests(citable_blocks(doc))
    assert len(prepared_digests(doc)) == 2


# --- a failure on one document names its seed -------------------------------------------

def test_a_failure_pinning_one_documents_anchors_names_its_seed(monkeypatch):
    def doc(name: str) -> Document:
        return Document(Source(name, "", ""), [Block("paragraph", P1)], meta=Metadata(title=name))

    real = pins.carry_anchors

    def fail_on_b(entry, *args):
        if entry.source == "b.txt":
            raise ValueError("boom")
        return real(entry, *args)

    monkeypatch.setattr(pins, "carry_anchors", fail_on_b)
    with pytest.raises(link_stage.DocumentFailed, match=r"^b\.txt: .*ValueError: boom"):
        link_stage.link([doc("a.txt"), doc("b.txt")], Config())


def test_a_failure_preparing_one_documents_links_names_its_seed(monkeypatch):
    d = Document(Source("c.txt", "", ""), [Block("paragraph", P1)], meta=Metadata(title="C"))
    monkeypatch.setattr(prepared, "prepare", lambda doc, config: 1 / 0)
    with pytest.raises(link_stage.DocumentFailed, match=r"^c\.txt: .*ZeroDivisionError"):
        link_stage.prepare(d, Config())


# --- printed paragraph numbers -----------------------------------------------------------

def numbered(*texts: str) -> list[Block]:
    return [Block("paragraph", t) for t in texts]


def test_a_new_page_that_numbers_its_paragraphs_anchors_each_at_its_printed_number():
    blocks = numbered("The Committee met in Geneva.", "1. It considered the report.", "2. It welcomes it.",
                      "7. It recommends action.", "A closing line without a number.")
    carried = carry_anchors(PageEntry(), blocks)
    assert [(m.anchor, m.para) for m in carried.marks] == [
        ("para-101", 101), ("para-1", 1), ("para-2", 2), ("para-7", 7), ("para-102", 102)]


def test_printed_numbers_that_go_back_are_no_paragraph_numbering():
    blocks = numbered("1. First.", "2. Second.", "3. Third.", "1. An annex starts again.")
    assert [m.anchor for m in carry_anchors(PageEntry(), blocks).marks] == ["para-1", "para-2", "para-3", "para-4"]
    blocks = numbered("1. First.", "2. Second.", "List item text")
    assert [m.anchor for m in carry_anchors(PageEntry(), blocks).marks] == ["para-1", "para-2", "para-3"]


def test_a_published_page_keeps_its_anchors_when_it_numbers_its_paragraphs():
    entry = PageEntry(anchors={"para-1": fingerprint("Intro."), "para-2": fingerprint("1. First.")})
    blocks = numbered("Intro.", "1. First.", "2. Second.", "3. Third.")
    assert [m.anchor for m in carry_anchors(entry, blocks).marks] == ["para-1", "para-2", "para-3", "para-4"]


def test_a_numbered_list_item_is_no_printed_paragraph_number():
    blocks = [Block("list_item", "3. Third."), Block("list_item", "4. Fourth."), Block("list_item", "5. Fifth."),
              Block("paragraph", "Text.")]
    assert [m.anchor for m in carry_anchors(PageEntry(), blocks).marks] == ["para-1", "para-2", "para-3", "para-4"]
