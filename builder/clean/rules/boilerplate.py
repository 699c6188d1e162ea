"""Text that is not part of the document: web boilerplate, page furniture, signature images.

Every removal is recorded in ``removed`` with its reason. The rules look at shape and
generic vocabulary (navigation, account, sharing, cookie and image words), never at a
particular site's wording.
"""

from __future__ import annotations

import re

from ...document import Block, Removal, Span
from ...textscan import lines_that_may_contain
from ..state import BLOCK, LINE, Chunk, CleanState, Line, rule
from ..text.pages import FURNITURE_CELL_WORDS as FURNITURE_WORDS
from ..text.pages import (LAYOUT_GAP, OF_NAME, OF_WORD, PAGE_CELL, PAGE_WORD, dashed, furniture_text, page_cell,
                          page_cells)
from ..text.patterns import BULLET, NUMBERED, SENTENCE_END

SIGNATURE_IMAGE_REASON = "image description of a signature"
PAGE_NUMBER_REASON = "page number"
SEPARATOR_REASON = "separator rule (a line of dashes or underscores)"
RUNNING_HEADER_REASON = "running header or footer (repeated on {n} pages)"
NUMBERED_HEADER_REASON = "running header with page number (on {n} pages)"
WEB_BOILERPLATE_REASON = "web boilerplate (navigation, banner, account or sharing text)"
NAVIGATION_REASON = "web boilerplate (navigation)"
MASTHEAD_REASON = "web masthead (site name or tagline above the title)"

# ---------------------------------------------------------------------------- signature images

SIGNATURE_IMAGE = re.compile(
    r"^[\[(]?(?:(?:image|picture|photo|figure|graphic)\s*(?:of|:)?\s*)?(?:an?|the)?\s*"
    r"(?:[\w-]+\s+){0,4}(?:signature|autograph|initials)\b(?:\s+(?:image|stamp))?"
    r"(?:.{0,160}(?:appear|read|signed|ink|illegible)|\s*[\])]?\s*$)", re.IGNORECASE)
_SIGNATURE_WORDS = ("signature", "signed", "seal", "stamp", "autograph", "initials", "illegible")
"""One of these is in every line ``SIGNATURE_IMAGE`` or ``SIGNATURE_MARK`` matches: a quick first test."""
SIGNATURE_MARK = re.compile(r"^[\[(](?:signed|signature|seal|stamp|illegible)[^\])]{0,40}[\])]$", re.IGNORECASE)


@rule(LINE, SIGNATURE_IMAGE_REASON)
def signature_images(state: CleanState) -> None:
    """Drop descriptions of a signature image and ``[signed]`` marks.
    ``A handwritten signature in black ink, appearing to read "J. Doe".`` → removed."""
    lines = state.lines
    for i in lines_that_may_contain([line.text for line in lines], _SIGNATURE_WORDS):
        line, text = lines[i], lines[i].text
        if not text or line.dropped or len(text) > 240:
            continue
        if SIGNATURE_IMAGE.match(text) or SIGNATURE_MARK.match(text):
            state.remove(line, SIGNATURE_IMAGE_REASON, "signature_images")


END_MARK_REASON = "end mark of a release (###, -30-, ENDS): where the text for publication stops"
END_MARK = re.compile(r"^(?:#\s*){3}$|^[-–—]\s*30\s*[-–—]$|^(?:[-–—*]+\s*)?(?:ENDS?|FIN|ENDE|FIM|SLUT)(?:\s*[-–—*]+)?$"
                      r"|^[-–—*]+\s*(?:ends?|fin|ende|fim|slut)\s*[-–—*]+$|^NNNN$", re.IGNORECASE)
"""A line that only marks the end of a press release's text: ``###``, ``# # #``, ``-30-``,
``- ENDS -``, ``ENDS``, ``— FIN —``, ``-Ende-``, ``*SLUT*`` (a word alone only in capitals), or of a
telegram's (the teleprinter's ``NNNN``)."""


@rule(LINE, END_MARK_REASON)
def end_marks(state: CleanState) -> None:
    """Drop the mark a press release prints where its text ends (what follows is the
    release's notes for editors). ``###`` → removed."""
    for line in state.lines:
        text = line.text
        if text and not line.dropped and len(text) <= 12 and END_MARK.match(text) \
                and (not text.strip("-–—* ").isalpha() or text.strip("-–—* ").isupper() or text.strip("-–—* ") != text):
            state.remove(line, END_MARK_REASON, "end_marks")


