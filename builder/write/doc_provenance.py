"""Provenance: the raw source of every document and what cleaning changed.

Every document page ends with a "Source" section linking two generated files:

- ``sources/<slug>.txt``: the seed's bytes exactly as received (the sha256 on the page
  matches them), so a reader who cites a passage can check it against the original;
- ``changes/<slug>.md``: the document's provenance page, "what cleaning changed": its build
  report (every removed line with its reason, what was moved, the counts; composed by
  ``report_page`` from the JSON report) and the raw text with cleaning's changes marked word
  by word (``diff_section``, from here): deleted words struck through (``<del>``), added or
  rewritten words underlined (``<ins>``). Line breaks that cleaning joined are not marked;
  only words that differ are.

The diff is raw HTML built here with every piece of seed text escaped, so hostile
text (``<script>``, Markdown, Jinja) shows as the literal characters it is.
"""

from __future__ import annotations

import html
import posixpath
import re
from itertools import accumulate

import fast_diff_match_patch
from diff_match_patch import diff_match_patch as _DMP

from ..document import Block, Document
from ..layout import page_of, page_url, relative_url
from ..link import LinkedCorpus
from .common import rel
from .markdown import attr, element_text, escape, verbatim

DIFF_TIMEOUT = 0.0
"""No time limit: a limit would make the diff (and so the page) depend on how busy the machine
is, and builds must be byte-identical. ``MAX_DIFF_CHARS`` bounds the work instead."""
MAX_DIFF_CHARS = 1_000_000
"""Above this many characters of raw text, the page links the raw text instead of showing a diff."""

_WORD = re.compile(r"\S+")
_WORD_SPLIT = re.compile(r"(\S+)")


def source_page(doc: Document) -> str:
    """Docs-relative path of the published raw source."""
    return f"sources/{doc.slug}.txt"


def changes_page(doc: Document) -> str:
    """Docs-relative path of the document's provenance page, "what cleaning changed" (its build report
    and word diff; the build report page ``about/report/<slug>.md`` of earlier builds redirects here)."""
    return f"changes/{doc.slug}.md"


def provenance_block(doc: Document, corpus: LinkedCorpus) -> list[str]:
    """Markdown lines for the "Source" section at the foot of a document page: a heading, then raw
    HTML marked ``verbatim`` (links relative to the page's directory URL), which Python-Markdown
    need not read."""
    src = doc.source
    size = src.raw_bytes_len or len(src.raw) or len(src.text.encode("utf-8"))
    repaired = f"; reading repaired it: {element_text('; '.join(src.repairs))}" if src.repairs else ""
    here = page_url(page_of(doc.slug))
    source_href = posixpath.relpath(source_page(doc), here or ".")
    changes_href = relative_url(here, page_url(changes_page(doc)))
    return [
        "## Source", "",
        verbatim(f'<p class="doc-provenance">This page is cleaned from a raw text file, published unchanged: '
                 f'<a href="{attr(source_href)}">original text</a> '
                 f'({size:,} bytes, {element_text(src.encoding)}{repaired}). '
                 f'To check a passage against it, see <a href="{attr(changes_href)}">what cleaning changed</a>: '
                 "every line removed and why, and the original text with the changes marked word by word.</p>\n"
                 f'<p class="doc-provenance">SHA-256 of the original: <code>{element_text(src.sha256)}</code></p>'), "",
    ]


def raw_source(doc: Document) -> bytes:
    """The seed's bytes (the decoded text as UTF-8 if the bytes were not kept)."""
    return doc.source.raw or doc.source.text.encode("utf-8")


def block_text(block: Block) -> list[str]:
    """The plain text a block shows on the page, one string per paragraph."""
    if block.kind == "admonition":
        head = [block.title] if block.title else []
        return head + [t for child in (block.children or [Block("paragraph", block.text)]) for t in block_text(child)]
    if block.kind == "heading" and block.number:
        return [f"{block.number} {block.text}"]
    if block.kind == "list_item" and block.number:
        return [f"{block.number}. {block.text}"]
    if block.kind == "footnote":
        return [f"{block.label} {block.text}"]
    return [block.text]


