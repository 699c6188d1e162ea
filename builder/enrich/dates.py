"""The document's own date, in any language.

A document states its date in a *date line*: a line that is a date and little else (``June 2,
2024``, ``Geneva, 4 May 2013``, ``Fait à Paris, le 3 mars 2021``, ``Madrid, 4 de junio de
2015``, ``Stockholm den 12 maj 2022``, ``Berlin, den 5. Mai 2019``), at the top of the text,
in the signature at its end, or anywhere when it is a signing formula (``Dado en Madrid, el
16 de febrero de 2007.``, ``Done at Geneva on …``). A date inside a sentence (``the law
enters into force on 1 April 2024``) is something the text mentions, not its date.

Finding a date is done in two steps. Shapes common to every language written with digits
(day, a word, a year; a word, a day, a year; a word and a year; ISO ``2021-03-03``;
``3.3.2021``; ``2021年3月3日``) propose candidates; ``dateparser``, with the document's
language, says whether the word is a month of that language and reads the date. A
candidate whose month and year are real but whose day is not (``31 février 2020``) is an
*impossible date*: reported, never corrected into a guess. Partial dates keep their
precision: ``mars 2021`` → ``2021-03``; a bare year only as ``Place, 2021``.

The few words a date line may hold besides the date and capitalised names (``fait``,
``le``, ``dado``, ``en``, ``den``, ``am``…) are in ``DATELINE_WORDS``, one table for every
language.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..pure import pure
from . import symbols

# --- the words of a date line, every language in one table ------------------------------

SIGNING_WORDS = {
    "en": "done given signed made issued adopted dated approved",
    "fr": "fait faite donné donnée signé signée adopté adoptée approuvé approuvée",
    "es": "dado dada hecho hecha firmado firmada adoptado adoptada aprobado aprobada",
    "pt": "feito feita dado dada assinado assinada adotado adotada aprovado aprovada",
    "de": "gegeben geschehen unterzeichnet ausgefertigt angenommen verabschiedet beschlossen",
    "it": "fatto fatta dato data firmato adottato",
    "nl": "gedaan gegeven getekend",
    "sv": "utfärdad utfärdat undertecknad",
}
"""Words that make a line a signing formula (``Fait à Paris, le 3 mars 2021``): such a line
is the document's date wherever it stands."""
LINK_WORDS = {
    "en": "at in on the of this day date dated published updated",
    "fr": "à a le la les en au du de des d' l' ce date publié publiée mis à jour",
    "es": "en el la a de del los las fecha publicado actualizado",
    "pt": "em no na a o de do da dos das aos data publicado atualizado",
    "de": "am zu in den der dem im vom stand datum veröffentlicht",
    "it": "a il lo la in di del della addì data pubblicato",
    "nl": "te op de den in datum",
    "sv": "den i på datum",
    "da": "den i på dato",
    "no": "den i på dato",
    "pl": "w dnia dn",
    "ru": "г в от",
}
"""Small words a date line may hold between a place and a date (``le``, ``den``, ``am``…)."""
DATELINE_WORDS = frozenset(w for table in (SIGNING_WORDS, LINK_WORDS) for ws in table.values()
                           for w in ws.split())
_SIGNING = frozenset(w for ws in SIGNING_WORDS.values() for w in ws.split())
SIGNING_RE = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, _SIGNING), key=len, reverse=True)) + r")(?!\w)",
                        re.IGNORECASE)
"""A signing word anywhere in a line (a cheap test before reading the line's dates)."""

# --- candidate shapes -----------------------------------------------------------------