# ---------------------------------------------------------------------------- contact blocks

CONTACT_DETAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w/])(?:https?://|www\.)\S+"
                            r"|(?<![\w/.,-])(?:\+\d[\d ()/.-]{5,}|\(?\d(?:[ ()/.-]{0,2}\d){6,})\d(?![\w/])")
"""An e-mail address, a web address or a phone number (``+`` and digits, or eight digits or more,
with spaces, dots or dashes between: not a figure such as ``727.205``, nor a date: ``DATE_LIKE``)."""
WEB_ADDRESS = re.compile(r"https?://|www\.")
PHONE_FIRST = re.compile(r"^\(\d{2,5}\)\s*\d")
"""A phone number whose area code in brackets looks like a list number (``(212) 555-1234``)."""
DATE_LIKE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$")
CONTACT_LABEL = re.compile(r"^[^\W\d_][^.!?:;]{1,40}:$")
"""A short label line ending with a colon (``Media contact:``, ``Pressekontakt:``, ``For more information:``)."""
CONTACT_LINES = (2, 12)
"""The fewest and most lines of a contact block."""
CONTACT_LINE_WORDS = 10
"""A line of a contact block is a name, a unit, an address or a detail: a few words."""


@rule(BLOCK)
def contact_blocks(state: CleanState) -> None:
    """Keep a block of contact lines as lines (a ``contact`` paragraph, its line breaks kept):
    short lines, no sentence, with an e-mail address, a phone number or a web address, under a
    label (``Media contact:``) or with two such details. Reflowed, they read as one garbled
    sentence. ``Media contact:⏎ILO Department of Communication⏎newsroom@ilo.org⏎+41 22 799 7912``
    → four lines."""
    label: Chunk | None = None
    for chunk in state.chunks:
        if chunk.done is None and _contact_block(chunk.lines, label is not None):
            lines = [ln for ln in chunk.lines if not ln.dropped]
            if label is not None:  # the label on a line of its own above: the block's first line
                lines = [ln for ln in label.lines if not ln.dropped] + lines
                label.done = []
            block = Block("paragraph", "\n".join(ln.text for ln in lines), label="contact",
                          lines=(lines[0].no, lines[-1].no))
            if CONTACT_LABEL.match(lines[0].text):
                block.spans.append(Span(0, len(lines[0].text), "strong"))
            chunk.done = [block]
            state.count("contact_blocks")
        shown = [ln for ln in chunk.lines if not ln.dropped and ln.text]
        label = chunk if chunk.done is None and len(shown) == 1 and CONTACT_LABEL.match(shown[0].text) else None


def _contact_block(lines: list[Line], labelled: bool = False) -> bool:
    """Short lines, none a sentence or a list item, with two contact details (or one under a label)."""
    lines = [ln for ln in lines if not ln.dropped and ln.text]
    if not CONTACT_LINES[0] - labelled <= len(lines) <= CONTACT_LINES[1]:
        return False
    if any(len(ln.text.split()) > CONTACT_LINE_WORDS or _sentence(ln.text) or BULLET.match(ln.text)
           or (NUMBERED.match(ln.text) and not PHONE_FIRST.match(ln.text)) for ln in lines):
        return False  # (a phone number may look numbered: "(212) 555-1234")
    details = [_detail(ln.text) for ln in lines]
    if "reach" not in details:
        return False  # web addresses alone are a list of links
    labelled = labelled or bool(CONTACT_LABEL.match(lines[0].text))
    return sum(map(bool, details)) >= 2 or labelled


def _detail(text: str) -> str:
    """``reach`` for a line with an e-mail address or a phone number, ``web`` for one with only a
    web address, ``""`` for none."""
    found = [m.group(0) for m in CONTACT_DETAIL.finditer(text) if not DATE_LIKE.match(m.group(0))]
    if any(not WEB_ADDRESS.match(d) for d in found):
        return "reach"
    return "web" if found else ""


def _sentence(text: str) -> bool:
    """A line that ends a sentence (not an address or a domain name: ``www.example.org``)."""
    return bool(SENTENCE_END.search(text)) and not CONTACT_LABEL.match(text) \
        and not CONTACT_DETAIL.search(text.split()[-1])


# ---------------------------------------------------------------------------- page furniture

PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|pg\.?)\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?"
    rf"(?:\s*(?:of|/)\s*\d{{1,4}}|\s+{OF_NAME}\s+\d{{1,4}})?$"
    rf"|^{PAGE_WORD}\s*\d{{1,4}}(?:\s*{OF_WORD}\s*\d{{1,4}})?$", re.IGNORECASE)
"""A page number alone: ``12``, ``- 4 -``, ``Page 3 of 12``, ``1 de 3``, ``Seite 2 von 6``, ``Pág. 3``."""
_DIGITS = re.compile(r"\d+")
SEPARATOR = re.compile(r"^[-_=*~.·•–—\u2500-\u257f]{4,}$")
"""A rule line: dashes, underscores, dots, or box-drawing lines (``─────``, ``═════``)."""


_JOB = r"(?:[A-Z]{1,3}\.)?\d{2}-\d{4,6}(?:\s*\([A-Z]\))?"
JOB_NUMBER = re.compile(rf"^{_JOB}(?:\s+\d{{6,8}})?$|^\*\d{{6,}}\*$")
"""A print job number (``GE.19-12345``, ``25-19346 (E)``) or a barcode (``*2519346*``)."""
JOB_NUMBER_REASON = "print job number or barcode"
PAGED_JOB_NUMBER = re.compile(rf"^\d{{1,4}}\s{{2,}}{_JOB}$|^{_JOB}\s{{2,}}\d{{1,4}}$")
"""A page footer of a printed document: page number and job number on one line, set apart by a
layout gap (``2      GE.23-07412``, ``GE.23-07412      3``)."""
PAGED_JOB_NUMBER_REASON = "page footer: page number and print job number"
NEAR_BOUNDARY = 3
"""Running furniture sits within this many text lines of a page boundary."""


@rule(LINE, PAGE_NUMBER_REASON, SEPARATOR_REASON, RUNNING_HEADER_REASON, NUMBERED_HEADER_REASON, JOB_NUMBER_REASON,
      PAGED_JOB_NUMBER_REASON, "running header with page number (the document's own number, printed at a page's top)",
      "page header or footer: short texts and a page number set apart by layout gaps, at a page boundary",
      "page number printed at the end of a text line, set apart by a layout gap, at a page boundary",
      "running header: a line of the document's first page printed again at a page break",
      "running header: the document's name and date joined by a separator at a page's top, "
      "every word printed on the first page or in its page footers",
      "running header: the document's own number (as its first page prints it) repeated "
      "at a page boundary, alone or beside a short title")
def page_furniture(state: CleanState) -> None:
    """Drop page numbers, job numbers and running headers/footers repeated at page boundaries.
    ``A/HRC/1/2`` at the top of 3 pages, ``- 4 -``, ``Page 3 of 12`` → removed; a sub-heading
    or table entry that repeats elsewhere in the page is kept."""
    lines = state.lines
    numbers = [i for i, ln in enumerate(lines) if ln.text and not ln.dropped and PAGE_NUMBER.match(ln.text)]
    for i in numbers:
        alone = (i == 0 or not lines[i - 1].text) and (i + 1 == len(lines) or not lines[i + 1].text)
        if len(numbers) >= 2 or alone or _counted(lines[i].text):
            state.remove(lines[i], PAGE_NUMBER_REASON, "page_furniture")
    for ln in lines:
        if ln.text and not ln.dropped and SEPARATOR.match(ln.text):
            state.remove(ln, SEPARATOR_REASON, "page_furniture")
        elif ln.text and not ln.dropped and len(ln.text) <= 24 and JOB_NUMBER.match(ln.text):
            state.remove(ln, JOB_NUMBER_REASON, "page_furniture")
        elif ln.text and not ln.dropped and len(ln.text) <= 160 and PAGED_JOB_NUMBER.match(ln.text):
            state.remove(ln, PAGED_JOB_NUMBER_REASON, "page_furniture")
    near = _near_boundaries(state)
    _paged_lines(state, near)
    exact: dict[str, list[Line]] = {}
    pattern: dict[str, list[Line]] = {}
    following = _next_lines(state.lines)
    for ln in state.lines:
        text = ln.text
        if not text or ln.dropped or len(text) > 90 or text[:1].islower():
            continue  # the continuation of a paragraph is not a header
        after = following.get(ln.no)
        if after is not None and after.text[:1].islower():
            continue  # nor is a line a paragraph goes on from, in lower case
        # A soft-wrapped line counts too: an extractor that pads every line with a space (paragraph
        # ends and headers as well) gives no wrap signal, and repetition at page boundaries decides.
        exact.setdefault(text, []).append(ln)
        if _DIGITS.search(text):
            pattern.setdefault(_DIGITS.sub("#", text), []).append(ln)
    exact = {k: v for k, v in exact.items() if len(v) >= 3 and _header_like(k)}
    pattern = {k: v for k, v in pattern.items() if len(v) >= 3 and _header_like(k)}
    kept: list[str] = []
    for key, lines in exact.items():
        if len(lines) >= 3 and _spread(lines) and not SENTENCE_END.search(key):
            if not _at_boundaries(lines, near):
                kept.append(f"'{key}' ({len(lines)} times)")
                continue
            for ln in lines:
                state.remove(ln, RUNNING_HEADER_REASON.format(n=len(lines)), "page_furniture")
    for lines in pattern.values():
        lines = [ln for ln in lines if not ln.dropped]
        fixed = _same_words(lines)  # (``A. 10527  2``, ``A. 10527  3``: a bill's number is fixed text too)
        if len(lines) >= 3 and len(fixed) >= 2 and _spread(lines) and _counts_up(lines):
            if 2 * sum(ln.no in near for ln in lines) < len(lines) and not _page_spaced(lines):
                # (the page number it counts is evidence too; so is a page's length between repeats)
                kept.append(f"'{lines[0].text}' ({len(lines)} times, numbered)")
                continue
            for ln in lines:
                state.remove(ln, NUMBERED_HEADER_REASON.format(n=len(lines)), "page_furniture")
    _headers_printed_again(state)
    if kept:
        state.warnings.append("lines repeated but not at page boundaries, kept as text (a heading or table "
                              "entry, not a running header): " + "; ".join(kept[:8])
                              + (f" and {len(kept) - 8} more" if len(kept) > 8 else ""))


