"""The page header: what a document prints about itself around its text, not as its text.

A byline (``By Jane Doe, Reuters``), a publication line (``Published: 3 May 2021``, ``Last
updated 5 November 2020``, ``Publicado em 18/12/2023``), a place-and-date line above the text
(``STRASBOURG`` / ``12 July 2016``), a dateline opening a press release's first paragraph
(``GENEVA, 3 May 2021 —``, ``Stockholm den 4 maj 2022 –``), an official masthead with its
distribution note (``… Distr.: General …``) and a contact line closing the text (``Media contact:
Anna Berg, tel …, email …``) are labelled for the page header (``document.HEAD_LABELS``): the page
shows them under its title, with no paragraph number. Over-titles, mastheads, addresses and
bylines above the text that the structure rule labelled already (``kicker``, ``byline``) and the
contact blocks of ``boilerplate.contact_blocks`` (``contact``) join them there. Nothing is removed:
a dateline is split from its paragraph into a block of its own (the dash between them is
punctuation), every word stays on the page.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...document import HEAD_LABELS, Block
from ..state import DOCUMENT, CleanState, rule
from ..text.blocks import PLACE_DATE
from ..text.letter_words import ALL_LANGUAGES, patterns
from ..text.patterns import furniture_kind

BYLINE = re.compile(
    r"^(?:(?:(?:written|posted|reported)\s+)?by|par|por|von|av|door|di|da)(?:\s*:)?\s+"
    r"(?-i:[A-ZÀ-Þ][\w.'’-]*\s+(?:[A-ZÀ-Þ][\w.'’-]*\s*){1,3})(?:[,|·•–—-]\s*[^\n]{1,60})?$"
    r"|^(?:authors?|auteur(?:e|s)?|autor(?:a|es)?|verfasser(?:in)?|författare|autore)\s*:\s*\S[^\n]{0,80}$",
    re.IGNORECASE)
"""A byline: ``By Jane Doe, Reuters``, ``By Jane Doe | 3 May 2021``, ``Written by Jane Doe``, ``Par
Marie Dupont``, ``Von Hans Maier``, ``Author: Jane Doe``; a name of two to four capitalised words."""
PUBLICATION = re.compile(
    r"^\W{0,3}(?:(?:first\s+|last\s+)?(?:published|updated|modified|posted|reviewed|revised)|last\s+update|"
    r"publié(?:e)?|(?:dernière\s+)?mise?\s+à\s+jour|mis\s+en\s+ligne|publicad[oa]|actualizad[oa]|"
    r"última\s+actualización|atualizad[oa]|última\s+atualização|veröffentlicht|(?:zuletzt\s+)?aktualisiert|"
    r"publicera[dt]|(?:senast\s+)?uppdatera[dt]|pubblicat[oa]|aggiornat[oa]|gepubliceerd|(?:laatst\s+)?bijgewerkt)"
    r"\b", re.IGNORECASE)
"""What opens a web page's publication or update line, in the languages of ``LETTER_WORDS``."""
DISTRIBUTION = re.compile(r"\bDistr\.?\s*:\s*\w", re.IGNORECASE)
"""An official document's distribution note in its masthead: ``United Nations General Assembly
Distr.: General 25 November 2025`` (one line, as a PDF extraction gives it)."""
DATED_MASTHEAD = re.compile(r"^\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d\s+\S")
"""A journal's page header, which opens with its issue date in digits: ``22.5.2024 EN Official Journal of
the European Union L series`` (no section title starts with a date in digits)."""
YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\b\d{1,2}[./-]\d{1,2}[./-]\d{2}\b")
HEAD_LINE_WORDS = 16
"""A publication line is short: at most this many words (``Published 14 March 2024 · 4 minute read``)."""
CONTACT_OPENER = re.compile(
    r"^(?:(?:(?:media|press|news)\s+)?contacts?|(?:presse|medien)?kontakt|contact\s+(?:presse|média)|"
    r"contact[oa]s?(?:\s+de\s+(?:prensa|imprensa))?|presskontakt|perscontact|contatti(?:\s+stampa)?|"
    r"for\s+(?:more|further)\s+information)\s*:", re.IGNORECASE)
"""The label of a contact line, with its colon: ``Media contact:``, ``Pressekontakt:``, ``Contacto:``
(``For more information, write to …`` is a sentence)."""
CONTACT_DETAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+\d[\d ()/.-]{5,}\d|\b\d(?:[ ()/.-]{0,2}\d){7,}\b")
"""An e-mail address or a phone number."""
FOOTER_PARTS = re.compile(r"\s+[–—|•·]\s+|\s+-\s+")
"""What joins the parts of a footer's address line: ``Place Beauvau – 75800 Paris – www.…``."""
WEB_ADDRESS = re.compile(r"(?<!\S)(?:https?://|www\.)\S+")
SENTENCE_WORDS = 8
"""A part of a footer's address line is a few words: a street, a town, a phone, a web address."""
CONTACT_WORDS = 40
TAIL_BLOCKS = 3
"""A contact line is among the last blocks of the text (or above it)."""
DASH = re.compile(r"\s*(?:\.?\s*[–—]|\s-{1,2}\s|\.-(?=\s*\w))\s*")
"""What joins a dateline to its text: ``—``, ``–``, `` - ``, ``.–``."""
AGENCY = re.compile(r"\s*\([^()\n]{1,60}\)$")
"""The agency after a dateline's date: ``Geneva, 16 September 2021 (ILO News) —``."""
DATELINE_CHARS = 90
"""A dateline ends (at its dash) within this many characters of its paragraph's start."""


