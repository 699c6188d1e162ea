"""Letter anatomy: letterhead, date, addressee, subject, salutation, closing, signatory, role.

A document is a letter when a salutation (``Dear …:``, ``Madame, Monsieur,``, ``Sehr geehrte
Damen und Herren,``), alone on a short line among the first chunks, comes before a closing
(``Sincerely,``, ``Atentamente,``, ``Med vänlig hälsning``). Which words open a salutation, a
closing, a subject or an enclosure line is data, a small table per language
(``text.letter_words.LETTER_WORDS``: English, French, Spanish, Portuguese, German, Swedish,
Italian, Dutch); the parts are found by their place and shape, whatever the language. The words
of the document's language are tried first (with English's), then every language's.

The lines before the salutation, one by one: the place-and-date line (``Fait à Paris, le 12
mars 2021``, ``Berlin, den 3. Mai 2021``), the subject line (``Subject:``, ``Objet :``,
``Asunto:``, ``Betreff:``, with the line it wraps onto: the document's title, its label in the
report), enclosure lines (``P.J. :``, ``Anexo:``), the letterhead above the date (the lines
naming the sender's body; its address, street, phone and reference lines are kept apart as its
details) and the addressee after it (or, when nothing follows the date, the chunk above it; a
reference line kept apart). A closing may be a courtesy sentence followed by a formula
(``Please accept … consideration.`` / ``Yours faithfully,``): every closing chunk in a row is a
closing. The chunks after it are the signature block: delegation lines (``Im Auftrag``), a
place-and-date line, the signatory's name, the role (joined where the source split it
mid-name; above or under the name), stamps (``RECEIVED 17 JUN 2019``, a bracketed ``[STAMP:
…]``: kept on the page as a stamp), notes (``cc:``, ``Anlage: …``, contact lines) and OCR noise
from the scanned signature (removed). Results go into ``letter`` blocks and ``state.letter``.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ...document import Block, Removal
from ..state import BLOCK, Chunk, CleanState, Line, rule
from ..text.hyphens import document_language
from ..text.letter_words import ALL_LANGUAGES, LETTER_WORDS, SALUTATION_WORDS, LetterPatterns, patterns

SIGNATURE_NOISE_REASON = "OCR noise from the scanned signature"
SUBJECT_LABEL_REASON = "label of the subject line (the subject is the title)"
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
_FUNCTION_END = re.compile(r"\b(?:of|the|for|and|to|on|in|at|de|du|des|la|le|del|el|los|las|da|do|das|dos|em|"
                           r"para|por|von|der|die|den|dem|für|zur|zum|und|av|för|till|om|di|della|per|van|het|"
                           r"voor|&)$", re.IGNORECASE)
"""A small word ending a line that the next line goes on from (a wrapped name or subject)."""
SALUTATION_CHUNKS = 15
"""The salutation is among a letter's first chunks (its head is short)."""


def letter_languages(text: str) -> list[tuple[str, ...]]:
    """The languages whose letter words are tried, in turn: the document's own language (the
    cleaning stage's reading of its common words, ``hyphens.document_language``) with English,
    whose formulas letters in any language borrow (``Dear …``, ``cc:``); then every language,
    so that a letter too short for its language to be read, or misread, is still recognised."""
    guess = document_language(text) if text else "en"
    own = (guess, "en") if guess != "en" and guess in LETTER_WORDS else None
    return [own, ALL_LANGUAGES] if own else [ALL_LANGUAGES]


def _frame(chunks: list[Chunk], pat: LetterPatterns) -> tuple[int, int, int] | None:
    """(salutation, first closing, last closing) chunk indices, or ``None`` when ``chunks`` are
    no letter in the languages of ``pat``: a salutation alone on a short line among the first
    chunks, then a closing (a courtesy sentence may come before the formula)."""
    sal = _salutation(chunks, pat)
    if sal is None:
        return None
    close = next((i for i in range(sal + 1, len(chunks)) if is_closing(chunks[i], pat)), None)
    if close is None:
        return None
    last = close
    while last + 1 < len(chunks) and is_closing(chunks[last + 1], pat):  # a courtesy sentence, then "Yours …"
        last += 1
    return sal, close, last


def _salutation(chunks: list[Chunk], pat: LetterPatterns) -> int | None:
    """The index of the salutation: a short line alone among the first chunks."""
    return next((i for i, c in enumerate(chunks[:SALUTATION_CHUNKS]) if len(c.lines) == 1
                 and len(c.text.split()) <= SALUTATION_WORDS and pat.salutation.match(c.text)), None)