def _counted(text: str) -> bool:
    """A page number that says so twice, with its page word and the page count (``Page 1 of 1``,
    ``Seite 2 von 6``): a page footer even with text right under it (a copyright line)."""
    m = PAGE_CELL.match(text)
    return bool(m and m.group("m") and page_cell(text))


def _headers_printed_again(state: CleanState) -> None:
    """Running headers printed once or twice, known by what the first page prints: the document's
    own number with a page number, or at a page's top, and a line of the cover repeated."""
    _own_number_headers(state)
    _own_number_tops(state)  # (first: a cover line over it is then seen standing apart)
    _cover_repeats(state)


PAGED_LINE_REASON = "page header or footer: short texts and a page number set apart by layout gaps, at a page boundary"
PAGE_CELL_REASON = "page number printed at the end of a text line, set apart by a layout gap, at a page boundary"


def _paged_lines(state: CleanState, near: set[int]) -> None:
    """A line at a page boundary made of texts set apart by layout gaps, one of them a page
    number: a running header or footer, even printed once (a short document) →
    ``UNHCR Chad / October 2023      Page 2 of 6`` removed. When the other text is a sentence
    (the extractor put a body line beside the footer) only the page number is taken off its end.
    A page number out of its count (``Page 7 of 6``) or a line away from a page boundary is kept."""
    lines, edge = state.lines, _near_boundaries(state, 1)
    for i, ln in enumerate(lines):
        if not ln.text or ln.dropped or len(ln.text) > 200 or not LAYOUT_GAP.search(ln.text):
            continue
        bare = ln.no in edge and _alone(lines, i)  # (a bare page number only on a page's own line)
        cells, pages = page_cells(ln.text, bare)
        if len(pages) != 1 or not (ln.no in near or _alone(lines, i)) or _paged_neighbour(lines, i):
            continue  # (lines with page numbers one under the other are a table of contents)
        others = [c for k, c in enumerate(cells) if k != pages[0]]
        if all(furniture_text(c) for c in others):
            state.remove(ln, PAGED_LINE_REASON, "page_furniture")
        elif pages[0] == len(cells) - 1 and not dashed(cells[-1]):  # (``– 2 –`` beside a sentence: in doubt)
            _takepage_cell(state, ln, cells[-1])


def _paged_neighbour(lines: list[Line], i: int) -> bool:
    """The line above or below also ends in a page number: a contents list, not furniture."""
    return any(0 <= j < len(lines) and lines[j].text and not lines[j].dropped
               and page_cell(LAYOUT_GAP.split(lines[j].text)[-1], True) for j in (i - 1, i + 1))


