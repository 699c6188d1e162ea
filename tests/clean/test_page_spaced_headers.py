"""A running header with a page number (``A. 10527  2``, ``A. 10527  3`` …) that repeats a page
apart is page furniture, even when no blank lines mark the page boundaries around it."""

from __future__ import annotations

from cleankit import clean_text, lost_and_invented

PAGE = ("The state shall pay the officers and employees of the unit the salaries set out below for\n"
        "each grade, from the dates stated, in the amounts agreed between the state and the unit.\n")


def bill(header: str, pages: int = 5, lines_a_page: int = 12) -> str:
    out = ["An act on the salaries of the unit", ""]
    for page in range(2, pages + 2):
        out += [header.format(page=page), ""] + [PAGE.strip().split("\n")[k % 2] for k in range(lines_a_page)] + [""]
    return "\n".join(out)


def test_a_numbered_header_a_page_apart_is_removed_with_its_reason():
    text = bill("A. 10527  {page}")
    doc = clean_text(text)
    assert not any("10527" in b.text for b in doc.blocks)
    assert [r.reason for r in doc.removed if "10527" in r.text] == ["running header with page number (on 5 pages)"] * 5
    lost, invented = lost_and_invented(text, doc)
    assert not lost and not invented


def test_numbered_lines_at_uneven_distances_are_kept_as_text():
    text = "\n".join(["An act on the salaries of the unit", ""] + [
        f"A. 10527  {n}\n\n" + PAGE * k for n, k in zip(range(2, 7), (1, 6, 2, 9, 1))])
    doc = clean_text(text)
    assert sum("10527" in b.text for b in doc.blocks) == 5
