"""End to end on the shipped seeds: golden output, no catalogued artefact, clean rendering.

The golden files are regenerated only by ``python tests/golden/regen.py`` (review the diff).
"""

from __future__ import annotations

import json
import sys

import pytest

from cleankit import ROOT, artefacts, clean_text, render_problems

sys.path.insert(0, str(ROOT / "tests" / "golden"))
from regen import golden  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden"


def seed(prefix: str):
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    return clean_text(path.read_bytes(), path.name)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_cleaned_seed_matches_its_golden_file(path):
    md, js = golden(path)
    assert md == (GOLDEN / f"{path.stem}.md").read_text(encoding="utf-8")
    assert json.loads(js) == json.loads((GOLDEN / f"{path.stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_no_catalogued_artefact_is_left_on_a_seed_page(path):
    assert artefacts(clean_text(path.read_bytes(), path.name)) == []


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_page_renders_cleanly_with_the_site_extensions(path):
    assert render_problems(clean_text(path.read_bytes(), path.name)) == []


def test_letter_seeds_are_letters_with_signatory_and_role():
    for prefix in ("000", "001"):
        letter = seed(prefix).letter
        assert {"letterhead", "date", "addressee", "salutation", "closing", "signatory",
                "signatory_role"} <= set(letter)
        assert "\n" not in letter["letterhead"] and "  " not in letter["letterhead"]


def test_signature_noise_is_removed_from_both_letters():
    assert [r.reason for r in seed("000").removed] == ["OCR noise from the scanned signature"]
    assert "image description of a signature" in [r.reason for r in seed("001").removed]


def test_attachment_subject_is_the_title_and_six_numbered_headings_follow():
    doc = seed("001")
    heads = [(b.level, b.number) for b in doc.blocks if b.kind == "heading"]
    assert heads == [(1, "")] + [(2, str(n)) for n in range(1, 7)]
    assert doc.stats["rejoined_across_breaks"] == 2


def test_web_page_loses_its_boilerplate_and_keeps_thirteen_numbered_items():
    doc = seed("002")
    assert len(doc.removed) == 7
    assert [b.number for b in doc.blocks if b.kind == "list_item"] == [str(n) for n in range(1, 14)]


def test_report_footnotes_are_all_paired_and_the_misnumbered_heading_is_reported():
    doc = seed("003")
    assert [b.label for b in doc.blocks if b.kind == "footnote"] == ["1", "2", "3", "4", "5", "6"]
    assert doc.stats["misnumbered_headings"] == 1 and len(doc.warnings) == 1
    assert doc.stats["run_in_labels"] == 5


def test_brochure_rejoins_eight_breaks_and_moves_four_captions_and_two_boxes():
    doc = seed("004")
    assert doc.stats["rejoined_across_breaks"] == 8
    assert doc.stats["captions_moved"] == 4
    boxes = [b for b in doc.blocks if b.kind == "admonition"]
    assert sorted(b.label for b in boxes) == ["example", "example", "question", "question", "quote", "quote",
                                              "quote", "quote"]
    assert doc.stats["hyphens_kept"] == 7 and doc.stats.get("hyphens_joined", 0) == 0
    assert [b.text for b in doc.blocks if b.kind == "list_item"][1] == (
        "Develop specific migrant-sensitive targets under relevant goals.")