def cleaned_text(doc: Document) -> str:
    """The document as cleaning left it, as plain text: one paragraph per block."""
    return "\n\n".join(t for block in doc.blocks for t in block_text(block) if t)


def word_diff(raw: str, cleaned: str, timeout: float = DIFF_TIMEOUT) -> list[tuple[str, str]]:
    """Compare two texts word by word; whitespace differences alone are not changes.

    Returns ``(op, text)`` pieces that, read in order, give the raw text exactly
    (``op`` ``=`` or ``-``) with the cleaned-only words inserted (``op`` ``+``).
    Whitespace between raw words is kept as ``=`` pieces.

    >>> word_diff("a de-\\nvelop b", "a develop b")
    [('=', 'a '), ('-', 'de-\\nvelop'), ('+', 'develop'), ('=', ' b')]
    """
    # Whitespace and words alternate (whitespace first and last, maybe empty); word k is
    # parts[2k + 1] and lies at raw[ends[2k]:ends[2k + 1]].
    parts = _WORD_SPLIT.split(raw)
    ends = list(accumulate(map(len, parts)))
    raw_list = parts[1::2]
    clean_words = _WORD.findall(cleaned)
    # One character per distinct word (numbered in order of first appearance), so the
    # character diff is a word diff.
    order = dict.fromkeys(raw_list)
    order.update(dict.fromkeys(clean_words))
    codes = dict(zip(order, map(_char, range(len(order))))) if len(order) > _PLAIN_CODES \
        else dict(zip(order, map(chr, range(_FIRST_CODE, _FIRST_CODE + len(order)))))
    a = "".join(map(codes.__getitem__, raw_list))
    b = "".join(map(codes.__getitem__, clean_words))
    pieces: list[tuple[str, str]] = []
    i = j = 0  # next raw word, next cleaned word
    pos = 0  # next raw character
    for op, n in _char_diff(a, b, timeout):
        if op == "+":
            pieces.append(("+", " ".join(clean_words[j:j + n])))
            j += n
            continue
        end = ends[2 * (i + n) - 1]  # end of the run's last word
        if op == "=":  # equal: whitespace and words, all "=" (``_merge`` would join them)
            pieces.append(("=", raw[pos:end]))
            j += n
        else:  # delete: the whitespace before, then the words with the whitespace between them
            start = ends[2 * i]  # start of the run's first word
            if start > pos:
                pieces.append(("=", raw[pos:start]))
            pieces.append(("-", raw[start:end]))
        pos = end
        i += n
    if pos < len(raw):
        pieces.append(("=", raw[pos:]))
    return _merge(pieces)


def _char_diff(a: str, b: str, timeout: float = DIFF_TIMEOUT, *, native: bool = True) -> list[tuple[str, int]]:
    """diff-match-patch's ``diff_main(a, b)`` (no line mode, no clean-up) as ``(op, length)`` pairs,
    ``op`` one of ``=``, ``-``, ``+``.

    Google's C++ implementation (fast_diff_match_patch) does it, a dozen times faster than the
    Python one and with the same result (same algorithm, step for step; a test compares them);
    the Python one serves where the C++ one's characters are two bytes wide (Windows) and a code
    lies beyond them, or when ``native`` is false."""
    if native and (fast_diff_match_patch.CHAR_WIDTH > 2 or max(a + b, default="\0") <= "\uffff"):
        return fast_diff_match_patch.diff(a, b, timelimit=timeout, checklines=False, cleanup="No",
                                          counts_only=True)
    dmp = _DMP()
    dmp.Diff_Timeout = timeout
    return [(_OPS[op], len(text)) for op, text in dmp.diff_main(a, b, False)]


_OPS = {_DMP.DIFF_EQUAL: "=", _DMP.DIFF_DELETE: "-", _DMP.DIFF_INSERT: "+"}
_FIRST_CODE = 0x100
"""Word codes start above Latin-1 (any code point would do; these print readably when debugging)."""
_PLAIN_CODES = 0xD800 - _FIRST_CODE
"""How many words get consecutive codes before ``_char`` must skip the surrogates."""


