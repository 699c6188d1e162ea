"""End to end: the dev-corpus documents with plain-text tables build into pages whose HTML has
``<table>`` elements with their cells (``mkdocs build --strict``)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import build_project, make_project, mkdocs_build

DEV_CORPUS = Path("/work/shared/dev-corpus")
WITH_TABLES = {"02_": ("40210", "4/1/2023"), "15_": ("87,500", "Albany Law School")}


@pytest.mark.skipif(not DEV_CORPUS.exists(), reason="no dev corpus on this machine")
def test_dev_corpus_tables_are_html_tables(tmp_path):
    project = make_project(tmp_path)
    seeds = project / "seeds"
    seeds.mkdir(exist_ok=True)
    picked = [p for p in sorted(DEV_CORPUS.glob("*.txt")) if p.name[:3] in WITH_TABLES]
    assert len(picked) == len(WITH_TABLES)
    for p in picked:
        shutil.copy(p, seeds / p.name)
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    docs = {d["source"]: d for d in report["documents"]}
    for p in picked:
        assert docs[p.name]["stats"]["tables"] >= 1
        assert any(m["rule"] == "tables" and m["placed"].startswith("table, line") for m in docs[p.name]["moved"])
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stderr
    for p in picked:
        page = project / "site" / docs[p.name]["url"] / "index.html"
        text = page.read_text(encoding="utf-8")
        assert "<table>" in text
        for cell in WITH_TABLES[p.name[:3]]:
            assert re.search(rf"<td[^>]*>{re.escape(cell)}</td>", text), cell
    bill = (project / "site" / docs[next(p.name for p in picked if p.name.startswith("02_"))]["url"] / "index.html")
    first_table = re.search(r"<table>.*?</table>", bill.read_text(encoding="utf-8"), re.S).group(0)
    # The first salary table goes on after its page's foot note: rows 1 and 2 in the same table.
    assert re.search(r"<td[^>]*>31273</td>", first_table) and re.search(r"<td[^>]*>32310</td>", first_table)