@rule(DOCUMENT)
def page_header(state: CleanState) -> None:
    """Bylines, publication and contact lines, place-and-date lines above the text and the
    dateline opening the first paragraph: labelled for the page header, not citable."""
    text = [b for b in state.blocks if b.kind != "footnote"]
    for b in text[-TAIL_BLOCKS:]:  # a contact line closes a release; inside the text it stays
        if b.kind == "paragraph" and b.label not in HEAD_LABELS and _contact_line(b.text):
            b.label = "contact"
            state.count("head_lines")
    if text and text[-1].kind == "paragraph" and text[-1].label not in HEAD_LABELS and _publication_line(text[-1].text):
        text[-1].label = "byline"  # ``Last updated: 5 November 2020`` closing a web page
        state.count("head_lines")
    start = _above_the_text(state)
    if start is not None:
        _split_dateline(state, start)


def _publication_line(text: str) -> bool:
    """``Published 14 March 2024 · 4 minute read``, ``Publicado em 18/12/2023 | Atualizado em …``."""
    return bool(PUBLICATION.match(text) and len(text.split()) <= HEAD_LINE_WORDS and YEAR.search(text))


def _contact_line(text: str) -> bool:
    """``Media contact: Anna Berg, tel +41 22 799 7912, email press@example.org``: a contact label,
    then an e-mail address or a phone number; or a footer's address line, its parts joined by dashes
    or bars, two of them contact details (``Place Beauvau – 75800 Paris – Standard : 01 49 27 49 27 –
    www.interieur.gouv.fr``)."""
    if len(text.split()) > CONTACT_WORDS:
        return False
    if CONTACT_OPENER.match(text) and CONTACT_DETAIL.search(text):
        return True
    parts = FOOTER_PARTS.split(text)
    details = sum(bool(CONTACT_DETAIL.search(p) or WEB_ADDRESS.search(p)) for p in parts)
    return len(parts) >= 3 and details >= 2 and not any(SENTENCE_WORDS < len(p.split()) for p in parts)


def _head_kind(text: str) -> str:
    """``dateline`` for a place-and-date line, ``byline`` for a byline, a publication line, a
    classification or handling marking or a masthead with its distribution note or its date,
    else ``""``."""
    if patterns(ALL_LANGUAGES).date_line.match(text.strip()) or PLACE_DATE.match(text.strip()):
        return "dateline"  # (``PLACE_DATE``: a cable's ``Message CANBERRA, [10] December 1947``)
    if furniture_kind(text) in ("classification marking", "handling marking"):
        return "byline"  # ``URGENT PERSONAL``, ``CONFIDENTIAL`` above the text
    dated = DATED_MASTHEAD.match(text) and not text.rstrip().endswith((".", "!", "?", ":"))
    masthead = (DISTRIBUTION.search(text) or dated) and len(text.split()) <= HEAD_LINE_WORDS
    return "byline" if BYLINE.match(text) or _publication_line(text) or masthead else ""


def _above_the_text(state: CleanState) -> int | None:
    """Label the bylines, publication lines and place-and-date lines above the text (before its
    first paragraph, list item, table or box), also where they were taken for a heading or a
    lead; the index of that first paragraph when it is one, else ``None``."""
    for i, b in enumerate(state.blocks):
        if b.kind == "heading":
            if (b.level >= 2 or DATED_MASTHEAD.match(b.text)) and not b.number and _head_kind(b.text):
                b.kind, b.label, b.level = "paragraph", _head_kind(b.text), 0  # a byline set as a heading
                state.count("head_lines")
            continue
        if b.kind in ("letter", "footnote") or b.label in HEAD_LABELS:
            continue
        if b.kind == "paragraph" and _head_kind(b.text):
            b.label = _head_kind(b.text)
            state.count("head_lines")
            continue
        if b.label != "lead":
            return i if b.kind == "paragraph" else None
    return None


def _split_dateline(state: CleanState, i: int) -> None:
    """``GENEVA, 3 May 2021 — The ministry …`` → a ``dateline`` block (``GENEVA, 3 May 2021``) and
    the paragraph (``The ministry …``): a place and a date, then a dash; nothing else before it."""
    b = state.blocks[i]
    dash = DASH.search(b.text, 0, DATELINE_CHARS)
    if dash is None or "\n" in b.text[:dash.start()]:
        return
    head = AGENCY.sub("", b.text[:dash.start()]).strip()
    pat = patterns(ALL_LANGUAGES)
    month_first = re.match(rf"(?:{pat.w['months']})\b", head, re.IGNORECASE)
    if not head[:1].isalpha() or month_first or not pat.date_line.match(head) or not b.text[dash.end():].strip():
        return  # no place before the date (``3 May 2021 —``, ``May 3, 2021 —``), or nothing after the dash
    cut, rest = dash.start(), dash.end()
    if any(s.start < rest and s.end > cut for s in b.spans):
        return  # a link or an emphasis across the dash
    line = (b.lines[0], b.lines[0])
    dateline = Block("paragraph", b.text[:cut], label="dateline", lines=line, lang=b.lang,
                     spans=[replace(s) for s in b.spans if s.end <= cut])
    b.spans = [replace(s, start=s.start - rest, end=s.end - rest) for s in b.spans if s.start >= rest]
    b.text = b.text[rest:]
    state.blocks.insert(i, dateline)
    state.count("datelines_split")