def _alone(lines: list[Line], i: int) -> bool:
    """A line with a blank line (or the document's edge) above and below it."""
    return (i == 0 or not lines[i - 1].text) and (i + 1 == len(lines) or not lines[i + 1].text)


def _takepage_cell(state: CleanState, ln: Line, cell: str) -> None:
    """Take the page number off the end of a text line, recorded as removed."""
    ln.text = ln.text[:len(ln.text) - len(cell)].rstrip()
    state.removed.append(Removal(cell, PAGE_CELL_REASON, "page_furniture", ln.no))
    state.count("page_numbers_cut")


COVER_REPEAT_REASON = "running header: a line of the document's first page printed again at a page break"
COVER_REPEAT_LINES = 8
"""The first text lines of a document, where a gazette or a report prints the header its later pages repeat."""


def _cover_repeats(state: CleanState) -> None:
    """A short line of the document's first page printed again right at a page break (a form
    feed, a converter's page marker or a page number removed) is a running header, even on a
    two-page document: the repeat is removed, the first print kept (it names the document).
    ``Diário da República, 1.ª série`` at the top and again after a form feed → the second removed;
    a line repeated away from a page break, or a sentence, is kept."""
    lines = [ln for ln in state.lines if ln.text and not ln.dropped]
    first: dict[str, int] = {}
    for ln in lines[:COVER_REPEAT_LINES]:
        for text in {ln.text, *LAYOUT_GAP.split(ln.text)}:  # (a cell of the cover: ``CONFIDENTIAL      PRIORITY``)
            if len(text) <= 90 and _header_like(text) and not SENTENCE_END.search(text):
                first.setdefault(text, ln.no)
    if not first:
        return
    breaks = _near_boundaries(state, NEAR_BOUNDARY, breaks_only=True)
    following = _next_lines(state.lines)
    for ln in lines:
        if ln.text in first and ln.no in breaks and ln.no - first[ln.text] >= COVER_REPEAT_LINES \
                and _stands_apart(following, ln):
            state.remove(ln, COVER_REPEAT_REASON, "page_furniture")
    _page_top_trails(state, lines[:COVER_REPEAT_LINES])


def _next_lines(all_lines: list[Line]) -> dict[int, Line]:
    """Each line's number → the next line still there (blank or not)."""
    live = [x for x in all_lines if not x.dropped]
    return {a.no: b for a, b in zip(live, live[1:])}


def _stands_apart(following: dict[int, Line], ln: Line) -> bool:
    """Nothing runs on from ``ln``: the next line still there (``_next_lines``) is blank, or the
    document ends. A paragraph whose first line happens to repeat a line of the first page goes
    on under it."""
    nxt = following.get(ln.no)
    return nxt is None or not nxt.text


PAGE_TOP_TRAIL_REASON = ("running header: the document's name and date joined by a separator at a page's top, "
                         "every word printed on the first page or in its page footers")
TRAIL_SEPARATOR = re.compile(r"\s[>»›|/·•–—]\s")
_WORD = re.compile(r"[^\W_]+")


def _page_top_trails(state: CleanState, cover: list[Line]) -> None:
    """The first line of a page, standing alone, with parts joined by a separator, every word of
    it on the first page or in a page footer removed: a running header (``REPORT > Country /
    October 2023``). A heading at a page's top has words of its own and is kept."""
    footers = {w.casefold() for r in state.removed if r.rule == "page_furniture" for w in _WORD.findall(r.text)}
    tops = _near_boundaries(state, 1, breaks_only=True)
    lines = state.lines
    for i, ln in enumerate(lines):
        if not ln.text or ln.dropped or ln.no not in tops or ln.no <= cover[0].no or not _alone(lines, i):
            continue
        known = footers | {w.casefold() for c in cover if c.no < ln.no for w in _WORD.findall(c.text)}
        words = [w.casefold() for w in _WORD.findall(ln.text)]
        if 3 <= len(words) <= FURNITURE_WORDS and TRAIL_SEPARATOR.search(ln.text) \
                and not SENTENCE_END.search(ln.text) and all(w in known for w in words):
            state.remove(ln, PAGE_TOP_TRAIL_REASON, "page_furniture")


OWN_NUMBER_TOP_REASON = ("running header: the document's own number (as its first page prints it) repeated "
                         "at a page boundary, alone or beside a short title")
