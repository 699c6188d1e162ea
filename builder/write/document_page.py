"""The page of one document: front matter, header block, cleaned text, footnotes."""

from __future__ import annotations

from ..document import Block, Document
from ..link import Corpus
from .common import front_matter
from .doc_cite import citation_block
from .doc_header import header_block
from .doc_provenance import provenance_block
from .doc_related import related_block
from .markdown import escape, footnote_id, inline


def render_block(block: Block, doc: Document) -> list[str]:
    anchor = f"{{: #{block.anchor} }}" if block.anchor else ""
    if block.kind == "heading":
        return [f"{'#' * min(6, max(2, block.level + 1))} {escape(block.text)}", ""]
    if block.kind == "list_item":
        marker = f"{block.number}." if block.number else "-"
        indent = "    " * block.level
        body = inline(block, one_line=True)
        return [f"{indent}{marker} {body}"] + ([f"{indent}    {anchor}"] if anchor else []) + [""]
    if block.kind == "admonition":
        title = block.title.replace('"', "“")
        out = [f'!!! {block.label or "note"} "{escape(title)}"' if title else f"!!! {block.label or 'note'}", ""]
        for child in block.children or [Block("paragraph", block.text)]:
            out += ["    " + line if line else "" for line in render_block(child, doc)]
        return out
    if block.kind == "footnote":
        return []  # rendered at the end of the page
    return [escape_block(inline(block))] + ([anchor] if anchor else []) + [""]


def render_document(doc: Document, corpus: Corpus) -> str:
    m = doc.meta
    fields = {
        "title": m.title, "date": m.date, "period": m.period, "organisation": m.organisation,
        "doc_type": m.doc_type, "signatory": m.signatory, "signatory_role": m.signatory_role,
        "addressee": m.addressee, "symbols": m.symbols, "themes": [h.theme for h in doc.themes],
        "source": doc.name,
    }
    out = [front_matter(fields, f"seeds/{doc.name}") + f"# {escape(m.title or doc.name)}", ""]
    out += header_block(doc, corpus)
    skip_title = True
    for block in doc.blocks:
        if skip_title and block.kind == "heading" and block.text == m.title:
            skip_title = False
            continue
        out += render_block(block, doc)
    out += citation_block(doc, corpus)
    out += related_block(doc, corpus)
    out += provenance_block(doc, corpus)
    notes = [b for b in doc.blocks if b.kind == "footnote"]
    for note in notes:
        out.append(f"[^{footnote_id(note.label)}]: {inline(note, one_line=True)}")
    if notes:
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
