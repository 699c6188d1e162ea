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

from diff_match_patch import diff_match_patch as _DMP

from ..document import Block, Document
from ..link import Corpus
from ..permalinks import page_url, relative_url
from .common import front_matter, rel
from .markdown import attr, escape, verbatim

DIFF_TIMEOUT = 0.0
"""No time limit: a limit would make the diff (and so the page) depend on how busy the machine
is, and builds must be byte-identical. ``MAX_DIFF_CHARS`` bounds the work instead."""
MAX_DIFF_CHARS = 1_000_000
"""Above this many characters of raw text, the page links the raw text instead of showing a diff."""

_WORD = re.compile(r"\S+")


def source_page(doc: Document) -> str:
    """Docs-relative path of the published raw source."""
    return f"sources/{doc.slug}.txt"


def changes_page(doc: Document) -> str:
    """Docs-relative path of the document's provenance page, "what cleaning changed" (its build report
    and word diff; the build report page ``about/report/<slug>.md`` of earlier builds redirects here)."""
    return f"changes/{doc.slug}.md"


def provenance_block(doc: Document, corpus: Corpus) -> list[str]:
    """Markdown lines for the "Source" section at the foot of a document page: a heading, then raw
    HTML marked ``verbatim`` (links relative to the page's directory URL), which Python-Markdown
    need not read."""
    src = doc.source
    size = src.raw_bytes_len or len(src.raw) or len(src.text.encode("utf-8"))
    repaired = f"; reading repaired it: {_text('; '.join(src.repairs))}" if src.repairs else ""
    here = page_url(doc.page)
    source_href = posixpath.relpath(source_page(doc), here or ".")
    changes_href = relative_url(here, page_url(changes_page(doc)))
    return [
        "## Source", "",
        verbatim(f'<p class="doc-provenance">This page is cleaned from a raw text file, published unchanged: '
                 f'<a href="{attr(source_href)}">original text</a> ({size:,} bytes, {_text(src.encoding)}{repaired}). '
                 f'To check a passage against it, see <a href="{attr(changes_href)}">what cleaning changed</a>: '
                 "every line removed and why, and the original text with the changes marked word by word.</p>\n"
                 f'<p class="doc-provenance">SHA-256 of the original: <code>{_text(src.sha256)}</code></p>'), "",
    ]


def _text(text: str) -> str:
    """Text for an element of raw HTML."""
    return html.escape(text, quote=False)


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
    raw_words = list(_WORD.finditer(raw))
    raw_list = [m.group(0) for m in raw_words]
    clean_words = _WORD.findall(cleaned)
    # One character per distinct word (numbered in order of first appearance), so the
    # character diff is a word diff.
    order = dict.fromkeys(raw_list)
    order.update(dict.fromkeys(clean_words))
    codes = {w: _char(n) for n, w in enumerate(order)}
    a = "".join(map(codes.__getitem__, raw_list))
    b = "".join(map(codes.__getitem__, clean_words))
    dmp = _FastDMP() if timeout <= 0 else _DMP()  # the fast bisection has no time limit
    dmp.Diff_Timeout = timeout
    pieces: list[tuple[str, str]] = []
    i = j = 0  # next raw word, next cleaned word
    pos = 0  # next raw character
    for op, chars in dmp.diff_main(a, b, False):
        n = len(chars)
        if op == 1:  # insert
            pieces.append(("+", " ".join(clean_words[j:j + n])))
            j += n
            continue
        first, last = raw_words[i], raw_words[i + n - 1]
        if op == 0:  # equal: whitespace and words, all "=" (``_merge`` would join them)
            pieces.append(("=", raw[pos:last.end()]))
            j += n
        else:  # delete: the whitespace before, then the words with the whitespace between them
            if first.start() > pos:
                pieces.append(("=", raw[pos:first.start()]))
            pieces.append(("-", raw[first.start():last.end()]))
        pos = last.end()
        i += n
    if pos < len(raw):
        pieces.append(("=", raw[pos:]))
    return _merge(pieces)


def _snake(s1: str, s2: str, x: int, y: int) -> int:
    """How far ``s1[x:]`` and ``s2[y:]`` agree, found by comparing ever longer slices."""
    n1, n2 = len(s1), len(s2)
    start = x
    step = 8
    while x < n1 and y < n2:
        step = min(step, n1 - x, n2 - y)
        if s1[x:x + step] == s2[y:y + step]:
            x += step
            y += step
            step *= 2
        elif step == 1:
            break
        else:
            step //= 2
    return x - start


