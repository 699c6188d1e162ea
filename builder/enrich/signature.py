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


def find(lines: list[tuple[int, str]], source: list[str], lang: str | None) -> tuple[str, str, int] | None:
    """(name, role or "", line number) of the signatory under the last date line among the last
    ``END_LINES`` of ``lines`` (the kept source lines, (number, text)), read in ``source`` (its
    lines, a role ending in a comma included); ``None`` without one."""
    tail = lines[-END_LINES:]
    for i in range(len(tail) - 1, -1, -1):
        number, text = tail[i]
        if dates.dateline(text, lang):
            below = [(n, t) for n, t in enumerate(source[number:], number + 1) if t.strip()] if number else tail[i + 1:]
            return _under(below[:BLOCK_LINES], lang)
        glued = dates.glued_dateline(text, lang)
        if glued:
            dash = dates.DATELINE_DASH.match(text.strip().lstrip("*_#>|").strip(), glued.end)
            return _glued(_paragraph(text, number, source), dash.end() if dash else len(text), number, lang)
    return None


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
    """The first name in the lines under a date line, with the role under it or before it."""
    before = ""
    for i, (number, line) in enumerate(block):
        text = line.strip().strip("*_#>|").strip()
        name = _name(text, lang)
        if name:
            after = block[i + 1][1].strip().strip("*_").strip() if i + 1 < len(block) else ""
            role = after if _role(after, lang) and not after.endswith((",", ":")) else before
            return name, role.rstrip(",: "), number
        if not _role(text, lang):
            return None
        before = text if text.endswith(",") else ""
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
    words = text.strip().rstrip(",;").split()
    if words and len(words[-1]) > 2 and words[-1].endswith("."):
        words[-1] = words[-1][:-1]
    named = [w for w in words if w not in PARTICLES]
    if not NAME_WORDS[0] <= len(named) <= NAME_WORDS[1] or words[0] in PARTICLES:
        return None
    if not all(_NAME_WORD.match(w) for w in named) or patterns(_langs(lang)).roles.search(text):
        return None
    joined = " ".join(words)
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in joined.split())