_YEAR = r"(?P<y>1[5-9]\d\d|20\d\d)(?![\d/–-]?\d)"
_MONTH = r"(?P<m>[^\W\d_][^\W\d_’'-]{1,14}\.?)"
_DAY = r"\[?(?P<d>[0-3]?\d)\]?(?:\.|º|°|er|st|nd|rd|th|e)?"
_LINK = r"(?:(?:de|del|of|di|van|do|da)\s+)?"
_BEFORE = r"(?<![\w/.-])"
SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(_BEFORE + _DAY + r",?\s+" + _LINK + _MONTH + r",?\s+" + _LINK + _YEAR)),
    ("day", re.compile(_BEFORE + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR)),
    ("day", re.compile(_BEFORE + r"(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\dT:])(?!\s*\d\d?:\d\d)")),
    ("day", re.compile(_BEFORE + r"(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?" + _YEAR)),
    ("day", re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")),
    ("month", re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月")),
    ("month", re.compile(_BEFORE + _MONTH + r",?\s+" + _LINK + _YEAR)),
    ("year", re.compile(r"^(?P<place>[^\W\d_][^\d,]{1,40}),\s*" + _YEAR + r"\.?$")),
)
"""(precision, pattern): shapes of a date in any language written with digits. The word
is a month only if ``dateparser`` reads it as one in the document's language."""

_PARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "PREFER_DATES_FROM": "past",
    "PARSERS": ["absolute-time"],  # never "today", "in two days" or a bare number
    "RETURN_TIME_AS_PERIOD": False,
}


@dataclass(frozen=True, slots=True)
class Found:
    """A date read in a line: ``iso`` (``2021-03-03``, ``2021-03`` or ``2021``), or the
    ``impossible`` text of a date with no such day, and where it stands in the line."""

    start: int
    end: int
    iso: str = ""
    impossible: str = ""


@pure
def _parser(langs: tuple[str, ...]) -> Any:
    from dateparser.date import DateDataParser  # heavy (its language data): only for a spelled-out date

    return DateDataParser(languages=list(langs) or None, settings=_PARSER_SETTINGS)


@pure
def _supported() -> frozenset[str]:
    from dateparser.languages.loader import default_loader  # likewise

    return frozenset(default_loader.get_locale_map().keys())


FALLBACK_LANGUAGES = ("en", "fr", "es", "de", "pt", "sv", "it", "nl")
"""Languages a date line is read in after the document's own, in this order: English, which
documents in any language quote, then the corpus's other languages, for a document whose
language is unknown (a short letter: ``Berlin, den 3. Mai 2021`` / ``Anbei die Unterlagen.``)
or misread. The document's language always comes first, so it decides between them."""


def parser_languages(lang: str | None) -> tuple[str, ...]:
    """The languages to read dates in: the document's (when dateparser knows it), then
    ``FALLBACK_LANGUAGES`` (a date written ``2021-03-03`` or ``3.3.2021`` needs no language)."""
    langs = [lang] if lang and lang in _supported() else []
    return tuple(dict.fromkeys([*langs, *FALLBACK_LANGUAGES]))


_SHORTCUTS: list[Callable[[str, tuple[str, ...]], tuple[Any, str] | None]] = []
"""Readers asked before dateparser (``use_shortcut``)."""


def use_shortcut(read: Callable[[str, tuple[str, ...]], tuple[Any, str] | None]) -> None:
    """Ask ``read(text, langs)`` before dateparser: it gives exactly what dateparser would,
    ``(date, period)``, or ``None`` to leave the text to dateparser (the engine passes one for
    the commonest shapes, far faster)."""
    _SHORTCUTS[:] = [read]


def _read(text: str, langs: tuple[str, ...]) -> tuple[Any, str] | None:
    return _read_date(text, langs, _SHORTCUTS[0] if _SHORTCUTS else None)


@pure
def _read_date(text: str, langs: tuple[str, ...],
               shortcut: Callable[[str, tuple[str, ...]], tuple[Any, str] | None] | None) -> tuple[Any, str] | None:
    """(date, period) of ``text`` read in ``langs``: ``shortcut``'s answer, else dateparser's."""
    if shortcut is not None and (found := shortcut(text, langs)) is not None:
        return found
    data = _parser(langs).get_date_data(text)
    return (data.date_obj, data.period) if data and data.date_obj else None


def _iso(precision: str, when: Any) -> str:
    if precision == "day":
        return when.date().isoformat()
    if precision == "month":
        return f"{when.year:04d}-{when.month:02d}"
    return f"{when.year:04d}"


