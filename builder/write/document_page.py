"""The page of one document: front matter, header block, cleaned text, footnotes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import HEAD_LABELS, Block, Document
from ..link import LinkedCorpus
from .common import front_matter
from .doc_cite import alias_anchors, alias_lines, citation_block, paragraph_marks
from .doc_header import breadcrumbs, head_lines, header_block
from .doc_provenance import provenance_block
from .doc_links import abbreviated, abbreviation_lines, span_renderer, symbols_kept_whole
from .doc_related import related_block
from .markdown import attr, escape, footnote_id, inline, preformatted, table


ITALIC_LABELS = ("kicker", "byline", "lead")
"""Paragraph labels shown in italics (an over-title, a byline, a lead under a heading)."""
LINE_LABELS = ("contact", "quote")
"""Paragraph labels shown with the source's line breaks (a contact block: name, e-mail, phone; a
quotation and its attribution)."""
QUOTE_LABELS = ("quote",)
"""Paragraph labels shown as a block quote (a Markdown ``>`` quotation in the source)."""
BOX_TITLES = {"quote": "Photo caption", "example": "Case study", "question": "Did you know?", "info": "Call-out"}
"""Titles for admonitions the source gives no title (they are labels, not source text)."""
SITE_LANGUAGE = "en"
"""The language of the site (``theme.language`` in mkdocs.yml, the ``lang`` of every page's
``<html>``). A document in another language says so: ``lang`` in its front matter and a
``lang`` attribute on each element of its text (its headings through an attribute list, its
paragraphs through a ``<span lang>`` inside them, which leaves the paragraph's own attributes,
read by ``hooks/para_links.py``, as they are). English documents' pages are unchanged."""


def text_lang(doc: Document) -> str:
    """The document's language when it differs from the site's, else ``""``."""
    lang = doc.meta.lang or ""
    return lang if lang and lang != SITE_LANGUAGE else ""


def _in_lang(body: str, lang: str) -> str:
    """``body`` inside a ``<span lang>`` when ``lang`` is set."""
    return f'<span lang="{attr(lang)}">{body}</span>' if lang and body else body


def _attr_lang(lang: str) -> str:
    return f' lang="{attr(lang)}"' if lang else ""


def _heading(block: Block, render_span=None, lang: str = "") -> list[str]:
    hashes = "#" * min(6, max(2, block.level))
    # A section number is letters, digits and dots (it cannot open a list inside a heading line).
    number = (f"{block.number}. " if re.fullmatch(r"[A-Za-z0-9.]{1,12}", block.number)
              else escape(f"{block.number}.") + " ") if block.number else ""
    tail = f" {{:{_attr_lang(lang)} }}" if lang else ""
    return [f"{hashes} {number}{inline(block, render_span, one_line=True)}{tail}", ""]


LIST_RESTART = "<!-- list restarts -->"
"""Written between two ordered items when the second's number does not follow the first's
(a text numbered 1, 1, 2, 2 in two languages, or numbering that starts again): it ends the HTML
list, so that the next ``<ol start=N>`` shows the number the source printed (one list would
renumber its items 1, 2, 3, 4, and a reader could cite an item the source does not have)."""


@dataclass(frozen=True)
class ListPlace:
    """Where a list item goes: its nesting depth on the page and whether a new list starts."""

    level: int
    restart: bool = False


def list_places(blocks: list[Block]) -> dict[int, ListPlace]:
    """The place of each list item of ``blocks`` (by index), from the items before it.

    An item is nested at most one level below the item just before it, and not at all after
    anything else: indented Markdown with no parent item is a code block, which would show the
    item's attribute list as raw text. An ordered item whose number is not one more than the
    previous item's at its depth starts a new list (see ``LIST_RESTART``)."""
    places: dict[int, ListPlace] = {}
    last_numbers: list[str] = []  # per depth of the open lists: the previous item's number
    for i, block in enumerate(blocks):
        if block.kind != "list_item" or alias_lines(block):  # anything else ends the lists
            last_numbers = []
            if block.kind != "list_item":
                continue
        level = min(max(block.level, 0), len(last_numbers))
        previous = last_numbers[level] if level < len(last_numbers) else ""
        restart = bool(previous.isdigit() and block.number.isdigit()
                       and int(block.number) != int(previous) + 1)
        places[i] = ListPlace(level, restart)
        last_numbers = last_numbers[:level] + [block.number if block.number.isdigit() else "-"]
    return places


