"""Helpers for the cleaning tests: clean a literal string, count words, render Markdown."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import fields
from functools import lru_cache
from pathlib import Path

import markdown
import yaml

from builder.clean import clean
from builder.clean.text.patterns import DOC_SYMBOL
from builder.document import Block, CleanDocument, Document
from builder.read import decode
from builder.write.document_page import list_places

ROOT = Path(__file__).resolve().parents[2]
SUPERSCRIPT_RUN = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
BRACKET_MARKER = re.compile(r"\[\d{1,3}\]")
INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
WORD = re.compile(r"[^\W_]+")
LINE_END_MARKUP = r"(?:\s|<[^<>\n]{0,400}>)*"
"""Spaces and HTML tags between a line-end hyphen and the line end."""


def clean_text(text: str | bytes, name: str = "doc.txt") -> CleanDocument:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    return clean(decode(name, data))


def words(text: str) -> Counter:
    """Words after normalising case and punctuation. Footnote markers are not words; a
    hyphen inside a word joins (``awareness-raising`` is one word). Words split at a line
    end are matched by ``lost_and_invented``."""
    text = INNER_HYPHEN.sub("", text)
    text = SUPERSCRIPT_RUN.sub(" ", text)
    text = BRACKET_MARKER.sub(" ", text)
    return Counter(w.casefold() for w in WORD.findall(text))


def every_block(blocks: list[Block]):
    for b in blocks:
        yield b
        yield from every_block(b.children)


def page_words(doc: CleanDocument) -> Counter:
    """Words a reader finds on the page: block texts (letter parts, admonition titles and
    children, footnotes included), printed numbers, and link targets not shown as text."""
    total: Counter = Counter()
    for b in every_block(doc.blocks):
        total += words(b.text) + words(b.number) + words(b.title)
        for s in b.spans:
            if s.kind == "url" and b.text[s.start:s.end] != s.target:
                total += words(s.target)
    return total


def note_numbers(doc: CleanDocument) -> Counter:
    """The numbers of the note references on the page (each shown as its note's number)."""
    total: Counter = Counter()
    for b in every_block(doc.blocks):
        for s in b.spans:
            if s.kind == "footnote":
                total += words(s.target)
    return total


def removed_words(doc: CleanDocument) -> Counter:
    total: Counter = Counter()
    for r in doc.removed:
        total += words(r.text)
    return total


def lost_and_invented(source: str, doc: CleanDocument) -> tuple[Counter, Counter]:
    """(words of the source found nowhere, words on the page or in removed not in the source)."""
    src = words(source)
    out = page_words(doc) + removed_words(doc)
    lost, invented = src - out, out - src
    # A plain number the text printed as a note reference (``Crime 5 and``, ``20172``) is on the
    # page as that note's number: it may account for a lost number, never for an invented one.
    lost -= note_numbers(doc)
    # A word split by a hyphen at a line end (or across a page break, with blank lines or a
    # removed header between; or at the end of a column, before a gap of two spaces) is one word
    # on the page: ``coopera-⏎tion`` = ``cooperation``, ``awareness-⏎raising`` =
    # ``awareness-raising``; also when HTML tags, which are markup, stand between the hyphen and
    # the line end (``coopera- <abbr title="…">⏎Dear``).
    for whole in list(invented):
        for left in list(lost):
            right = whole[len(left):]
            split = rf"{re.escape(left)}-(?:{LINE_END_MARKUP}\n| {{2,}})[\s\S]{{0,2000}}?{re.escape(right)}"
            if not (whole.startswith(left) and right and re.search(split, source, re.IGNORECASE)):
                continue
            while lost[left] and lost[right] and invented[whole] and (left != right or lost[left] >= 2):
                lost[left] -= 1
                lost[right] -= 1
                invented[whole] -= 1
    # Text on both sides of HTML tags the source holds is one word on the page, as a browser
    # shows it: ``1<a>1`` = ``11``, ``<b>bold</b>er`` = ``bolder``.
    tag = r"(?:<[^<>\n]{0,400}>)+"
    for whole in list(invented):
        spelled = f"(?:{tag})?".join(re.escape(ch) for ch in whole)
        for m in re.finditer(spelled, source, re.IGNORECASE):
            pieces = [p.casefold() for p in re.split(tag, m.group(0)) if p]
            needed = Counter(pieces)
            if len(pieces) > 1 and invented[whole] and all(lost[w] >= n for w, n in needed.items()):
                lost -= needed
                invented[whole] -= 1
    # A table's value glued to the end of its label (``Street25,000``, the label cut short where
    # the dot leader would start) is a word and a number on the page: ``Street`` | ``25,000``.
    for glued in list(lost):
        m = re.fullmatch(r"(.*\D)(\d{1,3})", glued)
        while m and lost[glued] and invented[m.group(1)] and invented[m.group(2)] and re.search(
                rf"{re.escape(glued)},\d{{3}}", source, re.IGNORECASE):
            lost[glued] -= 1
            invented[m.group(1)] -= 1
            invented[m.group(2)] -= 1
    # A word printed letter-spaced (``N O T I C E``) is one word on the page (``NOTICE``).
    for whole in list(invented):
        spaced = " ".join(whole)
        letters = Counter(whole)
        while invented[whole] and all(lost[c] >= n for c, n in letters.items()) and re.search(
                re.escape(spaced), source, re.IGNORECASE):
            lost -= letters
            invented[whole] -= 1
    return +lost, +invented


@lru_cache(maxsize=1)
def _extensions() -> tuple[list[str], dict]:
    """mkdocs.yml's markdown_extensions as (names, configs), read once."""
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


def as_page(doc: CleanDocument | Document) -> Document:
    """A clean document as the write stage takes one, nothing enriched (default metadata, no themes)."""
    return doc if isinstance(doc, Document) else Document(**{f.name: getattr(doc, f.name) for f in fields(doc)})


def body_markdown(doc: CleanDocument | Document) -> str:
    """The cleaned text of a document as the page renders it (the page header's lines, the
    body and footnotes)."""
    from builder.write.doc_header import head_lines
    from builder.write.document_page import render_body
    from builder.write.markdown import footnote_id, inline

    out = head_lines(as_page(doc)) + render_body(as_page(doc))
    for note in (b for b in doc.blocks if b.kind == "footnote"):
        out.append(f"[^{footnote_id(note.label)}]: {inline(note, one_line=True)}")
    return "\n".join(out) + "\n"


_GLYPH_START = re.compile(r"^(?:[•▪●■➢►\uf0b7\uf0a7]|u\s+[A-Z])")
_SPLIT_WORD = re.compile(r"[^\W\d_]{2,}- [a-z]")
_MARKUP = re.compile(r"\*\*|\]\(|<https?:|^#|^\s*[-*+]\s|__")
_SUPERSCRIPT = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]")


