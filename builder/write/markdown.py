"""Turning plain text into Markdown that renders as exactly that text.

Seed text is data, never markup: every character that Python-Markdown, attr_list,
footnotes, abbr, tables or Jinja-minded tools could read as syntax is escaped.
"""

from __future__ import annotations

import html
import re

from ..document import Block, Span

# Always escaped: inline syntax anywhere in a line (emphasis, code, links, footnotes,
# abbreviations, attribute lists, table cells, raw HTML and entities).
_BACKSLASH = set("\\`*_{}[]")
_ENTITY = {"<": "&lt;", ">": "&gt;", "&": "&amp;", "|": "&#124;", "$": "&#36;"}
# Escaped only at the start of a block, where they would open a heading, list, quote or rule.
_BLOCK_START = re.compile(r"^(?:[#>+=:~-]|\d+[.)](?=\s|$))")


def escape(text: str) -> str:
    """Plain text → Markdown inline text showing the same characters.

    >>> escape("<b>1*2</b>")
    '&lt;b&gt;1\\\\*2&lt;/b&gt;'
    """
    out = []
    for ch in text:
        if ch in _ENTITY:
            out.append(_ENTITY[ch])
        elif ch in _BACKSLASH:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def escape_block(text: str) -> str:
    """``escape`` plus the block-start characters (``# x``, ``1. x``, ``- x``, ``---``)."""
    escaped = escape(text)
    m = _BLOCK_START.match(escaped)
    if m:
        head = m.group(0)
        escaped = (head[:-1] + "\\" + head[-1]) + escaped[len(head):] if head[-1] in ".)" else "\\" + escaped
    return escaped


def attr(text: str) -> str:
    """Text for an HTML attribute value or raw HTML we generate."""
    return html.escape(text, quote=True)


SAFE_URL = re.compile(r"^(https?://|mailto:)[^\s<>\"'`]+$", re.IGNORECASE)


def link_target(url: str) -> str | None:
    """The URL if it is safe to link (http, https, mailto), else ``None``."""
    return url if SAFE_URL.match(url) else None


def inline(block: Block, render_span=None) -> str:
    """A block's text as Markdown, its spans turned into footnote refs, links, emphasis."""
    text = block.text
    spans = sorted(block.spans, key=lambda s: (s.start, -s.end))
    out: list[str] = []
    pos = 0
    for span in spans:
        if span.start < pos or span.end > len(text):
            continue  # overlapping or stale span: keep the text, drop the markup
        out.append(escape(text[pos:span.start]))
        inner = text[span.start:span.end]
        rendered = render_span(span, inner) if render_span else None
        out.append(rendered if rendered is not None else default_span(span, inner))
        pos = span.end
    out.append(escape(text[pos:]))
    return "".join(out)


def default_span(span: Span, inner: str) -> str:
    if span.kind == "footnote":
        return f"{escape(inner) if inner else ''}[^{span.target}]"
    if span.kind == "url":
        target = link_target(span.target)
        return f"<{target}>" if target and inner == target else (
            f"[{escape(inner)}]({target})" if target else escape(inner))
    if span.kind == "emphasis":
        return f"*{escape(inner)}*"
    if span.kind == "strong":
        return f"**{escape(inner)}**"
    return escape(inner)