@rule(BLOCK, SIGNATURE_NOISE_REASON, SUBJECT_LABEL_REASON)
def letter(state: CleanState) -> None:
    """Recognise the parts of a letter and hand them to the metadata stage.
    ``Sincerely,`` / ``Jane Doe`` / ``Ambassador`` → closing, signatory, signatory_role."""
    chunks = [c for c in state.chunks if c.done is None]
    if _salutation(chunks, patterns(ALL_LANGUAGES)) is None:
        return  # no salutation in any language: no letter (most documents; their language is not read)
    for langs in letter_languages(state.source.text):
        pat = patterns(langs)
        found = _frame(chunks, pat)
        if found:
            break
    else:
        return
    sal, close, last = found
    parts: dict[str, str] = {}
    _header(state, chunks[:sal], parts, pat)
    _set(chunks[sal], "salutation", chunks[sal].text, parts)
    for chunk in chunks[close:last + 1]:
        _set(chunk, "closing", chunk.text, parts)
    parts["closing"] = " ".join(c.text for c in chunks[close:last + 1])
    _signature(state, chunks[last + 1:], parts, pat)
    state.letter = parts
    state.count("letter_parts", len(parts))


def is_closing(chunk: Chunk, pat: LetterPatterns) -> bool:
    """A chunk that is a closing: a formula, a courtesy sentence, or a courtesy sentence and a
    formula on consecutive lines (``Please accept … consideration.`` / ``Yours faithfully,``)."""
    if len(chunk.lines) > 4 or len(chunk.text) > 320:
        return False
    if len(chunk.lines) <= 3 and len(chunk.text) <= 240 and pat.closing.match(chunk.text):
        return True
    body, formula = " ".join(ln.text for ln in chunk.lines[:-1]), chunk.lines[-1].text
    return bool(body and pat.closing.match(body) and pat.closing.match(formula))


def _set(chunk: Chunk, role: str, text: str, parts: dict[str, str], shown: str | None = None) -> None:
    block = Block("letter", shown if shown is not None else text, label=role,
                  lines=(chunk.lines[0].no, chunk.lines[-1].no))
    chunk.done = (chunk.done or []) + [block]
    parts[role] = text


def _part(lines: list[Line], role: str, parts: dict[str, str], value: str | None = None) -> Block:
    """A letter part made of ``lines`` (shown with their line breaks); ``value`` for the metadata."""
    parts[role] = value if value is not None else " ".join(ln.text for ln in lines)
    return Block("letter", "\n".join(ln.text for ln in lines), label=role, lines=(lines[0].no, lines[-1].no))


def _header_kinds(chunks: list[Chunk], pat: LetterPatterns) -> dict[int, str]:
    """Each header line's kind by its line number: ``date``, ``subject`` (with the lines it wraps
    onto), ``enclosure``, or ``""`` (a letterhead's, an addressee's or a reference's line)."""
    kinds: dict[int, str] = {}
    for c in chunks:
        prev, above = "", None
        for ln in c.lines:
            text = ln.text
            if "date" not in kinds.values() and pat.date_line.match(text):
                kind = "date"
            elif _reference(text, pat):
                kind = ""
            elif pat.subject.match(text):
                kind = "subject"
            elif prev == "subject" and above is not None and _wraps(above, ln):
                kind = "subject+"
            elif pat.enclosure.match(text):
                kind = "enclosure"
            else:
                kind = ""
            kinds[ln.no] = kind
            prev = "subject" if kind in ("subject", "subject+") else kind
            above = ln
    return kinds


def _reference(text: str, pat: LetterPatterns) -> bool:
    """A reference line: a reference label and a value holding a figure (``N/Réf. : 2021/45``)."""
    m = pat.reference.match(text)
    return bool(m and any(ch.isdigit() for ch in m.group(1)))


def _wraps(above: Line, line: Line) -> bool:
    """``line`` goes on with the subject line ``above`` it in its chunk (the chunk's line before
    it, whatever its number: a repeated letterhead removed between them leaves a gap): it starts
    lower-case, or the line above ends with a small word (``… zur Unterbringung von`` /
    ``Asylsuchenden``)."""
    return line.text[:1].islower() or bool(_FUNCTION_END.search(above.text))