def artefacts(doc: CleanDocument) -> list[str]:
    """Extraction artefacts left in a cleaned document (an empty list when it is clean)."""
    problems = []
    text_blocks = [b for b in every_block(doc.blocks) if b.kind != "admonition"]
    for b in text_blocks:
        t = b.text
        where = f"{b.kind} at line {b.lines[0]}: {t[:60]!r}"
        if t != t.strip() or "  " in t or "\u00a0" in t:
            problems.append(f"stray whitespace in {where}")
        if _MARKUP.search(t):
            problems.append(f"source markup in {where}")
        if _GLYPH_START.match(t):
            problems.append(f"bullet glyph left in {where}")
        if _SPLIT_WORD.search(t):
            problems.append(f"word split at a line end left in {where}")
        if b.kind not in ("footnote",) and _SUPERSCRIPT.search(t) and not any("marker" in w for w in doc.warnings):
            problems.append(f"footnote marker left in {where}")
        if b.kind == "heading" and re.match(r"^(?:\d+|[IVXLC]+)[.)]\s", t):
            problems.append(f"section number left in the text of {where}")
        if re.fullmatch(r"(?:page\s*)?\d{1,4}", t, re.IGNORECASE):
            problems.append(f"page number left as {where}")
    paragraphs = [b for b in doc.blocks if b.kind in ("paragraph", "list_item")]
    for p, q in zip(paragraphs, paragraphs[1:]):
        # (a document symbol alone, ``A/HRC/99/1``, is a header line, never a sentence cut off)
        if not re.search(r"[.!?:;)”\"’]$", p.text) and q.text[:1].islower() and q.kind == "paragraph" \
                and not DOC_SYMBOL.match(p.text):
            problems.append(f"paragraph at line {p.lines[0]} is cut off and continues at line {q.lines[0]}")
    return problems


def render_problems(doc: CleanDocument | Document) -> list[str]:
    """What goes wrong when the cleaned text is rendered with mkdocs.yml's extensions."""
    md = body_markdown(doc)
    html = render_html(md)
    problems = []
    if re.search(r"\\\n", md):
        problems.append("a backslash at a line end (renders literally)")
    refs = set(re.findall(r'href="#fn:([^"]+)"', html))
    defs = set(re.findall(r'<li id="fn:([^"]+)"', html))
    if refs != defs:
        problems.append(f"footnote references {sorted(refs)} != definitions {sorted(defs)}")
    # An ordered list starts at a numbered item after anything else, or where the numbering
    # starts again (the writer then marks a new list: ``list_places``' restart).
    places = list_places(doc.blocks)
    lists = sum(1 for i, (a, b) in enumerate(zip([None, *doc.blocks], doc.blocks))
                if b.kind == "list_item" and b.number.isdigit() and b.level == 0
                and (a is None or a.kind != "list_item" or not a.number.isdigit()
                     or (i in places and places[i].restart)))
    if html.count("<ol") - (1 if defs else 0) > lists:
        problems.append("an ordered list the cleaned text does not have (a numbered heading?)")
    for b in doc.blocks:
        if b.kind == "heading" and b.number and not re.search(
                rf"<h\d[^>]*>{re.escape(b.number)}\. ", html):
            problems.append(f"heading {b.number}. {b.text[:40]} is not rendered as a numbered heading")
    visible = re.sub(r"<[^>]+>", "", html)
    for mark in ("**", "](", "[^", "!!!", "{:"):
        if mark in visible:
            problems.append(f"literal {mark!r} in the rendered text")
    return problems
