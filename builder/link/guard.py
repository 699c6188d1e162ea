"""The guard: after rendering, every page and anchor of the manifest must still resolve.

``seal`` checks every page published before (as a page, a redirect or a withdrawal notice):
else the build fails naming each one (``manifest.BrokenPermalinks``). The manifest only grows.
"""

from __future__ import annotations

import logging
import posixpath
from typing import Any

from ..manifest import MANIFEST_NAME, BrokenPermalinks, Manifest, PageEntry, dump_manifest
from .pins import Pins
from .urls import page_url

log = logging.getLogger(__name__)


def pinned(page: str, entry: PageEntry) -> bool:
    """Pages whose loss needs a decision: documents, theme and entity pages, top-level pages.
    Others are listings (``documents/by-year/2013.md``) that may be regrouped as the collection grows."""
    parts = page.split("/")
    return bool(entry.source) or len(parts) == 1 or (len(parts) == 2 and parts[0] in ("themes", "entities"))


def _redirect_listings(pins: Pins, files: dict[str, Any]) -> None:
    """A vanished listing page leads to the nearest page above it (``documents/by-year/`` → ``documents/``)."""
    from ..write.permalink_pages import redirect_html  # the page itself is the write stage's

    for page in sorted(pins.published - set(files) - set(pins.redirects)):
        if pinned(page, pins.manifest.pages[page]):
            continue
        folder = posixpath.dirname(page)
        while folder:
            up = next((p for p in (f"{folder}/index.md", f"{folder}.md") if p in files and p != page), "")
            if up:
                pins.redirects[page] = up
                files[f"{page_url(page)}index.html"] = redirect_html(page, up)
                log.info("%s is gone: its URL now leads to %s", page, up)
                break
            folder = posixpath.dirname(folder)


def seal(pins: Pins | None, files: dict[str, Any]) -> str:
    """The guard, after rendering: raise ``BrokenPermalinks`` naming every page or anchor that
    would break; otherwise return the new manifest's text (old pins plus this build's pages)."""
    if pins is None:
        return dump_manifest(Manifest())
    problems = list(pins.problems)
    _redirect_listings(pins, files)
    for page in sorted(pins.derived):
        if page in files:  # still generated under its old name: no redirect needed
            del pins.redirects[page]
            files.pop(f"{page_url(page)}index.html", None)
    for page in sorted(pins.published):
        if page in pins.redirects:
            target = pins.redirects[page]
            if target not in files:
                problems.append(f"{page_url(page)}: redirects to {page_url(target)}, which is not a page")
            elif page in files:
                problems.append(f"{page_url(page)}: is still a page, but {MANIFEST_NAME} says it moved to "
                                f"{page_url(target)}; remove 'moved_to' under 'pages.{page}' or the page")
        elif page not in files:
            problems.append(f"{page_url(page)}: would break: no page '{page}' any more. Restore it, or add "
                            f"'moved_to: <page>' under 'pages.{page}' in {MANIFEST_NAME} to redirect it")
    if problems:
        raise BrokenPermalinks(f"{len(problems)} published link(s) would break:\n" +
                               "\n".join(f"  {p}" for p in problems) +
                               f"\n(Nothing published yet? Delete {MANIFEST_NAME} and build again.)")
    for page in files:
        if page.endswith(".md") and page not in pins.manifest.pages:
            pins.manifest.pages[page] = PageEntry()
    return dump_manifest(pins.manifest)
