"""Letter anatomy: letterhead, date, addressee, salutation, closing, signatory, role.

A document is a letter when a salutation (``Dear …:``, ``To whom it may concern:``) comes
before a closing (``Sincerely,``). The chunks before the salutation are the letterhead
(the lines naming the sender's body; its address, phone and reference lines are kept apart as
its details), the date and the addressee. A closing may be a courtesy sentence followed by a
formula (``Please accept … consideration.`` / ``Yours faithfully,``): every closing chunk in a
row is a closing. The chunks after it are the signature block: the signatory's name, the role
(joined where the source split it mid-name), stamps (``RECEIVED 17 JUN 2019``, a bracketed
``[STAMP: …]``: kept on the page as a stamp), notes (``cc:``, contact lines) and OCR noise
from the scanned signature (removed). A ``Subject:`` line becomes the
document's title. Results go into ``letter`` blocks and ``state.letter``.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ...document import Block, Removal
from ..state import BLOCK, Chunk, CleanState, Line, rule
from ..text.patterns import DATE_LINE, SUBJECT

SIGNATURE_NOISE_REASON = "OCR noise from the scanned signature"
SUBJECT_LABEL_REASON = "label of the subject line (the subject is the title)"
SALUTATION = re.compile(
    r"^(?:dear\b.{1,60}|to whom it may concern|your excellency|excellency|excellencies|(?:dear )?sirs?|"
    r"(?:dear )?madam|ladies and gentlemen|(?:dear )?colleagues?|hello\b.{0,40}|hi\b.{0,40}|"
    r"(?:madame|monsieur|mesdames|messieurs|cher|chère|chers)\b.{0,60}|"
    r"(?:estimad[oa]s?|distinguid[oa]s?|muy\s+señor(?:es)?|señor(?:a|es)?|prezad[oa]s?|exm[oa]\.?|caro|cara)\b.{0,60}|"
    r"(?:sehr\s+geehrte[rn]?|liebe[rn]?|guten\s+tag)\b.{0,60}|(?:hej|bästa)\b.{0,40})\s*[:,.!]?$",
    re.IGNORECASE)
"""An opening greeting, in the languages the corpus holds (English, French, Spanish, Portuguese,
German, Swedish)."""
_COURTESY = (r"(?:please\s+accept|accept|veuillez\s+(?:agréer|accepter|recevoir|croire)|"
             r"je\s+vous\s+prie\s+d(?:e\s+|['’]\s*)(?:agréer|recevoir|croire)|"
             r"nous\s+vous\s+prions\s+d(?:e\s+|['’]\s*)(?:agréer|recevoir|croire)|"
             r"(?:le|les|la)\s+saluda|aprovecho\s+la\s+(?:ocasión|oportunidad)|reciba|"
             r"queira\s+aceitar|aproveito\s+a\s+oportunidade)\b[^\n]{0,200}?"
             r"(?:consideration|esteem|regards|respect|considération|salutations|sentiments|respect|"
             r"consideración|estima|saludos?|consideração|apreço|cumprimentos)")
"""A courtesy sentence that closes a formal letter (``Please accept, Sir, the assurances of my
highest consideration.``): an opening formula, then up to its courtesy noun."""
CLOSING = re.compile(
    r"^(?:(?:yours\s+)?(?:sincerely|faithfully|truly|respectfully|cordially)(?:\s+yours)?|"
    r"(?:with\s+)?(?:best|kind|warm|warmest|kindest)?\s*regards|(?:with\s+)?(?:best|warm)\s+wishes|"
    r"respectfully\s+submitted|yours(?:\s+ever)?|(?:very\s+)?truly\s+yours|with\s+(?:gratitude|thanks)|"
    r"(?:bien\s+)?cordialement|(?:sincères\s+|meilleures\s+)?salutations(?:\s+distinguées)?|"
    r"respectueusement|(?:(?:le|les|la)\s+saluda\s+(?:muy\s+)?)?atentamente|cordialmente|(?:un\s+)?(?:cordial(?:es)?\s+)?saludos?(?:\s+cordiales)?|"
    r"atenciosamente|(?:com\s+os\s+)?(?:melhores\s+)?cumprimentos|"
    r"mit\s+(?:freundlichen|besten|herzlichen)\s+grüßen|(?:freundliche|beste|herzliche)\s+grüße|hochachtungsvoll|"
    r"med\s+vänlig(?:a)?\s+hälsning(?:ar)?|vänliga\s+hälsningar|"
    rf"{_COURTESY})\s*[,.]?$", re.IGNORECASE)
"""A closing formula or courtesy sentence (English, French, Spanish, Portuguese, German, Swedish)."""
NOTE_LINE = re.compile(r"^(?:cc|c\.c\.|bcc|encl\.?|enclosures?|attachments?|annex(?:es)?|copy to)\b", re.IGNORECASE)
ROLE_WORDS = re.compile(
    r"\b(?:ambassador|representative|minister|secretary|director|president|chair(?:person|man|woman)?|"
    r"head|chief|officer|counsell?or|consul|commissioner|coordinator|manager|deputy|general|adviser|"
    r"advisor|envoy|delegate|rapporteur|attaché|attache|charg[ée] d'affaires|chargé|mission|executive|"
    r"permanent|acting|principal|dean|professor|governor|mayor|senator|judge|registrar|spokesperson|"
    r"directeur|directrice|ministre|secrétaire|président(?:e)?|ambassadeur|représentant(?:e)?|conseill[eè]re?|"
    r"délégué(?:e)?|sous-directeur|préfète?|director(?:a)?|ministr[oa]|secretari[oa]|embajador(?:a)?|jef[ea]|"
    r"consejer[oa]|subdirector(?:a)?|diretor(?:a)?|secretári[oa]|embaixador(?:a)?|chefe|\w*leiter(?:in)?|"
    r"direktor(?:in)?|minister(?:in)|staatssekretär(?:in)?|botschafter(?:in)?|präsident(?:in)?|referent(?:in)?|"
    r"\w*chef|generaldirektör|handläggare|\w*direktör)\b",
    re.IGNORECASE)
"""A word of a signatory's role (English, French, Spanish, Portuguese, German, Swedish)."""
DELEGATION = re.compile(
    r"^(?:im\s+auftrag|i\.\s?a\.|in\s+vertretung|i\.\s?v\.|par\s+délégation|p\.\s?o\.|p\.\s?p\.|"
    r"pour\s+l[ea]\s+\S+(?:\s+\S+)?\s+et\s+par\s+délégation|por\s+delegación|por\s+orden|"
    r"för\s+\S+(?:\s+\S+)?|(?:for\s+and\s+)?on\s+behalf\s+of\s+.{1,80})\s*[,:]?$", re.IGNORECASE)
