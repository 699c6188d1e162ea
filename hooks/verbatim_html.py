"""MkDocs hook: blocks of generated HTML go onto the page as they are, unread by Python-Markdown.

The builder writes some long parts of pages as raw HTML it has escaped itself (a document's
word diff and build report tables, the mentions on an entity page) and marks each one
(``builder.write.markdown.verbatim``):

    <!-- verbatim -->
    <pre class="cleaning-diff">…</pre>
    <!-- /verbatim -->

Python-Markdown would pass such a block through unchanged, but only after running its HTML
parser over every tag of it (half the time of a "what cleaning changed" page). This hook lifts
each marked block out of the Markdown before conversion (``on_page_markdown``), leaving a
one-line comment in its place, and puts it back into the HTML (``on_page_content``). Without
the hook, the page shows the same: the markers are comments around a raw HTML block.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.plugins import event_priority

_BLOCK = re.compile(r"^<!-- verbatim -->\n(.*?)\n<!-- /verbatim -->$", re.M | re.S)
_SLOT = re.compile(r"<!-- verbatim (\d+) -->")

_lifted: dict[str, list[str]] = {}
"""The blocks lifted out of each page being built, by source path, until its HTML is made."""


def lift(markdown: str) -> tuple[str, list[str]]:
    """``markdown`` with each marked block replaced by a numbered slot, and the blocks."""
    blocks: list[str] = []

    def slot(m: re.Match[str]) -> str:
        blocks.append(m.group(1))
        return f"<!-- verbatim {len(blocks) - 1} -->"

    return _BLOCK.sub(slot, markdown), blocks


def put_back(html: str, blocks: list[str]) -> str:
    """``html`` with each slot replaced by its block."""
    return _SLOT.sub(lambda m: blocks[int(m.group(1))], html)


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    text, blocks = lift(markdown)
    if blocks:
        _lifted[page.file.src_uri] = blocks
    return text


@event_priority(100)  # before any other hook reads the page's HTML
def on_page_content(html: str, page: Any, **kwargs: Any) -> str:
    blocks = _lifted.pop(page.file.src_uri, None)
    return put_back(html, blocks) if blocks else html