def _header(state: CleanState, chunks: list[Chunk], parts: dict[str, str], pat: LetterPatterns) -> None:
    """The lines before the salutation: the letterhead (its name, then its details), the date
    line, the addressee, the subject (the title), enclosure and reference lines. The addressee
    is the lines after the date; when nothing follows the date, the last chunk before it (a
    letter whose address comes above its place and date); without a date, the last chunk. A
    subject without a label is a line alone after the addressee (``_unlabelled_subject``)."""
    if not chunks:
        return
    kinds = _header_kinds(chunks, pat)
    groups = [[ln for ln in c.lines if not kinds[ln.no]] for c in chunks]
    date = next((ln for c in chunks for ln in c.lines if kinds[ln.no] == "date"), None)
    if date is not None:
        before = [g for g in ([ln for ln in g if ln.no < date.no] for g in groups) if g]
        after_groups = [g for g in ([ln for ln in g if ln.no > date.no] for g in groups) if g]
        after = [ln for g in after_groups for ln in g]
    else:
        before, after_groups, after = [g for g in groups if g], [], []
    plain = None if "subject" in kinds.values() else _unlabelled_subject(after_groups, pat)
    after = [ln for ln in after if ln is not plain]
    if not after and before and (date is None or len(before) > 1):
        after = before.pop()
    blocks: list[Block] = []
    if before:
        blocks += _letterhead([ln for g in before for ln in g], parts, pat)
    if date is not None:
        blocks.append(_part([date], "date", parts))
    refs = [ln for ln in after if _reference(ln.text, pat)]
    after = [ln for ln in after if ln not in refs]
    if after:
        blocks.append(_part(after, "addressee", parts, address([ln.text for ln in after])))
    if refs:
        blocks.append(_part(refs, "reference", parts))
    blocks += _subject_blocks(state, [ln for c in chunks for ln in c.lines if kinds[ln.no].startswith("subject")],
                              parts, pat)
    if plain is not None:
        parts["subject"] = plain.text.strip("*_ ")
        blocks.append(Block("heading", parts["subject"], level=1, lines=(plain.no, plain.no)))
    enclosed = [ln for c in chunks for ln in c.lines if kinds[ln.no] == "enclosure"]
    if enclosed:
        blocks.append(_part(enclosed, "enclosure", parts))
    chunks[0].done = sorted(blocks, key=lambda b: b.lines[0])
    for c in chunks[1:]:
        c.done = []


_LABELLED = re.compile(r"^[^:]{1,40}:\s")
SUBJECT_WORDS = (3, 25)
"""A subject line without a label has this many words (a city, a name are shorter)."""


def _unlabelled_subject(groups: list[list[Line]], pat: LetterPatterns) -> Line | None:
    """The subject a letter writes without a label (``Ihre Anfrage zur Unterbringung``, as in a
    German or Swedish letter): the last chunk between the date and the salutation, when it is one
    line of a few words after the addressee's chunk, not a labelled, reference, address or
    enclosure line."""
    if len(groups) < 2 or len(groups[-1]) != 1:
        return None
    line = groups[-1][0]
    text = line.text.strip("*_ ")
    if not SUBJECT_WORDS[0] <= len(text.split()) <= SUBJECT_WORDS[1] or not text[:1].isupper() \
            or text.endswith((",", ";")) or _LABELLED.match(text) or _reference(text, pat) \
            or pat.street.match(text) or pat.enclosure.match(text) or LETTERHEAD_DETAIL.match(text):
        return None
    return line


def _subject_blocks(state: CleanState, lines: list[Line], parts: dict[str, str], pat: LetterPatterns) -> list[Block]:
    """The subject line (and the lines it wraps onto) → the title heading; its label recorded."""
    if not lines:
        return []
    m = pat.subject.match(lines[0].text)
    if not m:
        return []
    text = " ".join([m.group(2).strip("*_ ").strip()] + [ln.text.strip("*_ ") for ln in lines[1:]])
    text = text[:1].upper() + text[1:]  # a title starts with a capital (``Objet : demande de …``)
    parts["subject"] = text
    state.removed.append(_removal(lines[0].text[:m.start(2)].strip("*_ "), lines[0].no))
    return [Block("heading", text, level=1, lines=(lines[0].no, lines[-1].no))]


def _letterhead(lines: list[Line], parts: dict[str, str], pat: LetterPatterns) -> list[Block]:
    """The letterhead: its first lines name the sender's body (``letterhead``, what metadata
    reads as the organisation); from the first address, phone, e-mail or reference line on it
    is the body's details (``letterhead_details``), shown under it with their line breaks."""
    names: list[Line] = []
    for ln in lines:
        if LETTERHEAD_DETAIL.search(ln.text) or pat.street.match(ln.text):
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
    return blocks


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


def _removal(label: str, line: int) -> Removal:
    return Removal(label, SUBJECT_LABEL_REASON, "letter", line)