OWN_CODE = re.compile(r"(?<!\S)(?P<code>(?:[^\W\d_][\w.]*\s+)?(?=\S*\d)[\w./:()-]*\d[\w./:()-]*)(?!\S)")
"""A number with the word it belongs to: ``SOU 2023:48``, ``Apelación 512/2023``, ``TELNO 612``,
``CERD/C/GRC/CO/23-24``."""
_YEAR_OR_SMALL = re.compile(r"^(?:\d{1,2}|(?:1[89]|20)\d\d)$")
OWN_NUMBER_COVER = 12
"""The first text lines of a document, where its cover or routing block prints its own number."""
OWN_NUMBER_WORDS = 6
"""A document's own number stands in a short line or cell of its cover: a few words."""


def _own_codes(text: str) -> set[str]:
    """The numbers of a short text with the word before each (casefolded): ``TO FCO TELNO 612`` →
    ``{"telno 612"}``; a year, a small number or a date is no document's number."""
    codes = set()
    for m in OWN_CODE.finditer(text):
        code = m.group("code").casefold()
        digits = "".join(_DIGITS.findall(code.split()[-1]))
        if len(digits) >= 3 and not _YEAR_OR_SMALL.match(code.split()[-1]) and not DATE_LIKE.match(code.split()[-1]):
            codes.add(code)
    return codes


def _own_number_tops(state: CleanState) -> None:
    """A line at a page break (a form feed, a page marker, a page number or footer removed, or two
    blank lines above it), standing apart, whose texts (set apart by layout gaps) are short and one
    of which holds the document's own number as its first page prints it (a short line or cell:
    ``SOU 2023:48``, ``TO FCO TELNO 612``): a running header or footer → ``SOU 2023:48
    Sammanfattning``, ``UKMIS GENEVA TELNO 612``, ``CERD/C/GRC/CO/23-24`` removed; the cover's own
    print, a number only a sentence of the cover cites, and a repeat away from a page break are kept."""
    live = [ln for ln in state.lines if ln.text and not ln.dropped]
    own: dict[str, int] = {}
    for ln in live[:OWN_NUMBER_COVER]:
        for cell in LAYOUT_GAP.split(ln.text):
            if len(cell.split()) <= OWN_NUMBER_WORDS and furniture_text(cell):
                for code in _own_codes(cell):
                    own.setdefault(code, ln.no)
    if not own:
        return
    near, following = _near_boundaries(state, 2, breaks_only=True) | _after_gaps(state.lines), _next_lines(state.lines)
    for ln in reversed(live):  # (bottom up: a header's second line goes first, then its first)
        if ln.no not in near or len(ln.text.split()) > FURNITURE_WORDS or not _stands_apart(following, ln):
            continue
        cells = LAYOUT_GAP.split(ln.text)
        codes = {code for c in cells for code in _own_codes(c)}
        if all(furniture_text(c) for c in cells) \
                and any(ln.no - own.get(code, ln.no) >= COVER_REPEAT_LINES for code in codes):
            state.remove(ln, OWN_NUMBER_TOP_REASON, "page_furniture")
            following = _next_lines(state.lines)


def _after_gaps(lines: list[Line]) -> set[int]:
    """The first text line after two blank lines or more (a page's top, where no form feed or page
    number marks it)."""
    out, blanks = set(), 0
    for ln in lines:
        if ln.dropped:
            continue
        if not ln.text:
            blanks += 1
            continue
        if blanks >= 2:
            out.add(ln.no)
        blanks = 0
    return out


OWN_NUMBER_HEADER_REASON = "running header with page number (the document's own number, printed at a page's top)"
_PAGED_CODE = re.compile(r"^(?P<code>[A-Z][A-Za-z]{0,3}\.?\s?(?P<num>\d{3,6}))\s{2,}(?P<page>\d{1,3})$")
"""A short code with a number, a layout gap and a page number: ``A. 8405  2``."""
COVER_LINES = 40
"""The first lines of a document, where its cover prints its own number."""