def find(line: str, lang: str | None) -> list[Found]:
    """Every date in ``line`` that ``dateparser`` reads in ``lang`` (or English), in order.

    >>> [f.iso for f in find("Fait à Paris, le 3 mars 2021", "fr")]
    ['2021-03-03']
    """
    if not re.search(r"\d", line):
        return []
    langs = parser_languages(lang)
    taken: list[tuple[int, int]] = []
    out: list[Found] = []
    for precision, pattern in SHAPES:
        for m in pattern.finditer(line):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            text = m.group(0).replace("[", "").replace("]", "").strip()
            if precision == "day" and m.group("m").isdigit():  # digits only: read as written
                found = _numeric(m)
                if found:
                    taken.append((m.start(), m.end()))
                    out.append(found)
                continue
            if precision == "year":
                text = m.group("y")
            read = _read(text, langs)
            if read is None:
                if precision == "day" and (gone := _impossible(m, text, langs)):
                    taken.append((m.start(), m.end()))
                    out.append(Found(m.start(), m.end(), impossible=gone))
                continue
            when, period = read
            if period != precision:
                continue
            if precision == "month" and _has_day_before(line, m.start()):
                continue
            taken.append((m.start(), m.end()))
            out.append(Found(m.start(), m.end(), iso=_iso(precision, when)))
    return sorted(out, key=lambda f: f.start)


def _numeric(m: re.Match[str]) -> Found | None:
    """A date written in digits (``2021-03-04``, ``4.3.2021``, ``2021年3月4日``), read in the
    order its shape gives (day first in ``4.3.2021``, as everywhere that writes dots, where
    ``dateparser`` would read ``12.05.2021`` month first); a day the month does not have
    (``31.02.2021``) is impossible; a month above 12 is no date."""
    year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return Found(m.start(), m.end(), impossible=" ".join(m.group(0).split()))
    return Found(m.start(), m.end(), iso=f"{year:04d}-{month:02d}-{day:02d}")


def has_impossible(line: str, lang: str | None) -> bool:
    """``line`` holds a date with no such day (``30 February 2021``, ``31.02.2021``)."""
    return any(f.impossible for f in find(line, lang))


def _has_day_before(line: str, start: int) -> bool:
    """``16 de febrero, sobre …`` cut short: a month shape that a day number precedes."""
    return bool(re.search(r"\d\s*(?:de\s+)?$", line[:start]))


def _impossible(m: re.Match[str], text: str, langs: tuple[str, ...]) -> str:
    """The text of a date whose month and year read but whose day does not exist in that
    month (``31 février 2020``), else ``""``."""
    day = int(m.group("d"))
    if not 1 <= day <= 31 and day != 0:
        return ""
    first = text[:m.start("d") - m.start()].replace("[", "") + "1" + text[m.end("d") - m.start():]
    read = _read(first.replace("]", ""), langs)
    if read is None or read[1] != "day":
        return ""
    when = read[0]
    if day == 0 or day > calendar.monthrange(when.year, when.month)[1]:
        return " ".join(m.group(0).split())
    return ""


# --- date lines -------------------------------------------------------------------------

MAX_LINE_WORDS = 14
"""A date line is short: a place, a formula and a date."""
CASELESS_WORDS = 3
"""Words of a script without capitals (Arabic, Chinese…) a date line may hold: a place."""
_TOKEN = re.compile(r"[^\W\d_][\w’'.-]*|\d[\w./:-]*")


def _is_weekday(word: str, found: Found, line: str, langs: tuple[str, ...]) -> bool:
    """``mardi 3 mars 2021``: the word before the date is its weekday if the date still
    reads with it."""
    read = _read(f"{word} {line[found.start:found.end]}".replace("[", "").replace("]", ""), langs)
    return read is not None and _iso("day", read[0]) == found.iso


