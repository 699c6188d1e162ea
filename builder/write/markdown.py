"""Turning plain text into Markdown that renders as exactly that text.

Seed text is data, never markup. Three layers make sure of it:

- every character that Python-Markdown or an enabled extension (attr_list, footnotes,
  abbr, tables, admonition, details, superfences) could read as inline syntax is
  backslash-escaped or written as an HTML entity, so raw HTML, links, emphasis,
  footnote references, attribute lists, ``{{ }}`` and table pipes stay text;
- every line of a rendered block is *guarded*: leading indentation is dropped (no
  indented code), blank lines are dropped (a block stays one block), and a first
  character that could open a block (``#``, ``-``, ``+``, ``=``, ``:``, ``~``, ``!!!``,
  ``???``, ``1.``) is written as an entity;
- link targets are limited to ``http``, ``https`` and ``mailto`` and percent-encoded,
  so a URL cannot close its own link and open another.

``escape`` is for one line (titles, table cells, heading text); ``escape_block`` for a
whole block of plain text; ``inline`` for a ``Block`` with its spans.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

from ..document import Block, Span

# Inline syntax anywhere in a line: emphasis, code, links, footnotes, abbreviations,
# attribute lists, headings' closing hashes, raw HTML, entities, table cells, maths.
_BACKSLASH = frozenset("\\`*_{}[]#")
_ENTITY = {"<": "&lt;", ">": "&gt;", "&": "&amp;", "|": "&#124;", "$": "&#36;"}
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
# What may open a block at the start of a line: lists, rules, setext underlines,
# definition lists, fences, admonitions (!!!), details (???), blocks (///), and an
# ordered-list number. The first character of the match is replaced by an entity.
_LINE_START = re.compile(r"[-+=:~!?/%^.]|\d+[.)]")
_FOOTNOTE_DEF = re.compile(r"^(\[\^[^\]]*\]):")


# Fast paths: most text has no syntax character and no line break at all, and ``str.replace``
# (a C scan per character) beats ``str.translate`` with multi-character replacements.
# The order matters: backslashes first (the other escapes add backslashes), ``&`` before the
# entities (they add ``&``), ``#`` before the entities (``&#124;`` adds ``#``).
_REPLACEMENTS = (("\\", "\\\\"), *((ch, "\\" + ch) for ch in "`*_{}[]#"), ("&", "&amp;"),
                 *((ch, e) for ch, e in _ENTITY.items() if ch != "&"))
_ODD_BREAKS = re.compile(r"[\r\v\f\x1c-\x1e\x85\u2028\u2029]")
"""Line breaks other than ``\\n`` (``_LINE_BREAKS`` turns them, and ``\\r\\n``, into ``\\n``)."""
_SPECIAL = re.compile(r"[\\`*_{}\[\]#<>&|$\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
"""Any character ``escape`` would change besides surrounding whitespace: syntax or a line break."""
_OPENERS = frozenset("-+=:~!?/%^.")
"""First characters that ``_LINE_START`` guards (besides digits)."""


def _chars(text: str) -> str:
    """Escape inline syntax character by character; line breaks are kept."""
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text


def _guard_line(line: str) -> str:
    line = line.lstrip(" \t\u00a0").rstrip(" \t")
    if not line:
        return line
    first = line[0]
    if first in _OPENERS or first.isdigit():
        m = _LINE_START.match(line)
        if m:
            at = m.end() - 1 if m.group(0)[0].isdigit() else 0
            line = f"{line[:at]}&#{ord(line[at])};{line[at + 1:]}"
    if first == "[" and line.startswith("[^"):
        line = _FOOTNOTE_DEF.sub(r"\1&#58;", line)
    return line


def guard(markdown: str) -> str:
    """Already-escaped inline Markdown → lines that can only continue one paragraph.

    >>> guard("  - one\\n\\n1. two")
    '&#45; one\\n1&#46; two'
    """
    if _ODD_BREAKS.search(markdown):
        markdown = _LINE_BREAKS.sub("\n", markdown)
    if "\n" not in markdown:  # one line (most blocks)
        return _guard_line(markdown) if markdown.strip() else ""
    return "\n".join(_guard_line(line) for line in markdown.split("\n") if line.strip())


def escape(text: str) -> str:
    """One line of plain text → Markdown showing the same characters (line breaks become spaces).

    >>> escape("<b>1*2</b>")
    '&lt;b&gt;1\\\\*2&lt;/b&gt;'
    """
    if not _SPECIAL.search(text):  # nothing to escape: only the line start may need a guard
        return _guard_line(text.strip())
    return guard(_chars(_LINE_BREAKS.sub(" ", text).strip()))


def escape_block(text: str) -> str:
    """A block of plain text (it may hold line breaks) → Markdown of one paragraph."""
    return guard(_chars(text))


def attr(text: str) -> str:
    """Text for an HTML attribute value or raw HTML we generate."""
    return html.escape(text, quote=True)


def element_text(text: str) -> str:
    """Seed or metadata text as the text of an element of raw HTML we generate (``verbatim`` blocks)."""
    return html.escape(text, quote=False)


VERBATIM_START = "<!-- verbatim -->"
VERBATIM_END = "<!-- /verbatim -->"


def verbatim(block: str) -> str:
    """A block of raw HTML we generate (every piece of text in it escaped), marked so that
    ``hooks/verbatim_html.py`` puts it on the page unread by Python-Markdown; a Markdown line of
    its own, with blank lines around it."""
    return f"{VERBATIM_START}\n{block}\n{VERBATIM_END}"


SAFE_SCHEMES = ("http", "https", "mailto")
_URL_SAFE_CHARS = ":/?#=&%@!$,;+~.-"


def link_target(url: str) -> str | None:
    """The URL, percent-encoded so Markdown cannot read it as syntax, if it is safe to
    link (``http``, ``https`` or ``mailto`` with a host or address); else ``None``.

    >>> link_target("https://example.org/a(b)")
    'https://example.org/a%28b%29'
    >>> link_target("javascript:alert(1)") is None
    True
    """
    url = url.strip()
    if not url or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return None
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return None
    if parts.scheme.lower() == "mailto" and "@" not in parts.path:
        return None
    return quote(url, safe=_URL_SAFE_CHARS)


def footnote_id(label: str) -> str:
    """A footnote label reduced to what footnote syntax allows (letters, digits, ``-``)."""
    return re.sub(r"[^\w-]", "", label) or "note"


def inline(block: Block, render_span=None, *, one_line: bool = False) -> str:
    """A block's text as guarded Markdown, its spans turned into footnote refs, links, emphasis.

    ``render_span(span, inner)`` may return Markdown for a span (it must escape ``inner``
    itself, e.g. with ``escape``), or ``None`` for the default rendering. ``one_line``
    joins the lines with spaces (list items, footnote bodies, table cells).
    """
    text = block.text
    spans = sorted(block.spans, key=lambda s: (s.start, -s.end))
    out: list[str] = []
    pos = 0
    for span in spans:
        if span.start < pos or span.end > len(text) or span.start > span.end:
            continue  # overlapping or stale span: keep the text, drop the markup
        out.append(_chars(text[pos:span.start]))
        inner = text[span.start:span.end]
        rendered = render_span(span, inner) if render_span else None
        out.append(rendered if rendered is not None else default_span(span, inner))
        pos = span.end
    out.append(_chars(text[pos:]))
    guarded = guard("".join(out))
    return guarded.replace("\n", " ") if one_line else guarded


def default_span(span: Span, inner: str) -> str:
    if span.kind == "footnote":
        return f"{_chars(inner)}[^{footnote_id(span.target)}]"
    if span.kind == "url":
        target = link_target(span.target)
        return f"[{_chars(inner)}]({target})" if target and inner.strip() else _chars(inner)
    if span.kind == "emphasis" and inner.strip():
        return f"*{_chars(inner)}*"
    if span.kind == "strong" and inner.strip():
        return f"**{_chars(inner)}**"
    return _chars(inner)


def table(block: Block) -> list[str]:
    """A ``table`` block as a Markdown (GFM pipe) table: every cell escaped like any other text
    (a ``|`` becomes ``&#124;``, so it cannot split a cell), numbers right-aligned. Without an
    evident header row the header cells are empty (Python-Markdown renders an empty ``<thead>``
    row): no data row is promoted to a header, and no heading is invented."""
    width = max([len(block.align)] + [len(row) for row in block.rows])
    if not width:
        return []

    def row(cells: list[str]) -> str:
        cells = list(cells) + [""] * (width - len(cells))
        return "| " + " | ".join(escape(c) for c in cells) + " |"

    align = list(block.align) + ["left"] * (width - len(block.align))
    head = block.rows[:block.header] or [[""] * width]
    out = [row(head[0])]
    out.append("| " + " | ".join("---:" if a == "right" else "---" for a in align) + " |")
    # Further header rows (none are made today) are shown as the first body rows.
    out += [row(r) for r in head[1:] + block.rows[block.header:]]
    return out + [""]


def preformatted(block: Block) -> list[str]:
    """A ``preformatted`` block as ``<pre>``, its lines as they are (line breaks and spaces).

    Written as escaped HTML (``verbatim``) rather than a fenced code block: inside a fence
    nothing can be escaped, and a source line holding a fence or a ``verbatim`` marker would
    reach the page as markup; ``element_text`` leaves no such way out."""
    css = {"table_heading": "preformatted table-heading", "chart": "preformatted chart-labels"}.get(
        block.label, "preformatted")
    return [verbatim(f'<pre class="{css}"><code>{element_text(block.text)}</code></pre>'), ""]
