"""End to end: the dev-corpus documents with plain-text tables build into pages whose HTML has
``<table>`` elements with their cells (``mkdocs build --strict``)."""

from __future__ import annotations

import re

WITH_TABLES = {"02_": ("40210", "4/1/2023"), "15_": ("87,500", "Albany Law School")}


def test_dev_corpus_tables_are_html_tables(dev_corpus_site):
    project, report = dev_corpus_site
    docs = {d["source"]: d for d in report["documents"]}
    picked = [name for name in docs if name[:3] in WITH_TABLES]
    assert len(picked) == len(WITH_TABLES)
    for p in picked:
        assert docs[p]["stats"]["tables"] >= 1
        assert any(m["rule"] == "tables" and m["placed"].startswith("table, line") for m in docs[p]["moved"])
    for p in picked:
        page = project / "site" / docs[p]["url"] / "index.html"
        text = page.read_text(encoding="utf-8")
        assert "<table>" in text
        for cell in WITH_TABLES[p[:3]]:
            assert re.search(rf"<td[^>]*>{re.escape(cell)}</td>", text), cell
    bill = (project / "site" / docs[next(p for p in picked if p.startswith("02_"))]["url"] / "index.html")
    first_table = re.search(r"<table>.*?</table>", bill.read_text(encoding="utf-8"), re.S).group(0)
    # The first salary table goes on after its page's foot note: rows 1 and 2 in the same table.
    assert re.search(r"<td[^>]*>31273</td>", first_table) and re.search(r"<td[^>]*>32310</td>", first_table)