def dateline(line: str, lang: str | None) -> tuple[Found, bool] | None:
    """When ``line`` is a date line: (its date, whether it is a signing formula). A date line
    holds one date and otherwise only capitalised words (a place, an office), numbers, and
    the small words of ``DATELINE_WORDS``; the one lower-case word allowed beyond these is
    the date's weekday."""
    text = line.strip().strip("*_#>|").strip()
    if not text or len(text.split()) > MAX_LINE_WORDS:
        return None
    found = find(text, lang)
    if len(found) != 1:
        return None
    date = found[0]
    span = _DAY_SPAN.search(text[:date.start])
    if span and len(date.iso) == 10 and int(span.group("d")) < int(date.iso[8:]):
        date = Found(span.start(), date.end, date.iso[:7])  # 1 - 31 October 2023: the month
    rest = text[:date.start] + " " + text[date.end:]
    signing = False
    caseless = 0
    for m in _TOKEN.finditer(rest):
        word = m.group(0).rstrip(".:")
        low = word.lower()
        signing = signing or low in _SIGNING
        if not word or word[0].isdigit() or word[0].isupper():
            continue
        if low in DATELINE_WORDS or low.rstrip("'’") + "'" in DATELINE_WORDS:
            continue
        if word[0] == low[0] == word[0].upper():  # a script without capitals: a name, at most three
            caseless += 1
            if caseless <= CASELESS_WORDS:
                continue
        if m.end() <= date.start and not rest[m.end():date.start].strip(" ,") and \
                date.iso and _is_weekday(word, date, text, parser_languages(lang)):
            continue
        return None
    return date, signing


_DAY_SPAN = re.compile(r"(?<![\w.])(?P<d>[0-3]?\d)(?:\.|º|°|er|st|nd|rd|th)?\s*(?:[-–—]|au|al|a|to|till|tot|bis)\s*$",
                       re.IGNORECASE)
"""The first day of a span of days in one month, before the date of its last
(``1 - 31 October 2023``, ``du 1er au 15 mars 2021``, ``1–15 de marzo de 2021``): the date line
then dates the month it covers."""


# --- datelines joined to their text, acts' own dates, adoption formulas ------------------

GLUED_HEAD = 160
"""Characters at the start of a paragraph read for a dateline joined to its text."""
DATELINE_DASH = re.compile(r"\s*(?:\((?P<agency>[^()\n]{1,60})\)\s*)?"
                           r"(?:\.?\s*[–—]|\.?\s+-{1,2}\s|\.-(?=\s*\w)|\.\s+(?=[A-ZÀ-ÝÑ][^\W\d_]))")
"""What joins a dateline to its text: a dash (``–``, ``—``, `` - ``, ``.–``), or a full stop
before the text's first sentence (``Madrid, 27 de noviembre de 2023. La Defensora …``), after
the agency that wrote it in brackets when there is one (``(ILO News) —``)."""


def glued_dateline(line: str, lang: str | None) -> Found | None:
    """The date of a dateline that opens a paragraph and is joined to its text by a dash:
    ``Berlin, 12. Mai 2022 – Das Bundesamt …``, ``Geneva, 16 September 2021 (ILO News) — The …``,
    ``Madrid, 4 de junio de 2015.–La Ministra …``. Before the dash: a place (capitalised words),
    a comma or a linking word, the date; nothing else."""
    text = line.strip().lstrip("*_#>|").strip()
    found = find(text[:GLUED_HEAD], lang)
    if not found or not re.search(r"[^\W\d_]", text[:found[0].start]):
        return None  # a date first, with no place before it: not a dateline
    date = found[0]
    dash = DATELINE_DASH.match(text, date.end)
    if not dash or any(f.start == 0 for f in find(text[dash.end():dash.end() + 40].lstrip(), lang)):
        return None  # no dash, or a span of dates (London, 3 May 2021 – 5 June 2021)
    got = dateline(text[:date.end], lang)
    return date if got is not None else None


FORMULA_OPENERS = {
    "en": "adopted signed done approved issued",
    "fr": "adopté adoptée adoptés adoptées signé signée fait faite approuvé approuvée",
    "es": "adoptado adoptada aprobado aprobada firmado firmada hecho hecha dado dada",
    "pt": "adotado adotada aprovado aprovada assinado assinada feito feita",
    "de": "angenommen verabschiedet beschlossen unterzeichnet geschehen",
    "it": "adottato adottata approvato approvata firmato fatto",
}
"""Words that open an adoption or signing formula: ``(Adopted by the Committee of Ministers
on 24 April 2019 at the …)``, ``(adoptée par le Comité des Ministres le 24 avril 2019, …)``."""
_OPENERS = frozenset(w for ws in FORMULA_OPENERS.values() for w in ws.split())
FORMULA_WORDS = 40
"""An adoption formula is one clause: at most this many words."""
FORMULA_DATE_WORDS = 16
"""Its date comes within this many words of its first."""