def _signature_region(chunks: list[Chunk], pat: LetterPatterns) -> list[Chunk]:
    """The short chunks right after the closing that make the signature block."""
    region: list[Chunk] = []
    for c in chunks:
        if len(region) >= 4 or sum(len(x.lines) for x in region) + len(c.lines) > 8:
            break
        text = c.text
        if pat.subject.match(text) or any(len(ln.text) > 90 for ln in c.lines) or text.startswith(("*", "#")) \
                or (text.endswith(".") and len(text.split()) > 8 and not pat.enclosure.match(text)
                    and not pat.date_line.match(text)):
            break
        region.append(c)
    return region


def _signature(state: CleanState, chunks: list[Chunk], parts: dict[str, str], pat: LetterPatterns) -> None:
    """The signature block after the closing: formulas and delegation lines (part of the
    closing), a place-and-date line (the letter's date when the header gave none), the
    signatory's name and role, stamps, notes (enclosures, copies, contact lines), and the OCR
    of the handwritten signature (removed)."""
    region = _signature_region(chunks, pat)
    lines = [ln for c in region for ln in c.lines]
    if not lines:
        _after_signature(state, chunks, parts, pat)
        return
    stamps = stamp_lines(lines)
    formulas = {ln.no for ln in lines if pat.closing.match(ln.text) or pat.delegation.match(ln.text)}
    dated = {ln.no for ln in lines if pat.date_line.match(ln.text)} - stamps - formulas
    kept = [ln for ln in lines if ln.no not in stamps | formulas | dated]
    blocks = _name_and_role(state, kept, parts, pat) if kept else []
    blocks += _stamp_blocks([ln for ln in lines if ln.no in stamps], parts)
    for ln in reversed([ln for ln in lines if ln.no in formulas | dated]):  # "Yours,", "Im Auftrag" above the name
        role = "date" if ln.no in dated else "closing"
        if role == "date" and "date" not in parts:
            parts["date"] = ln.text
        blocks.insert(0, Block("letter", ln.text, label=role, lines=(ln.no, ln.no)))
    region[0].done = blocks
    for c in region[1:]:
        c.done = []
    _after_signature(state, chunks[len(region):], parts, pat)


def _name_and_role(state: CleanState, kept: list[Line], parts: dict[str, str], pat: LetterPatterns) -> list[Block]:
    """The signatory's name, the role (joined where the source split it), then the notes; the
    OCR of the handwritten signature is removed."""
    name_line = _name_line(kept, pat)
    parts["signatory"] = name_line.text
    blocks = [Block("letter", name_line.text, label="signatory", lines=(name_line.no, name_line.no))]
    role_lines: list[Line] = []
    notes: list[Line] = []
    for ln in (ln for ln in kept if ln is not name_line):
        if pat.enclosure.match(ln.text) or CONTACT_LINE.match(ln.text):
            notes.append(ln)
        elif pat.roles.search(ln.text) or (not _noise(ln.text, name_line.text) and not notes):
            role_lines.append(ln)
        else:
            state.remove(ln, SIGNATURE_NOISE_REASON, "letter")
    if role_lines:
        parts["signatory_role"] = " ".join(ln.text for ln in role_lines)
        blocks.append(Block("letter", parts["signatory_role"], label="signatory_role",
                            lines=(role_lines[0].no, role_lines[-1].no)))
    for ln in notes:
        blocks.append(Block("letter", ln.text, label="signature_note", lines=(ln.no, ln.no)))
        parts["signature_note"] = (parts.get("signature_note", "") + " " + ln.text).strip()
    return blocks


def _name_line(lines: list[Line], pat: LetterPatterns) -> Line:
    """The signatory's name: the first line, unless it is a role and the next line is not (the
    role above the name: ``Le directeur général`` / ``Jean Martin``)."""
    if len(lines) > 1 and pat.roles.search(lines[0].text) and not pat.roles.search(lines[1].text) \
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


def _after_signature(state: CleanState, chunks: list[Chunk], parts: dict[str, str], pat: LetterPatterns) -> None:
    """A subject line right after the signature starts the attached document."""
    if chunks and "subject" not in parts and len(chunks[0].lines) == 1 and pat.subject.match(chunks[0].text):
        chunks[0].done = _subject_blocks(state, chunks[0].lines, parts, pat)


def _noise(text: str, name: str) -> bool:
    """A line in the signature block that is the OCR of the handwritten signature: symbols and
    digits with hardly a word (``J.B0rq~``, ``/s/ 7``), or a near-copy of the name."""
    words = re.findall(r"[^\W\d_]{3,}", text)
    if not any(ch.isalpha() for ch in text) or (any(ch.isdigit() for ch in text) and len(words) <= 1):
        return True
    return fuzz.ratio(text.casefold(), name.casefold()) >= 45