ITEM_LABEL = re.compile(r"\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\)\s|[a-zA-Z]\.\s")
"""An item that starts with its own label as printed (``a)``, ``(1)``, ``b.``): shown instead of a bullet."""


def _list_item(block: Block, render_span=None, lang: str = "",
               place: ListPlace | None = None) -> list[str]:
    if block.number.isdigit():
        marker, prefix = f"{block.number}.", ""
    else:
        marker, prefix = "-", (escape(f"({block.number})") + " " if block.number else "")
    labelled = marker == "-" and bool(prefix or ITEM_LABEL.match(block.text))
    before, after, anchor = paragraph_marks(block, labelled)
    if labelled and not anchor:
        anchor = "{: .labelled }"
    place = place or ListPlace(0)
    indent = "    " * place.level
    body = before + _in_lang(prefix + inline(block, render_span, one_line=True), lang) + after
    restart = [indent + LIST_RESTART, ""] if place.restart else []
    return restart + [f"{indent}{marker} {body}"] + ([f"{indent}    {anchor}"] if anchor else []) + [""]


def _paragraph(block: Block, render_span=None, lang: str = "") -> list[str]:
    before, after, anchor = paragraph_marks(block)
    body = inline(block, render_span)
    if block.label in LINE_LABELS:
        body = body.replace("\n", "  \n")  # the source's lines, as line breaks
    if block.label in ITALIC_LABELS and body and not any(s.kind == "emphasis" for s in block.spans):
        body = "\n".join(f"*{line}*" for line in body.split("\n"))
    lines = [before + _in_lang(body, lang) + after] + ([anchor] if anchor else [])
    if block.label in QUOTE_LABELS:  # every line of it, its attribute list too, inside the quote
        lines = [f"> {line}" for text in lines for line in text.split("\n")]
    return lines + [""]


def render_block(block: Block, doc: Document, render_span=None, place: ListPlace | None = None) -> list[str]:
    """One block as Markdown lines (ending with a blank line); footnotes render at the end.
    ``place`` is a list item's place among the blocks around it (``list_places``)."""
    lang = block.lang or text_lang(doc)  # a block in another language than the document's says so
    if block.kind == "heading":
        return _heading(block, render_span, lang)
    if block.kind == "list_item":
        return _list_item(block, render_span, lang, place)
    if block.kind == "admonition":
        kind = block.label or "note"
        title = (block.title or BOX_TITLES.get(kind, "")).replace('"', "“")
        out = [f'!!! {kind} "{escape(title)}"' if title else f"!!! {kind}", ""]
        children = block.children or [Block("paragraph", block.text)]
        places = list_places(children)
        for i, child in enumerate(children):
            out += ["    " + line if line else "" for line in render_block(child, doc, render_span, places.get(i))]
        return out
    if block.kind == "letter":
        return render_letter([block], render_span, lang)
    if block.kind == "footnote":
        return []  # rendered at the end of the page
    if block.kind == "table":
        return table(block)
    if block.kind == "preformatted":
        return preformatted(block)
    return _paragraph(block, render_span, lang)


def render_letter(parts: list[Block], render_span=None, lang: str = "") -> list[str]:
    """Consecutive letter parts: a compact header (letterhead, its details, date, addressee), a
    signature block (name in bold, role under it), or parts that stand alone (salutation,
    closing, note, stamp), each one paragraph with the source's line breaks."""
    lines: list[str] = []
    for b in parts:
        text = inline(b, render_span).replace("\n", "  \n")  # the source's lines, as line breaks
        if b.label == "letterhead":
            text = f"*{text}*"
        elif b.label == "signatory":
            text = f"**{text}**"
        lines.append(text)
    roles = {b.label for b in parts}
    if roles <= STANDALONE_PARTS:
        return [line for b, text in zip(parts, lines) for line in (text, *_part_attrs(b, lang), "")]
    css = "letter-signature" if roles & {"signatory", "signatory_role"} else "letter-head"
    return ["  \n".join(lines), f"{{: .{css}{_attr_lang(lang)} }}", ""]


STANDALONE_PARTS = frozenset({"salutation", "closing", "signature_note", "stamp"})
"""Letter parts shown each as a paragraph of its own."""


def _part_attrs(block: Block, lang: str) -> list[str]:
    """The attribute list of a standalone letter part: a stamp is marked as one."""
    css = " .letter-stamp" if block.label == "stamp" else ""
    return [f"{{:{css}{_attr_lang(lang)} }}"] if css or lang else []


