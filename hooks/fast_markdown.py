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
  1,000 documents. The bracket found is the same;
- tries an inline pattern on a piece of text only if the text holds a character that pattern's
  match must start with or contain (``PATTERN_LITERALS``: ``[`` for a link, ``&`` for an entity...):
  Python-Markdown tries every pattern on every piece of text, a Python call each, and most
  pieces hold none of them (``LiteralInlineProcessor``). A pattern not in that table is always tried.

The HTML is the same with or without it (tests/test_fast_markdown.py converts pages both ways).
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor

UNUSED_INLINE_PATTERNS = ("reference", "image_link", "image_reference", "short_reference",
                          "short_image_ref", "automail", "em_strong2", "not_strong")
"""Python-Markdown's names for the inline syntax the builder never writes."""


PATTERN_LITERALS: dict[str, tuple[str, ...]] = {
    "backtick": ("`",), "escape": ("\\",), "footnote": ("[^",), "link": ("[",), "autolink": ("<",),
    "linebreak": ("  \n",), "html": ("<",), "entity": ("&",), "em_strong": ("*", "_"),
}
"""For Python-Markdown's inline patterns (by their registered names), strings of which every match
holds at least one (read off their regular expressions: ``(?<!\\!)\\[`` for ``link``, ``\\*|_`` for
``em_strong``...). A pattern's match replaces what it matched with a placeholder (characters
``\\x02``, ``\\x03``, letters and digits), so text that holds none of them never comes to."""


INLINE_PRIORITY = 20
"""The priority Python-Markdown registers its inline processor with (``treeprocessors.build_treeprocessors``)."""


class LiteralInlineProcessor(InlineProcessor):
    """Python-Markdown's inline processor, which skips the patterns whose strings
    (``PATTERN_LITERALS``) a piece of text does not hold: the same result, fewer calls."""

    _patterns: list[Any] | None = None
    _pattern_literals: list[tuple[str, ...] | None] = []

    def prepare(self) -> None:
        """The patterns in order (the registry sorts itself on every index) and their strings
        (``PATTERN_LITERALS``; ``None``: always tried), as registered for this conversion."""
        self._patterns = list(self.inlinePatterns)
        literals: list[tuple[str, ...] | None] = [None] * len(self._patterns)
        for name, strings in PATTERN_LITERALS.items():
            if name in self.inlinePatterns:
                literals[self.inlinePatterns.get_index_for_name(name)] = strings
        self._pattern_literals = literals

    def run(self, tree: Any, ancestors: list[str] | None = None) -> Any:
        self.prepare()
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        """``InlineProcessor.__handleInline`` (Python-Markdown 3.11, name-mangled private method,
        overridden here) with the skip: each pattern, in order, applied until it no longer matches."""
        if isinstance(data, util.AtomicString):
            return data
        if self._patterns is None:
            self.prepare()
        patterns, literals = self._patterns or [], self._pattern_literals
        start = 0
        count = len(patterns)
        while patternIndex < count:
            strings = literals[patternIndex]
            if strings is not None and strings[0] not in data and not any(s in data for s in strings[1:]):
                patternIndex, start = patternIndex + 1, 0  # what __applyPattern returns for no match
                continue
            data, matched, start = self._InlineProcessor__applyPattern(  # type: ignore[attr-defined]
                patterns[patternIndex], data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


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
        if "inline" in md.treeprocessors and type(md.treeprocessors["inline"]) is InlineProcessor:
            md.treeprocessors.register(LiteralInlineProcessor(md), "inline", INLINE_PRIORITY)


def on_config(config: Any, **kwargs: Any) -> Any:
    config.markdown_extensions.append(GeneratedPages())
    return config