"""A line under the closing saying the signatory signs for someone (``Im Auftrag``, ``p.o.``,
``Par délégation``, ``For and on behalf of the Minister``): part of the closing, not the name."""
LETTERHEAD_DETAIL = re.compile(
    r"\d|@|\bwww\.|https?:|^\s*(?:p\.?\s?o\.?\s+box|b\.?p\.?\s|box\b|postfach|apartado|caixa\s+postal|"
    r"tel|t[ée]l[ée]?(?:phone|fono|efon)?|phone|fax|e-?mail|courriel|correo|ref|r[ée]f|our\s+ref|your\s+ref|"
    r"n/r[ée]f|v/r[ée]f|referencia|refer[êe]ncia|ihr\s+zeichen|unser\s+zeichen|aktenzeichen|dnr|diarienr)\b",
    re.IGNORECASE)
"""A letterhead line that is not the body's name: it holds a digit (a street number, a postal
code, a box, a phone number, a reference), an e-mail or web address, or opens with a contact or
reference label (``P.O. Box``, ``Tel``, ``Fax``, ``Our Ref``, ``Réf.``, ``Ihr Zeichen``)."""
CONTACT_LINE = re.compile(
    r"^(?:tel|t[ée]l[ée]?(?:phone|fono|efon)?|phone|mobile|fax|e-?mail|courriel|correo|www\.|https?:)\b|@",
    re.IGNORECASE)
"""A contact line in a signature block (kept as a note, never taken as the role or as noise)."""
STAMP_DATE = re.compile(
    r"\b\d{1,2}[ ./-]?(?:[^\W\d_]{3,9}\.?|\d{1,2})[ ./-]?(?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b")
"""A date as a rubber stamp prints it (``17 JUN 2019``, ``17.06.19``, ``2019-06-17``)."""
_FUNCTION_END = re.compile(r"\b(?:of|the|for|and|to|on|in|at|de|du|des|la|le|&)$", re.IGNORECASE)