def _own_number_headers(state: CleanState) -> None:
    """A page's running header printed only once (a two-page text): the document's own number
    as its cover prints it, a layout gap and the page number, with a blank line under it
    (``A. 8405  2`` when the cover has ``8405``) → removed; a code the cover does not print,
    or a line with text under it, is kept."""
    lines = state.lines
    cover = {ln.text for ln in lines[:COVER_LINES] if ln.text.isdigit()}
    cover |= {r.text for r in state.removed if r.line <= COVER_LINES and r.text.isdigit()}
    for i, ln in enumerate(lines):
        if not ln.text or ln.dropped or len(ln.text) > 24 or "  " not in ln.text:
            continue
        m = _PAGED_CODE.match(ln.text)
        below = lines[i + 1].text if i + 1 < len(lines) else ""
        if m and m.group("num") in cover and int(m.group("page")) >= 2 and not below:
            state.remove(ln, OWN_NUMBER_HEADER_REASON, "page_furniture")


def _near_boundaries(state: CleanState, reach: int = NEAR_BOUNDARY, breaks_only: bool = False) -> set[int]:
    """Line numbers within ``reach`` text lines of a page boundary: the start and end
    of the document, a form feed, a converter's page marker or a page number removed, or a
    gap of two or more blank lines."""
    lines = state.lines
    raw = state.source.text.split("\n") if "\f" in state.source.text else []  # (the lines a form feed may be in)
    marks = {r.line for r in state.removed if r.rule in ("page_markers", "page_furniture") and r.line}
    boundary = [False] * (len(lines) + 1)  # boundary[i]: a page boundary just before lines[i]
    boundary[0] = boundary[len(lines)] = not breaks_only  # (``breaks_only``: form feeds, markers, page numbers)
    blanks = 0
    for i, ln in enumerate(lines):
        if ln.no <= len(raw) and "\f" in raw[ln.no - 1]:
            boundary[i] = True
        if ln.no in marks:
            boundary[i] = boundary[i + 1] = True
        if not ln.text and not ln.dropped:
            blanks += 1
            continue
        if ln.dropped:
            continue
        if blanks >= 2 and not breaks_only:
            boundary[i] = True
        blanks = 0
    near: set[int] = set()
    for start in (i for i, b in enumerate(boundary) if b):
        for step in (1, -1):
            j, seen = (start if step == 1 else start - 1), 0
            while 0 <= j < len(lines) and seen < reach:
                if lines[j].text and not lines[j].dropped:
                    near.add(lines[j].no)
                    seen += 1
                elif step == 1 and j > start and boundary[j]:
                    break
                j += step
    return near


def _at_boundaries(lines: list[Line], near: set[int]) -> bool:
    """Running furniture: every repeat (all but one, from four on) sits at a page boundary."""
    at = sum(ln.no in near for ln in lines)
    return at >= len(lines) - (1 if len(lines) >= 4 else 0)


def _header_like(text: str) -> bool:
    return len(text.split()) <= 12 and not text.endswith((",", ";", ":")) and not BULLET.match(text) \
        and not NUMBERED.match(text)


def _spread(lines: list[Line]) -> bool:
    """Repeats a page apart, not a list or a table."""
    return all(b.no - a.no >= 3 for a, b in zip(lines, lines[1:]))


PAGE_SPACING = 1.25
"""Running headers with a page number, four or more, whose distances apart vary less than this
(longest over shortest) sit a page apart: page furniture even with no blank lines around them."""


def _page_spaced(lines: list[Line]) -> bool:
    gaps = [b.no - a.no for a, b in zip(lines, lines[1:])]
    return len(lines) >= 4 and min(gaps) >= 10 and max(gaps) <= PAGE_SPACING * min(gaps)


def _same_words(lines: list[Line]) -> list[str]:
    """The words every line has in the same place (numbers too): what the repeats share."""
    rows = [ln.text.split() for ln in lines]
    if not rows:
        return []
    if len({len(r) for r in rows}) != 1:
        return [w for w in _DIGITS.sub("#", lines[0].text).split() if "#" not in w]
    return [w for k, w in enumerate(rows[0]) if all(r[k] == w for r in rows)]


def _counts_up(lines: list[Line]) -> bool:
    nums = [int(_DIGITS.findall(ln.text)[-1]) for ln in lines]
    return all(b > a for a, b in zip(nums, nums[1:]))


# ---------------------------------------------------------------------------- web boilerplate

