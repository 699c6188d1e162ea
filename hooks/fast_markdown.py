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
  or more, character by character, which is every citable paragraph with its ``{: #para-N }``.

The HTML is the same with or without it (tests/test_fast_markdown.py converts pages both ways).
"""

from __future__ import annotations

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


def on_config(config: Any, **kwargs: Any) -> Any:
    config.markdown_extensions.append(GeneratedPages())
    return config