@rule(BLOCK, SIGNATURE_NOISE_REASON, SUBJECT_LABEL_REASON)
def letter(state: CleanState) -> None:
    """Recognise the parts of a letter and hand them to the metadata stage.
    ``Sincerely,`` / ``Jane Doe`` / ``Ambassador`` → closing, signatory, signatory_role."""
    chunks = [c for c in state.chunks if c.done is None]
    sal = next((i for i, c in enumerate(chunks[:15]) if len(c.lines) == 1 and SALUTATION.match(c.text)), None)
    if sal is None:
        return
    close = next((i for i in range(sal + 1, len(chunks)) if is_closing(chunks[i])), None)
    if close is None:
        return
    last = close
    while last + 1 < len(chunks) and is_closing(chunks[last + 1]):  # a courtesy sentence, then "Yours …"
        last += 1
    parts: dict[str, str] = {}
    _header(state, chunks[:sal], parts)
    _set(chunks[sal], "salutation", chunks[sal].text, parts)
    for chunk in chunks[close:last + 1]:
        _set(chunk, "closing", chunk.text, parts)
    parts["closing"] = " ".join(c.text for c in chunks[close:last + 1])
    _signature(state, chunks[last + 1:], parts)
    state.letter = parts
    state.count("letter_parts", len(parts))


def is_closing(chunk: Chunk) -> bool:
    """A chunk that is a closing: a formula, a courtesy sentence, or a courtesy sentence and a
    formula on consecutive lines (``Please accept … consideration.`` / ``Yours faithfully,``)."""
    if len(chunk.lines) > 4 or len(chunk.text) > 240:
        return False
    if len(chunk.lines) <= 2 and len(chunk.text) <= 160 and CLOSING.match(chunk.text):
        return True
    body, formula = " ".join(ln.text for ln in chunk.lines[:-1]), chunk.lines[-1].text
    return bool(body and CLOSING.match(body) and CLOSING.match(formula))


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
        _letterhead(before, parts)
    if date is not None:
        _set(chunks[date], "date", chunks[date].text, parts)
    if after:
        lines = [ln.text for c in after for ln in c.lines]
        _set(after[0], "addressee", address(lines), parts, shown="\n".join(lines))
        for c in after[1:]:
            c.done = []
    for c in subject:
        subject_heading(state, c, parts)


def _letterhead(chunks: list[Chunk], parts: dict[str, str]) -> None:
    """The letterhead: its first lines name the sender's body (``letterhead``, what metadata
    reads as the organisation); from the first address, phone, e-mail or reference line on it
    is the body's details (``letterhead_details``), shown under it with their line breaks."""
    lines = [ln for c in chunks for ln in c.lines]
    names: list[Line] = []
    for ln in lines:
        if LETTERHEAD_DETAIL.search(ln.text):
            break
        names.append(ln)
    details = lines[len(names):]
    blocks = []
    if names:
        name = " ".join(ln.text for ln in names)
        parts["letterhead"] = name
        blocks.append(Block("letter", name, label="letterhead", lines=(names[0].no, names[-1].no)))
    if details:
        shown = "\n".join(" ".join(ln.text.split()) for ln in details)
        parts["letterhead_details"] = shown.replace("\n", ", ")
        blocks.append(Block("letter", shown, label="letterhead_details", lines=(details[0].no, details[-1].no)))
    chunks[0].done = blocks
    for c in chunks[1:]:
        c.done = []


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


def _signature_region(chunks: list[Chunk]) -> list[Chunk]:
    """The short chunks right after the closing that make the signature block."""
    region: list[Chunk] = []
    for c in chunks:
        if len(region) >= 4 or sum(len(x.lines) for x in region) + len(c.lines) > 8:
            break
        text = c.text
        if SUBJECT.match(text) or any(len(ln.text) > 90 for ln in c.lines) or text.startswith(("*", "#")) \
                or (text.endswith(".") and len(text.split()) > 8 and not NOTE_LINE.match(text)):
            break
        region.append(c)
    return region


