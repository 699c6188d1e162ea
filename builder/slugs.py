"""Slugs: the names of pages and files made from source text, bounded in bytes.

A document's slug (``make_slug``: date, organisation, title) names its page; an entity's slug
(``enrich.entities``) is bounded the same way (``bound_slug``), so no file name the builder
derives from a source exceeds ``MAX_NAME_BYTES``.
"""

from __future__ import annotations

import hashlib
import re

from slugify import slugify

from .document import Document


MAX_SLUG_WORDS = 6
MAX_ORG_WORDS = 2
MAX_SLUG_BYTES = 88
"""A new slug's bound in UTF-8 bytes, date included (six long words, or one word without spaces,
would otherwise make a file name longer than the 255 bytes file systems allow). A longer slug is
cut at a word boundary and ends with ``SLUG_HASH_CHARS`` of a hash of the whole (``bound_slug``).
Room is left for a ``-2`` of a second document with the same slug and the longest suffix of a
file named after a slug (``.csl.json``): see ``MAX_NAME_BYTES``."""
SLUG_HASH_CHARS = 6
MAX_NAME_BYTES = 100
"""Every file or folder name the builder derives from source text is at most this many bytes:
``MAX_SLUG_BYTES`` + ``-NN`` + ``.csl.json`` (tests/test_slug_bounds.py checks a whole build)."""
SLUG_STOPWORDS = frozenset({"the", "of", "for", "to", "and", "a", "an", "on", "in", "at", "by", "from",
                            "re", "with", "its", "their", "as", "or"})


def _slug_words(text: str) -> list[str]:
    """Slug words of ``text`` without stop words; runs of single letters join (``U.S.`` → ``us``)."""
    out: list[str] = []
    run = ""
    for word in slugify(text).split("-"):
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            out.append(run)
            run = ""
        if word and word not in SLUG_STOPWORDS:
            out.append(word)
    if run:
        out.append(run)
    return [w for w in out if w not in SLUG_STOPWORDS]


def bound_slug(slug: str, limit: int = MAX_SLUG_BYTES) -> str:
    """``slug`` if it fits in ``limit`` UTF-8 bytes; else its first words that fit with ``-`` and
    a short hash of the whole slug (the same slug is always cut the same way). A first word too
    long to fit on its own is cut inside.

    >>> bound_slug("2015-" + "x" * 300, 24)
    '2015-xxxxxxxxxxxx-6be771'
    """
    raw = slug.encode("utf-8")
    if len(raw) <= limit:
        return slug
    tag = hashlib.sha256(raw).hexdigest()[:SLUG_HASH_CHARS]
    room = max(limit - len(tag) - 1, 1)
    words = [w for w in slug.split("-") if w]
    head: list[str] = []
    size = 0
    for word in words:
        extra = len(word.encode("utf-8")) + (1 if head else 0)
        if size + extra > room:
            if not any(c.isalpha() for c in "".join(head)):  # nothing but a date yet: cut the word itself
                cut = word.encode("utf-8")[:room - size - (1 if head else 0)].decode("utf-8", "ignore")
                if cut:
                    head.append(cut)
            break
        head.append(word)
        size += extra
    return "-".join([*head, tag])


CONNECTIVE_LETTERS = 3
"""A small word in lower case inside a name (``del``, ``für``, ``of``, ``de la``) is a connective,
whatever the language: it is left out of the organisation part of a slug, so two words of the name
are its words (``Ministerio del Interior`` → ``ministerio-interior``, not ``ministerio-del``)."""


def organisation_words(name: str) -> list[str]:
    """The slug words of an organisation's name without its connectives (``CONNECTIVE_LETTERS``):
    the name's first word, then every word that is not a small word in lower case.

    >>> organisation_words("Bundesamt für Migration und Flüchtlinge")
    ['bundesamt', 'migration', 'fluchtlinge']
    """
    words = name.split()
    kept = words[:1] + [w for w in words[1:] if not (w.isalpha() and w.islower() and len(w) <= CONNECTIVE_LETTERS)]
    return _slug_words(" ".join(kept))


def make_slug(doc: Document) -> str:
    """Date + the organisation's acronym (or first two words) + the title's first words.

    ``2017-08-31``, ``The Permanent Mission of …``, ``U.S. Response to OHCHR inquiry …``
    → ``2017-08-31-permanent-mission-us-response-ohchr-inquiry``. Stop words and title words
    the organisation part already says are left out, and so are the connectives of the
    organisation's name (``organisation_words``), so the slug stays short; a slug still
    longer than ``MAX_SLUG_BYTES`` is cut (``bound_slug``). A title with no letter that
    transliterates (``slugify``) is ``untitled``.
    """
    org_text = doc.meta.organisation or ""
    acronym = re.search(r"\(([A-Z][A-Za-z]{1,9})\)\s*$", org_text)
    org_words = [acronym.group(1).lower()] if acronym else organisation_words(org_text)[:MAX_ORG_WORDS]
    title_words = [w for w in _slug_words(doc.meta.title or "") if w not in org_words]
    stem = "-".join(org_words + title_words[:MAX_SLUG_WORDS]) or "untitled"
    return bound_slug(f"{doc.meta.date}-{stem}" if doc.meta.date else stem)
