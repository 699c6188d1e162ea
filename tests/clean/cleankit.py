"""Helpers for the cleaning tests: clean a literal string, count words, render Markdown."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import markdown
import yaml

from builder.clean import clean
from builder.document import Block, Document
from builder.read import decode

ROOT = Path(__file__).resolve().parents[2]
SUPERSCRIPT_RUN = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
BRACKET_MARKER = re.compile(r"\[\d{1,3}\]")
LINE_END_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\n[ \t]*(?=\w)")
INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
WORD = re.compile(r"[^\W_]+")


def clean_text(text: str | bytes, name: str = "doc.txt") -> Document:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    return clean(decode(name, data))


def words(text: str) -> Counter:
    """Words after normalising case and punctuation. Footnote markers are not words; a
    hyphen at a line end or inside a word joins (so ``coopera-⏎tion`` = ``cooperation`` and
    ``awareness-raising`` = ``awareness-⏎raising``)."""
    text = LINE_END_HYPHEN.sub("", text)
    text = INNER_HYPHEN.sub("", text)
    text = SUPERSCRIPT_RUN.sub(" ", text)
    text = BRACKET_MARKER.sub(" ", text)
    return Counter(w.casefold() for w in WORD.findall(text))


def every_block(blocks: list[Block]):
    for b in blocks:
        yield b
        yield from every_block(b.children)


def page_words(doc: Document) -> Counter:
    """Words a reader finds on the page: block texts (letter parts, admonition titles and
    children, footnotes included), printed numbers, and link targets not shown as text."""
    total: Counter = Counter()
    for b in every_block(doc.blocks):
        total += words(b.text) + words(b.number) + words(b.title)
        for s in b.spans:
            if s.kind == "url" and b.text[s.start:s.end] != s.target:
                total += words(s.target)
    return total


def removed_words(doc: Document) -> Counter:
    total: Counter = Counter()
    for r in doc.removed:
        total += words(r.text)
    return total


def lost_and_invented(source: str, doc: Document) -> tuple[Counter, Counter]:
    """(words of the source found nowhere, words on the page or in removed not in the source)."""
    src = words(source)
    out = page_words(doc) + removed_words(doc)
    return src - out, out - src


def _extensions() -> tuple[list[str], dict]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !!python/name tags
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names, configs = [], {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            (name, options), = item.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(item)
    return names, configs


def render_html(md: str) -> str:
    """Markdown → HTML with exactly the extensions mkdocs.yml lists."""
    names, configs = _extensions()
    return markdown.markdown(md, extensions=names, extension_configs=configs)


def body_markdown(doc: Document) -> str:
    """The cleaned text of a document as the page renders it (body and footnotes)."""
    from builder.write.document_page import render_body
    from builder.write.markdown import footnote_id, inline

    out = render_body(doc, "")
    for note in (b for b in doc.blocks if b.kind == "footnote"):
        out.append(f"[^{footnote_id(note.label)}]: {inline(note, one_line=True)}")
    return "\n".join(out) + "\n"
