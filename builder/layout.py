"""The site's layout: which Markdown file holds a page and the URL it is served at.

A document's page is ``documents/<slug>.md``, served at ``documents/<slug>/`` (directory URLs).
This sits below the link stage (which pins each document's page and links pages to each other)
and the write stage (which writes the files), and the model does not import it: a ``Document``
carries its slug, and only this module says where that slug's page is.
"""

from __future__ import annotations

import posixpath

DOCUMENTS = "documents"
"""The folder of the document pages (and of their listing, ``DOCUMENTS_INDEX``)."""
DOCUMENTS_INDEX = f"{DOCUMENTS}/index.md"
"""The list of documents, at ``documents/``: a URL no document's page may take."""


def page_of(slug: str) -> str:
    """The Markdown file of the document with this slug, relative to the docs folder."""
    return f"{DOCUMENTS}/{slug}.md"


def slug_of(page: str) -> str | None:
    """The slug of a document page (``documents/x.md`` → ``x``); ``None`` for a page outside the
    documents folder."""
    return page[len(DOCUMENTS) + 1:-3] if page.startswith(f"{DOCUMENTS}/") else None


def url_of(slug: str) -> str:
    """The URL of the document with this slug, relative to the site root (directory URLs)."""
    return f"{DOCUMENTS}/{slug}/"


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
