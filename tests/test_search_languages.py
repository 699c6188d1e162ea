"""Search per language: documents in any language are in the one search index, in the site's language,
with their words as written (Pagefind folds the accents of a query; tests/site/test_search.py types
them in a browser)."""

from __future__ import annotations

import gzip
import json

import yaml

from conftest import ROOT, build_project, make_project, mkdocs_build

FRENCH = ("Le statut des réfugiés\n\n"
          "Les réfugiés et les demandeurs d'asile ont droit à une protection internationale. La "
          "convention de Genève définit le statut des réfugiés et les obligations des États qui l'ont "
          "ratifiée, notamment le principe de non-refoulement.\n\n"
          "Les personnes concernées peuvent déposer une demande auprès de l'office compétent, qui "
          "examine chaque dossier dans un délai raisonnable et motive sa décision.\n")


def test_search_is_pagefinds_not_materials_lunr_plugin():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert not [p for p in config["plugins"] if p == "search" or (isinstance(p, dict) and "search" in p)]
    assert "hooks/search_index.py" in config["hooks"]


def test_a_french_document_is_in_the_sites_one_index_with_its_accented_words(tmp_path):
    project = make_project(tmp_path, {"refugies.txt": FRENCH})
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stderr
    page = (project / "site" / report["documents"][0]["url"] / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in page  # a French document on an English site says its own language
    bundle = project / "site" / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en"]  # the site's language: one index every reader searches
    pages = [gzip.decompress(f.read_bytes()).decode("utf-8") for f in (bundle / "fragment").glob("*.pf_fragment")]
    french = [p for p in pages if '"url":"/documents/' in p and "demandeurs d'asile" in p]
    assert len(french) == 1 and "réfugiés" in french[0]
