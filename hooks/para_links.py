"""MkDocs hook: the ¶ permalink at the end of every citable paragraph.

A citable paragraph's Markdown ends with its attribute list (``{: #para-3 .para data-para="3" }``,
from ``builder.write.doc_cite.paragraph_marks``), which gives its HTML element the anchor and
number. The ¶ link itself (``<a class="para-link" href="#para-3" …>¶</a>``, which ``cite.js``
turns into "copy a citation of this paragraph") is added here, to the HTML Python-Markdown made
(``on_page_content``), rather than written into the Markdown: as inline HTML in every
paragraph it was the costliest thing Python-Markdown met on a document page (a fifth of the
page's conversion time). The link is the same either way; only where it is made differs.
"""

from __future__ import annotations

import re
from typing import Any

_PARA = re.compile(r'<(p|li) class="para(?: labelled)?" data-para="(\d+)" id="(para-\d+)">')
"""The opening tag of a citable paragraph, as attr_list writes it (attributes sorted)."""
_LI_END = re.compile(r"</li>|<ul[ >]|<ol[ >]|<p[ >]|<div[ >]")
"""Where the text of a list item that is itself a citable paragraph ends."""


def para_link(number: str, anchor: str) -> str:
    """The ¶ permalink of paragraph ``number`` (hidden from search, shown on hover by permalinks.css)."""
    return (f' <a class="para-link" href="#{anchor}" data-para="{number}" '
            f'title="Paragraph {number}: permanent link (click to copy a citation)" data-search-exclude>¶</a>')


def add_para_links(html: str) -> str:
    """``html`` with a ¶ permalink at the end of the text of every citable paragraph."""
    out: list[str] = []
    pos = 0
    for m in _PARA.finditer(html):
        if m.start() < pos:  # inside a paragraph already handled (cannot happen with valid HTML)
            continue
        if m.group(1) == "p":
            end = html.find("</p>", m.end())
        else:
            found = _LI_END.search(html, m.end())
            end = found.start() if found else -1
        if end < 0:
            continue
        out += [html[pos:end], para_link(m.group(2), m.group(3))]
        pos = end
    out.append(html[pos:])
    return "".join(out)


def on_page_content(html: str, page: Any, **kwargs: Any) -> str:
    return add_para_links(html) if 'class="para"' in html else html