def adoption_formula(line: str, lang: str | None) -> Found | None:
    """The date of a line that is an adoption or signing formula: it opens with a word of
    ``FORMULA_OPENERS`` and dates itself soon after; the formula is the whole line (in
    brackets, or ending at its date, or going on in lower case without a new sentence)."""
    text = line.strip().strip("*_").strip()
    m = re.match(r"[(\[]?\s*([^\W\d_]+)", text)
    if not m or m.group(1).lower() not in _OPENERS or len(text.split()) > FORMULA_WORDS:
        return None
    found = find(text, lang)
    if not found or len(text[:found[0].start].split()) > FORMULA_DATE_WORDS:
        return None
    date = found[0]
    after = text[date.end:]
    bracketed = text[0] in "([" and text.rstrip(" .")[-1:] in ")]"
    clause = _SENTENCE_END.split(after, maxsplit=1)[0]  # the formula is the first sentence
    if _PLACE.search(text[:date.start]):  # Done at Dakar on …, in two originals
        clause = clause.removeprefix(",")
    goes_on = bool(re.match(r"\s+[^\W\d_A-ZÀ-Þ]", clause)) and "." not in clause.rstrip(". ")
    return date if bracketed or goes_on or not after.strip(" .") else None


_PLACE = re.compile(r"\b(?:at|in|à|a|en|em|zu|in|te|i)\s+[A-ZÀ-Þ]")
"""A place in a signing formula (``Done at Dakar``, ``Hecho en Dakar``, ``Fait à Paris``, ``Geschehen
zu Berlin``): such a formula may go on after its date and a comma (``…, in two originals``), where a
sentence that opens with ``Adopted on …,`` goes on with its subject."""
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{3}[.;])\s+(?=[A-ZÀ-Þ])")
"""The end of a sentence: a full stop after a word (not an initial or an abbreviation of two
letters), then a capital: ``Done at Dakar on 10 October 2023, in two originals, … authentic. The
English version …``."""


ACT_NAMES = {
    "en": "act law decree regulation ordinance order directive statute",
    "fr": "loi décret arrêté ordonnance circulaire décision",
    "es": "ley decreto decreto-ley orden resolución instrucción circular",
    "pt": "lei decreto decreto-lei portaria despacho resolução",
    "de": "gesetz verordnung erlass bekanntmachung richtlinie",
    "it": "legge decreto ordinanza",
    "nl": "wet besluit",
}
"""Names of legal acts, whose title line states the act's own date (``Ley 3/2015, de 4 de
junio``, ``Décret n° 2021-123 du 3 mars 2021``, ``Gesetz vom 12. Mai 2022``)."""
_COMPOUNDING = ("gesetz", "verordnung")
"""Act names that end German compounds (``Beschäftigungsverordnung vom 6. Juni 2013``)."""
_ACT_NAME = "|".join(sorted({w for ws in ACT_NAMES.values() for w in ws.split()}, key=len, reverse=True))
ACT_TITLE = re.compile(
    r"^[\W_]{0,3}(?:\d{1,6}\s+)?"  # a gazette's serial number before the title
    r"(?:[A-ZÀ-Þ][\w-]*\s+)?"  # a qualifier before the name: Real Decreto, Royal Decree
    r"(?:(?i:" + _ACT_NAME + r")|[A-ZÄÖÜ][a-zäöüß]+(?:" + "|".join(_COMPOUNDING) + r"))(?!\w)"
    r"(?P<number>[^\n,]{0,40}?),?\s+"  # its number and qualifiers: n° 2021-239, Orgánica 4/2000
    r"(?i:de|du|del|vom|of|dated|do|da|di|van)\s+(?P<date>\d.*)$")
"""A legal act's title line: its name (after a serial number or a qualifier), its number,
then ``de``/``du``/``vom``/``of`` and its date."""
_DAY_MONTH = re.compile(r"^(?P<d>[0-3]?\d)\.?\s+(?:de\s+)?(?P<m>[^\W\d_]{3,15}\.?)(?=[\s,;.]|$)")


