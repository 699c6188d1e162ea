"""Letter anatomy: letterhead, date, addressee, salutation, closing, signatory, role.

A document is a letter when a salutation (``Dear …:``, ``To whom it may concern:``) comes
before a closing (``Sincerely,``). The chunks before the salutation are the letterhead
(joined into one line), the date and the addressee; the chunks after the closing are the
signature block: the signatory's name, OCR noise from the scanned signature (removed) and
the role (joined where the source split it mid-name). A ``Subject:`` line becomes the
document's title. Results go into ``letter`` blocks and ``extra["letter"]``.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ...document import Block, Removal
from ..state import BLOCK, Chunk, CleanState, rule
from ..text.patterns import DATE_LINE, SUBJECT

SIGNATURE_NOISE_REASON = "OCR noise from the scanned signature"
SUBJECT_LABEL_REASON = "label of the subject line (the subject is the title)"
SALUTATION = re.compile(
    r"^(?:dear\b.{1,60}|to whom it may concern|your excellency|excellency|excellencies|(?:dear )?sirs?|"
    r"(?:dear )?madam|ladies and gentlemen|(?:dear )?colleagues?|hello\b.{0,40}|hi\b.{0,40})\s*[:,.!]?$",
    re.IGNORECASE)
CLOSING = re.compile(
    r"^(?:(?:yours\s+)?(?:sincerely|faithfully|truly|respectfully|cordially)(?:\s+yours)?|"
    r"(?:with\s+)?(?:best|kind|warm|warmest|kindest)?\s*regards|(?:with\s+)?(?:best|warm)\s+wishes|"
    r"respectfully\s+submitted|yours(?:\s+ever)?|(?:very\s+)?truly\s+yours|with\s+(?:gratitude|thanks)|"
    r"(?:please accept|accept)[^.]{0,120}(?:consideration|esteem|regards))\s*[,.]?$", re.IGNORECASE)
NOTE_LINE = re.compile(r"^(?:cc|c\.c\.|bcc|encl\.?|enclosures?|attachments?|annex(?:es)?|copy to)\b", re.IGNORECASE)
ROLE_WORDS = re.compile(
    r"\b(?:ambassador|representative|minister|secretary|director|president|chair(?:person|man|woman)?|"
    r"head|chief|officer|counsell?or|consul|commissioner|coordinator|manager|deputy|general|adviser|"
    r"advisor|envoy|delegate|rapporteur|attaché|attache|charg[ée] d'affaires|chargé|mission|executive|"
    r"permanent|acting|principal|dean|professor|governor|mayor|senator|judge|registrar|spokesperson)\b",
    re.IGNORECASE)
_FUNCTION_END = re.compile(r"\b(?:of|the|for|and|to|on|in|at|de|du|des|la|le|&)$", re.IGNORECASE)


@rule(BLOCK, SIGNATURE_NOISE_REASON, SUBJECT_LABEL_REASON)
def letter(state: CleanState) -> None:
    """Recognise the parts of a letter and hand them to the metadata stage.
    ``Sincerely,`` / ``Jane Doe`` / ``Ambassador`` → closing, signatory, signatory_role."""
    chunks = [c for c in state.chunks if c.done is None]
    sal = next((i for i, c in enumerate(chunks[:15]) if len(c.lines) == 1 and SALUTATION.match(c.text)), None)
    if sal is None:
        return
    close = next((i for i in range(sal + 1, len(chunks))
                  if len(chunks[i].lines) <= 2 and len(chunks[i].text) <= 160 and CLOSING.match(chunks[i].text)), None)
    if close is None:
        return
    parts: dict[str, str] = {}
    _header(state, chunks[:sal], parts)
    _set(chunks[sal], "salutation", chunks[sal].text, parts)
    _set(chunks[close], "closing", chunks[close].text, parts)
    _signature(state, chunks[close + 1:], parts)
    state.extra["letter"] = parts
    state.count("letter_parts", len(parts))


def _set(chunk: Chunk, role: str, text: str, parts: dict[str, str], shown: str | None = None) -> None:
    block = Block("letter", shown if shown is not None else text, label=role,
                  lines=(chunk.lines[0].no, chunk.lines[-1].no))
    chunk.done = (chunk.done or []) + [block]
    parts[role] = text


def _header(state: CleanState, chunks: list[Chunk], parts: dict[str, str]) -> None:
    date = next((i for i, c in enumerate(chunks) if len(c.lines) == 1 and DATE_LINE.match(c.text)), None)
    before = chunks[:date] if date is not None else chunks[:-1]
    after = chunks[date + 1:] if date is not None else chunks[-1:]
    subject = [c for c in after if len(c.lines) == 1 and SUBJECT.match(c.text)]
    after = [c for c in after if c not in subject]
    if before:
        text = " ".join(ln.text for c in before for ln in c.lines)
        _set(before[0], "letterhead", text, parts)
        for c in before[1:]:
            c.done = []
    if date is not None:
        _set(chunks[date], "date", chunks[date].text, parts)
    if after:
        lines = [ln.text for c in after for ln in c.lines]
        _set(after[0], "addressee", address(lines), parts, shown="\n".join(lines))
        for c in after[1:]:
            c.done = []
    for c in subject:
        subject_heading(state, c, parts)


def address(lines: list[str]) -> str:
    """Address lines → one line: a line that starts lowercase or follows a function word
    continues a name; any other starts a new part. ``Office of the⏎High Commissioner`` →
    ``Office of the High Commissioner``."""
    out = ""
    for text in lines:
        if not out:
            out = text
        elif text[:1].islower() or _FUNCTION_END.search(out) or out.endswith(("-", "–")):
            out += " " + text
        else:
            out += ", " + text.lstrip(",")
    return out


def subject_heading(state: CleanState, chunk: Chunk, parts: dict[str, str]) -> None:
    """``**SUBJECT: Our response**`` → title heading ``Our response``; the label is recorded."""
    m = SUBJECT.match(chunk.text)
    if not m:
        return
    text = m.group(2).strip("*_ ").strip()
    label = chunk.text[:m.start(2)].strip("*_ ")
    parts["subject"] = text
    chunk.done = [Block("heading", text, level=1, lines=(chunk.first, chunk.lines[-1].no))]
    state.removed.append(_removal(label, chunk.first))


def _removal(label: str, line: int) -> Removal:
    return Removal(label, SUBJECT_LABEL_REASON, "letter", line)


def _signature(state: CleanState, chunks: list[Chunk], parts: dict[str, str]) -> None:
    region: list[Chunk] = []
    for c in chunks:
        if len(region) >= 4 or sum(len(x.lines) for x in region) + len(c.lines) > 8:
            break
        text = c.text
        if SUBJECT.match(text) or any(len(ln.text) > 90 for ln in c.lines) or text.startswith(("*", "#")) \
                or (text.endswith(".") and len(text.split()) > 8 and not NOTE_LINE.match(text)):
            break
        region.append(c)
    lines = [(c, ln) for c in region for ln in c.lines]
    if not lines:
        _after_signature(state, chunks, parts)
        return
    first_chunk, name_line = lines[0]
    name = name_line.text
    role_lines, notes = [], []
    for c, ln in lines[1:]:
        if NOTE_LINE.match(ln.text):
            notes.append((c, ln))
        elif ROLE_WORDS.search(ln.text) or (not _noise(ln.text, name) and not notes):
            role_lines.append((c, ln))
        else:
            state.remove(ln, SIGNATURE_NOISE_REASON, "letter")
    blocks = [Block("letter", name, label="signatory", lines=(name_line.no, name_line.no))]
    parts["signatory"] = name
    if role_lines:
        role = " ".join(ln.text for _, ln in role_lines)
        parts["signatory_role"] = role
        blocks.append(Block("letter", role, label="signatory_role",
                            lines=(role_lines[0][1].no, role_lines[-1][1].no)))
    for _, ln in notes:
        blocks.append(Block("letter", ln.text, label="signature_note", lines=(ln.no, ln.no)))
        parts["signature_note"] = (parts.get("signature_note", "") + " " + ln.text).strip()
    first_chunk.done = blocks
    for c in region[1:]:
        c.done = []
    _after_signature(state, chunks[len(region):], parts)


def _after_signature(state: CleanState, chunks: list[Chunk], parts: dict[str, str]) -> None:
    """A subject line right after the signature starts the attached document."""
    if chunks and "subject" not in parts and len(chunks[0].lines) == 1 and SUBJECT.match(chunks[0].text):
        subject_heading(state, chunks[0], parts)


def _noise(text: str, name: str) -> bool:
    """A line in the signature block that is the OCR of the handwritten signature."""
    if any(ch.isdigit() for ch in text) or not any(ch.isalpha() for ch in text):
        return True
    return fuzz.ratio(text.casefold(), name.casefold()) >= 45
