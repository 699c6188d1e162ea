"""MkDocs hook: spare Python-Markdown work that cannot change the generated pages.

Every page under ``docs/`` is written by the builder, which escapes seed text so that none of
it reads as Markdown syntax, and which itself writes only links, ``**bold**``/``*emphasis*``,
autolinks, inline HTML, entities, footnote references and tables. Python-Markdown still looks,
in every piece of text of every page, for the syntax nothing here writes, and that search is
most of what a build of a large collection costs. This hook adds a Markdown extension
(``on_config``) that:

- drops the inline patterns for syntax the builder never writes: images, reference-style links
  (``[text][ref]``, ``[text]`` with a definition), ``<user@example.org>`` and underscore or
  spaced-star emphasis (seed text reaches the page with ``[``, ``!``, ``<``, ``_`` and ``*``
  escaped, so these patterns could only ever match the builder's own Markdown, which has none);
- lets the table parser skip a block at once when its second line is not a table's separator
  row (``|---|:--|``): without it, the parser splits the first line of every block of two lines
  or more, character by character, which is every citable paragraph with its ``{: #para-N }``;
- finds the ``]`` that closes a link's text by searching forward for brackets only
  (``closing_bracket``): Python-Markdown 3.11 works out the closing bracket of every index of
  the text, a Python loop over each character, and does it again for every link of a paragraph
  (the text changes as each link is replaced), which was the largest single cost of a build of
  1,000 documents. The bracket found is the same.

The HTML is the same with or without it (tests/test_fast_markdown.py converts pages both ways).
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension

UNUSED_INLINE_PATTERNS = ("reference", "image_link", "image_reference", "short_reference",
                          "short_image_ref", "automail", "em_strong2", "not_strong")
"""Python-Markdown's names for the inline syntax the builder never writes."""


def could_be_table(block: str) -> bool:
    """Whether ``block`` may be a table: its second line holds only ``|``, ``:``, ``-`` and spaces
    (what Python-Markdown's table parser requires of the separator row, and checks last)."""
    lines = block.split("\n", 2)
    return len(lines) > 1 and not lines[1].strip("|:- ")


_BRACKET = re.compile(r"[\[\]]")


def closing_bracket(data: str, index: int) -> int | None:
    """The index just past the ``]`` that closes a bracket opened before ``index`` (the first
    ``]`` from ``index`` on not matched by a ``[`` after ``index``); ``None`` when there is none.
    What Python-Markdown's ``LinkInlineProcessor.getText`` looks for, in every version."""
    depth = 0
    for m in _BRACKET.finditer(data, index):
        if m.group() == "[":
            depth += 1
        elif depth:
            depth -= 1
        else:
            return m.end()
    return None


def link_text(data: str, index: int) -> tuple[str, int, bool]:
    """``LinkInlineProcessor.getText``: the text of a link from ``index`` to its closing
    bracket, the index past that bracket, and whether it closes (else the rest of ``data``)."""
    end = closing_bracket(data, index)
    if end is None:
        return data[index:], len(data), False
    return data[index:end - 1], end, True


class GeneratedPages(Extension):
    """The Markdown the builder writes, read with less searching (see the module docstring)."""

    def extendMarkdown(self, md: Markdown) -> None:
        for name in UNUSED_INLINE_PATTERNS:
            if name in md.inlinePatterns:
                md.inlinePatterns.deregister(name)
        if "table" in md.parser.blockprocessors:
            table = md.parser.blockprocessors["table"]
            full_test = table.test
            table.test = lambda parent, block: could_be_table(block) and full_test(parent, block)
        if "link" in md.inlinePatterns and hasattr(md.inlinePatterns["link"], "getText"):
            md.inlinePatterns["link"].getText = link_text


def on_config(config: Any, **kwargs: Any) -> Any:
    config.markdown_extensions.append(GeneratedPages())
    return config