def act_date(line: str, lang: str | None) -> Found | None:
    """The date in a legal act's title line (``ACT_TITLE``). A date without its year takes
    the year from the act's number (``Orden ESS/1070/2015, de 4 de junio`` → 2015-06-04);
    without a year there either, there is no date."""
    m = ACT_TITLE.match(line.strip())
    if not m:
        return None
    text, offset = m.group("date"), m.start("date")
    found = find(text, lang)
    if found and found[0].start == 0:
        first = found[0]
        return Found(first.start + offset, first.end + offset, first.iso, first.impossible)
    short = _DAY_MONTH.match(text)
    years = re.findall(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", m.group("number"))
    if not short or not years:
        return None
    full = f"{short.group('d')} {short.group('m')} {years[-1]}"
    found = [f for f in find(full, lang) if f.start == 0 and f.end == len(full)]
    if not found or (found[0].iso and len(found[0].iso) != 10):
        return None
    return Found(offset, offset + short.end(), found[0].iso, found[0].impossible and text[:short.end()])


GAZETTE_ISSUE = re.compile(
    r"\b(?:núm|num|no|nr|n[°º]|numéro|número|issue|heft|ausgabe)\.?\s*\d[^\n]*"
    r"\b(?:pág|pag|page|seite|sec|p|s)\.?\s*[\dIVX]|" + symbols.GAZETTE_NAME.pattern, re.IGNORECASE)
"""A gazette's issue line (``Núm. 134 Viernes 5 de junio de 2015 Sec. I. Pág. 48712``,
``JORF n°0054 du 4 mars 2021``): its date is the issue's, not the act's."""


ACT_TITLE_LINES = 8
"""Paragraph openings at the top read for a legal act's title line (deeper down, a line that
opens with an act's name cites another act)."""
Reader = Callable[[str, str | None], Found | None]
Lines = Iterable[tuple[int, str]]


def _date_line(line: str, lang: str | None) -> Found | None:
    got = dateline(line, lang)
    return got[0] if got else None


def _signing_line(line: str, lang: str | None) -> Found | None:
    got = dateline(line, lang)
    return got[0] if got and got[1] else None


def own_date(top: Lines, end: Lines, anywhere: Lines, lang: str | None,
             starts: tuple[Lines, Lines] = ((), ())) -> tuple[str | None, str, list[str]]:
    """The document's own date from its lines, (line number, text) each; ``starts``: the lines
    that open a paragraph, among the first and among the last. In order: a legal act's date in
    its title line; the first date line (or dateline joined to its paragraph) of the ``top``;
    a signing formula ``anywhere`` or an adoption formula opening a paragraph; the last date
    line of the ``end``; last, a gazette's issue date. Returns (ISO date or ``None``, where it
    was found, warnings about impossible dates met)."""
    warnings: list[str] = []
    top_starts, end_starts = list(starts[0]), list(starts[1])
    issue: tuple[str, int] | None = None

    def check(number: int, text: str, reader: Reader) -> Found | None:
        got = reader(text, lang)
        if got and got.impossible:
            note = (f"impossible date {got.impossible!r} (line {number}): no such day, the date "
                    "was not used; correct it in metadata.yml if the document has one")
            if note not in warnings:
                warnings.append(note)
            return None
        return got

    for number, text in top_starts[:ACT_TITLE_LINES]:
        if got := check(number, text, act_date):
            return got.iso, f"the act's own date in its title line (line {number})", warnings
    for number, text, reader in _merged(top, top_starts):
        if got := check(number, text, reader):
            if not GAZETTE_ISSUE.search(text):
                return got.iso, f"date line at the top (line {number})", warnings
            issue = issue or (got.iso, number)
    for number, text in anywhere:
        if got := check(number, text, _signing_line):
            return got.iso, f"signing formula (line {number})", warnings
    for number, text in sorted(set(top_starts) | set(end_starts)):
        if got := check(number, text, adoption_formula):
            return got.iso, f"adoption formula (line {number})", warnings
    for number, text, reader in reversed(_merged(end, end_starts)):
        if (got := check(number, text, reader)) and not GAZETTE_ISSUE.search(text):
            return got.iso, f"date line at the end (line {number})", warnings
    if issue:
        return issue[0], f"a gazette's issue date (line {issue[1]})", warnings
    return None, "", warnings


def _merged(lines: Lines, starts: Lines) -> list[tuple[int, str, Reader]]:
    """Date lines and paragraph openings (read for a dateline joined to its text), in order."""
    return sorted([(n, t, _date_line) for n, t in lines] + [(n, t, glued_dateline) for n, t in starts],
                  key=lambda x: x[0])


PUBLISHED = re.compile(
    r"(?:^|[|·•)\]]\s*)\W{0,3}(?:published|posted|first\s+published|publié(?:e)?(?:\s+le)?|mis\s+en\s+ligne|publicado|publicada|"
    r"publicação|veröffentlicht|erschienen|publicerad|publicerat|pubblicato|gepubliceerd)\b\s*(?:on|le|el|em|am|den|"
    r"il|op)?\s*:?\s*", re.IGNORECASE)
"""A web page's publication line, its word opening the line or a part of it (after ``|``, ``·`` or
a link): ``Published 14 March 2024``, ``Publicado em 18/12/2023 | …``, ``From: [Office](…)Published
25 February 2016`` (never a sentence that says what was published)."""
UPDATED = re.compile(
    r"(?:^|[|·•)\]]\s*)\W{0,3}(?:(?:page\s+)?last\s+(?:updated|modified|reviewed|changed)|updated|"
    r"derni[èe]re\s+(?:mise\s+à\s+jour|modification)|mis(?:e)?\s+à\s+jour(?:\s+le)?|"
    r"[úu]ltima\s+(?:actualizaci[óo]n|modificaci[óo]n|atualiza[çc][ãa]o|altera[çc][ãa]o)|actualizad[oa]|atualizad[oa]|"
    r"zuletzt\s+(?:aktualisiert|geändert|bearbeitet)|letzte\s+(?:änderung|aktualisierung)|stand|"
    r"senast\s+(?:uppdaterad|ändrad|granskad)|uppdaterad|"
    r"ultim[oa]\s+(?:aggiornamento|modifica)|aggiornat[oa](?:\s+al)?|"
    r"laatst\s+(?:gewijzigd|bijgewerkt|aangepast)|bijgewerkt(?:\s+op)?)\b\s*(?:on|le|el|em|am|den|il|op|:)?\s*:?\s*",
    re.IGNORECASE)
"""A web page's last-modified line, in the same places as a publication line (``Laatst gewijzigd:
12-09-2023``, ``Page last updated 3 May 2021``, ``Dernière mise à jour : 4 mars 2022``, ``Senast
uppdaterad 2023-05-02``): it dates a page that states no publication date."""
_SLASHED = re.compile(r"(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?!\d)")
MONTH_FIRST = frozenset({"en"})
"""Languages that may write a date in slashes month first (``12/18/2023`` in the United States):
there a slashed date whose two numbers could each be the month is not read (no guess)."""


def publication_date(line: str, lang: str | None, label: re.Pattern[str] = PUBLISHED) -> Found | None:
    """The date a publication line (``label``: ``PUBLISHED`` or ``UPDATED``) gives right after its
    word (``Publicado em 18/12/2023 | Atualizado em 19/12/2023`` → 2023-12-18): a written date in
    the document's language, or a date in slashes (or dashes, dots), day first (month first when
    the first number cannot be a day's month in a language of ``MONTH_FIRST``; both readings
    possible there: none)."""
    m = label.search(line)
    if not m:
        return None
    rest = line[m.end():m.end() + 40]
    found = [f for f in find(rest, lang) if f.iso and not rest[:f.start].strip()]
    if found:
        return Found(m.end() + found[0].start, m.end() + found[0].end, iso=found[0].iso)
    slashed = _SLASHED.match(rest)
    if not slashed:
        return None
    a, b, year = int(slashed.group("a")), int(slashed.group("b")), int(slashed.group("y"))
    if lang in MONTH_FIRST or lang is None:
        if a <= 12 and b <= 12 and a != b:
            return None  # 03/04/2021: March or April, no guess
        if b > 12:
            a, b = b, a
    day, month = a, b
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return Found(m.end(), m.end() + slashed.end(), iso=f"{year:04d}-{month:02d}-{day:02d}")
