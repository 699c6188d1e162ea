"""A page never has a footnote whose back-link points nowhere.

Every footnote definition written on a page has its call on the page: the call a title's source
block carried goes on the page's title (that block is not shown again), and a note whose call is
nowhere on the page is shown as a paragraph at the end of the text, without a back-link."""

from __future__ import annotations

from builder.config import Config
from builder.document import Block, Document, Metadata, Source, Span
from builder.enrich import metadata
from builder.link import Corpus
from builder.write.document_page import render_document

TITLE = "Concluding observations on the periodic reports of Greece"
NOTE = "Adopted by the Committee at its 110th session."


def page(*blocks: Block, title: str = TITLE) -> str:
    meta = Metadata(title=title, title_block=metadata.title_block(list(blocks), title))
    doc = Document(Source(name="doc.txt", text="", sha256=""), slug="doc", blocks=list(blocks), meta=meta)
    return render_document(doc, Corpus([doc], Config()))


def test_a_note_called_on_the_title_s_block_is_called_on_the_page_title():
    heading = Block("heading", TITLE, level=1, spans=[Span(len(TITLE), len(TITLE), "footnote", "*")])
    text = page(heading, Block("paragraph", "The Committee considered the reports."),
                Block("footnote", NOTE, label="*"))
    assert f"# {TITLE}[^note]" in text
    assert f"[^note]: {NOTE}" in text


def test_a_note_called_nowhere_on_the_page_is_a_paragraph_not_a_footnote():
    text = page(Block("paragraph", "The Committee considered the reports."),
                Block("footnote", NOTE, label="7"), title="Reports")
    assert "[^7]" not in text
    assert f"\n{NOTE}\n" in text