def render_body(doc: Document, render_span=None) -> list[str]:
    """The cleaned text: blocks in order, letter parts grouped, the title heading skipped."""
    out: list[str] = []
    blocks = doc.blocks
    repeated = doc.title_heading  # the block the title came from: not shown again
    places = list_places(blocks)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "paragraph" and block.label in HEAD_LABELS:
            i += 1  # shown in the page header (``doc_header.head_lines``), old anchors included
            continue
        out += alias_lines(block)  # old anchors now landing on a heading or letter part
        if block is repeated:
            i += 1
            continue
        if block.kind == "letter":
            group = [block]
            while i + 1 < len(blocks) and blocks[i + 1].kind == "letter" \
                    and _letter_group(blocks[i + 1]) == _letter_group(block):
                i += 1
                group.append(blocks[i])
                out += alias_lines(blocks[i])
            out += render_letter(group, render_span, text_lang(doc))
        else:
            out += render_block(block, doc, render_span, places.get(i))
        i += 1
    return out


def _letter_group(block: Block) -> str:
    if block.label in ("letterhead", "letterhead_details", "date", "addressee"):
        return "head"
    if block.label in ("signatory", "signatory_role"):
        return "signature"
    return block.label


FOOTNOTES_HERE = "///Footnotes Go Here///"
"""Python-Markdown's footnotes extension puts the notes where this line is (its ``PLACE_MARKER``),
else at the very end of the page."""


def _with_title_calls(title: str, doc: Document) -> str:
    """The page title with the calls of the notes its source block carried (``Greece*`` → the
    title and its ``[^note]``): the block is not shown again, so its calls go on the title."""
    block = doc.title_heading
    calls = "".join(f"[^{footnote_id(s.target)}]" for s in (block.spans if block else ())
                    if s.kind == "footnote")
    if not calls:
        return title
    head, sep, tail = title.partition(" {:")
    return f"{head}{calls}{sep}{tail}"


def _called_notes(doc: Document, out: list[str], render_span) -> tuple[list[Block], list[str]]:
    """The notes whose call is on the page, and ``out``: a note whose call is nowhere (its block
    shown elsewhere or not at all) is a paragraph at the end of the text, never a footnote whose
    back-link would point nowhere."""
    text = "\n".join(out)
    notes: list[Block] = []
    for note in (b for b in doc.blocks if b.kind == "footnote"):
        if f"[^{footnote_id(note.label)}]" in text:
            notes.append(note)
        else:
            out = out + _paragraph(note, render_span, text_lang(doc))
    return notes, out


def render_document(doc: Document, corpus: LinkedCorpus) -> str:
    m = doc.meta
    fields = {
        "title": m.title, "date": m.date, "period": m.period, "organisation": m.organisation,
        "doc_type": m.doc_type, "signatory": m.signatory, "signatory_role": m.signatory_role,
        "addressee": m.addressee, "symbols": m.symbols, "lang": text_lang(doc) or None,
        "themes": [h.theme for h in doc.themes], "source": doc.name,
    }
    lang = text_lang(doc)
    title_lang = m.title_lang or lang  # a title in another language than the text: its own
    title = escape(m.title or doc.name) + (f" {{:{_attr_lang(title_lang)} }}" if title_lang and m.title else "")
    out = [front_matter(fields, f"seeds/{doc.name}")] + breadcrumbs(doc, corpus) \
        + [f"# {_with_title_calls(title, doc)}", ""]
    out += header_block(doc, corpus)
    render_span = span_renderer(doc, corpus)
    out += head_lines(doc, render_span, lang)
    out += render_body(doc, render_span)
    notes, out = _called_notes(doc, out, render_span)
    if notes:  # the notes right after the text they belong to, before the cite box and the rest
        out += [FOOTNOTES_HERE, ""]
    out += citation_block(doc, corpus)
    out += related_block(doc, corpus)
    out += provenance_block(doc, corpus)
    for note in notes:
        out.append(f"[^{footnote_id(note.label)}]: {alias_anchors(note)}{inline(note, render_span, one_line=True)}")
    if notes:
        out.append("")
    text = symbols_kept_whole("\n".join(out[1:]), abbreviated(doc, corpus))
    return "\n".join([out[0], text, *abbreviation_lines(doc, corpus)]).rstrip("\n") + "\n"
