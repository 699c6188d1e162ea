"""The guard: after rendering, every page and anchor of the manifest must still resolve.

``seal`` checks every page published before (as a page, a redirect or a withdrawal notice) and
returns its ``Findings`` as data: what would break (the build then fails naming each one,
``manifest.BrokenPermalinks``), the redirects the write stage still makes or takes back, and the
manifest after this build (it only grows). Pure: the files are the write stage's.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Collection
from dataclasses import dataclass

from ..layout import page_url
from ..manifest import MANIFEST_NAME, BrokenPermalinks, Manifest, PageEntry
from .pins import Pins

log = logging.getLogger(__name__)


def pinned(page: str, entry: PageEntry) -> bool:
    """Pages whose loss needs a decision: documents, theme and entity pages, top-level pages.
    Others are listings (``documents/by-year/2013.md``) that may be regrouped as the collection grows."""
    parts = page.split("/")
    return bool(entry.source) or len(parts) == 1 or (len(parts) == 2 and parts[0] in ("themes", "entities"))


@dataclass(frozen=True, slots=True)
class Findings:
    """What the guard found after rendering: the write stage turns it into files (``write.permalink_pages.
    guard_files``), the build fails on what would break, and the manifest is written back."""

    redirects: dict[str, str]
    """Vanished listing page → the nearest page above it: each needs a redirect page (new)."""
    unneeded: tuple[str, ...]
    """Pages named after a moved document that are still generated: their redirect pages go."""
    broken: tuple[str, ...]
    """Every published page or anchor that would break, with what to do about it."""
    manifest: Manifest
    """The manifest after this build: the old pins plus this build's pages."""

    def raise_if_broken(self) -> None:
        if self.broken:
            raise BrokenPermalinks(f"{len(self.broken)} published link(s) would break:\n" +
                                   "\n".join(f"  {p}" for p in self.broken) +
                                   f"\n(Nothing published yet? Delete {MANIFEST_NAME} and build again.)")


def _listing_redirects(pins: Pins, files: Collection[str]) -> dict[str, str]:
    """A vanished listing page leads to the nearest page above it (``documents/by-year/`` → ``documents/``)."""
    found: dict[str, str] = {}
    for page in sorted(pins.published - set(files) - set(pins.redirects)):
        if pinned(page, pins.manifest.pages[page]):
            continue
        folder = posixpath.dirname(page)
        while folder:
            up = next((p for p in (f"{folder}/index.md", f"{folder}.md") if p in files and p != page), "")
            if up:
                found[page] = up
                log.info("%s is gone: its URL now leads to %s", page, up)
                break
            folder = posixpath.dirname(folder)
    return found


def seal(pins: Pins | None, files: Collection[str]) -> Findings:
    """The guard, after rendering ``files`` (docs-relative paths): every page or anchor published
    before that would break, the redirects still to write or to take back, and the new manifest
    (old pins plus this build's pages). ``pins`` is left as it is."""
    if pins is None:
        return Findings({}, (), (), Manifest())
    problems = list(pins.problems)
    listings = _listing_redirects(pins, files)
    unneeded = tuple(page for page in sorted(pins.derived) if page in files)  # still generated under its old name
    redirects = {**pins.redirects, **listings}
    for page in unneeded:
        del redirects[page]
    for page in sorted(pins.published):
        if page in redirects:
            target = redirects[page]
            if target not in files:
                problems.append(f"{page_url(page)}: redirects to {page_url(target)}, which is not a page")
            elif page in files:
                problems.append(f"{page_url(page)}: is still a page, but {MANIFEST_NAME} says it moved to "
                                f"{page_url(target)}; remove 'moved_to' under 'pages.{page}' or the page")
        elif page not in files:
            problems.append(f"{page_url(page)}: would break: no page '{page}' any more. Restore it, or add "
                            f"'moved_to: <page>' under 'pages.{page}' in {MANIFEST_NAME} to redirect it")
    new_pages = {page: PageEntry() for page in files if page.endswith(".md") and page not in pins.manifest.pages}
    return Findings(listings, unneeded, tuple(problems), Manifest({**pins.manifest.pages, **new_pages}))
