"""Slugs and every file name made from source text stay bounded in bytes, whatever the seed.

A first line of 300 characters without spaces, or six long words, used to make a page name
longer than the 255 bytes a file system allows, and the whole site failed to build.
"""

from __future__ import annotations

import hashlib

from conftest import build_project, make_project

from builder.config import Config
from builder.document import Document, Metadata, Source
from builder.enrich.entities import _new_id
from builder.layout import page_of
from builder.link.pins import pin
from builder.manifest import Manifest, PageEntry
from builder.slugs import MAX_NAME_BYTES, MAX_SLUG_BYTES, SLUG_HASH_CHARS, bound_slug, make_slug

BODY = ("The committee met on 3 March 2015 to discuss the report on harbour safety. It noted the "
        "findings of the review and asked the secretariat for more data on accidents at the docks.")


def doc(title: str, name: str = "a.txt", date: str | None = "2015-03-03") -> Document:
    return Document(Source(name, "", ""), [], meta=Metadata(title=title, date=date))


def size(text: str) -> int:
    return len(text.encode("utf-8"))


def test_a_short_slug_is_left_as_it_is():
    slug = "2013-09-27-us-department-promoting-positive-outcomes-migration-development-positions"
    assert bound_slug(slug) == slug


def test_a_long_slug_is_cut_at_a_word_boundary_and_ends_with_a_hash_of_the_whole():
    slug = "2015-03-03-" + "-".join(["alpha" * 4, "beta" * 5, "gamma" * 4, "delta" * 4, "epsilon" * 3])
    cut = bound_slug(slug, 60)
    tag = hashlib.sha256(slug.encode()).hexdigest()[:SLUG_HASH_CHARS]
    assert cut == f"2015-03-03-{'alpha' * 4}-{'beta' * 5}-{tag}"
    assert size(cut) <= 60


def test_the_same_title_gives_the_same_slug_and_two_titles_sharing_a_start_two_slugs():
    one = "six " * 3 + "x" * 200
    assert make_slug(doc(one)) == make_slug(doc(one))
    assert make_slug(doc(one)) != make_slug(doc(one + "y"))


def test_a_title_of_one_300_character_word_is_cut_inside_the_word():
    slug = make_slug(doc("x" * 300))
    assert size(slug) <= MAX_SLUG_BYTES
    assert slug.startswith("2015-03-03-xxxxxxxxxx")


def test_six_60_character_words_make_a_bounded_slug():
    slug = make_slug(doc(" ".join(c * 60 for c in "abcdef")))
    assert size(slug) <= MAX_SLUG_BYTES
    assert slug.startswith("2015-03-03-" + "a" * 60 + "-")


def test_non_latin_titles_get_a_bounded_slug():
    for title in ("中华人民共和国政府关于国际移民与发展问题的报告" * 10,
                  "تقرير المفوضية السامية لحقوق الإنسان بشأن حماية المهاجرين " * 10,
                  "🙂" * 300):
        slug = make_slug(doc(title))
        assert slug and size(slug) <= MAX_SLUG_BYTES, slug


def test_an_entity_id_made_from_text_is_bounded():
    assert size(_new_id("A" * 300, {})) <= MAX_SLUG_BYTES


def test_a_published_page_keeps_its_name_even_when_longer_than_the_bound():
    page = f"documents/{'x' * 150}.md"
    config = Config(permalinks=Manifest({page: PageEntry(source="a.txt", title="x" * 150)}))
    d = doc("x" * 150)
    [pinned], _pins = pin([d], config)
    assert page_of(pinned.slug) == page


def test_a_build_of_seeds_with_huge_first_lines_publishes_them_with_bounded_file_names(tmp_path):
    long_name = "s" * (255 - len(".txt")) + ".txt"  # the longest seed name a file system allows
    project = make_project(tmp_path, {
        "one-word.txt": "x" * 300 + "\n\n" + BODY + "\n",
        "six-words.txt": " ".join(c * 60 for c in "abcdef") + "\n\n" + BODY.replace("committee", "board") + "\n",
        long_name: "z" * 300 + "\n\n" + BODY.replace("committee", "council") + "\n",
    })
    result, report = build_project(project)
    assert result.returncode == 0, result.stderr
    assert sorted(d["source"] for d in report["documents"]) == sorted(["one-word.txt", "six-words.txt", long_name])
    names = [part for path in (project / "docs").rglob("*") for part in path.relative_to(project / "docs").parts]
    longest = max(names, key=size)
    assert size(longest) <= MAX_NAME_BYTES, longest
    for d in report["documents"]:
        assert (project / "docs" / d["page"]).is_file()
