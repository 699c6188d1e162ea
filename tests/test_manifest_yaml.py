"""manifest.dump_manifest writes, page by page and mostly without PyYAML, exactly the bytes
``yaml.dump`` of the whole manifest writes: the manifest is committed, so which path wrote an
entry must never show in it."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.manifest import HEADER, Manifest, PageEntry, dump_manifest, load_manifest
from builder.yaml_text import SafeDumper
from conftest import ROOT


def pyyaml_manifest(manifest: Manifest) -> str:
    data = {"pages": {page: manifest.pages[page].as_yaml() for page in sorted(manifest.pages)}}
    return HEADER + yaml.dump(data, Dumper=SafeDumper, sort_keys=False, allow_unicode=True, width=100000)


def test_the_shipped_manifest_is_written_as_pyyaml_writes_it():
    manifest = load_manifest(ROOT / "permalinks.yml")
    assert manifest.pages
    assert dump_manifest(manifest) == pyyaml_manifest(manifest)


def test_an_empty_manifest_is_written_as_pyyaml_writes_it():
    assert dump_manifest(Manifest()) == pyyaml_manifest(Manifest())


def test_a_page_path_too_long_for_a_plain_key_is_written_as_pyyaml_writes_it():
    manifest = Manifest({"documents/" + "long-slug-" * 14 + ".md": PageEntry(source="a.txt", title="A")})
    assert "? documents/" in dump_manifest(manifest)
    assert dump_manifest(manifest) == pyyaml_manifest(manifest)


text = st.one_of(
    st.lists(st.sampled_from(list("aZé9 0-.:#…'\"’–,;()&/!?%+*@_[]{}|>`~=<\\\t\n\u00a0\ufeff")
                             + ["yes", "null", "2016-08-10", "1:30", "1e3", " … "]), max_size=12).map("".join),
    st.text(max_size=30))
entries = st.builds(
    PageEntry,
    source=st.one_of(st.just(""), text), title=st.one_of(st.just(""), text),
    anchors=st.dictionaries(st.integers(1, 300).map(lambda n: f"para-{n}"),
                            st.builds(lambda h, t: f"{h:012x} {t}", st.integers(0, 2**48 - 1), text), max_size=4),
    retired=st.dictionaries(st.integers(1, 9).map(lambda n: f"para-{n}"), text, max_size=2))
page_names = st.text(st.sampled_from("abc-/.é 9:"), min_size=1, max_size=20).map(lambda s: s + ".md")
pages = st.dictionaries(st.one_of(page_names,
                                  st.sampled_from(["index.md", "yes", "documents/x.md"])),
                        entries, max_size=4)


@settings(max_examples=300, deadline=None)
@given(pages)
def test_any_manifest_is_written_as_pyyaml_writes_it(pages):
    manifest = Manifest(pages)
    assert dump_manifest(manifest) == pyyaml_manifest(manifest)