def _char(n: int) -> str:
    """The n-th code point usable as a word code (no surrogates, no whitespace)."""
    n += _FIRST_CODE
    if n >= 0xD800:
        n += 0x800
    return chr(min(n, 0x10FFFF))


def _merge(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Join runs of deleted words (with the whitespace between them) into one piece."""
    out: list[tuple[str, str]] = []
    k = 0
    while k < len(pieces):
        op, text = pieces[k]
        if op == "-":
            end = k
            while end + 2 < len(pieces) and pieces[end + 1][0] == "=" and not pieces[end + 1][1].strip() \
                    and pieces[end + 2][0] == "-":
                end += 2
            out.append(("-", "".join(t for _, t in pieces[k:end + 1])))
            k = end + 1
            continue
        if out and out[-1][0] == op == "=":
            out[-1] = ("=", out[-1][1] + text)
        else:
            out.append((op, text))
        k += 1
    return out


def diff_html(pieces: list[tuple[str, str]]) -> str:
    """The pieces as one escaped ``<pre>`` block with ``<del>``/``<ins>`` marks."""
    out: list[str] = []
    for k, (op, text) in enumerate(pieces):
        body = html.escape(text, quote=False)
        if op == "-":
            out.append(f'<del title="removed by cleaning">{body}</del>')
        elif op == "+":
            # Inserted words get a space on each side that has none, so they do not glue to a neighbour.
            before = " " if out and not pieces[k - 1][1][-1:].isspace() else ""
            after = " " if k + 1 < len(pieces) and not pieces[k + 1][1][:1].isspace() else ""
            out.append(f'{before}<ins title="added by cleaning">{body}</ins>{after}')
        else:
            out.append(body)
    return '<pre class="cleaning-diff">' + "".join(out) + "</pre>"


def diff_pieces(doc: Document) -> list[tuple[str, str]]:
    """A document's word diff. It depends on the document alone, so ``pipeline.process`` works it
    out in the per-document stage (cached, on every core) and keeps it in ``doc.word_diff``."""
    if doc.word_diff is not None:
        return doc.word_diff
    return [] if len(doc.source.text) > MAX_DIFF_CHARS else word_diff(doc.source.text, cleaned_text(doc))


def diff_section(doc: Document, page: str) -> list[str]:
    """Markdown lines of the word-by-word section of the provenance page ``page`` of ``doc``: what the
    marks mean, the word counts, and the diff (or, for a document too long to diff, links to compare)."""
    too_big = len(doc.source.text) > MAX_DIFF_CHARS
    pieces = [] if too_big else diff_pieces(doc)
    removed = sum(len(_WORD.findall(t)) for op, t in pieces if op == "-")
    added = sum(len(_WORD.findall(t)) for op, t in pieces if op == "+")
    out = ["## Word by word", "",
           f"The original text, as received in [{escape(doc.name)}]({rel(page, source_page(doc))}), with what "
           "cleaning changed: <del>struck-through</del> words were taken out of the page (boilerplate, page "
           "furniture, markers; each line removed is listed above with its reason), "
           "<ins>underlined</ins> words were added or "
           "rewritten (a word joined across a line-end hyphen, a caption moved to where it belongs). Line "
           "breaks that cleaning joined into paragraphs are not marked.", "",
           f"{removed:,} word(s) removed, {added:,} word(s) added, "
           f"{len(_WORD.findall(doc.source.text)):,} word(s) in the original.", ""]
    if too_big:
        out += [f"This document is too long ({len(doc.source.text):,} characters) to show word by word here: "
                f"compare [its original text]({rel(page, source_page(doc))}) "
                f"with [its page]({rel(page, page_of(doc.slug))}); "
                "every line cleaning removed is listed above with its reason.", ""]
    else:
        out += [verbatim(diff_html(pieces)), ""]
    return out

