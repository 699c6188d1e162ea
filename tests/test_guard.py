"""The permalink guard (``link.guard.seal``) returns what it finds as data and changes nothing:
the write stage makes the redirect pages of it (``write.permalink_pages.guard_files``), the
build fails on what would break, and the manifest after the build is part of the findings."""

from __future__ import annotations

import pytest

from builder.link.guard import seal
from builder.link.pins import Pins
from builder.manifest import BrokenPermalinks, Manifest, PageEntry
from builder.write.permalink_pages import guard_files


def published(*pages: str, documents: dict[str, str] | None = None) -> Pins:
    """Pins of a site that published ``pages`` and the pages of ``documents`` (page → seed)."""
    manifest = Manifest({page: PageEntry() for page in pages})
    manifest.pages.update({page: PageEntry(source=seed) for page, seed in (documents or {}).items()})
    return Pins(manifest, set(manifest.pages))


def test_a_vanished_listing_page_is_found_to_lead_to_the_page_above_it_and_nothing_is_changed():
    pins = published("documents/index.md", "documents/by-year/2013.md")
    files = {"documents/index.md": "the list"}
    findings = seal(pins, files)
    assert findings.redirects == {"documents/by-year/2013.md": "documents/index.md"}
    assert findings.broken == () and findings.unneeded == ()
    assert pins.redirects == {} and files == {"documents/index.md": "the list"}


def test_the_write_stage_makes_the_redirect_page_of_a_finding():
    findings = seal(published("documents/index.md", "documents/by-year/2013.md"), {"documents/index.md": ""})
    added, unneeded = guard_files(findings)
    assert list(added) == ["documents/by-year/2013/index.html"] and unneeded == ()
    assert 'http-equiv="refresh" content="0; url=../../"' in added["documents/by-year/2013/index.html"]


def test_a_vanished_document_page_is_found_broken_and_fails_the_build_naming_it():
    pins = published("index.md", documents={"documents/a.md": "a.txt"})
    findings = seal(pins, {"index.md": ""})
    assert len(findings.broken) == 1 and findings.broken[0].startswith("documents/a/: would break")
    with pytest.raises(BrokenPermalinks, match=r"1 published link\(s\) would break:\n  documents/a/: would break"):
        findings.raise_if_broken()


def test_a_redirect_of_a_page_named_after_a_moved_document_is_not_needed_while_the_page_is_still_made():
    pins = published("changes/old.md", "changes/new.md")
    pins.redirects["changes/old.md"] = "changes/new.md"
    pins.derived.add("changes/old.md")
    findings = seal(pins, {"changes/old.md": "", "changes/new.md": ""})
    assert findings.unneeded == ("changes/old.md",) and findings.broken == ()
    assert guard_files(findings) == ({}, ("changes/old/index.html",))
    assert pins.redirects == {"changes/old.md": "changes/new.md"}


def test_the_manifest_after_the_build_adds_the_new_pages_and_the_pins_keep_the_old_one():
    pins = published("index.md")
    findings = seal(pins, {"index.md": "", "themes/work.md": "", "assets/site.css": ""})
    assert sorted(findings.manifest.pages) == ["index.md", "themes/work.md"]
    assert sorted(pins.manifest.pages) == ["index.md"]


def test_without_pins_the_guard_finds_nothing_and_the_manifest_is_empty():
    findings = seal(None, {"index.md": ""})
    assert (findings.redirects, findings.unneeded, findings.broken, findings.manifest.pages) == ({}, (), (), {})