_WEB_TERMS = re.compile(
    r"\b(?:back to top|top of page|skip to (?:main )?content|skip navigation|printable|print (?:this )?page|"
    r"print version|banner|log ?in|log ?out|sign ?in|sign ?up|sign out|register|account|password|"
    r"cookies?|privacy (?:policy|notice|statement)|terms of (?:use|service)|share (?:this|on|via)|"
    r"tweet|subscribe|newsletter|rss|oauth|single sign|click|logo|faq|menu|breadcrumbs?|navigation|follow us|"
    r"email this|bookmark|facebook|twitter|linkedin|instagram|youtube|whatsapp|by e-?mail|seal|emblem|icon|"
    r"javascript|browser|site ?map|copyright|©|"
    r"all rights reserved|home ?page|contact us|accessibility|related links?|read more)\b",
    re.IGNORECASE)
_NAV_LINE = re.compile(
    r"^(?:(?:home|menu|search|share|print|email|top|next|previous|prev|back|more|close|skip|"
    r"contact us|site ?map|back to top|top of page|print this page|share this|follow us|"
    r"subir|volver arriba|haut de page|retour en haut|imprimer|partager|compartir|imprimir|voltar ao topo|"
    r"nach oben|drucken|teilen|till toppen|skriv ut|dela|tweet|facebook|twitter|linkedin|whatsapp|e-?mail)"
    r"\s*(?:[|>»/·•]\s*)?)+$", re.IGNORECASE)


def _boilerplate_score(text: str) -> tuple[int, int]:
    return len({m.group(0).casefold() for m in _WEB_TERMS.finditer(text)}), len(text.split())


BREADCRUMB = re.compile(r"^(?:you are here\s*:?\s*|vous êtes ici\s*:?\s*|usted está en\s*:?\s*)"
                        r"|^[^\W\d_][^>»›/|\n]{0,40}(?:\s+[>»›]\s+[^>»›\n]{1,40}){2,}$", re.IGNORECASE)
"""A trail of short items joined by ``>``, ``»``, ``›`` (``Home > News > Article``), or a
``You are here`` line."""


def _is_nav(text: str) -> bool:
    return bool(_NAV_LINE.match(text)) or (len(text) <= 200 and not SENTENCE_END.search(text)
                                           and bool(BREADCRUMB.match(text)))


def _is_boilerplate(chunk: Chunk) -> bool:
    text = chunk.text
    if _is_nav(text):
        return True
    if len(text) > 600:
        return False  # a blurb is short; prose is not boilerplate
    if len(chunk.lines) > 1 and any(_detail(ln.text) == "reach" and not _WEB_TERMS.search(ln.text)
                                    for ln in chunk.lines):
        return False  # (a person's e-mail or phone among the lines: a contact block, content)
    hits, words = _boilerplate_score(text)
    if words <= 8 and hits >= 1 and not SENTENCE_END.search(text.rstrip("!")):
        return True
    return hits >= 2 and words <= 15 * hits


@rule(BLOCK, WEB_BOILERPLATE_REASON, NAVIGATION_REASON, MASTHEAD_REASON)
def web_boilerplate(state: CleanState) -> None:
    """Drop banners, navigation, login/share blurbs and cookie notices at the top and bottom
    of a page, plus the site name and tagline above the title of such a page.
    ``Back to Top`` → removed."""
    chunks = [c for c in state.chunks if c.done is None]
    if not chunks:
        return
    head = 0
    while head < len(chunks) - 1 and _is_boilerplate(chunks[head]):
        head += 1
    tail = len(chunks)
    while tail - 1 > head and _is_boilerplate(chunks[tail - 1]):
        tail -= 1
    for chunk in chunks[:head] + chunks[tail:]:
        state.remove_chunk(chunk, WEB_BOILERPLATE_REASON, "web_boilerplate")
    for chunk in chunks[head:tail]:
        if _is_nav(chunk.text):
            state.remove_chunk(chunk, NAVIGATION_REASON, "web_boilerplate")
    if head:
        _masthead(state, chunks[head:tail])


def _masthead(state: CleanState, chunks: list[Chunk]) -> None:
    """Short single lines between the banner and the title are the site name and tagline."""
    run = []
    for chunk in chunks:
        if len(chunk.lines) != 1 or len(chunk.text.split()) > 25 or SENTENCE_END.search(chunk.text):
            break
        run.append(chunk)
    if len(run) < 2:
        return
    title = max(range(len(run)), key=lambda i: len(run[i].text.split()))
    names = []
    for chunk in run[:title]:
        names.append(chunk.text)
        state.remove_chunk(chunk, MASTHEAD_REASON, "web_boilerplate")
    if names:
        state.masthead = names
