"""Page paths and their URLs: ``documents/x.md`` is served at ``documents/x/`` (directory URLs)."""

from __future__ import annotations

import posixpath


def page_url(page: str) -> str:
    """``documents/x.md`` → ``documents/x/``; ``index.md`` → ``""`` (directory URLs)."""
    stem = page[:-3] if page.endswith(".md") else page
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """Relative link from one directory URL to another (``documents/a/`` → ``../b/``)."""
    rel = posixpath.relpath(to_url or ".", from_url or ".")
    return "./" if rel == "." else rel + "/"