def _signature(state: CleanState, chunks: list[Chunk], parts: dict[str, str]) -> None:
    region = _signature_region(chunks)
    lines = [ln for c in region for ln in c.lines]
    stamps = stamp_lines(lines)
    formulas = {ln.no for ln in lines if CLOSING.match(ln.text) or DELEGATION.match(ln.text)}
    kept = [ln for ln in lines if ln.no not in stamps and ln.no not in formulas]
    if not lines:
        _after_signature(state, chunks, parts)
        return
    blocks: list[Block] = []
    role_lines: list[Line] = []
    notes: list[Line] = []
    if kept:
        name_line = _name_line(kept)
        parts["signatory"] = name_line.text
        blocks.append(Block("letter", name_line.text, label="signatory", lines=(name_line.no, name_line.no)))
        for ln in (ln for ln in kept if ln is not name_line):
            if NOTE_LINE.match(ln.text) or CONTACT_LINE.match(ln.text):
                notes.append(ln)
            elif ROLE_WORDS.search(ln.text) or (not _noise(ln.text, name_line.text) and not notes):
                role_lines.append(ln)
            else:
                state.remove(ln, SIGNATURE_NOISE_REASON, "letter")
    if role_lines:
        parts["signatory_role"] = " ".join(ln.text for ln in role_lines)
        blocks.append(Block("letter", parts["signatory_role"], label="signatory_role",
                            lines=(role_lines[0].no, role_lines[-1].no)))
    blocks += _stamp_blocks([ln for ln in lines if ln.no in stamps], parts)
    for ln in reversed([ln for ln in lines if ln.no in formulas]):  # "Yours,", "Im Auftrag" above the name
        blocks.insert(0, Block("letter", ln.text, label="closing", lines=(ln.no, ln.no)))
    for ln in notes:
        blocks.append(Block("letter", ln.text, label="signature_note", lines=(ln.no, ln.no)))
        parts["signature_note"] = (parts.get("signature_note", "") + " " + ln.text).strip()
    region[0].done = blocks
    for c in region[1:]:
        c.done = []
    _after_signature(state, chunks[len(region):], parts)


def _name_line(lines: list[Line]) -> Line:
    """The signatory's name: the first line, unless it is a role and the next line is not (the
    role above the name: ``Le directeur général`` / ``Jean Martin``)."""
    if len(lines) > 1 and ROLE_WORDS.search(lines[0].text) and not ROLE_WORDS.search(lines[1].text) \
            and len(lines[1].text.split()) <= 5:
        return lines[1]
    return lines[0]


def stamp_lines(lines: list[Line]) -> set[int]:
    """Numbers of the lines that are a stamp: a bracketed annotation (``[SEAL]``, or ``[STAMP: …``
    to ``…]`` over several lines) or a line in capitals with a date (``RECEIVED 17 JUN 2019``).
    A bracket that opens and never closes, or closes mid-line (``[Signed] J. Doe``), is no stamp."""
    found: set[int] = set()
    i = 0
    while i < len(lines):
        text = lines[i].text
        if text.startswith("[") and "]" not in text:
            end = next((j for j in range(i + 1, len(lines)) if "]" in lines[j].text), None)
            if end is not None and lines[end].text.endswith("]"):
                found.update(ln.no for ln in lines[i:end + 1])
                i = end + 1
                continue
        elif (text.startswith("[") and text.endswith("]") and text.count("]") == 1) \
                or (STAMP_DATE.search(text) and _capitals(text)):
            found.add(lines[i].no)
        i += 1
    return found


def _stamp_blocks(lines: list[Line], parts: dict[str, str]) -> list[Block]:
    """Consecutive stamp lines as one ``stamp`` block each, with their line breaks."""
    groups: list[list[Line]] = []
    for ln in lines:
        if groups and ln.no == groups[-1][-1].no + 1:
            groups[-1].append(ln)
        else:
            groups.append([ln])
    blocks = [Block("letter", "\n".join(ln.text for ln in g), label="stamp", lines=(g[0].no, g[-1].no))
              for g in groups]
    if blocks:
        parts["stamp"] = " ".join(" ".join(b.text.split()) for b in blocks)
    return blocks


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _after_signature(state: CleanState, chunks: list[Chunk], parts: dict[str, str]) -> None:
    """A subject line right after the signature starts the attached document."""
    if chunks and "subject" not in parts and len(chunks[0].lines) == 1 and SUBJECT.match(chunks[0].text):
        subject_heading(state, chunks[0], parts)


def _noise(text: str, name: str) -> bool:
    """A line in the signature block that is the OCR of the handwritten signature: symbols and
    digits with hardly a word (``J.B0rq~``, ``/s/ 7``), or a near-copy of the name."""
    words = re.findall(r"[^\W\d_]{3,}", text)
    if not any(ch.isalpha() for ch in text) or (any(ch.isdigit() for ch in text) and len(words) <= 1):
        return True
    return fuzz.ratio(text.casefold(), name.casefold()) >= 45
