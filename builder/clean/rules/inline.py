"""Inline markup the source carries, turned into plain text plus spans.

Block text is plain: Markdown the source happens to contain is never passed through.
``*inter alia*`` → ``inter alia`` + emphasis span; ``**Note:**`` → strong span;
``[text](#)`` (a link to nowhere) → ``text``; ``[text](https://…)`` and ``<https://…>``
and bare ``https://…`` / ``www.…`` → url spans.
"""

from __future__ import annotations

import re

from ...document import Block, Removal, Span
from ..state import BLOCK, CleanState, rule
from ..text.patterns import SENTENCE_END
from ..text.spans import strip_block, walk

LINK_TARGET_REASON = "link target that is not a web address"

_SCRIPT_CHAR = r"(?>\"[^\"\n]{0,200}\"|'[^'\n]{0,200}'|[^()\s])"
"""A character of a ``javascript:`` target, or a quoted string in it (which may hold parentheses
and spaces: ``alert("a) b")``); atomic, so that a target full of quotes is read in one pass."""
_TARGET = (rf"(?i:javascript):(?:{_SCRIPT_CHAR}|\((?:{_SCRIPT_CHAR}|\([^()\s]*\))*\))*"
           r"|(?:[^()\s]|\((?:[^()\s]|\([^()\s]*\))*\))*")
"""A link target: two levels of balanced parentheses (``…/a_(b)``, ``javascript:f(g(1))``)."""
INLINE = re.compile(
    # emphasis closes before a note marker (``**1,873 people**¹``), which is a word character
    rf"(?P<link>\[(?P<ltext>[^\]\n]{{1,300}})\]\((?P<ltarget>{_TARGET})\))"
    r"|<(?P<angle>(?:https?://|mailto:)[^>\s]+)>"
    r"|(?P<bare>(?<![\w/@.])(?:https?://|www\.)[^\s<>\"'`]+)"
    r"|(?<![\w*])(?P<sem>\*\*\*|___)(?=\S)(?P<semtext>.+?)(?<=\S)(?P=sem)(?!(?![⁰¹²³⁴⁵⁶⁷⁸⁹])[\w*])"
    r"|(?<![\w*])(?P<st>\*\*|__)(?=\S)(?P<sttext>.+?)(?<=\S)(?P=st)(?!(?![⁰¹²³⁴⁵⁶⁷⁸⁹])[\w*])"
    r"|(?<![\w*])\*(?=[^\s*])(?P<emtext>[^*\n]+?)(?<=[^\s*])\*(?!(?![⁰¹²³⁴⁵⁶⁷⁸⁹])[\w*])"
    r"|(?<![\w_])_(?=[^\s_])(?P<uemtext>[^_\n]+?)(?<=[^\s_])_(?!(?![⁰¹²³⁴⁵⁶⁷⁸⁹])[\w_])")
_IDENTIFIER = re.compile(r"\w+")
"""Text between double underscores that is read as a name (``__name__``), never as bold."""
_TRAILING = ".,;:!?)]}’”'\""
_SAFE_TARGET = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)


def convert(block: Block, state: CleanState | None = None) -> None:
    """Rewrite one block's text without markup, adding spans."""
    text = block.text
    if "*" not in text and "_" not in text and "[" not in text and "<" not in text and "://" not in text \
            and "www." not in text:
        return
    out: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0

    def emit(s: str) -> None:
        nonlocal length
        out.append(s)
        length += len(s)

    for m in INLINE.finditer(text):
        emit(text[pos:m.start()])
        start = length
        if m.group("link"):
            inner, target = m.group("ltext"), m.group("ltarget")
            emit(inner)
            if _SAFE_TARGET.match(target):
                spans.append(Span(start, length, "url", target))
            elif target and not target.startswith("#") and state is not None:
                state.removed.append(Removal(target, LINK_TARGET_REASON, "inline", block.lines[0]))
        elif m.group("angle"):
            emit(m.group("angle"))
            spans.append(Span(start, length, "url", m.group("angle")))
        elif m.group("bare"):
            url = m.group("bare")
            tail = ""
            while url and url[-1] in _TRAILING and not (url[-1] == ")" and url.count("(") >= url.count(")")):
                tail = url[-1] + tail
                url = url[:-1]
            emit(url)
            spans.append(Span(start, length, "url", url if "://" in url else "http://" + url))
            emit(tail)
        else:
            kind = "strong" if (m.group("sem") or m.group("st")) else "emphasis"
            inner = m.group("semtext") or m.group("sttext") or m.group("emtext") or m.group("uemtext")
            if m.group(0).startswith("__") and _IDENTIFIER.fullmatch(inner):
                emit(m.group(0))  # ``__init__``: a name, not bold (``_word_`` stays emphasis)
                pos = m.end()
                continue
            emit(inner)
            spans.append(Span(start, length, kind))
        pos = m.end()
    if not spans and pos == 0:
        return
    emit(text[pos:])
    block.text = "".join(out)
    block.spans = sorted(block.spans + spans, key=lambda s: (s.start, -s.end))
    if state is not None:
        state.count("inline_markup", len(spans))


@rule(BLOCK, LINK_TARGET_REASON)
def inline_markup(state: CleanState) -> None:
    """Turn source Markdown emphasis, links and URLs into spans over plain text."""
    for block in [*walk(state.blocks), *state.footnotes]:
        if block.kind in ("heading", "paragraph", "list_item", "footnote", "letter") and block.text:
            italic = block.kind == "heading" and _wholly_italic(block.text)
            convert(block, state)
            if "\n" not in block.text and block.text != block.text.strip():
                strip_block(block)
            if italic and state.markdown_levels and block.lines[0] not in state.markdown_levels:
                _italic_line(block, state)


_ITALIC_LINE = re.compile(r"^(?:\*(?=[^\s*])[^*\n]+(?<=[^\s*])\*|_(?=[^\s_])[^_\n]+(?<=[^\s_])_)$")
"""A line wholly in single emphasis (``*Network — Report No. 7 — November 2022*``)."""


def _wholly_italic(text: str) -> bool:
    return bool(_ITALIC_LINE.match(text.strip()))


def _italic_line(block: Block, state: CleanState) -> None:
    """A short line a Markdown source writes wholly in italics, where it marks its headings with
    ``#``: no heading, but a line in italics (a byline, a strapline, a caption): a byline above the
    text when it is no sentence, else a paragraph keeping its emphasis."""
    block.kind, block.level = "paragraph", 0
    text_begun = any(b.kind in ("paragraph", "list_item", "table") and b.label not in ("kicker", "byline")
                     for b in state.blocks[:_index(state.blocks, block)])
    if not text_begun and not SENTENCE_END.search(block.text):
        block.label = "byline"
        state.count("italic_bylines")


def _index(blocks: list[Block], block: Block) -> int:
    return next((i for i, b in enumerate(blocks) if b is block), len(blocks))
