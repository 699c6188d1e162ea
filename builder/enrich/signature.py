"""The signatory of a document that is no letter, from its signature block: the name under the
date line that closes the document (``Fait à Paris, le 3 mars 2021.`` / ``Jean Castex``;
``Norrköping den 28 mars 2022`` / ``Mikael Ribbenvik`` / ``Generaldirektör``), or the name after
the dash that joins the signatory to that line (``Madrid, 4 de junio de 2015.–La Ministra de
Empleo y Seguridad Social, Fátima Báñez García.``).

A letter's signatory comes from the letter rule (``clean.rules.letter``); this reads the other
documents that are signed: legal acts, reports, declarations. Only the last lines are read, and
only what stands right under the closing date line: the names, each with the role written under
it or before it (``La Vicepresidenta Primera del Gobierno y Ministra de la Presidencia,``). A
line that is neither ends the block: a heading or a paragraph after a date is no signature."""

from __future__ import annotations

import re

from ..clean.text.letter_words import ALL_LANGUAGES, patterns
from . import dates

END_LINES = 8
"""Kept lines at the end of a document read for its closing date line (a signature block closes
the document: the date, the names, their roles, a note or two)."""
BLOCK_LINES = 6
"""Lines under that date line read for the signatory."""
NAME_WORDS = (2, 5)
"""A signatory's name: this many words, fewest and most."""
ROLE_WORDS = 12
"""A role line (``Generaldirektör``, ``Le ministre de l'intérieur,``) has at most this many words."""
PARTICLES = frozenset("de del la las los y e van von der den da das dos do di le du des af zu ten al el bin".split())
"""Small words inside a name (``María Teresa Fernández de la Vega Sanz``)."""
_NAME_WORD = re.compile(r"^(?:[^\W\d_]\.|[A-ZÀ-ÞĀ-Ž][^\W\d_’'-]*(?:[’'-][^\W\d_]+)*\.?)$")


def find(lines: list[tuple[int, str]], source: list[str], lang: str | None,
         undated: bool = False) -> tuple[str, str, int] | None:
    """(name, role or "", line number) of the signatory under the first date line among the last
    ``END_LINES`` of ``lines`` (the kept source lines, (number, text)) that has one (in a chain of
    dated signatures, approval, promulgation, countersignature, the first signs the act), read in
    ``source`` (its lines, a role ending in a comma included); with ``undated``, else the signature
    block that closes the text without a date line (``closing_block``); ``None`` without one."""
    tail = lines[-END_LINES:]
    for i, (number, text) in enumerate(tail):
        found = None
        if dates.dateline(text, lang):
            below = [(n, t) for n, t in enumerate(source[number:], number + 1) if t.strip()] if number else tail[i + 1:]
            found = _under(below[:BLOCK_LINES], lang)
        elif glued := dates.glued_dateline(text, lang):
            dash = dates.DATELINE_DASH.match(text.strip().lstrip("*_#>|").strip(), glued.end)
            found = _glued(_paragraph(text, number, source), dash.end() if dash else len(text), number, lang)
        if found:
            return found
    if not undated or not tail:
        return None
    start = tail[0][0]
    block = [(n, t) for n, t in enumerate(source[start - 1:], start) if t.strip()] if start else tail
    return closing_block(block[-UNDATED_LINES:], lang)


UNDATED_LINES = 14
"""Lines at the end of a document read for a signature block without a date line."""
SIGNED = re.compile(r"^\(?(?:signed|sgd|signé|signée|firmado|firmada|assinado|assinada|gez|gezeichnet|f\.to|"
                    r"firmato|undertecknat|getekend|get\.|w\.g)\)?\.?\s*:?\s*(?=\S)", re.IGNORECASE)
"""A mark that the name after it signed (``(Signed) R. H. VAN DER MEER``, ``Signé : M. …``, ``F.to``)."""
PRESIDING = re.compile(r"\b(?:president|présidente?|presidente|presidenta|präsident(?:in)?|chair\w*|voorzitter|"
                       r"ordförande|presidente)\b", re.IGNORECASE)
"""A presiding role: of the names side by side under a judgment, the president's signs it."""


def closing_block(block: list[tuple[int, str]], lang: str | None) -> tuple[str, str, int] | None:
    """(name, role, line number) of a signature block closing a text with no date line above it,
    read column by column (``Hasan Bakırcı      Arnfinn Bårdsen`` / ``Registrar      President``): a
    name after a mark of signing (``SIGNED``), a name under a role (``IL CAPO DIPARTIMENTO`` /
    ``(Di Bari)``) or over one (``Maria Lindqvist`` / ``Beslutsfattare``). A presiding role's
    name first, else the first signature."""
    found = []
    for c, column in enumerate(_columns(block)):
        for i, (number, cell) in enumerate(column):
            above = column[i - 1][1] if i else ""
            below = column[i + 1][1] if i + 1 < len(column) else ""
            signed = SIGNED.match(cell)
            name = _name(cell[signed.end():] if signed else cell, lang)
            if not name:
                continue
            role = below if _titled_role(below, lang) else above if _titled_role(above, lang) else ""
            if signed or role:
                found.append((not PRESIDING.search(role), number, c, name, role.rstrip(",: ")))
    if not found:
        return None
    _, number, _, name, role = min(found)  # names side by side: the left column's first
    return name, role, number