class _FastDMP(_DMP):
    """diff-match-patch with the same bisection (Myers' middle snake), step for step, so the same
    diff, only faster: diagonal runs ("snakes") are compared slice by slice in C rather than
    character by character in Python. Only without a time limit (``Diff_Timeout`` 0), which is
    how ``word_diff`` uses it."""

    def diff_bisect(self, text1, text2, deadline):
        assert self.Diff_Timeout <= 0
        len1 = len(text1)
        len2 = len(text2)
        rev1 = text1[::-1]
        rev2 = text2[::-1]
        max_d = (len1 + len2 + 1) // 2
        v_offset = max_d
        v_length = 2 * max_d
        v1 = [-1] * v_length
        v1[v_offset + 1] = 0
        v2 = v1[:]
        delta = len1 - len2
        front = delta % 2 != 0
        k1start = k1end = k2start = k2end = 0
        for d in range(max_d):
            # Diagonal k lives at v[v_offset + k]; loops run over those offsets.
            low, high = v_offset - d, v_offset + d
            for k1_offset in range(low + k1start, high + 1 - k1end, 2):
                if k1_offset == low or (k1_offset != high and v1[k1_offset - 1] < v1[k1_offset + 1]):
                    x1 = v1[k1_offset + 1]
                else:
                    x1 = v1[k1_offset - 1] + 1
                y1 = x1 - k1_offset + v_offset
                if x1 < len1 and y1 < len2 and text1[x1] == text2[y1]:
                    run = _snake(text1, text2, x1, y1)
                    x1 += run
                    y1 += run
                v1[k1_offset] = x1
                if x1 > len1:
                    k1end += 2
                elif y1 > len2:
                    k1start += 2
                elif front:
                    k2_offset = v_offset + v_offset + delta - k1_offset
                    if 0 <= k2_offset < v_length and v2[k2_offset] != -1:
                        if x1 >= len1 - v2[k2_offset]:
                            return self.diff_bisectSplit(text1, text2, x1, y1, deadline)
            for k2_offset in range(low + k2start, high + 1 - k2end, 2):
                if k2_offset == low or (k2_offset != high and v2[k2_offset - 1] < v2[k2_offset + 1]):
                    x2 = v2[k2_offset + 1]
                else:
                    x2 = v2[k2_offset - 1] + 1
                y2 = x2 - k2_offset + v_offset
                if x2 < len1 and y2 < len2 and rev1[x2] == rev2[y2]:
                    run = _snake(rev1, rev2, x2, y2)
                    x2 += run
                    y2 += run
                v2[k2_offset] = x2
                if x2 > len1:
                    k2end += 2
                elif y2 > len2:
                    k2start += 2
                elif not front:
                    k1_offset = v_offset + v_offset + delta - k2_offset
                    if 0 <= k1_offset < v_length and v1[k1_offset] != -1:
                        x1 = v1[k1_offset]
                        y1 = v_offset + x1 - k1_offset
                        if x1 >= len1 - x2:
                            return self.diff_bisectSplit(text1, text2, x1, y1, deadline)
        return [(self.DIFF_DELETE, text1), (self.DIFF_INSERT, text2)]


def _char(n: int) -> str:
    """The n-th code point usable as a word code (no surrogates, no whitespace)."""
    n += 0x100
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
    out in the per-document stage (cached, on every core) and keeps it in ``doc.extra``."""
    if "word_diff" in doc.extra:
        return doc.extra["word_diff"]
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
           "furniture, markers; each line removed is listed above with its reason), <ins>underlined</ins> words were added or "
           "rewritten (a word joined across a line-end hyphen, a caption moved to where it belongs). Line "
           "breaks that cleaning joined into paragraphs are not marked.", "",
           f"{removed:,} word(s) removed, {added:,} word(s) added, "
           f"{len(_WORD.findall(doc.source.text)):,} word(s) in the original.", ""]
    if too_big:
        out += [f"This document is too long ({len(doc.source.text):,} characters) to show word by word here: "
                f"compare [its original text]({rel(page, source_page(doc))}) with [its page]({rel(page, doc.page)}); "
                "every line cleaning removed is listed above with its reason.", ""]
    else:
        out += [verbatim(diff_html(pieces)), ""]
    return out


def provenance_files(corpus: Corpus) -> dict[str, str | bytes]:
    """The raw source of every document (its provenance page is ``report_page``'s)."""
    return {source_page(doc): raw_source(doc) for doc in corpus.documents}
