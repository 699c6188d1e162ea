"""Fast paths inside the web-furniture rules give the plain reading's answers: checked on the
shipped seeds, on generated documents and on texts written here. (The screens in front of the
symbol and dot-leader patterns are the engine's: ``test_screens_fast.py``.)"""

from __future__ import annotations

import sys

import pytest

from builder.clean.text import web

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from bench.corpus import generate  # noqa: E402  (the benchmark's generator of messy documents)

@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    paths = sorted((ROOT / "seeds").rglob("*.txt")) + generate(40, tmp_path_factory.mktemp("generated"))
    return [line for path in paths for line in path.read_bytes().decode("utf-8", "replace").split("\n")]


EDGES = ["foo-", "-bar", "l'", "’s", "a_b", "co-\u00adop", "state’", "'quoted'", "", " ", "x", "10-12", "é-", "—"]


def test_the_words_of_lines_joined_by_a_space_are_each_line_s_words(lines):
    texts = lines + EDGES
    for i in range(0, len(texts) - 4):
        group = texts[i:i + 4]
        assert web.words(" ".join(group)) == [w for t in group for w in web.words(t)], group


def test_a_related_heading_is_read_as_the_plain_check_reads_it(lines):
    def plain(text: str) -> bool:
        t = text.strip().strip(":").strip().casefold().strip("#* ").strip()
        if not t or len(web.words(t)) > 7 or t[-1:] in ".!?;,":
            return False
        return t in web._RELATED_SET or t.startswith(web._RELATED_PREFIXES)

    cues = [c for c in web._RELATED_SET] + [c + " the ministry of labour and social affairs today" for c in
                                            web._RELATED_PREFIXES] + [c.upper() + "." for c in web._RELATED_SET]
    for text in lines + cues + EDGES:
        assert web.related_heading(text) == plain(text), text
    assert any(web.related_heading(c) for c in cues)