def _columns(block: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The block's columns, cells separated by three spaces or more, each a list of (line, cell)."""
    columns: list[list[tuple[int, str]]] = []
    for number, line in block:
        for c, cell in enumerate(re.split(r"\s{3,}", line.strip().strip("*_#>|").strip())):
            while len(columns) <= c:
                columns.append([])
            columns[c].append((number, cell.strip()))
    return columns


def _titled_role(text: str, lang: str | None) -> bool:
    """A role line that names an office (a word of the letter words' roles, any language given)."""
    return _role(text, lang) and bool(patterns(_langs(lang)).roles.search(text))


def _paragraph(text: str, number: int, source: list[str]) -> str:
    """The line and those that go on from it up to the next blank line, joined."""
    out = [text.strip().lstrip("*_#>|").strip()]
    for line in source[number:number + BLOCK_LINES] if number else []:
        if not line.strip():
            break
        out.append(line.strip())
    return " ".join(out)


def _glued(text: str, start: int, number: int, lang: str | None) -> tuple[str, str, int] | None:
    """``La Ministra de …, Fátima Báñez García.`` after a dateline's dash: the role, then the name
    after its last comma."""
    role, _, name = text[start:].strip().rpartition(",")
    name = _name(name, lang)
    return (name, role.strip(), number) if name and role and _role(role + ",", lang) else None


def _under(block: list[tuple[int, str]], lang: str | None) -> tuple[str, str, int] | None:
    """The first name in the lines under a date line, with the role under it or before it (also
    after a mark of signing, ``Signé : M. …``, or after its role and a comma on one line: ``O
    Presidente da Assembleia da República, José Pedro Aguiar-Branco.``)."""
    before = ""
    above: list[str] = []   # the role lines since the date line (``Der Bundesminister`` / ``für Arbeit …``)
    for i, (number, line) in enumerate(block):
        text = line.strip().strip("*_#>|").strip()
        signed = SIGNED.match(text)
        text = text[signed.end():] if signed else text
        role, _, after = text.rpartition(",")
        if role and _name(after, lang) and _titled_role(role, lang):
            return _name(after, lang) or "", role.strip(), number
        name = _name(text, lang)
        if name:
            if above and _titled_role(" ".join(above), lang):
                return name, " ".join(above).rstrip(",: "), number  # the role printed over the name
            after = block[i + 1][1].strip().strip("*_").strip() if i + 1 < len(block) else ""
            role = after if _role(after, lang) and not after.endswith((",", ":")) else before
            return name, role.rstrip(",: "), number
        if not _role(text, lang):
            return None
        above.append(text)
        before = text if text.endswith(",") or (text.endswith(":") and _titled_role(text, lang)) else ""
    return None


def _langs(lang: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x for x in ("en", lang) if x in ALL_LANGUAGES)) or ALL_LANGUAGES


def _role(text: str, lang: str | None) -> bool:
    """A role or an office (``Generaldirektör``, ``Par le Premier ministre :``): a short line
    without figures, that names no person."""
    return bool(text) and len(text.split()) <= ROLE_WORDS and not re.search(r"\d", text) \
        and _name(text, lang) is None


def _name(text: str, lang: str | None) -> str | None:
    """``text`` as a person's name (``Jean Castex``, ``JUAN CARLOS R.``, ``Fátima Báñez
    García.`` → ``Fátima Báñez García``), or ``None``: two to five capitalised words (small
    words of a name between them), no figure, no word of a role."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]  # IL CAPO DIPARTIMENTO / (Di Bari)
    words = _HONORIFIC.sub("", text).rstrip(",;").split()
    if words and len(words[-1]) > 2 and words[-1].endswith("."):
        words[-1] = words[-1][:-1]
    named = [w for w in words if w not in PARTICLES]
    if not NAME_WORDS[0] <= len(named) <= NAME_WORDS[1] or words[0] in PARTICLES:
        return None
    if not all(_NAME_WORD.match(w) for w in named) or patterns(_langs(lang)).roles.search(text):
        return None
    return " ".join((w.lower() if i and w.lower() in PARTICLES else w.capitalize()) if w.isupper() and len(w) > 2
                    else w for i, w in enumerate(words))


_HONORIFIC = re.compile(r"^(?:M\.|MM\.|Mme|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sr\.|Sra\.|Dña?\.|Herr|Frau|Dhr\.|Mevr\.)\s+")
"""A civil title before a name (``M. Jacques-Henri Stahl``): not part of it."""
