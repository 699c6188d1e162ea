"""Provenance: every document's raw source is published and linked, with a "what cleaning changed" view."""

from __future__ import annotations

import posixpath
import re

from conftest import SEEDS, build_project, make_project, mkdocs_build
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.write.doc_provenance import diff_html, word_diff

HOSTILE = """A hostile document

It says <script>alert(1)</script> and <img src=x onerror=alert(2)> in plain text.
It closes a block: </pre></div> and opens a fence: ```` ``` ```` and {{ jinja }} {% raw %}.
A [link](javascript:alert(3)) and *emphasis* and &amp; an entity.
"""


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def resolve(page_url: str, href: str) -> str:
    """A relative href of the page at ``page_url`` (a directory URL) → site-relative path."""
    return posixpath.normpath(posixpath.join(page_url, href.split("#")[0]))


def slug_of(entry: dict) -> str:
    return entry["page"].removeprefix("documents/").removesuffix(".md")


def test_raw_source_of_every_document_is_in_site_byte_for_byte(seeds_site):
    project, report = seeds_site
    for entry in report["documents"]:
        published = project / "site" / "sources" / f"{slug_of(entry)}.txt"
        assert published.read_bytes() == (SEEDS / entry["source"]).read_bytes(), entry["source"]


def test_every_document_page_links_its_raw_source_and_its_diff_view(seeds_site):
    project, report = seeds_site
    for entry in report["documents"]:
        html = (project / "site" / entry["url"] / "index.html").read_text(encoding="utf-8")
        targets = {resolve(entry["url"], h) for h in hrefs(html)}
        assert f"sources/{slug_of(entry)}.txt" in targets, entry["source"]
        assert f"changes/{slug_of(entry)}" in targets, entry["source"]


def test_diff_view_exists_for_every_document_and_shows_its_words(seeds_site):
    project, report = seeds_site
    for entry in report["documents"]:
        html = (project / "site" / "changes" / slug_of(entry) / "index.html").read_text(encoding="utf-8")
        assert '<pre class="cleaning-diff">' in html, entry["source"]
        first_word = (SEEDS / entry["source"]).read_text(encoding="utf-8").split()[0]
        assert first_word in html


def test_raw_source_keeps_the_bytes_of_a_seed_that_is_not_utf8(tmp_path):
    raw = "Caf\xe9 society and the r\xf4le of migrants.\n".encode("cp1252")
    project = make_project(tmp_path, {"latin.txt": raw})
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    (entry,) = report["documents"]
    assert (project / "docs" / "sources" / f"{slug_of(entry)}.txt").read_bytes() == raw


def test_hostile_text_shows_as_text_in_the_diff_view_and_the_raw_source(tmp_path):
    project = make_project(tmp_path, {"hostile.txt": HOSTILE})
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stdout + built.stderr
    (entry,) = report["documents"]
    html = (project / "site" / "changes" / slug_of(entry) / "index.html").read_text(encoding="utf-8")
    diff = html[html.index('<pre class="cleaning-diff">'):]
    diff = diff[:diff.index("</pre>") + len("</pre>")]
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in diff
    assert "&lt;/pre&gt;&lt;/div&gt;" in diff
    assert "{{ jinja }}" in diff and "[link](javascript:alert(3))" in diff
    assert (project / "site" / "sources" / f"{slug_of(entry)}.txt").read_text(encoding="utf-8") == HOSTILE


def test_diff_marks_removed_lines_and_words_joined_across_a_hyphen():
    raw = "Page 3\nThe de-\nvelopment of ports\n"
    pieces = word_diff(raw, "The development of ports")
    assert ("-", "Page 3") in pieces
    assert ("-", "de-\nvelopment") in pieces
    assert ("+", "development") in pieces


def test_diff_does_not_mark_lines_joined_into_a_paragraph():
    pieces = word_diff("one line\nand  the next\n", "one line and the next")
    assert [op for op, _ in pieces] == ["="]


def test_diff_html_escapes_every_piece():
    html = diff_html([("=", "<b>&"), ("-", "</pre>"), ("+", "<i>")])
    assert html == ('<pre class="cleaning-diff">&lt;b&gt;&amp;<del title="removed by cleaning">&lt;/pre&gt;</del>'
                    ' <ins title="added by cleaning">&lt;i&gt;</ins></pre>')


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab c-\n<&", max_size=60), st.text(alphabet="ab c-\n<&", max_size=60))
def test_diff_gives_back_the_raw_text_and_the_cleaned_words(raw, cleaned):
    pieces = word_diff(raw, cleaned)
    assert "".join(t for op, t in pieces if op != "+") == raw
    assert " ".join(t for op, t in pieces if op != "-").split() == cleaned.split()


def test_diff_of_a_long_document_gives_back_the_raw_text():
    words = [f"w{i % 5000}" for i in range(150_000)]
    raw = " ".join(words)
    cleaned = " ".join(w for i, w in enumerate(words) if i % 97)
    pieces = word_diff(raw, cleaned, timeout=1.0)
    assert "".join(t for op, t in pieces if op != "+") == raw


def test_a_document_too_long_for_a_word_diff_links_its_sources_instead(monkeypatch):
    from builder.document import Document, Metadata, Source
    from builder.write import doc_provenance

    monkeypatch.setattr(doc_provenance, "MAX_DIFF_CHARS", 10)
    doc = Document(Source("long.txt", "A text longer than ten characters.", "0" * 64), slug="long",
                   meta=Metadata(title="Long"))
    page = "\n".join(doc_provenance.diff_section(doc, "changes/long.md"))
    assert "cleaning-diff" not in page
    assert "too long (34 characters)" in page and "(../sources/long.txt)" in page


def test_the_cpp_diff_gives_the_same_diff_as_python_diff_match_patch():
    import random

    from builder.write.doc_provenance import _char_diff

    rng = random.Random(7)
    for _ in range(300):
        alphabet = rng.choice(["ab", "abc", "abcdefgh"])
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        b = list(a)
        for _ in range(rng.randint(0, 40)):
            at = rng.randint(0, len(b))
            r = rng.random()
            if r < 0.4 and b:
                del b[min(at, len(b) - 1)]
            elif r < 0.8:
                b.insert(at, rng.choice(alphabet))
            elif b:
                b[min(at, len(b) - 1)] = rng.choice(alphabet)
        assert _char_diff(a, "".join(b)) == _char_diff(a, "".join(b), native=False)


def test_words_beyond_the_basic_multilingual_plane_get_codes_that_diff_like_the_others():
    from builder.write.doc_provenance import _char

    many = [f"w{i}" for i in range(70_000)]  # more words than codes below the surrogates
    raw = " ".join(many)
    cleaned = " ".join(many[:-1] + ["changed"])
    assert _char(69_999) > "\uffff"
    assert word_diff(raw, cleaned)[-2:] == [("-", "w69999"), ("+", "changed")]
