"""End to end on the development corpus (tests/corpus): blocks in another language
than their document's carry their ``lang`` attribute in the built HTML, and one-language
documents get none.

The corpus's documents are each in one language (SOURCES.md), so the bilingual documents are
made here from two of them, as such texts come: printed in halves (an English resolution, then a
French page) and paragraph by paragraph (English and French alternating). Which paragraph is in
which language comes from the file it was taken from, never from the builder."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from conftest import DEV_CORPUS as CORPUS, build_site, make_project

ENGLISH = ("07", "17")
FRENCH = ("12", "13")


def raw(number: str) -> str:
    return next(CORPUS.glob(f"{number}_*.txt")).read_text(encoding="utf-8")


def paragraphs(number: str) -> list[str]:
    return [p for p in raw(number).split("\n\n") if len(p.split()) >= 15]


BILINGUAL = {
    "bilingual-halves-a.txt": raw("17") + "\n\n" + raw("13"),
    "bilingual-halves-b.txt": raw("07") + "\n\n" + raw("12"),
    "bilingual-alternating.txt": "\n\n".join(x for pair in zip(paragraphs("07"), paragraphs("13")) for x in pair),
}


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w’']+", " ", text).split()).lower()


SOURCES = {"fr": _words(" ".join(raw(n) for n in FRENCH)), "en": _words(" ".join(raw(n) for n in ENGLISH))}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    tmp = tmp_path_factory.mktemp("dev-corpus-languages")
    seeds: dict[str, str | bytes] = {p.name: p.read_bytes() for p in CORPUS.glob("*.txt")}
    project = make_project(tmp, {**seeds, **BILINGUAL})
    yield project, build_site(project)
    shutil.rmtree(project / "site")


def _paragraphs(page: str) -> list[tuple[str, str]]:
    """(the language a paragraph's text is marked in, or "", its words) for each citable paragraph
    of prose."""
    out = []
    for m in re.finditer(r'<p class="para"[^>]*>(.*?)</p>', page, re.S):
        inner = m.group(1)
        lang = re.match(r'<span lang="([a-z]+)">', inner)
        text = html.unescape(re.sub(r"<[^>]+>", " ", inner))
        if _prose(text):
            out.append((lang.group(1) if lang else "", _words(text)))
    return out


def _prose(text: str) -> bool:
    """A paragraph of 15 words or more, at most a third of them capitalised (names, titles and
    references never switch language, by design)."""
    words = text.split()
    return len(words) >= 15 and sum(w[:1].isupper() for w in words) <= len(words) / 3


def _origin(words: str) -> str:
    """The language of the file a paragraph's text comes from ("" when both or neither hold it)."""
    probe = " ".join(words.split()[:8])
    found = [lang for lang, text in SOURCES.items() if probe in text]
    return found[0] if len(found) == 1 else ""


def test_documents_in_one_language_have_no_block_in_another(built):
    _, report = built
    tagged = {d["source"]: d["stats"].get("blocks_in_other_languages") for d in report["documents"]
              if d["source"] not in BILINGUAL}
    assert len(tagged) == 19
    assert {name: n for name, n in tagged.items() if n} == {}


def test_bilingual_documents_report_their_blocks_in_the_other_language(built):
    _, report = built
    counts = {d["source"]: d["stats"].get("blocks_in_other_languages", 0) for d in report["documents"]}
    assert all(counts[name] >= 10 for name in BILINGUAL), counts


def test_every_paragraph_of_a_bilingual_page_is_marked_in_its_own_language(built):
    project, report = built
    for name in BILINGUAL:
        page_url = next(d["url"] for d in report["documents"] if d["source"] == name)
        page = (project / "site" / page_url / "index.html").read_text(encoding="utf-8")
        paras = [(lang or "en", _origin(words)) for lang, words in _paragraphs(page) if _origin(words)]
        assert len(paras) >= 12, name
        assert {"en", "fr"} <= {origin for _, origin in paras}, name
        wrong = [(marked, origin) for marked, origin in paras if marked != origin]
        assert wrong == [], name
        assert page.count('class="para-link"') == page.count('class="para"'), name  # every ¶ link kept
