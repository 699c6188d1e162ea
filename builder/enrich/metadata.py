"""Metadata from the text itself: title, date, period, organisation, type, signatory,
addressee and the document symbols it cites.

Takes a cleaned ``Document`` (its blocks and, for letters, ``doc.letter``, the
letter's parts by role) and the editor's overrides from ``metadata.yml``; returns a
``Metadata``. Layers, lowest precedence first (as Pelican does): what the text states,
then what it lets us infer (marked ``inferred: …`` in ``meta.sources``), then
``metadata.yml``, which always wins and is recorded in ``meta.sources`` and
``meta.overridden``. A value that cannot be found stays empty and is listed in
``meta.missing``; nothing is ever guessed from the file name.

Every rule works from the shape and generic vocabulary of documents (a date line, an
all-capitals letterhead, a ``Subject:`` line, ``the present report``), never from the
wording of one document.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import replace
from datetime import date as Date
from typing import Any

from ..clean.text.patterns import (BRACKETED_LINE, CAPTION, GENRE_LABELS, GENRE_PHRASE, PERIODICAL_HEADER,
                                   SENTENCE_END, SUBJECT, WEB_ADDRESS, furniture_kind, is_all_caps, is_section_label,
                                   mostly_date, not_a_title, recase_caps, title_case)
from ..document import Block, Document, Metadata, Removal
from ..textscan import may_contain, screened_search
from . import dates, keywords, language, signature, symbols

log = logging.getLogger(__name__)

# --- dates -------------------------------------------------------------------------------

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"])}
_ABBR = {m[:3]: i for m, i in MONTHS.items()} | {"sept": 9}
_MONTH = (r"(January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DATE_PATTERNS = (
    (re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"), ("m", "d", "y")),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(\d{4})\b"), ("d", "m", "y")),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("y", "m", "d")),
)
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?\s+(\d{4})\b")
_PERIOD = re.compile(
    r"\b(?:the\s+)?((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)?\d{2})\s+(?:biennium|triennium|reporting\s+period)\b"
    r"|\b(?:biennium|triennium|reporting\s+period)\s+((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)?\d{2})\b",
    re.IGNORECASE)
_PERIOD_WORDS = ("biennium", "triennium", "reporting")
"""Every match of ``_PERIOD`` holds one of these."""
_FUTURE = re.compile(r"\b(?:will|shall|forthcoming|upcoming|to be held|planned for)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![-–/\w])((?:19|20)\d{2})(?![-–/]?\d)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])|\n+")


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or _ABBR.get(key[:4] if key.startswith("sept") else key[:3], 0)


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every full date in ``text`` as (offset, ISO date), in order.

    >>> find_dates("Geneva, 14 Feb. 2013 and August 10, 2016")
    [(8, '2013-02-14'), (25, '2016-08-10')]
    """
    found: dict[int, str] = {}
    for pattern, order in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            parts = dict(zip(order, m.groups()))
            month = int(parts["m"]) if parts["m"].isdigit() else _month(parts["m"])
            try:
                found.setdefault(m.start(), Date(int(parts["y"]), month, int(parts["d"])).isoformat())
            except ValueError:
                continue
    return sorted(found.items())


def find_months(text: str) -> list[str]:
    """Every ``Month YYYY`` (or fuller) date in ``text`` as ``YYYY-MM``."""
    out = [iso[:7] for _, iso in find_dates(text)]
    for m in _MONTH_YEAR.finditer(text):
        month = _month(m.group(1))
        if month:
            out.append(f"{m.group(2)}-{month:02d}")
    return out


def parse_date(text: str) -> str | None:
    """The first full date in ``text``, else its first ``Month YYYY``, as ISO 8601."""
    dates = find_dates(text)
    if dates:
        return dates[0][1]
    months = find_months(text)
    return months[0] if months else None


def _is_date_line(text: str) -> bool:
    """A short block that is (mostly) a date: ``August 10, 2016``, ``Geneva, 4 May 2013``."""
    return bool(find_dates(text) or find_months(text)) and len(text.split()) <= 16


def infer_date(text: str) -> tuple[str | None, str]:
    """A year bracketed by what the text reports as past and what it announces.

    The latest dated event the text tells as past (month precision or better) is the
    earliest the document can be; a year the text looks ahead to (``will … in 2014``,
    ``forthcoming 2013 …``) is the latest. When both exist and are at most a year apart,
    the document dates from the later year: strong internal evidence. Otherwise ``None``.
    Returns (year or None, the evidence in words).
    """
    past: list[str] = []
    ahead: list[int] = []
    for sentence in _SENTENCE_END.split(text):
        future = _FUTURE.search(sentence)
        if future:
            ahead += [int(y) for y in _YEAR.findall(sentence[future.start():])]
        else:
            past += find_months(sentence)
    if not past:
        return None, ""
    latest = max(past)
    later = [y for y in ahead if y >= int(latest[:4])]
    if not later:
        return None, f"reports events up to {latest} but states no date"
    upper = min(later)
    if upper - int(latest[:4]) > 1:
        return None, f"reports events up to {latest} and looks ahead to {upper}"
    return str(upper), f"inferred: reports events up to {latest} as past and looks ahead to {upper}"


def find_period(text: str) -> str | None:
    """A period the document covers, as written: ``the 2012-2013 biennium`` → ``2012-2013``."""
    if not may_contain(text, _PERIOD_WORDS):
        return None
    counts: Counter[str] = Counter()
    for m in _PERIOD.finditer(text):
        start, end = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        end = end if len(end) == 4 else start[:2] + end
        counts[f"{start}-{end}"] += 1
    return counts.most_common(1)[0][0] if counts else None


# --- symbols -----------------------------------------------------------------------------

OWN_SYMBOL = "text: the document's own symbol first, then those it cites"
"""``meta.sources["symbols"]`` when the first symbol is the document's own (what a citation gives)."""
_FM_SYMBOL = ("symbol", "symbols", "document_symbol", "doc_symbol", "celex", "eli", "nor", "reference")


def find_symbols(text: str) -> list[str]:
    """Document symbols cited, sorted: ``A/RES/67/172``, ``A/68/292``, ``BOE-A-2007-4184``…"""
    return sorted(set(symbols.find(text)))


def document_symbol(meta: Metadata) -> str:
    """The document's own symbol (``A/RES/80/9``), or ``""`` when its symbols are only cited:
    the first symbol found as its own, or the first one ``metadata.yml`` gives."""
    if meta.symbols and meta.sources.get("symbols") in (OWN_SYMBOL, "override"):
        return str(meta.symbols[0])
    return ""


def own_symbols(doc: Document) -> list[str]:
    """The symbols the document gives itself (``symbols.own_symbols``): its front matter's, a
    symbol line at the top of the source, and the lines cleaning removed (running headers)."""
    fields = doc.front_matter
    front = []
    if isinstance(fields, dict):
        for key, value in fields.items():
            if str(key).lower().replace(" ", "_") in _FM_SYMBOL:
                front += [str(v) for v in value] if isinstance(value, list) else [str(value)]
    top = doc.source.text.split("\n", symbols.TOP_LINES)[:symbols.TOP_LINES] if doc.source.text else []
    return symbols.own_symbols(top, [r.text for r in doc.removed], front)


# --- titles, organisations, types ---------------------------------------------------------

_LABEL = re.compile(r"^\s*(?:subject|subj|re|ref|objet|concerning|asunto|assunto|betreff|oggetto|onderwerp|ärende)"
                    r"\s*[:.]\s*",
                    re.IGNORECASE)
_BANNER_WORDS = {"banner", "printable", "print", "logo", "seal", "skip", "menu", "navigation", "search",
                 "login", "sign", "home", "share", "cookie", "cookies", "breadcrumb"}
ORG_WORDS = {
    "en": "department ministry bureau office mission representative embassy organization organisation agency "
          "commission council secretariat programme program fund institute committee delegation government "
          "directorate division permanent nations union court tribunal ombudsman observatory",
    "fr": "ministère ambassade mission délégation gouvernement préfecture secrétariat commission "
          "comité conseil agence office organisation institut observatoire cour tribunal "
          "commissariat défenseur médiateur sous-direction assemblée parlement",
    "es": "ministerio embajada misión delegación gobierno secretaría subsecretaría comisión comité consejo "
          "agencia oficina organización instituto observatorio dirección tribunal audiencia juzgado "
          "defensor defensoría subdirección asamblea parlamento",
    "pt": "ministério embaixada missão delegação governo secretaria comissão comité comitê conselho agência "
          "gabinete organização instituto observatório direção tribunal provedor provedoria assembleia parlamento",
    "de": "ministerium bundesministerium bundesamt landesamt amt behörde agentur kommission ausschuss "
          "botschaft vertretung regierung gericht bundesregierung",
    "it": "ministero ambasciata commissione comitato consiglio agenzia istituto osservatorio tribunale corte "
          "dipartimento direzione prefettura questura assemblea parlamento",
    "nl": "ministerie ambassade commissie raad agentschap rechtbank inspectie",
    "sv": "myndighet myndigheten departementet regeringen regeringskansliet domstol domstolen",
}
"""Words that make a short header line an organisation's name (a letterhead, a masthead), per
language (lower case, matched as whole words)."""
ORG_ENDINGS = {
    "de": "ministerium amt behörde gericht agentur",
    "sv": "verket myndigheten styrelsen domstolen departementet kansliet inspektionen ombudsmannen",
    "nl": "dienst ministerie inspectie",
}
"""Endings of compound names that are organisations (``Bundesamt``, ``Verwaltungsgericht``,
``Migrationsverket``, ``Socialstyrelsen``), per language."""
_ORG_WORDS = frozenset(w for ws in ORG_WORDS.values() for w in ws.split())
_ORG_ENDINGS = tuple(w for ws in ORG_ENDINGS.values() for w in ws.split())
_NOT_ORG_ENDINGS = ("gesamt",)
"""Words with an organisation's ending that are none (``insgesamt``)."""
ADJECTIVES_FOLLOW = frozenset({"fr", "es", "pt", "it", "ca", "ro"})
"""Languages whose names put adjectives after the noun (``Office français``, ``Tribunal
administratif``): a lower-case word after an organisation word does not mark a sentence there."""
_NAME_SMALL_WORDS = frozenset(
    "of the to and in for on at by a an or with from de du des la le les l d et au aux en pour sur "
    "del los las el y e o para con por da do dos das em na no der die das den dem und für von zu im am "
    "mit för och i av på vid di della dello degli van het voor per dei delle al alla ai nel nella".split())
"""Small words inside an organisation's name (``Ministry of``, ``Bundesamt für``, ``Ministère de l'``)."""
_UNIT_WORDS = {"bureau", "division", "section", "directorate", "unit", "branch", "service", "dirección", "direction",
               "direção", "referat", "abteilung", "subdirección", "sous-direction", "dipartimento", "direzione",
               "ufficio", "directie", "afdeling", "enheten", "avdelningen"}
_PARENT_WORDS = {"department", "ministry", "government", "organization", "organisation", "mission",
                 "embassy", "agency", "secretariat", "ministère", "ministerio", "ministério", "ministerium",
                 "bundesministerium", "ministero", "ministerie", "gouvernement", "gobierno", "governo", "regierung"}
_TYPE_NAMES = ("fact sheet", "factsheet", "press release", "briefing note", "note verbale",
               "policy brief", "issue brief", "statement", "submission", "report",
               "brochure", "letter", "memorandum", "working paper", "discussion paper",
               "concept note", "aide-memoire", "guidelines", "newsletter")
_SELF_REF = re.compile(r"\b(?:this|the present)\s+(" + "|".join(t.replace(" ", r"\s+") for t in _TYPE_NAMES)
                       + r")\b", re.IGNORECASE)
_SMALL_WORDS = {"of", "the", "to", "and", "in", "for", "on", "at", "by", "a", "an", "or", "with", "de", "du", "des"}
_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{1,6}\b")
_DEFINED = re.compile(r"((?:[A-Z][\w’'.-]*\s+(?:(?:of|the|for|on|and|to|in)\s+)*){1,12})\(([A-Z][A-Z&]{1,6})\)")
_GENERIC_ACRONYMS = {"UN", "EU", "US", "USA", "UK", "NGO", "NGOS", "CH", "DC", "II", "III", "IV", "VI", "FAQ",
                     "PDF", "URL", "HTML", "AM", "PM", "MS", "MR", "DR", "OK", "TV", "GDP"}


_CONJUNCTIONS = frozenset({"y", "e", "o", "u"})
"""One-letter conjunctions of Romance languages, lower case between capitalised words of a name."""


def smart_case(text: str, small: frozenset[str] | set[str] = frozenset(_SMALL_WORDS)) -> str:
    """All-capitals words → capitalised (``small`` words and one-letter conjunctions lower-case,
    an elided article kept lower-case before its capitalised word: ``DE L'EUROPE`` → ``de
    l'Europe``); mixed-case words, acronyms, codes and initials untouched (``patterns.recase_caps``).

    >>> smart_case("THE PERMANENT MISSION OF THE United States")
    'The Permanent Mission of the United States'
    >>> smart_case("Valletta VLT 1000")
    'Valletta VLT 1000'
    """
    return recase_caps(" ".join(text.split()), frozenset(small) | _CONJUNCTIONS)


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z’']+", text.lower())


def _is_banner(text: str) -> bool:
    words = _words(text)
    return bool(words) and len(words) <= 8 and bool(_BANNER_WORDS & set(words))


def _name_words(text: str) -> list[str]:
    """The words of a line, in any script, as written (``Haut-Commissariat`` → two words)."""
    return re.findall(r"[^\W\d_]+", text)


def _org_word(word: str) -> bool:
    low = word.lower()
    return low in _ORG_WORDS or (word[:1].isupper() and low.endswith(_ORG_ENDINGS) and len(low) > 6
                                 and not low.endswith(_NOT_ORG_ENDINGS))


def _is_org_line(text: str, lang: str | None = None) -> bool:
    """A short line that names an organisation (letterhead, issuer): no verb, org vocabulary
    (``ORG_WORDS``, ``ORG_ENDINGS``, any language). Given the document's language, a line where
    an organisation word is followed by a lower-case word that is no small word reads as a
    sentence (``… Organization welcomes ratification …``, ``Bundesamt öffnet …``), except in
    languages whose adjectives follow the noun (``ADJECTIVES_FOLLOW``); in English
    (``TITLE_CASED``), a lower-case word anywhere that is no small word."""
    words = _name_words(text)
    if not 0 < len(words) <= 20 or text.rstrip().endswith((".", ":")):
        return False
    found = [i for i, w in enumerate(words) if _org_word(w)]
    if not found:
        return False
    if lang is not None and lang not in ADJECTIVES_FOLLOW:
        after = [words[i + 1] for i in found if i + 1 < len(words)] if lang != TITLE_CASED else words
        if any(w[:1].islower() and w.lower() not in _NAME_SMALL_WORDS for w in after):
            return False
    return True


TITLE_CASED = "en"
"""The language whose names capitalise every word but the small ones: a lower-case word anywhere
in a line makes it a sentence, not a name (``Introduced by M. of A. Cunningham -- read once and
referred to the Committee on Labor``)."""


def _is_type_label(text: str) -> bool:
    return text.strip().lower().rstrip(":.") in _TYPE_NAMES


def _is_letterhead(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    caps = sum(c.isupper() for c in letters) / len(letters) if letters else 0
    return _is_org_line(text) and (caps > 0.6 or text.lower().startswith(("the permanent", "permanent")))


def _clean_title(text: str) -> str:
    text = re.sub(r"^[*_\s]+|[*_\s]+$", "", text)
    return " ".join(text.split())


def _body_start(blocks: list[Block]) -> int:
    """Index of the first body paragraph: prose of 20+ words that is not part of a letter's frame."""
    for i, b in enumerate(blocks):
        if b.kind in ("paragraph", "list_item") and b.label != "kicker" and len(b.text.split()) >= 20:
            return i
    return len(blocks)


def _header(doc: Document) -> list[Block]:
    return [b for b in doc.blocks[:_body_start(doc.blocks)] if b.kind != "footnote"]


_BODY_WORDS = {"ministry", "ministerio", "ministère", "ministerium", "ministério", "ministero", "department",
               "departamento", "département", "agency", "agence", "agencia", "agência", "agentur", "office",
               "oficina", "bureau", "büro", "court", "cour", "corte", "tribunal", "gericht", "council",
               "conseil", "consejo", "conselho", "consiglio", "commission", "comisión", "comissão",
               "kommission", "committee", "comité", "comitê", "ausschuss", "secretariat", "secrétariat",
               "secretaría", "government", "gouvernement", "gobierno", "governo", "regierung", "regeringen",
               "observatory", "observatoire", "observatorio", "observatório", "institute", "institut",
               "instituto", "istituto", "directorate", "direction", "dirección", "direção", "directorate-general",
               "embassy", "ambassade", "embajada", "embaixada", "botschaft", "mission", "misión", "missão",
               "delegation", "délégation", "delegación", "organization", "organisation", "organización",
               "organização", "nations", "naciones", "nações", "union", "unión", "união", "parliament",
               "parlement", "parlamento", "parlament", "riksdagen", "senate", "sénat", "senado", "assembly",
               "assemblée", "asamblea", "assembleia", "division", "división",
               "authority", "autorité", "autoridad", "autoridade", "behörde", "myndighet",
               "municipality", "mairie", "ayuntamiento", "prefecture", "préfecture", "journal", "boletín",
               "gazette", "diario", "bulletin"}
_BODY_SUFFIXES = ("amt", "ämter", "verket", "styrelsen", "myndigheten", "ministerium", "gericht", "behörde",
                  "direktoratet", "departementet", "kontoret", "inspektionen", "rådet", "kommissionen")
"""Words that name a public body in several languages, and the endings of such compound words
(``Bundesamt``, ``Migrationsverket``): a short line of them alone is a masthead, not a title."""
_CODE_LINE = re.compile(r"^(?:[^\W\d_][\w.]*\.?\s+){0,2}[\w.]*\d[\w./:()-]*$")
"""A reference line: a word or two and a number (``Nr. 14/2022``, ``Rapport 2022:3``, ``Dnr 1.3.2-2022-1``)."""
_ACT_KINDS = (r"(?:real\s+|royal\s+)?(?:decreto(?:-ley|-lei)?|orden|ley(?:\s+orgánica)?|resolución|décret|arrêté|"
              r"loi|ordonnance|circulaire|verordnung|gesetz|erlass|regulation|directive|decision|act|lei|portaria|"
              r"förordning|lag)")
_ACT_TITLE = re.compile(
    rf"^{_ACT_KINDS}\b[^\n]{{0,60}}?\d[^\n]{{0,80}}?\b(?:de|du|of|vom|del|av|den|dated)\b", re.IGNORECASE)
"""A legal act's title, which may run long and end with a period: ``Orden ESS/1070/2015, de 4
de junio, por la que …``, ``Décret n° 2021-239 du 3 mars 2021 relatif …``."""
_ACT_NUMBER = re.compile(rf"^{_ACT_KINDS}\b[^\n]{{0,30}}?\d[\w./-]*$", re.IGNORECASE)
"""A legal act's kind and number alone: ``Lei n.º 18/2024``, ``Decreto-Lei n.º 10/2024``."""
_RULING_KINDS = r"(?:sentencia|sentença|acórdão|auto|arrêt|jugement|ordonnance|judgment|judgement|urteil|beschluss|dom)"
_NAMED_NUMBER = re.compile(rf"^(?:{_ACT_KINDS}|{_RULING_KINDS})\b[^\n]{{0,30}}?\d[\w./-]*$", re.IGNORECASE)
"""A ruling's or an act's kind and number alone (``SENTENCIA No 318/2024``, ``Lei n.º 18/2024``): the
name a reader cites it by, not a reference line."""
_ACT_DATE = re.compile(r"^(?:de|du|of|vom|del|av|den|dated)\s+\d{1,2}(?:\.|º|er)?\s+(?:de\s+)?[^\W\d_]{3,10}"
                       r"(?:,?\s+(?:de\s+)?\d{4})?\.?$", re.IGNORECASE)
"""The line under an act's number that dates it: ``de 20 de maio``, ``du 3 mars 2021``."""
_COLUMN_GAP = re.compile(r"\s{3,}")
_VOLUME_ISSUE = re.compile(
    r"^\W*(?:\S+\s+){0,3}?(?:[IVXLC]+|\d+)\W{0,3}\s*(?:no|nos|n[°º]|nr|núm|num|number|numéro|número|nummer|heft|issue)"
    r"\.?\s*\d+\s*$", re.IGNORECASE)
"""A periodical's volume and issue line, as OCR reads it too: ``Volume I.-No. 6``, ``Vol. 3, No. 2``."""
ACT_TITLE_WORDS = 60
"""A legal act's title may run this long (other titles stop at 30 words)."""
TITLE_WORDS = 4
"""A title has this many words or more; a shorter line is more likely a label."""


def _names_a_body_alone(text: str) -> bool:
    """A short line that is only a public body's name: led by an organisation word, or every
    long word capitalised (``Bundesamt für Migration und Flüchtlinge``, ``CONSEIL DE L'EUROPE``,
    ``Migrationsverket``); not a web page's ``Site | Page`` title line."""
    words = [re.split(r"['’]", w.strip("’'.,()"))[-1] for w in text.split()]  # l'Intérieur → Intérieur
    if not words or len(words) > 8 or ":" in text or "|" in text or text.rstrip().endswith((".", "?", "!")):
        return False
    if _org_word(words[0]) and _is_org_line(text):
        return True  # led by its kind: ``Ministère de l'Intérieur``, ``Office français de …``
    return all(len(w) <= 3 or w[:1].isupper() for w in words) and any(
        w.lower() in _BODY_WORDS or (len(w) > 6 and w.lower().endswith(_BODY_SUFFIXES)) for w in words)


def _line_furniture(text: str) -> bool:
    """A line that is never part of a title: a banner, a letterhead, a genre label, a language
    note, a running header, a date, a reference number, a table's caption (a heading of the
    body, not of the document), a body's name alone."""
    return (_is_banner(text) or _is_letterhead(text) or _is_type_label(text) or not_a_title(text)
            or mostly_date(text) or bool(_CODE_LINE.match(text) and not _NAMED_NUMBER.match(text))
            or bool(CAPTION.match(text))
            or _names_a_body_alone(text) or is_section_label(text) or bool(_VOLUME_ISSUE.search(text)))


def _title_furniture(text: str) -> bool:
    """A candidate that is no title: furniture (``_line_furniture``), a fragment (it ends with a
    small word, or starts with a lower-case one: the rest of a line above), a sentence."""
    words = text.split()
    return (not words or _line_furniture(text) or text.endswith((":", ",", ";")) or words[0].islower()
            or len(words) > (ACT_TITLE_WORDS if _ACT_TITLE.match(text) else 30)
            or words[-1].lower() in _SMALL_WORDS  # a fragment: "… of the"
            or (text.endswith(".") and len(words) > 6 and not _ACT_TITLE.match(text))  # a sentence
            or bool(BRACKETED_LINE.match(text) or PERIODICAL_HEADER.search(text) or WEB_ADDRESS.search(text)))


_TITLE_PARTS = re.compile(r"(\s+(?:\||[-–—·•»])\s+)")
"""The separators of a web page's title: ``Page | Site``, ``Page - Section - Site``."""
_SITE_TOKEN = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,9}|[\w-]+(?:\.[\w-]+)+)$")
"""A site's short name: an acronym (``AIMA``) or a domain (``GOV.UK``, ``example.org``)."""


def _site_part(part: str, parts: list[str]) -> bool:
    """A part of a page's title that names the site or a section of it, not the page: a body's
    name alone, a site's short name (also with a country's or a unit's name: ``UNHCR España``), a
    genre or section label, a breadcrumb's parent (another part starts with it)."""
    words = part.split()
    return (_names_a_body_alone(part) or bool(_SITE_TOKEN.match(part)) or _is_type_label(part)
            or (len(words) == 2 and bool(_SITE_TOKEN.match(words[0])) and words[1][:1].isupper())  # UNHCR España
            or is_section_label(part) or any(p != part and p.lower().startswith(part.lower() + " ") for p in parts))


def _outside_brackets(text: str) -> list[str]:
    """``text`` split at the separators of a web page's title (``_TITLE_PARTS``, kept), those
    inside brackets left alone (``(Westbalkanregelung-Änderungsverordnung – WBÄndV)``)."""
    pieces, start = [], 0
    for m in _TITLE_PARTS.finditer(text):
        if text.count("(", 0, m.start()) == text.count(")", 0, m.start()):
            pieces += [text[start:m.start()], m.group(1)]
            start = m.end()
    return pieces + [text[start:]]


def page_title(text: str) -> str:
    """A web page's title without the site's name and sections around it (``Ministerio del
    Interior | Expulsión`` → ``Expulsión``; ``Rules - Rules part 14: stateless persons -
    Guidance - GOV.UK`` → ``Rules part 14: stateless persons``); a title with no such part
    as it is, one with nothing else ``""``. One-word parts (section names) go too when a longer
    part is left."""
    pieces = _outside_brackets(text)
    parts, seps = pieces[::2], pieces[1::2]
    if len(parts) < 2:
        return text
    keep = [not _site_part(p, parts) for p in parts]
    if any(keep) and any(k and len(p.split()) > 1 for k, p in zip(keep, parts)):
        keep = [k and len(p.split()) > 1 for k, p in zip(keep, parts)]
    if not any(keep):
        return ""  # a site's name and a label (``UNHCR | Press release``): no title at all
    if all(keep):
        return text
    first = keep.index(True)
    last = first
    while last + 1 < len(parts) and keep[last + 1]:
        last += 1
    return "".join(parts[i] + (seps[i] if i < last else "") for i in range(first, last + 1)).strip()


_CITED_REFERENCE = re.compile(
    r"^(?:(?:your|our|my|ur)\s+)?(?:telno|tel\.?\s*no|ref(?:erence)?|letter|minute|memo)\.?\s*(?:no\.?\s*)?"
    r"[\w./-]*\d[\w./-]*\s*:\s+", re.IGNORECASE)
"""The reference a reply cites before its subject: ``YOUR TELNO 388:``, ``Our ref. ABC/12:``."""


def tidy_title(text: str) -> str:
    """A title as a reader cites it: without the document's symbol printed before it
    (``BOE-A-2007-4184 Real Decreto …``) or the site's name around a web page's title
    (``page_title``)."""
    text = _clean_title(text)
    cited = _CITED_REFERENCE.match(text)
    if cited and len(text[cited.end():].split()) >= 2:
        text = text[cited.end():].rstrip(".")  # ``YOUR TELNO 388: CYPRUS DISPLACED PERSONS.``: the subject
    first, _, rest = text.partition(" ")
    if rest and len(rest.split()) >= TITLE_WORDS and any(
            start == 0 and end == len(first.rstrip(":.,–—-")) for start, end, _ in symbols.matches(first)):
        text = rest.lstrip(" :–—-")
    return page_title(text)


def _source_lines(doc: Document, block: Block) -> list[str]:
    """The block's lines as the source printed them (with their layout spaces), else its text's."""
    first, last = block.lines
    lines = doc.source.text.split("\n", last)[first - 1:last] if first else []  # (split no further than needed)
    if not lines or " ".join(" ".join(lines).split()) != " ".join(block.text.split()):
        lines = block.text.split("\n")
    return lines


def _wrap_width(doc: Document) -> int:
    """The width the source's prose is wrapped at: the longest of its lines of eight words or more
    (a line of a web page's paragraph may be very long: every break is then deliberate)."""
    lengths = [len(line.strip()) for line in doc.source.text.split("\n", 400)[:400] if len(line.split()) >= 8]
    return max(lengths, default=0)


def _starts_subtitle(before: str, line: str, width: int) -> bool:
    """A title's line that is its subtitle: the line before ends with a word, well before the
    width the prose is wrapped at (the break was the writer's), and this one starts a phrase of
    three words or more with a capital (``Ensamkommande barns boende och mottagande`` / ``En
    uppföljning av kommunernas arbete``)."""
    words = line.split()
    return (len(words) >= 3 and words[0][:1].isupper() and before[-1:].isalnum()
            and before.split()[-1].lower() not in _ORG_SMALL_WORDS
            and len(before) + 1 + len(words[0]) < 0.75 * width)


def _title_text(doc: Document, block: Block) -> str:
    """A block's text as a title: the left column of a two-column layout (parallel texts,
    mastheads), without margin numbers, and without its lines that are furniture; a subtitle on
    its own line after a colon."""
    kept: list[str] = []
    width = 0
    dropped = False
    lines = _source_lines(doc, block)
    if lines and furniture_kind(lines[0].strip()) == "attribution":
        return ""  # ``Asked by`` / a name / a constituency: who asked, every line of it
    for line in lines:
        cells = [c for c in _COLUMN_GAP.split(line.strip()) if any(ch.isalpha() for ch in c)]
        text = cells[0].strip() if cells else ""
        if dropped and not kept and text[:1].islower():
            continue  # the rest of a furniture line (``CONSEIL D'ETAT`` / ``statuant au contentieux``)
        dropped = bool(text) and _line_furniture(text) and not _act_name_part(kept, text)
        if text and not dropped:
            width = width or _wrap_width(doc)
            if kept and _starts_subtitle(kept[-1], text, width):
                kept[-1] += ":"
            kept.append(text)
        elif kept:
            break  # the title's lines are consecutive
    return _clean_title(" ".join(kept))


_ACT_KIND_ALONE = re.compile(rf"^{_ACT_KINDS}$", re.IGNORECASE)


def _act_name_part(kept: list[str], text: str) -> bool:
    """A line of an act's name that looks like furniture alone: its kind and number in capitals
    (a letterhead's shape), its kind on a line of its own above the rest of its name
    (``Verordnung`` / ``zur Änderung …``), or its short title in
    brackets under it (``(Westbalkanregelung-Änderungsverordnung – WBÄndV)``)."""
    if not kept:
        return bool(_ACT_KIND_ALONE.match(text) or _ACT_TITLE.match(text))
    return bool(re.match(rf"^{_ACT_KINDS}\b", kept[0], re.IGNORECASE)) and text.startswith("(") \
        and text.endswith(")") and text.count("(") == 1


def _title_window(doc: Document) -> list[Block]:
    """The blocks before the first paragraph of prose (20 words or more, ending with punctuation), and
    that paragraph too when, past its furniture lines, it is a legal act's title."""
    out = []
    for b in doc.blocks:
        text = b.text.rstrip(" ”\"’')»")
        if b.kind in ("paragraph", "list_item") and b.label != "kicker" and len(b.text.split()) >= 20 \
                and text.endswith((".", "!", "?", ";", ":", ",", "…")):
            if _ACT_TITLE.match(_title_text(doc, b)):
                out.append(b)
            break
        if b.kind != "footnote":
            out.append(b)
    return out


def _title_candidates(doc: Document) -> list[tuple[Block, str]]:
    """Heading-like blocks of the document's head, each with its text as a title."""
    out = []
    window = _title_window(doc)
    for i, (b, nxt) in enumerate(zip(window, window[1:] + [None])):
        if b.kind not in ("heading", "paragraph") or b.label == "kicker":
            continue
        if nxt is not None and _ACT_NUMBER.match(b.text) and _ACT_DATE.match(" ".join(nxt.text.split())):
            dated = " ".join(nxt.text.split()).rstrip(".")
            out.append((b, f"{b.text}, {dated}"))  # ``Lei n.º 18/2024`` / ``de 20 de maio``
            continue
        raw = _title_text(doc, b)
        text = tidy_title(raw)
        if text and (_ACT_TITLE.match(text) or not (_title_furniture(text) and not (text != raw and _page_word(text)))):
            out.append((b, _dated_act(text, window[i + 1:])))
    return out + _scattered_titles(_title_window(doc))


def _dated_act(text: str, following: list[Block]) -> str:
    """An act's name with the line under it that dates it and the rest of its name under that,
    which starts in lower case (``Verordnung zur Änderung …`` / ``Vom 15. Dezember 2023`` →
    ``Verordnung zur Änderung … vom 15. Dezember 2023``; ``REGULATION (EU) 2024/1356 OF …`` /
    ``of 14 May 2024`` / ``introducing the screening …``): the name a reader cites; any other
    title as it is."""
    if not following or not re.match(rf"^{_ACT_KINDS}\b", text, re.IGNORECASE):
        return text
    dated = " ".join(following[0].text.split()).rstrip(".")
    if not _ACT_DATE.match(dated) or text.rstrip(".").endswith(dated):
        return text
    text = f"{text.rstrip('.')} {dated[:1].lower()}{dated[1:]}"
    rest = " ".join(following[1].text.split()) if len(following) > 1 else ""
    if rest[:1].islower() and following[1].kind in ("paragraph", "heading") and not SENTENCE_END.search(rest):
        text = f"{text} {rest}"  # the act's subject under its date: the rest of its name
    return text


def _page_word(text: str) -> bool:
    """A one-word page title left once the site's name is gone (``Ministerio del Interior |
    Expulsión`` → ``Expulsión``): a title, though a word alone is otherwise taken for a label."""
    return (len(text.split()) == 1 and any(ch.isalpha() for ch in text) and not _is_type_label(text)
            and text.strip(" .:").lower() not in GENRE_LABELS and not _is_banner(text)
            and not is_section_label(text) and not _names_a_body_alone(text))


FRAGMENT_WORDS = 3
"""A block of this many words or fewer, without digits or punctuation, may be a piece of a title
set in large type one or two words a line (as OCR reads a magazine's headline)."""


def _fragment(block: Block) -> bool:
    words = block.text.split()
    return (block.kind in ("heading", "paragraph") and 0 < len(words) <= FRAGMENT_WORDS
            and not any(ch.isdigit() or ch in ".!?:;,|/()[]" for ch in block.text))


def _scattered_titles(window: list[Block]) -> list[tuple[Block, str]]:
    """Titles scattered over consecutive blocks of a word or three (``Social Scientists`` /
    ``Issue`` / ``Joint`` / ``Statement on`` …), joined: each run of such blocks in the same
    case (a masthead in capitals is another run) of four words or more."""
    runs: list[list[Block]] = []
    for b in window:
        caps = b.text.isupper()
        if _fragment(b) and runs and runs[-1] and _fragment(runs[-1][-1]) and runs[-1][-1].text.isupper() == caps:
            runs[-1].append(b)
        else:
            runs.append([b] if _fragment(b) else [])
    out = []
    for run in runs:
        text = " ".join(" ".join(b.text.split()) for b in run)
        if len(run) >= 2 and len(text.split()) >= TITLE_WORDS and not _title_furniture(text):
            out.append((run[0], text))
    return out


_CASE_NAME = re.compile(r"\b(?:and others|et autres|y otros|e outros|und andere|e altri|en anderen|m\.fl\.)$"
                        r"|\s(?:v\.|vs\.?|c\.)\s", re.IGNORECASE)
"""A case's name: its parties (``ASSOCIATION LA CIMADE et autres``, ``Case of A.B. and Others v.
France``, ``X c. Belgique``), the name a reader cites a decision by."""
CASE_NAME_WORDS = 14
"""A case's name has at most this many words (more is a sentence that mentions one)."""
CASE_NAME_SCORE = 8
"""What a case's name adds to a candidate's score: its parties outrank a heading of the recitals
the cleaning chose first (``Sur le rapport de la 2ème chambre …``), not a legal act's title."""


def _title_score(block: Block, text: str) -> int:
    """How much a candidate reads as the document's title: the heading the cleaning chose first,
    then a heading of four words or more (the line a headline was made from) or a legal act's
    title, then any line of four words or more, then a short heading; a case's name (its
    parties) counts more than the heading chosen first."""
    score = 5 if block.kind == "heading" and block.level == 1 else 0
    score += 2 if block.kind == "heading" else 0
    score += 3 if len(text.split()) >= TITLE_WORDS else 0
    score += 3 if _ACT_TITLE.match(text) else 0
    score += CASE_NAME_SCORE if len(text.split()) <= CASE_NAME_WORDS and _CASE_NAME.search(text) else 0
    return score


SUBJECT_SCORE = 11
"""A subject line's score among the title candidates (``_title_score``): above any heading but
a legal act's title chosen first (``Décret n° … relatif …`` over its ``Objet : …`` line)."""
SUBJECT_WORDS = 40
"""A subject line has at most this many words (more is a paragraph that starts with the word)."""


def subject_line(doc: Document) -> tuple[Block, str] | None:
    """The subject line of the document's head, in any type of document (a memo's ``SUBJECT:``,
    a circular's ``OGGETTO:``, ``Objet :``, ``Asunto:``, ``Betreff:``, ``Onderwerp:``): the
    block and the subject without its label and final full stop, from a capital. The head ends at the first
    paragraph of prose that is no subject line."""
    for b in doc.blocks:
        text = " ".join(b.text.split())
        m = SUBJECT.match(text) if b.kind in ("paragraph", "heading", "letter") else None
        if m and len(m.group(2).split()) <= SUBJECT_WORDS:
            subject = _clean_title(m.group(2))
            subject = subject[:-1] if subject.endswith(".") and not subject.endswith("..") else subject
            return b, subject[:1].upper() + subject[1:]  # a title starts with a capital
        if b.kind in ("paragraph", "list_item") and b.label != "kicker" and len(text.split()) >= 20 \
                and SENTENCE_END.search(text):
            return None
    return None


GENRE_PLACE_SCORE = 9
"""The score of a series' genre label with the place it reports on (``Chad — Operational
Update``): above a short heading, below a heading of four words or more."""
_PLACE = re.compile(r"^[^\W\d_][\w'’.-]*(?:\s+(?:(?:of|the|and|de|del|du|des|la|le|do|da|dos|das|y|et|e)\s+)*"
                    r"[^\W\d_][\w'’.-]*){0,3}$")
"""A place's name: one to four capitalised words (``Chad``, ``Democratic Republic of the Congo``)."""


def genre_and_place(doc: Document) -> tuple[Block, str] | None:
    """A series' genre label over the place it reports on (``OPERATIONAL UPDATE`` / ``Chad``):
    one title, the place first (``Chad — Operational Update``), since the label alone is the
    same on every issue."""
    window = _title_window(doc)
    lines = [(b, line.strip()) for b in window if b.kind in ("heading", "paragraph")
             for line in b.text.split("\n") if line.strip()]
    for (b, label), (_, place) in zip(lines, lines[1:]):
        if not (GENRE_PHRASE.match(label) or label.lower() in GENRE_LABELS):
            continue
        if _PLACE.match(place) and all(w[:1].isupper() for w in place.split() if len(w) > 3) \
                and not (_names_a_body_alone(place) or is_section_label(place) or _is_banner(place)
                         or furniture_kind(place)
                         or place.lower() in GENRE_LABELS):
            return b, f"{smart_case(place)} — {smart_case(label)}"
        return None
    return None


GENRE_TITLE_SCORE = 8
"""What the first candidate of four words or more under the document's genre label (``AVIS /
NOTICE``, ``PRESS RELEASE``) adds to its score: the title the label introduces outranks a
letterhead taken for a heading above it."""


def _genre_label(text: str) -> bool:
    """A label naming the document's genre, in one language or two (``AVIS / NOTICE``, ``Press
    release``); not a section's label (``Summary``)."""
    parts = [" ".join(p.lower().split()) for p in re.split(r"\s[/|]\s", text.strip(" *_#:.–—-"))]
    return all(p in GENRE_LABELS and not is_section_label(p) for p in parts)


def _under_genre_label(doc: Document, candidates: list[tuple[Block, str]]) -> Block | None:
    """The block of the first candidate of four words or more after the document's genre label
    in its head, if it has one."""
    window = _title_window(doc)
    at = next((i for i, b in enumerate(window) if b.kind in ("heading", "paragraph") and _genre_label(b.text)), None)
    if at is None:
        return None
    after = {id(b) for b in window[at + 1:]}
    return next((b for b, text in candidates if id(b) in after and len(text.split()) >= TITLE_WORDS), None)


def find_title(doc: Document, letter: dict[str, str]) -> tuple[str, str]:
    """(title, how it was found): a letter's subject, else the best of the candidate lines of the
    document's head (``_title_score``; the earliest among equals), a subject line among them; a
    title printed in capitals in title case, acronyms kept (``title_case``)."""
    title, how = _found_title(doc, letter)
    title = _recased_head(title, doc)
    if is_all_caps(title):
        words = set(title.split())
        others = [line for line in doc.source.text.split("\n")  # (the title's own lines name no acronym)
                  if not set(re.findall(r"\b[A-Z]{2,}\b", line)) <= words]
        title = title_case(title, "\n".join(others))
    elif _mostly_caps(title):
        title = smart_case(title, _SMALL_WORDS | _NAME_SMALL_WORDS)  # ``ASSOCIATION X et autres``
    return title, how


_CAPS_HEAD = re.compile(r"^(?:[^a-zà-ÿ\s]+\s+){3,}(?=[a-zà-ÿ])")
"""A title's opening words in capitals, the rest in lower case: an act's name line over its
subject (``REGULATION (EU) 2024/1356 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL introducing …``)."""


def _recased_head(title: str, doc: Document) -> str:
    """The capitals opening ``title`` (``_CAPS_HEAD``, two words of four letters or more) in title
    case, acronyms kept (``Regulation (EU) 2024/1356 of the European Parliament and of the Council
    introducing …``)."""
    m = _CAPS_HEAD.match(title)
    if m is None or sum(len(w) >= 4 and w.isalpha() for w in m.group(0).split()) < 2 \
            or sum(w[:1].islower() for w in title[m.end():].split()) < TITLE_WORDS or _mostly_caps(title):
        return title  # (``CASE OF A.B. AND OTHERS v. FRANCE``: a name in capitals, ``find_title`` recases it)
    head = m.group(0).rstrip()
    words = set(head.split())
    others = [line for line in doc.source.text.split("\n") if not set(re.findall(r"\b[A-Z]{2,}\b", line)) <= words]
    return title_case(head, "\n".join(others)) + title[len(head):]


def _mostly_caps(title: str) -> bool:
    """Half the words of ``title`` or more printed in capitals, two of them words of four letters
    or more (``ASSOCIATION LA CIMADE et autres``): a name printed in capitals."""
    words = re.findall(r"[^\W\d_]+", title)
    caps = [w for w in words if w.isupper() and len(w) >= 2]
    return bool(words) and 2 * len(caps) >= len(words) and sum(len(w) >= 4 for w in caps) >= 2


def _found_title(doc: Document, letter: dict[str, str]) -> tuple[str, str]:
    subject = letter.get("subject", "").strip()
    if subject:
        return _clean_title(_LABEL.sub("", _clean_title(subject))), "subject"
    subject = memo_subject(doc)
    if subject:
        stated = subject_line(doc)  # the subject with the lines it wraps onto, when cleaning kept it apart
        whole = stated is not None and stated[1].lower().startswith(subject.rstrip(" -–—.").lower())
        return (stated[1] if whole and stated is not None else subject), "subject"
    candidates = _title_candidates(doc)
    if letter and not any(b.kind == "heading" and b.level == 1 for b, _ in candidates):
        return "", ""  # a letter without a subject: synthesised once the rest is known
    stated = subject_line(doc)
    labelled = _under_genre_label(doc, candidates)

    def score(c: tuple[Block, str]) -> int:
        return _title_score(*c) + (GENRE_TITLE_SCORE if c[0] is labelled else 0)

    if stated is not None and (not candidates or SUBJECT_SCORE >= max(map(score, candidates))):
        return stated[1], "subject"
    series = genre_and_place(doc)
    if series is not None and (not candidates or GENRE_PLACE_SCORE > max(map(score, candidates))):
        return series[1], "genre label and place"
    if candidates:
        best, text = max(candidates, key=score)  # max keeps the first of equals
        if _ACT_TITLE.match(text) and text.endswith(".") and not text.endswith(".."):
            text = text[:-1]  # an act's title printed as a sentence
        label = _LABEL.match(text)
        if label and ":" in label.group(0):  # a subject line the letter rule did not place ("Objet :")
            text = text[label.end():]
            text = text[:1].upper() + text[1:]
        return text, "heading" if best.kind == "heading" else "first line"
    named = self_named(doc)
    if named:
        return named, "the document's name for itself"
    caption = caption_title(doc)
    if caption:
        return caption, "table caption"
    first = next((b for b in doc.blocks if b.citable and b.text.strip()), None)
    if first is None:
        return "", ""
    words = first.text.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else ""), "first line"


_UNIT_LINE = re.compile(r"^(?:annex|annexe|anexo|anhang|anlage|bilaga|allegato|bijlage|appendix|appendice|"
                        r"apéndice|apêndice|schedule)\s+[\w.]{1,6}$", re.IGNORECASE)
"""An annex's or appendix's label alone: ``ANNEX 3``, ``Anexo II``, ``Bilaga 1``."""


def caption_title(doc: Document) -> str:
    """The title of a document of tables with no title line: its first table's or figure's
    caption without its number and unit note, after the annex line above it (``ANNEX 3`` /
    ``Table A3.1 First-time asylum applicants …, 2021-2023 (number of persons)`` → ``Annex 3 —
    First-time asylum applicants …, 2021-2023``)."""
    above = ""
    for b in doc.blocks[:SELF_NAMED_BLOCKS]:
        if b.kind not in ("heading", "paragraph"):
            continue
        text = " ".join(b.text.split())
        m = CAPTION.match(text)
        rest = re.sub(r"\s*\([^()]*\)$", "", text[m.end():]).strip(" .:–—-") if m else ""
        if len(rest.split()) >= 2:
            return f"{smart_case(above)} — {rest}" if _UNIT_LINE.match(above) else rest
        above = text
    return ""


MEMO_LINES = 25
"""Source lines read for a memo's header (``To:``/``From:``/``Subject:``)."""
_MEMO_SUBJECT = re.compile(r"^\W{0,3}(?:subject|subj|objet|asunto|assunto|betreff|oggetto|ärende|re)\s*:\s*(\S.{2,})$",
                           re.IGNORECASE)
_MEMO_PARTY = re.compile(r"^\W{0,3}(?:to|from|para|de|à|a|an|von|till|från|per|da|aan|van)\s*:\s*\S", re.IGNORECASE)


def memo_subject(doc: Document) -> str:
    """A memo's subject: the value of a ``Subject:``/``Asunto:``/``Objet :`` line among its first
    source lines, in a header that also names whom it is to or from (``Para:``, ``From:``), even
    where cleaning joined the header's lines into one paragraph."""
    lines = [line.strip() for line in (doc.source.text or "").split("\n", MEMO_LINES)[:MEMO_LINES]]
    if not any(_MEMO_PARTY.match(line) for line in lines):
        return ""
    found = next((m.group(1) for m in map(_MEMO_SUBJECT.match, lines) if m), "")
    found = _clean_title(found.strip(" *_"))
    return found[:1].upper() + found[1:]


_SELF_NAMED = re.compile(
    r"\b(?:this|the present|la présente|le présent|la presente|el presente|a presente|o presente|"
    r"diese[sr]?|denna|detta)\s+(?P<name>[A-ZÀ-Þ][\w’'-]+(?:\s+(?:(?:[a-zà-ÿ]{1,4})\s+){0,2}[A-ZÀ-Þ][\w’'-]+){1,11})")
"""A document naming itself: ``… proclaims this Declaration on Race and Racial Prejudice``,
``la présente Convention relative aux Travailleurs Migrants`` (two capitalised words or more)."""
SELF_NAMED_BLOCKS = 40
"""Blocks read for the name a document gives itself."""


def self_named(doc: Document) -> str:
    """The name a document without a title line gives itself in its opening text (the longest
    one in its first blocks): ``Adopts and solemnly proclaims this Declaration on Race and
    Racial Prejudice:`` → ``Declaration on Race and Racial Prejudice``."""
    names = [m.group("name") for b in doc.blocks[:SELF_NAMED_BLOCKS] if b.citable
             for m in _SELF_NAMED.finditer(b.text)]
    names = [n for n in names if not not_a_title(n)]
    return max(names, key=len) if names else ""


def defined_acronyms(text: str) -> dict[str, str]:
    """``International Organization for Migration (IOM)`` → ``{"IOM": "International …"}``."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        name, short = " ".join(m.group(1).split()), m.group(2)
        words = [w for w in name.split() if w[:1].isupper()]
        initials = "".join(w[0] for w in words)
        # Keep the words from the first one that starts the acronym.
        for i in range(len(words)):
            if initials[i:].startswith(short[0]) and _subsequence(short, initials[i:]):
                start = name.find(words[i])
                out.setdefault(short, name[start:])
                break
    return out


def _subsequence(short: str, letters: str) -> bool:
    it = iter(letters.upper())
    return all(ch in it for ch in short.upper() if ch.isalpha())


def _acronym_for(name: str, text: str, entities: list[Any]) -> str:
    """The short form the document (or entities.yml) uses for ``name``, if any."""
    for e in entities or []:
        names = [e.name, *getattr(e, "aliases", [])]
        if getattr(e, "short", "") and any(n.lower() == name.lower() for n in names):
            return e.short
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    counts = Counter(a for a in _ACRONYM.findall(text) if a not in _GENERIC_ACRONYMS)
    for short, _ in counts.most_common():
        if len(short) >= 3 and short[0] == initials[:1] and _subsequence(short, initials):
            return short
    return ""


def _expand(short: str, text: str, entities: list[Any]) -> str:
    for e in entities or []:
        if getattr(e, "short", "") == short and e.name:
            return f"{e.name} ({short})"
    name = defined_acronyms(text).get(short)
    return f"{name} ({short})" if name else short


_COPYRIGHT = re.compile(r"©|\(c\)\s|\bcopyright\b|all\s+rights\s+reserved|derechos\s+reservados|"
                        r"droits\s+réservés|direitos\s+reservados|alle\s+rechte\s+vorbehalten", re.IGNORECASE)
"""A website's copyright line: it names who runs the site, never the document's issuer."""
_ISSUER_LABEL = re.compile(
    r"(?:^|\s)(?i:issuing\s+(?:authority|body)|issued\s+by|issuer|author(?:ity)?|departamento|"
    r"órgano\s+emisor|organismo\s+emisor|emisor|autorité(?:\s+émettrice)?|émetteur|órgão\s+emissor|"
    r"herausgeber|utfärdare|avsändare)\s*:\s*"
    r"(.+?)(?=\s+[A-ZÁÉÍÓÚÀ-Ý][\wáéíóúàâçèéêëîïôûü]{1,20}(?:\s[a-záéíóúàâçèêëîïôûü][\w]{0,20}){0,2}\s*:\s|$)")
"""A labelled issuing authority: ``Departamento: Ministerio de la Presidencia``, ``Issued by: …``."""
ISSUER_LINES = 100
"""Source lines read for a labelled issuing authority (a scraped page states it above the text)."""
_LABELLED = re.compile(r"^[^:]{1,40}:\s")
"""A line ``Label: value`` (a status, a note): its value is not a masthead."""
_FROM_SOURCE = ("front matter", "scraper header")
"""Reasons of removed lines that are the source's metadata, not its masthead."""


def labelled_issuer(lines: list[str]) -> str | None:
    """The organisation a header line names under an issuer label (``Departamento: …``)."""
    for line in lines:
        m = _ISSUER_LABEL.search(line)
        if m:
            value = m.group(1).strip(" .;,\"'“”«»")  # a quoted front-matter value: its text
            if value and len(value.split()) <= 15 and not _COPYRIGHT.search(value) and any(c.isalpha() for c in value):
                return value
    return None


_NAMED_MOST = "inferred: named"


def find_organisation(doc: Document, letter: dict[str, str], text: str, entities: list[Any],
                      own: list[str] | None = None, lang: str | None = None,
                      title: str = "") -> tuple[str | None, str]:
    """The issuer: a letterhead, else an issuing authority the header names under a label, else
    the body the document's own symbol names (``symbols.ISSUERS``), else a masthead in the
    header (``_mastheads``), else the organisation the text is plainly by (the actor named far
    more often than any other). A website's copyright line (``© 2024 Example Org``), a gazette's
    name and the document's headline (its ``title``) never count."""
    head = letter.get("letterhead", "").strip()
    if head:
        return letterhead_issuer(doc, head, lang, title), "letter"
    header = [b for b in _header(doc) if not _prints_title(b.text, title)]  # a printed headline names no body
    header_lines = [line.strip() for b in header for line in re.split(r"\n|\s[·|•]\s", b.text)]
    top = doc.source.text.split("\n", PUBLISHER_LINES)[:PUBLISHER_LINES] if doc.source.text else []
    labelled = labelled_issuer(header_lines + [line for line in top[:ISSUER_LINES] if len(line.split()) <= 60])
    if labelled:
        return labelled, "text: issuing authority"
    publisher = web_publisher(top, lang)
    if publisher:
        return publisher, "text: publisher line (From:)"
    for symbol in own or []:
        body = symbols.issuer(symbol)
        if body:
            return body, f"inferred: the body of its symbol {symbol}"
    # The header's own source lines (cleaning may have joined a masthead to the title), then
    # mastheads the cleaning removed (web banners): they still name the issuer.
    source = doc.source.text.split("\n") if doc.source.text else []
    for b in header:
        if b.lines[0] and source:
            header_lines += [source[n - 1].strip() for n in range(b.lines[0], min(b.lines[1], len(source)) + 1)
                             if not _continues(source[n - 2] if n > 1 else "")]
    first = doc.blocks[_body_start(doc.blocks)] if _body_start(doc.blocks) < len(doc.blocks) else None
    if first is not None and first.lines[0] and source and _is_letterhead(source[first.lines[0] - 1]):
        header_lines.append(source[first.lines[0] - 1].strip())  # a capitalised masthead glued to the text
    for r in doc.removed:
        if r.line is not None and r.line <= 15 and not r.reason.startswith(_FROM_SOURCE):
            header_lines.append(r.text.strip())
    orgs = _mastheads(header_lines, lang, title)
    if orgs:
        return _parent_and_unit(orgs, orgs), "text"
    named = _self_named(doc, source, lang)
    if named:
        return named
    prose = "\n".join(line for line in text.split("\n") if not _COPYRIGHT.search(line))
    counts = Counter(a for line in prose.split("\n") if len(line.split()) > SENTENCE_WORDS
                     for a in _ACRONYM.findall(line) if a not in _GENERIC_ACRONYMS)  # never "401. DELETED."
    # A running header or footer the cleaning removed names the document's issuer on every page
    # it was printed on (``UNHCR Chad / October 2023   Page 2 of 6``): each print counts once.
    counts.update(a for r in doc.removed if r.rule == "page_furniture"
                  for a in set(_ACRONYM.findall(r.text)) if a not in _GENERIC_ACRONYMS)
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 5 and (len(ranked) == 1 or ranked[0][1] >= 3 * ranked[1][1]):
        short, n = ranked[0]
        if re.search(r"(?<![\n])(?<!^)\b" + re.escape(short) + r"\b", prose.replace("\n" + short, "\n")):
            return _expand(short, prose, entities), f"{_NAMED_MOST} {n} times, three times more than any other"
    return None, ""


SITTING_LINES = 60
"""Source lines read for a body naming itself as it sits (a court's recitals open the text)."""
_SITTING = re.compile(
    r"^\W{0,3}(?P<name>(?-i:[A-ZÀ-Þ])[^()\n]{3,80}?)\s*(?:\([^()\n]{1,60}\))?,?\s+"
    r"(?:sitting|siégeant|statuant|réuni|réunie|reunid[oa]|constituid[oa]|sitzend|tagend|zittend|sedendo|riunit[oa])\b",
    re.IGNORECASE)
"""A body naming itself as it sits, opening a line of the recitals: ``The European Court of Human
Rights (Second Section), sitting as a Chamber …``, ``Le Conseil d'Etat statuant au contentieux``,
``El Tribunal Supremo, reunido en Pleno …``."""


def _sitting_body(lines: list[str], lang: str | None) -> str | None:
    """The body a court's or a council's recitals name as sitting (``_SITTING``), or ``None``."""
    for line in lines:
        m = _SITTING.match(line.strip())
        if m:
            name = bare_name(m.group("name").strip(" ,"))
            if name and _is_org_line(name, lang):
                return name
    return None


def _self_named(doc: Document, source: list[str], lang: str | None) -> tuple[str, str] | None:
    """(issuer, where) when the text names who issues it without a masthead: a court as it sits
    (``_sitting_body``), a story's agency (``_dateline_agency``), a memo's sender (``memo_issuer``)."""
    for found, where in ((lambda: _sitting_body(source[:SITTING_LINES], lang), "the body naming itself as it sits"),
                         (lambda: _dateline_agency(doc, lang), "the agency of the dateline"),
                         (lambda: memo_issuer(source[:MEMO_LINES], lang), "the memo's FROM: and TO: lines")):
        name = found()
        if name:
            return name, f"text: {where}"
    return None


MEMO_LINES = 30
"""Source lines read for a memo's header (``TO:``, ``FROM:``)."""
_MEMO_FIELD = re.compile(r"^\s*(?P<label>to|from|à|de|para|an|von|da|a|till|från|aan|van)\s*:\s*(?P<value>.*)$",
                         re.IGNORECASE)
_FROM_LABELS = frozenset({"from", "de", "von", "da", "från", "van"})


def memo_issuer(lines: list[str], lang: str | None) -> str | None:
    """A memo's issuer from its header: the body its ``FROM:`` line names, or, when that line names
    only a unit (``FROM: Chief, Operations Division.``), the body of the ``TO:`` line with that unit
    (``TO: The Director, Intergovernmental Committee for European Migration, Geneva.``: a memo
    within one organisation) → ``Intergovernmental Committee for European Migration (Operations
    Division)``."""
    fields: dict[str, list[str]] = {}
    label = ""
    for line in lines:
        m = _MEMO_FIELD.match(line)
        if m:
            label = "from" if m.group("label").lower() in _FROM_LABELS else "to"
            fields.setdefault(label, []).append(m.group("value"))
        elif label and line.strip() and line[:1].isspace():
            fields[label].append(line)  # the field wraps onto an indented line
        else:
            label = ""
    sender, receiver = (_memo_names(fields.get(k, []), lang) for k in ("from", "to"))
    bodies = [n for n in sender if not _UNIT_WORDS & {w.lower() for w in _name_words(n)}]
    units = [n for n in sender if n not in bodies]
    if bodies:
        return bodies[0] + (f" ({units[0]})" if units else "")
    parents = [n for n in receiver if not _UNIT_WORDS & {w.lower() for w in _name_words(n)}]
    return f"{parents[0]} ({units[0]})" if units and parents else None


def _memo_names(values: list[str], lang: str | None) -> list[str]:
    """The organisation names among a memo field's comma-separated parts."""
    parts = [p.strip(" .;") for p in ",".join(values).split(",")]
    return [bare_name(smart_case(p, _ORG_SMALL_WORDS)) for p in parts if p and _is_org_line(p, lang)]


def _dateline_agency(doc: Document, lang: str | None) -> str | None:
    """The news agency in brackets in a story's dateline (``KALAMATA, Greece, July 9 (Meridian) -``):
    who wrote and issued the story."""
    for block in [b for b in doc.blocks if b.kind == "paragraph" and b.label != "byline"][:3]:
        m = _AGENCY_DATELINE.match(block.text.strip().lstrip("*_#>|").strip())
        agency = " ".join(m.group("agency").split()) if m else ""
        if agency and len(agency.split()) <= 4 and all(w[:1].isupper() for w in agency.split()):
            return agency
    return None


_AGENCY_DATELINE = re.compile(r"(?-i:[A-ZÀ-Þ])[^()\n\d]{1,50},[^()\n]{0,30}\d[^()\n]{0,20}?\s*"
                              r"\((?P<agency>[^()\n\d]{2,40})\)\s*(?:[-–—]{1,2}|:)\s")
"""A story's dateline with its agency: a place, a comma, a date (its year may be left out), the
agency in brackets, a dash: ``KALAMATA, Greece, July 9 (Meridian) - …``, ``GINEBRA, 3 may (EFE) -
…``."""


def _parent_and_unit(orgs: list[str], names: list[str]) -> str:
    """The issuer among organisation names: the first that names a parent body (a ministry, a
    mission), with the first of ``names`` that names a unit of it (``Ministère de l'Intérieur
    (Direction générale des étrangers en France)``); a body that is no unit named above its
    parent is the issuer itself (``Immigratie- en Naturalisatiedienst`` / ``Ministerie van …``:
    an agency's masthead names the ministry it belongs to under it)."""
    parents = [o for o in orgs if _PARENT_WORDS & {w.lower() for w in _name_words(o)}]
    if parents and orgs[0] != parents[0] and not _UNIT_WORDS & {w.lower() for w in _name_words(orgs[0])}:
        return orgs[0]
    parent = parents[0] if parents else orgs[0]
    units = [n for n in names if n != parent and n.lower() not in parent.lower()
             and _UNIT_WORDS & {w.lower() for w in _name_words(n)}]
    return f"{parent} ({units[0]})" if units else parent


def letterhead_names(doc: Document, head: str) -> list[str]:
    """The names a letterhead stacks, one a line (``RÉPUBLIQUE FRANÇAISE`` / ``Ministère de
    l'Intérieur`` / ``Direction générale …``); a line that goes on from the one above (it ends with
    a small word, or the next starts with one or in lower case) is one name with it
    (``THE PERMANENT MISSION`` / ``OF THE`` / ``UNITED STATES …``). Without its source lines,
    the letterhead as one name."""
    block = next((b for b in doc.blocks if b.kind == "letter" and b.label == "letterhead"), None)
    source = doc.source.text.split("\n") if doc.source.text else []
    if block is None or not block.lines[0] or not source:
        return [head]
    names: list[str] = []
    for n in range(block.lines[0], min(block.lines[1], len(source)) + 1):
        line = " ".join(source[n - 1].split())
        first = line.split(" ", 1)[0].lower() if line else ""
        if line and names and (_continues(names[-1]) or first in _NAME_SMALL_WORDS or line[:1].islower()):
            names[-1] += " " + line
        elif line:
            names.append(line)
    return names if " ".join(names) == " ".join(head.split()) else [head]


def letterhead_issuer(doc: Document, head: str, lang: str | None, title: str) -> str:
    """The issuer a letterhead names: the whole letterhead when it is one name; when it stacks
    several, the organisation among them (``_mastheads``: a state's motto or name above a
    ministry is no issuer) with the body under it that writes (the last name below it that is an
    organisation or a unit: ``Ministério da Administração Interna (Agência para a Integração,
    Migrações e Asilo)``)."""
    names = [smart_case(n, _ORG_SMALL_WORDS) for n in letterhead_names(doc, head)]
    orgs = _mastheads(names, lang, title) if len(names) > 1 else []
    if not orgs:
        return smart_case(" ".join(head.split()), _ORG_SMALL_WORDS)
    parent = _parent_and_unit(orgs, [])
    below = names[names.index(parent) + 1:] if parent in names else []
    subs = [n for n in below if n in orgs or _UNIT_WORDS & {w.lower() for w in _name_words(n)}]
    return f"{parent} ({subs[-1]})" if subs else parent


PUBLISHER_LINES = 150
"""Source lines read for a web page's publisher line (a scraped page's menus may fill a hundred
lines above it), as for its publication line."""
_PUBLISHER_LINE = re.compile(r"^\W{0,3}(?:from|de|von|från|da|van)\s*:\s*(.+)$", re.IGNORECASE)
"""A ``From:`` line (a web page's publisher, a memo's sender), in the languages of ``TYPE_CUES``."""
_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_PUBLISHER_END = re.compile(r"\s{2,}|\s[|·•–—-]\s|\s(?=(?:first\s+)?published\b|(?:last\s+)?updated\b|\d)",
                            re.IGNORECASE)


def web_publisher(lines: list[str], lang: str | None) -> str | None:
    """The body a web page says it is from: a ``From:`` line near its top naming an organisation
    (``From: Home Office``, ``From:[Home Office](…)Published 25 February 2016``: the names its links
    show, else its text up to the publication date), never a person (``From: Jane Doe``)."""
    for line in lines:
        m = _PUBLISHER_LINE.match(line.strip())
        if not m:
            continue
        value = m.group(1)
        linked = _MARKDOWN_LINK.match(value.strip())
        name = linked.group(1) if linked else _PUBLISHER_END.split(_MARKDOWN_LINK.sub(r"\1", value))[0]
        name = " ".join(name.strip(" ,;:").split())
        if name and _is_org_line(name, lang) and not _COPYRIGHT.search(name):
            return name
    return None


_WORDS = re.compile(r"[^\W_]+")


def _prints_title(text: str, title: str) -> bool:
    """``text`` holds every word of ``title`` in order, and more (``UNHCR United Nations Day 1966 THE
    WORLD'S REFUGEES`` for ``United Nations Day, 1966: the world's refugees``): the headline as printed,
    a word or two a line, with a credit or kicker beside it; not when whole lines of ``text`` are the
    title alone (``DEPARTMENT OF …`` / ``Humanitarian Programme Statistics`` / ``Quarterly Bulletin …``,
    the title one line or two with its subtitle)."""
    want = [w.lower() for w in _WORDS.findall(title)]
    have = " ".join(w.lower() for w in _WORDS.findall(text))
    lines = [" ".join(w.lower() for w in _WORDS.findall(line)) for line in text.split("\n")]
    if any(" ".join(lines[i:j]) == " ".join(want) for i in range(len(lines)) for j in range(i + 1, len(lines) + 1)):
        return False  # the title on lines of its own: the block's other lines are a masthead, a kicker
    return len(want) >= 3 and f" {' '.join(want)} " in f" {have} " and len(have) > len(" ".join(want))


def _continues(before: str) -> bool:
    """The line after ``before`` goes on with its sentence: ``before`` ends with a small word, a
    comma or a hyphen (``… read once and referred to the`` / ``Committee on Labor``)."""
    words = before.split()
    return bool(words) and (words[-1].lower() in _NAME_SMALL_WORDS or before.rstrip().endswith((",", "-")))


SENTENCE_WORDS = 3
"""An acronym counts as the actor a text is by only where a line holds more words than this: a
word in capitals alone on its line (``401. DELETED.``) is a label, not a name."""
_ORG_SMALL_WORDS = frozenset(_SMALL_WORDS | _NAME_SMALL_WORDS)
"""Small words lower-cased when an all-capitals name is re-cased, in every language."""


def _mastheads(lines: list[str], lang: str | None, title: str) -> list[str]:
    """The organisation names among header lines, re-cased, in order: lines that name an
    organisation (``_is_org_line``) and are no date line, © line, labelled value, address,
    gazette's name (``symbols.GAZETTE_NAME``) or the document's headline."""
    headline = " ".join(title.split()).lower()
    orgs: list[str] = []
    for line in (re.sub(r"[*_]{2,}", "", line) for line in lines):  # **Status:** … is a labelled value
        if (not line or not _is_org_line(line, lang) or _is_date_line(line) or _COPYRIGHT.search(line)
                or _LABELLED.match(line) or WEB_ADDRESS.search(line)  # a provenance line, not a name
                or symbols.GAZETTE_NAME.search(line) or (headline and " ".join(line.split()).lower() == headline)):
            continue
        line = re.split(r"\s+[-–—|]\s+|\s{3,}", line)[0].strip()  # "Department of X - Seal" → its name
        name = bare_name(smart_case(line, _ORG_SMALL_WORDS))
        if name and name not in orgs and not _is_banner(line):
            orgs.append(name)
    return orgs


GENRE_WORDS = frozenset(
    "decision beslut bescheid besluit décision decisión decisão decisione answer antwort réponse respuesta resposta "
    "risposta svar antwoord circular circulaire circolare rundschreiben cirkulär omzendbrief report rapport informe "
    "bericht relazione relatório memorandum memo note nota vermerk promemoria".split())
"""Genre words printed beside a body's name in a header (``Migrationsverket    BESLUT``, ``Antwort`` /
``der Bundesregierung``): the document's kind, not part of its issuer's name."""
_LEADING_SMALL = re.compile(r"^(?:(?:the|le|la|les|el|los|las|o|os|a|as|der|die|das|des|dem|den|il|lo|gli|"
                            r"de|het|of|du|del|da|do|dos|della|dello|van)\s+|l['’]\s*)+(?-i:(?=[A-ZÀ-Þ]))",
                            re.IGNORECASE)
_FORMATION = re.compile(r"\s*,?\s+(?-i:[a-zà-ÿ])[^\W\d_]*(?:ant|ing|ando|iendo|endo|end|ende)\b.*$", re.IGNORECASE)
"""A participle after a body's name that says how it sits, not what it is called: ``Conseil d'Etat
statuant au contentieux``, ``Court sitting as a Chamber``, ``Tribunal Supremo reunido …``."""


def bare_name(name: str) -> str:
    """A body's name without what a header prints beside it: a genre word before or after it
    (``GENRE_WORDS``), an article or a preposition left before it (``der Bundesregierung``,
    ``Le Conseil d'Etat``), a participle phrase after it (``_FORMATION``)."""
    words = name.split()
    while words and words[-1].lower().strip(".:,") in GENRE_WORDS:
        words.pop()
    while words and words[0].lower().strip(".:,") in GENRE_WORDS:
        words.pop(0)
    name = _FORMATION.sub("", " ".join(words))
    return _LEADING_SMALL.sub("", name).strip()


# Multilingual cues of each document type, in one table. Each cue is a regular expression
# (matched ignoring case) with a weight and where it counts: "start" at the start of a line,
# "top" at the start of a line among the first lines, "end" among the last lines, "title" in
# the title, "any" anywhere (each cue counts once). A type whose cues add up to
# ``TYPE_THRESHOLD`` is the document's, the highest first; English, French, Spanish,
# Portuguese, German, Italian, Swedish and a few others. Add a language by adding its words.
_ARTICLE = r"(?:article|art\.|artículo|articulo|artigo|artikel|articolo|artykuł|статья)"
_PREAMBLE = r"preamble|préambule|preámbulo|preâmbulo|präambel|preambolo"
_FAQ = (r"frequently\s+asked\s+questions|\bfaqs?\b|foire\s+aux\s+questions|preguntas\s+frecuentes|"
        r"perguntas\s+frequentes|häufig\s+gestellte\s+fragen|vanliga\s+frågor|domande\s+frequenti")
TYPE_CUES: dict[str, tuple[tuple[str, float, str], ...]] = {
    "press release": (
        (r"(?:press|news|media)\s+release|communiqué\s+de\s+presse|comunicado\s+de\s+prensa|nota\s+de\s+prensa"
         r"|comunicado\s+(?:de\s+|à\s+)?imprensa|nota\s+à\s+imprensa|pressemitteilung|pressmeddelande"
         r"|comunicato\s+stampa|persbericht|пресс-релиз", 3, "top"),
        (r"for\s+immediate\s+release|pour\s+diffusion\s+immédiate|para\s+(?:su\s+)?publicación\s+inmediata"
         r"|embargo", 2, "top"),
        (r"(?:#{3}|-\s*ends?\s*-|–\s*ends?\s*–|-\s*fin\s*-|–\s*fin\s*–|-\s*ende\s*-|\*\*\*)\s*$", 2, "end"),
        (r"[A-ZÀ-Ý][\w .'-]{1,30},\s*\d{1,2}\.?\s+\w+\s+\d{4}\s*[-–—]\s", 2, "top"),  # dateline: "GENEVA, 3 May 2021 –"
        (r"(?:press|media|presse|prensa|imprensa|pressekontakt|presskontakt)\s*"
         r"(?:contact|kontakt|contacto)?\s*:", 1, "end"),
        (r"(?:,|”|\")\s*(?:says|said|säger|sade|dit|a\s+déclaré|déclare|afirma|afirmó|dijo|declaró|sagt|erklärt|"
         r"disse|afirmou|declarou|dice|ha\s+dichiarato)\s+(?:the\s+|la\s+|le\s+|el\s+|o\s+|a\s+|der\s+|die\s+)?"
         r"[\w-]*(?:minister|ministre|ministra|ministro|ministerin|secretary|director|commissioner|spokes\w+|"
         r"president|président|presidente|präsident|generaldirektör|direktör|porte-parole|portavoz|sprecher)",
         2, "any"),
        (r"\b(?:today|aujourd.hui|hoy|hoje|heute|i\s+dag|oggi)\b", 1, "near"),
    ),
    "letter": (
        (r"(?:dear|my\s+dear)\s+\w|madame,|monsieur,|madame,\s+monsieur|mesdames|messieurs|estimad[oa]s?\s|"
         r"distinguid[oa]s?\s|muy\s+señor|sehr\s+geehrte|liebe[rs]?\s|prezad[oa]s?\s|exm[oa]\.?\s|caro\s|cara\s|"
         r"gentile\s|egregi|bäste?\s|hej\s|уважаем", 2, "top"),
        (r"yours\s+(?:sincerely|faithfully|truly)|(?:best|kind)\s+regards|sincerely,|veuillez\s+agréer|"
         r"je\s+vous\s+prie\s+d.agréer|(?:bien\s+)?cordialement|atentamente|(?:un\s+)?cordial\s+saludo|"
         r"mit\s+freundlichen\s+grüßen|hochachtungsvoll|atenciosamente|(?:com\s+os\s+)?melhores\s+cumprimentos|"
         r"(?:med\s+)?vänliga\s+hälsningar|distinti\s+saluti|cordiali\s+saluti|с\s+уважением", 2, "end"),
        (r"(?:message|cablegram|telegram|cable|télégramme|telegrama|telegramm)\s+(?-i:[A-Z]{3,})", 2, "top"),
        (r"\byour\s+(?:\w+\s+){0,2}(?:letter|message|memorandum|cable|telegram|note)\b|\bvotre\s+(?:lettre|courrier|"
         r"message)|\bsu\s+(?:atenta\s+)?(?:carta|mensaje)|\bsua\s+(?:carta|mensagem)|\bihr(?:e[mn]?)?\s+(?:schreiben|brief)"
         r"|\ber\s+skrivelse", 1, "any"),
    ),
    "legal act": (
        (_ARTICLE + r"\s+(?:1|1er|1\.º|1º|primero|premier|first|one|i)\b", 2, "start"),
        (_ARTICLE + r"\s+(?:2|deuxième|segundo|second|ii)\b", 1, "start"),
        (r"§+\s*1\b", 2, "start"),
        (r"§+\s*2\b", 1, "start"),
        (r"(?:vu|visto|vistos|tendo\s+em\s+conta|gestützt\s+auf)\b", 1, "start"),
        (r"(?:considérant|considerando)\b", 1, "start"),
        (r"be\s+it\s+enacted|do\s+enact\s+as\s+follows|décrète\s*:|dispongo\s*:|decreta\s*:|"
         r"verordnet\s*:|hat\s+das\s+folgende\s+gesetz\s+beschlossen|promulgo|se\s+ordena", 2, "any"),
        (r"\b(?:act|law|bill|decree|loi|décret|ordonnance|ley|decreto|lei|gesetz|verordnung|lag|förordning"
         r"|legge)\b", 1, "title"),
        (r"disposición\s+(?:adicional|transitoria|final|derogatoria)|dispositions?\s+(?:transitoires?|finales?)|"
         r"inkrafttreten|entrada\s+en\s+vigor|entrée\s+en\s+vigueur|entrada\s+em\s+vigor"
         r"|shall\s+take\s+effect", 1, "any"),
    ),
    "declaration": (
        (r"(?:proclaims?|proclame|proclama|proklamiert|adopts?|adopte|adopta|adota)\b[^.]{0,60}\b"
         r"(?:declaration|déclaration|declaración|declaração|erklärung|deklaration|dichiarazione)", 3, "any"),
        (r"\b(?:declaration|déclaration|declaración|declaração|erklärung|deklaration|dichiarazione)\b", 1, "title"),
        (r"(?:" + _PREAMBLE + r"|ingress)\s*$", 1, "top"),
    ),
    "convention": (
        (r"(?:have|has)\s+agreed\s+as\s+follows|sont\s+convenu|sont\s+convenues|han\s+convenido|acordaram|"
         r"sind\s+wie\s+folgt\s+übereingekommen|hanno\s+convenuto", 3, "any"),
        (r"\b(?:convention|treaty|traité|convención|tratado|convenção|übereinkommen|vertrag|konvention|fördrag|"
         r"convenzione|trattato|agreement|accord|acuerdo|acordo|accordo|abkommen|overeenkomst|verdrag|avtal|"
         r"protocol|protocole|protocolo|protokoll|protocollo)\b", 1, "title"),
        (r"in\s+(?:two|three|duplicate|triplicate)\s+(?:originals|copies)?|en\s+(?:deux|trois|double)\s+exemplaires|"
         r"en\s+(?:dos|tres)\s+ejemplares|em\s+(?:dois|três)\s+exemplares|in\s+(?:zweifacher|dreifacher)\s+"
         r"(?:urschrift|ausfertigung)|in\s+zwei\s+urschriften|in\s+duplice\s+esemplare|in\s+tweevoud|"
         r"i\s+två\s+original", 2, "any"),  # a treaty's signing formula: its originals
        (r"(?:for|pour|por|für|per|voor|för)\s+(?:the|la|le|l'|el|die|den|das|het|il|o|a)?\s*(?:government|kingdom|"
         r"republic|gouvernement|royaume|république|gobierno|reino|república|regierung|königreich|republik|governo|"
         r"regno|repubblica|regering|koninkrijk|konungariket|republiken)\b", 2, "end"),  # FOR THE KINGDOM OF …
        (r"high\s+contracting\s+parties|hautes\s+parties\s+contractantes|altas\s+partes\s+contratantes|"
         r"hohen\s+vertragsparteien|states\s+parties\s+to\s+the\s+present", 2, "any"),
        (r"(?:" + _PREAMBLE + r")\s*$", 1, "top"),
    ),
    "resolution": (
        (r"resolution\s+adopted\s+by|résolution\s+adoptée\s+par|resolución\s+aprobada\s+por|"
         r"resolução\s+adotada|entschließung|resolución\s+adoptada|(?:senate|assembly)\s+resolution", 3, "top"),
        # The document's own first lines as the source printed them (a cover's lines are joined in
        # the text): its resolution symbol and "Resolution adopted by …" outweigh the title of a
        # text the resolution adopts and annexes (a declaration, a programme of action).
        (r"resolution\s+adopted\s+by|résolution\s+adoptée\s+par|resolución\s+(?:aprobada|adoptada)\s+por|"
         r"resolução\s+adotada\s+pela?|resolutie\s+aangenomen\s+door", 3, "head"),
        (r"[A-Z]{1,3}/RES/\d", 2, "head"),
        (r"(?:recalling|reaffirming|noting|recognizing|recognising|bearing\s+in\s+mind|mindful|welcoming|"
         r"rappelant|réaffirmant|notant|reconnaissant|ayant\s+à\s+l.esprit|recordando|reafirmando|observando|"
         r"reconociendo|teniendo\s+presente|reconhecendo|tendo\s+presente|unter\s+hinweis|in\s+bekräftigung|"
         r"in\s+anerkennung|whereas)\b", 1, "start"),
        (r"(?:resolved|decides|resolves|requests|urges|décide|prie|demande|decide|solicita|insta|beschließt|"
         r"ersucht|proclaims|proclame|proclama)\b", 1, "start"),
        (r"(?:has|have)\s+adopted|\badopts\b|\badopte\b|\badopta\b|resolved,", 1, "any"),
        (r"\b(?:resolution|résolution|resolución|resolução|resolutie|entschließung|resolution)\b", 1, "title"),
    ),
    "fact sheet": (
        (r"fact\s*sheet|fiche\s+(?:pratique|d.information|thématique)|objectifs?\s+de\s+la\s+fiche|"
         r"ficha\s+(?:informativa|técnica|práctica)|merkblatt|infoblatt|faktablad|folheto\s+informativo", 3, "near"),
    ),
    "web page": (
        (r"(?:url(?:\s+source)?|source|fetched(?:\s+\(utc\))?|http\s+status|scraped(?:_at)?)\s*:\s*\S", 2, "top"),
        (r"(?:cookies?\b|skip\s+to\s+(?:main\s+)?content|ir\s+al?\s+contenido|aller\s+au\s+contenu|"
         r"zum\s+inhalt|saltar\s+para\s+o\s+conte|hoppa\s+till|menu\b|menú\b|inicio\b|início\b|accueil\b|"
         r"startseite\b|breadcrumb)", 1, "top"),
        (_FAQ, 2, "title"),
        (_FAQ, 1, "top"),
    ),
    "note": (
        (r"(?:memorandum|memo|note\s+for|notes\s+for|note\s+to|briefing\s+note|aide-m[ée]moire|note\s+à|"
         r"nota\s+(?:para|a|de)|nota\s+informativa|vermerk|aktenvermerk|promemoria|pm\s+till)\b", 2, "top"),
        (r"(?:to|from|subject|re|à|de|objet|para|asunto|assunto|an|von|betreff|till|från|ärende)\s*:", 1, "top"),
        (r"\b(?:memorandum|memo|note|notes|nota|vermerk|promemoria)\b", 1, "title"),
        (r"^(?:(?:guidance|briefing|policy|concept|information|background)\s+)?(?:notes?|memorandum|memo|briefing|"
         r"aide-m[ée]moire|nota|vermerk|promemoria)\s+(?:for|to|on|by|pour|sur|à|para|sobre|für|till|om)\b",
         2, "title"),
    ),
    "decision": (
        (r"(?:.{0,60}\s)?(?:beslut|bescheid|besluit|beschikking)\s*$", 2, "top"),  # Migrationsverket    BESLUT
        (r"hur\s+man\s+överklagar|överklagandehänvisning|rechtsbehelfsbelehrung|voies\s+et\s+délais\s+de\s+recours|"
         r"recurso\s+(?:de\s+alzada|potestativo\s+de\s+reposición)|bezwaar\s+maken|how\s+to\s+appeal|"
         r"meios\s+de\s+impugnação|mezzi\s+di\s+impugnazione", 2, "any"),  # how to appeal: an administrative decision
        (r"beslutet\s+har\s+fattats\s+av|(?:this|the)\s+decision\s+(?:was|has\s+been)\s+(?:made|taken)\s+by|"
         r"la\s+(?:présente\s+)?décision\s+a\s+été\s+prise\s+par|der\s+bescheid\s+(?:wurde|ergeht)|"
         r"dit\s+besluit\s+is\s+genomen\s+door", 2, "any"),
        (r"(?:avslår|avvisar|beviljar|bifaller)\s+(?:din|er|ert)\b|your\s+application\s+(?:is|has\s+been)\s+"
         r"(?:refused|rejected|granted)|votre\s+demande\s+est\s+(?:rejetée|accordée)|se\s+(?:deniega|desestima)\s+"
         r"su\s+solicitud|ihr\s+antrag\s+wird\s+abgelehnt|uw\s+aanvraag\s+wordt\s+afgewezen", 1, "any"),
    ),
    "circular": (
        (r"(?:.{0,40}\s)?(?:circular|circulaire|circolare|rundschreiben|runderlass|rundbrief|cirkulär|omzendbrief)"
         r"(?:\s+(?:no|n[°º]|núm|nr|n\.)\.?\s*[\w/.-]+)?\s*$", 3, "top"),
        (r"(?:a[il]?|agli)\s+sig(?:g|nori)?\.?\s+prefetti|loro\s+sedi|(?:à|a)\s+mesdames\s+et\s+messieurs\s+les\s+"
         r"préfets|aux\s+préfets|a\s+(?:los|las)\s+(?:delegad[oa]s|subdelegad[oa]s)\s+del\s+gobierno|"
         r"an\s+die\s+(?:innenministerien|ausländerbehörden|landesregierungen)|to\s+(?:all\s+)?(?:regional\s+)?"
         r"(?:prefects|governors|heads\s+of\s+(?:mission|regional\s+offices))", 2, "near"),  # to many authorities
        (r"\be,?\s+per\s+conoscenza|\bpour\s+information\s*:|\bpara\s+(?:su\s+)?conocimiento\s*:|"
         r"\bzur\s+kenntnisnahme\s*:|\b(?:copy|copies)\s+for\s+information\s*:|\bter\s+kennisname\s*:", 1, "near"),
    ),
    "judgment": (
        (r"(?:judge?ment|arrêt|sentencia|urteil|acórdão|sentença|sentenza|dom|decision|décision|decisión|beschluss)"
         r"(?:\s+(?:no|nos|n[°º]|núm|num|nr|nº)\.?\s*[\d/.-]+)?\s*$", 2, "top"),  # Sentencia núm. 1234/2019
        (r"(?:antecedentes\s+de\s+hecho|fundamentos\s+de\s+derecho|fallo|the\s+facts|the\s+law|en\s+fait|"
         r"en\s+droit|dispositif|tatbestand|entscheidungsgründe|relatório|fundamentação|dispositivo|domskäl)\s*$",
         1, "start"),  # a judgment's parts
        (r"(?:decision|views)\s+adopted\s+by\s+the\s+committee|(?:décision|constatations)\s+adoptées?\s+par\s+le\s+"
         r"comité|(?:decisión|dictamen)\s+(?:adoptad[oa]|aprobad[oa])\s+por\s+el\s+comité", 3, "top"),  # treaty bodies
        (r"for\s+these\s+reasons|par\s+ces\s+motifs|por\s+estos\s+motivos|por\s+todo\s+lo\s+expuesto|"
         r"aus\s+diesen\s+gründen|pelos\s+fundamentos|av\s+dessa\s+skäl|per\s+questi\s+motivi", 2, "any"),
        (r"(?:holds|declares|dismisses|dit\s+que|déclare|rejette|declara|desestima|stellt\s+fest)\b", 1, "start"),
        (r"\b(?:v\.|vs\.?|c\.|contra|gegen|mot|affaire|case\s+of|asunto)\s", 1, "title"),
        (r"au\s+nom\s+du\s+peuple\s+français|in\s+the\s+name\s+of\s+the\s+people|en\s+nombre\s+del\s+rey|"
         r"im\s+namen\s+des\s+volkes|in\s+nome\s+del\s+popolo\s+italiano|em\s+nome\s+do\s+povo|"
         r"in\s+naam\s+des\s+konings|i\s+rikets\s+namn", 2, "any"),  # the authority a court rules in
        (r"délibéré\s+(?:à\s+l.issue|après|en)|having\s+deliberated|tras\s+(?:haber\s+)?deliberado|"
         r"após\s+deliberação|nach\s+(?:geheimer\s+)?beratung|dopo\s+aver\s+deliberato|na\s+beraadslaging", 2, "any"),
        (r"rapporteure?\s+publi(?:c|que)|(?:statuant|siégeant)\s+au\s+contentieux|sitting\s+as\s+a\s+(?:grand\s+)?"
         r"chamber|(?:reunid[oa]|constituid[oa])\s+en\s+(?:pleno|sala)", 2, "any"),
        (r"(?:the\s+court|la\s+cour|el\s+tribunal|das\s+gericht|o\s+tribunal|domstolen)\b[^.\n]{0,40}\b(?:unanimously|"
         r"holds|finds|à\s+l.unanimité|por\s+unanimidad|einstimmig|enhälligt)", 2, "any"),
    ),
    "note verbale": (
        (r"note\s+verbale|nota\s+verbal|verbalnote|вербальная\s+нота", 3, "top"),
        (r"presents?\s+its\s+compliments|présente\s+ses\s+compliments|saluda\s+atentamente|"
         r"apresenta\s+os\s+seus\s+cumprimentos|beehrt\s+sich|свидетельствует\s+свое\s+уважение", 2, "near"),
        (r"avails?\s+itself\s+of\s+this\s+opportunity|saisit\s+cette\s+occasion|aprovecha\s+la\s+ocasión|"
         r"aproveita\s+a\s+oportunidade|benutzt\s+diesen\s+anlass|пользуется\s+(?:этой\s+)?возможностью", 2, "end"),
    ),
    "speech": (
        (r"check\s+against\s+delivery|seul\s+le\s+prononcé\s+fait\s+foi|cotejar\s+con\s+el\s+discurso\s+pronunciado|"
         r"sólo\s+(?:es\s+)?válid[oa]\s+(?:el\s+texto\s+)?pronunciad[oa]|faz\s+fé\s+a\s+versão\s+lida|"
         r"es\s+gilt\s+das\s+gesprochene\s+wort|det\s+talade\s+ordet\s+gäller", 3, "near"),  # printed at the top
        (r"(?:speech|statement|address|remarks|opening\s+remarks|discours|allocution|intervention|discurso|"
         r"intervención|palabras|rede|ansprache|grußwort|tal|anförande)\s+(?:by|of|de|du|del|da|do|von|av)\b", 2,
         "title"),
        (r"(?:ladies\s+and\s+gentlemen|excellencies|mesdames\s+et\s+messieurs|señoras\s+y\s+señores|"
         r"senhoras\s+e\s+senhores|meine\s+(?:sehr\s+geehrten\s+)?damen\s+und\s+herren|mina\s+damer\s+och\s+herrar)\b",
         1, "top"),
        (r"(?:thank\s+you(?:\s+(?:very\s+much|for\s+your\s+attention))?|je\s+vous\s+remercie|muchas\s+gracias|"
         r"muito\s+obrigad[oa]|vielen\s+dank|tack\s+för\s+uppmärksamheten)\s*[.!]?\s*$", 1, "end"),
    ),
    "recommendation": (
        (r"recommends?\s+(?:that\s+)?(?:the\s+)?governments?|recommande\s+aux\s+gouvernements|recomienda\s+a\s+los\s+"
         r"gobiernos|recomenda\s+aos\s+governos|empfiehlt\s+den\s+regierungen|raccomanda\s+ai\s+governi", 3, "any"),
        (r"\b(?:recommendation|recommandation|recomendación|recomendação|empfehlung|raccomandazione)\b", 1, "title"),
    ),
    "statistics": (
        (r"\b(?:statistics|statistical|statistiques|estadísticas?|estatísticas?|statistik(?:en)?|statistiche)\b", 2,
         "title"),
        (r"(?:quarterly|monthly|annual|weekly)\s+(?:bulletin|statistics|figures)|bulletin\s+(?:statistique|trimestriel|"
         r"mensuel)|boletín\s+(?:estadístico|trimestral|mensual)|boletim\s+estatístico|statistischer\s+bericht|"
         r"kvartalsstatistik|månadsstatistik", 2, "near"),
        (r"(?:table|tableau|tabla|tabela|tabelle|tabell|tabella|tabel)\s+[A-Z]?\d+(?:\.\d+)*\s*(?:[:.]|\s[A-Z])", 1,
         "start"),
    ),
    "licence": (
        (r"\b(?:licen[cs]e|lizenz|licencia|licença|licenza|licens)\b", 2, "title"),
        (r"permission\s+is\s+hereby\s+granted|\blicensor\b|\blicensee\b|the\s+licen[cs]ed\s+(?:material|work|software)|"
         r"le\s+[«\"“]?\s*concédant|el\s+licenciante|lizenzgeber|licenciante|licensgivare|le\s+licencié", 2, "any"),
        (r"provided\s+[\"“]?as\s+is|without\s+warranty|sans\s+(?:autre\s+)?garantie|sin\s+garantía|ohne\s+gewähr|sem\s+garantia",
         1, "any"),
    ),
    "transcript": (
        (r"\((?:applause|laughter|rires|applaudissements|aplausos|risas|beifall|heiterkeit|applåder)\.?\)", 2, "any"),
        (r"(?:the\s+(?:speaker|president|vice\s+president|chair(?:man|woman|person)?|clerk|presiding\s+officer)|"
         r"le\s+président|la\s+présidente|el\s+presidente|la\s+presidenta|der\s+präsident|die\s+präsidentin|"
         r"talmannen)\s*[.:]", 2, "start"),
        (r"(?:mr\.|madam|madame|monsieur\s+le|señor|señora|herr|frau)\s+(?:speaker|president|chair(?:man)?|président|"
         r"presidente|präsident|präsidentin)\b", 1, "any"),
        (r"\b(?:transcript|verbatim\s+record|procès-verbal|compte\s+rendu|acta|diario\s+de\s+sesiones|"
         r"stenografischer\s+bericht|plenarprotokoll|protokoll|congressional\s+record)\b", 2, "title"),
    ),
    "article": (
        (r"(?:by|par|por|von|av|door|di)(?:[ \t]*\n|[ \t]+)(?-i:[A-ZÀ-Ý][\w'’.-]+(?:[ \t]+[A-ZÀ-Ý][\w'’.-]+){1,3})"
         r"(?:[ \t]+(?:and|&|et|y|e|und|och|en)[ \t]+(?-i:[A-ZÀ-Ý][\w'’.-]+(?:[ \t]+[A-ZÀ-Ý][\w'’.-]+){1,3}))?"
         r"[ \t]*$", 2, "head"),  # a byline: "By Jane Doe", "By Ana Lima and Tom Fox", or "by" above the name
        (r"(?-i:[A-ZÀ-Ý]{3,})[^()\n\d]{0,40},[^()\n]{0,30}\d[^()\n]{0,20}?\s*\((?-i:[A-Z])[^()\n\d]{1,30}\)\s*"
         r"(?:[-–—]{1,2}|:)\s", 2, "start"),  # a wire dateline: "KALAMATA, Greece, July 9 (Meridian) - …"
        (r"\((?:reporting|additional\s+reporting|writing)\s+by\b[^)]*\)|\((?:redacción|información)\s+de\b[^)]*\)|"
         r"\((?:rédaction|reportage)\s+\w+\b[^)]*\)|\((?:berichterstattung|redaktion)\s+\w+\b[^)]*\)", 2, "end"),
        (r"\((?:continued|suite|continuación|continuação|fortsetzung|forts\.?)\)|continued\s+(?:on|from)\s+"
         r"(?:the\s+)?(?:next\s+|previous\s+)?page|suite\s+(?:page|de\s+la\s+page)|continúa\s+en\s+la\s+página"
         r"|fortsetzung\s+(?:auf|von)\s+seite", 2, "any"),
    ),
    "report": (
        (r"\b(?:report|rapport|informe|relatório|bericht|relazione|betänkande|доклад)\b", 2, "title"),
        (r"(?:.{0,80}\W)?(?:report|rapport|informe|relatório|bericht|relazione|rapporto)\s+(?:no|n[°º]|núm|nr|number)"
         r"\.?\s*\d", 3, "top"),  # "Border Violence Watch Network — Report No. 7 — …"
        (r"(?:the\s+present|this)\s+report|le\s+présent\s+rapport|el\s+presente\s+informe|"
         r"o\s+presente\s+relatório|der\s+vorliegende\s+bericht|il\s+presente\s+rapporto", 2, "any"),
        (r"(?:executive\s+summary|résumé\s+analytique|resumen\s+ejecutivo|sumário\s+executivo|"
         r"zusammenfassung|recommendations|recommandations|recomendaciones|recomendações"
         r"|empfehlungen)\s*$", 1, "start"),
    ),
}
TYPE_THRESHOLD = 3
"""What a type's cues must add up to."""
WEB_DEBRIS = 5
"""Lines cleaning removed as web boilerplate (menus, cookie banners, share buttons) that make
a text a web page when no other type is clear."""
_CUE_RES = {t: tuple((re.compile(r"^\W{0,3}(?:" + p + ")" if where in ("start", "top", "head") else p,
                                  re.IGNORECASE | re.MULTILINE), w, where) for p, w, where in cues)
            for t, cues in TYPE_CUES.items()}
_TOP_LINES, _END_LINES = 25, 12
TABLE_ONLY_WORDS = 30
"""Words of prose per table (captions, notes, sources) below which a text of tables is statistics."""


def _lines(doc: Document) -> list[str]:
    return [line.strip() for b in doc.blocks if b.kind != "footnote" for x in [b, *b.children]
            for line in x.text.split("\n") if line.strip()]


def type_scores(doc: Document, title: str) -> dict[str, tuple[float, list[str]]]:
    """Each document type → (score, the cues that matched), from ``TYPE_CUES``."""
    lines = _lines(doc)
    head = [line.strip() for line in (doc.source.text or "").split("\n", 4 * _TOP_LINES)[:4 * _TOP_LINES]]
    areas = {"start": "\n".join(lines), "top": "\n".join(lines[:_TOP_LINES]), "near": "\n".join(lines[:_TOP_LINES]),
             "end": "\n".join(lines[-_END_LINES:]), "title": title, "any": "\n".join(lines),
             "head": "\n".join(line for line in head if line)}
    out: dict[str, tuple[float, list[str]]] = {}
    for kind, cues in _CUE_RES.items():
        score, seen = 0.0, []
        for pattern, weight, where in cues:
            area = areas[where]
            m = screened_search(pattern, area)  # (pattern.search, through the engine's screen)
            if m:
                score += weight
                seen.append(" ".join(m.group(0).split())[:40])
        if score:
            out[kind] = (score, seen)
    return out


def cue_doc_type(doc: Document, title: str) -> tuple[str | None, str]:
    """The type the text's own signals point to (``TYPE_CUES``), in any language."""
    scores = type_scores(doc, title)
    ranked = sorted(((s, kind, seen) for kind, (s, seen) in scores.items() if s >= TYPE_THRESHOLD),
                    key=lambda x: -x[0])
    if ranked:
        score, kind, seen = ranked[0]
        return kind, "inferred: " + ", ".join(f"“{c}”" for c in seen)
    tables = sum(b.kind == "table" for b in doc.blocks)
    prose = sum(len(b.text.split()) for b in doc.blocks if b.kind == "paragraph" and b.citable)
    if tables >= 2 and prose <= TABLE_ONLY_WORDS * tables:
        return "statistics", f"inferred: {tables} tables and little prose beside them"
    debris = sum(1 for r in doc.removed if re.search(r"web|navigation|cookie|menu|share|breadcrumb", r.reason, re.I))
    if debris >= WEB_DEBRIS:
        return "web page", f"inferred: {debris} lines of web page furniture removed"
    return None, ""


def find_doc_type(doc: Document, letter: dict[str, str], text: str, title: str = "") -> tuple[str | None, str]:
    """Letter, submission, fact sheet, report, brochure… from the shape and vocabulary: a
    type named in the header, a letter's frame, the text calling itself by its type, then
    the cues of ``TYPE_CUES`` (any language), then the shape alone."""
    for b in _header(doc) + [b for b in doc.blocks if b.label == "kicker"]:
        for line in b.text.split("\n"):
            if _is_type_label(line):
                return line.strip().lower().rstrip(":."), "text"
        # A type name at the start of a header line: "Fact Sheet Bureau of …" (lines joined).
        m = re.match(r"\s*(" + "|".join(t.replace(" ", r"\s+") for t in _TYPE_NAMES) + r")\b", b.text, re.IGNORECASE)
        if m and b.kind != "letter" and len(b.text.split()) <= 16 and not _is_banner(b.text):
            return " ".join(m.group(1).lower().split()), "text"
    if letter:
        frame = sum(len(v.split()) for v in letter.values())
        body = sum(len(b.text.split()) for b in doc.blocks if b.citable)
        # A cover letter carrying a longer text after its signature: the text is the document.
        last = max((i for i, b in enumerate(doc.blocks) if b.kind == "letter"), default=-1)
        after = sum(len(b.text.split()) for b in doc.blocks[last + 1:] if b.citable)
        if after > 3 * max(body - after, 1) and after > 200 + frame:
            return "submission", "inferred: a cover letter with a longer text after its signature"
        return "letter", "text"
    m = _SELF_REF.search(text)
    if m:
        return " ".join(m.group(1).lower().split()), "text"
    kind, evidence = cue_doc_type(doc, title)
    if kind:
        return kind, evidence
    if any(b.kind == "admonition" for b in doc.blocks):
        return "brochure", "inferred: boxed asides and captions around the text"
    if sum(b.kind == "heading" for b in doc.blocks) >= 3:
        return "report", "inferred: a text in sections"
    return None, ""


def join_address(text: str, entities: list[Any]) -> str:
    """An address block's lines (or comma-separated parts) → one line: a name wrapped over
    two lines is rejoined with a space, separate address lines get a comma.

    A line break is inside a name when the line ends with a small word (``Office of the``),
    the next starts with one (``for Human Rights``), or a known organisation name
    (``entities.yml``) runs across it."""
    lines = [line.strip() for line in re.split(r"\n|,\s+", text) if line.strip()]
    names = [n.lower() for e in entities for n in [e.name, *getattr(e, "aliases", [])] if n]
    out = lines[:1]
    for line in lines[1:]:
        prev = out[-1]
        joined = f"{prev} {line}"
        inside = (prev.split()[-1].lower() in _SMALL_WORDS or line.split()[0] in _SMALL_WORDS
                  or any(n in joined.lower() and n not in prev.lower() and n not in line.lower() for n in names))
        if inside:
            out[-1] = joined
        else:
            out.append(line)
    return ", ".join(out)


def synthesise_title(meta: Metadata, doc: Document, text: str, entities: list[Any]) -> str:
    """A letter without a subject: ``Letter from <issuer> to <addressee> on <topic>``."""
    parts = ["Letter"]
    if meta.organisation:
        issuer = re.split(r"\s+to\s+the\s+", meta.organisation, maxsplit=1, flags=re.IGNORECASE)[0]
        issuer = issuer[0].lower() + issuer[1:] if issuer.lower().startswith("the ") else issuer
        parts.append(f"from {issuer}")
    if meta.addressee:
        to = re.split(r"[,\n]", meta.addressee)[0].strip()
        short = _acronym_for(to, text, entities)
        parts.append(f"to {short or to}")
    body = [b for b in doc.blocks if b.citable]
    topic = keywords.extract(body, limit=1)
    if topic:
        parts.append(f"on the {topic[0]}" if not topic[0].lower().startswith("the ") else f"on {topic[0]}")
    return " ".join(parts)


TOP_LINES = 25
"""Lines of kept text read for a date line at the top of a document."""
END_LINES = 12
"""Lines of kept text read for a date line in the signature at its end."""


def _kept_lines(doc: Document) -> list[tuple[int, str]]:
    """The source lines the cleaned text kept, (line number, text), footnotes left out;
    without source lines (a document built in memory), the blocks' own lines."""
    source = doc.source.text.split("\n") if doc.source.text else []
    covered: set[int] = set()
    for b in doc.blocks:
        for x in [b, *b.children]:
            first, last = x.lines
            if x.kind != "footnote" and first and source:
                covered.update(range(first, min(last, len(source)) + 1))
    if covered:
        kept = [n for n in sorted(covered) if source[n - 1].strip()]
        return [(n, source[n - 1]) for i, n in enumerate(kept)
                if not _runs_on(source[n - 1], source[kept[i + 1] - 1] if i + 1 < len(kept) else "")]
    return [(0, line) for b in doc.blocks if b.kind != "footnote" for x in [b, *b.children]
            for line in x.text.split("\n") if line.strip()]


def _runs_on(line: str, following: str) -> bool:
    """A line of a hard-wrapped sentence, not a line of its own: it ends with a comma, a
    semicolon or a hyphen, or the next line goes on in lower case."""
    nxt = following.lstrip(" *_>")
    return line.rstrip().endswith((",", ";", "-", "¬")) or (nxt[:1].isalpha() and nxt[:1].islower())


def _paragraph_openings(doc: Document) -> list[tuple[int, str]]:
    """The kept source lines that open a paragraph or stand alone, (line number, text): the
    line before is blank, or ends neither in a lower-case word nor in ``, ; -`` (so it does not
    run on into this one); without source lines, each block's first line."""
    source = doc.source.text.split("\n") if doc.source.text else []
    numbers = sorted({n for b in doc.blocks if b.kind != "footnote" for x in [b, *b.children]
                      for n in range(x.lines[0], min(x.lines[1], len(source)) + 1) if x.lines[0] and source})
    if not numbers:
        return [(0, x.text.split("\n")[0]) for b in doc.blocks if b.kind != "footnote"
                for x in [b, *b.children] if x.text.strip()]
    out = []
    for n in numbers:
        line, before = source[n - 1], source[n - 2].rstrip() if n > 1 else ""
        if line.strip() and not re.search(r"[^\W\d_A-ZÀ-Þ]$|[,;¬-]$", before):
            out.append((n, line))
    return out


def own_date(doc: Document, lang: str | None) -> tuple[str | None, str, list[str]]:
    """The date the document states for itself in a date line (``dates.own_date``)."""
    lines = _kept_lines(doc)
    signing = [(n, t) for n, t in lines if len(t.split()) <= dates.MAX_LINE_WORDS
               and dates.SIGNING_RE.search(t)]
    openings = _paragraph_openings(doc)
    return dates.own_date(lines[:TOP_LINES], lines[-END_LINES:], signing, lang,
                          (openings[:TOP_LINES], openings[-END_LINES:]))


PUBLICATION_LINES = 150
"""Source lines read for a web page's publication line (kept, or removed with the page's furniture;
a scraped page's menus may fill a hundred lines above it), or, when it has none, its last-modified
line (which closes a page as often as it opens it)."""


def publication_date(doc: Document, lang: str | None) -> tuple[str | None, str]:
    """A web page's publication date (``dates.publication_date``) from a line near its top, kept
    or removed as furniture (a dated line next to a menu goes with it, yet it dates the page)."""
    lines = [(n, t) for n, t in _kept_lines(doc) if n <= PUBLICATION_LINES]
    lines += [(r.line, r.text) for r in doc.removed if r.line is not None and r.line <= PUBLICATION_LINES]
    for label, what in ((dates.PUBLISHED, "publication"), (dates.UPDATED, "last-modified")):
        for number, text in sorted(lines):
            found = dates.publication_date(text, lang, label)
            if found:
                return found.iso, f"{what} line (line {number})"
    return None, ""


FIELDS = ("title", "date", "period", "organisation", "doc_type", "signatory", "signatory_role", "addressee",
          "symbols", "lang")
REQUIRED = ("title", "date", "organisation", "doc_type")


FRONT_MATTER = "front matter"
_FM_TITLE = ("title", "headline")
_FM_DATE = ("date", "doc_date", "date_published", "published_date", "published", "publication_date", "issued",
            "adopted")
_FM_ORG = ("organisation", "organization", "publisher", "agency", "issuer", "institution")
_FM_AUTHOR = ("author", "authors", "byline")
_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+Z?)?$")


def _fm_value(fields: dict[str, Any], keys: tuple[str, ...]) -> str:
    """The first non-empty text value of ``keys`` (any case) in the front matter."""
    lowered = {str(k).lower().replace(" ", "_"): v for k, v in fields.items()}
    for key in keys:
        value = lowered.get(key)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = ", ".join(value)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return " ".join(str(value).split())
    return ""


def front_matter_date(value: str, lang: str | None) -> str | None:
    """An ISO date (``2025-11-25``, ``1947-06``, ``2025-11-25T15:16:11Z``) or one dateparser reads."""
    m = _ISO_PREFIX.match(value.strip())
    if m:
        year, month, day = m.groups()
        try:
            if day:
                return Date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            return None
        if month:
            return f"{year}-{month}" if 1 <= int(month) <= 12 else None
        return year
    found = parse_date(value)
    if found:
        return found
    hits = [f for f in dates.find(value, lang) if f.iso]
    return hits[0].iso if hits else None


def _front_matter_title(doc: Document) -> str:
    """The title the source's front matter or scraper header states, as a reader cites it."""
    fields = doc.front_matter
    return tidy_title(_fm_value(fields, _FM_TITLE).rstrip(" :;,")) if isinstance(fields, dict) else ""


def apply_front_matter(meta: Metadata, doc: Document, lang: str | None) -> None:
    """Fields the source's own front matter or scraper header states (``doc.front_matter``,
    read by the ``front_matter`` cleaning rule) win over what the text suggests; ``metadata.yml``
    still wins over them."""
    fields = doc.front_matter
    if not isinstance(fields, dict) or not fields:
        return
    title = _front_matter_title(doc)
    if title:
        meta.title, meta.title_source = title, FRONT_MATTER
    raw_date = _fm_value(fields, _FM_DATE)
    when = front_matter_date(raw_date, lang) if raw_date else None
    if when:
        meta.date, meta.sources["date"] = when, FRONT_MATTER
    elif raw_date:
        doc.warnings.append(f"front matter date {raw_date!r} could not be read; the date comes from the text")
    org = _fm_value(fields, _FM_ORG)
    if org:
        meta.organisation, meta.sources["organisation"] = org, FRONT_MATTER
    author = _fm_value(fields, _FM_AUTHOR).strip(" \"'“”«»")
    if author and (_is_org_line(author) or _AUTHOR_BODY_WORDS & {w.lower() for w in _name_words(author)}):
        # an author that is a body issues the text; it signs nothing
        if not meta.organisation:
            meta.organisation, meta.sources["organisation"] = author, FRONT_MATTER
    elif author and not meta.signatory:
        meta.signatory, meta.sources["signatory"] = author, FRONT_MATTER


_AUTHOR_BODY_WORDS = frozenset(
    "network association foundation federation coalition alliance centre center society watch union council "
    "group initiative project trust league réseau fondation fédération ligue collectif red asociación fundación "
    "federación coalición rede associação fundação netzwerk verein verband stiftung bündnis nätverk förening "
    "förbund stiftelse rete associazione fondazione federazione netwerk vereniging stichting".split())
"""Words that make a front matter's author a body (``Border Violence Watch Network``), not a signatory."""


def read_languages(doc: Document, meta: Metadata, overrides: dict[str, Any]) -> str | None:
    """The document's language (``meta.lang``: detected, the language of most of its prose) and
    that of its blocks in another (``Block.lang`` of new blocks in ``doc.blocks``, enrich's own
    list: the clean document's blocks are left as they are; counted in ``doc.stats``); returns
    the language the document is read in (``metadata.yml``'s ``lang`` when it gives one)."""
    prose = [x for b in doc.blocks for x in [b, *b.children] if x.citable or x.kind == "heading"]
    texts = [x.text for x in prose]
    meta.lang, confidence = language.detect(language.prose(texts))
    if meta.lang:
        meta.sources["lang"] = f"text (detected, {confidence:.0%} sure)"
    else:  # too little prose (a letter of a few lines): every line the page shows, its frame too
        every = [x.text for b in doc.blocks if b.kind != "footnote" for x in [b, *b.children]]
        meta.lang, confidence = language.detect("\n".join(every)[:language.MAX_CHARS])
        if meta.lang:
            meta.sources["lang"] = f"text (detected from its short lines, {confidence:.0%} sure)"
    mixed = language.main_language(texts, meta.lang)
    if mixed != meta.lang:
        meta.lang, meta.sources["lang"] = mixed, ("text (detected, the language of most of its blocks, or of its "
                                                  "first when two languages have comparable shares)")
    lang = language.normalise(overrides.get("lang")) or meta.lang
    if any(language.other_languages(texts, lang)):  # a text in two languages: pairs run together apart
        doc.blocks[:] = [part for b in doc.blocks for part in _language_parts(b)]
        prose = [x for b in doc.blocks for x in [b, *b.children] if x.citable or x.kind == "heading"]
        texts = [x.text for x in prose]
    found = language.inherited_languages(texts, [max(1, x.level) if x.kind == "heading" else 0 for x in prose],
                                         language.other_languages(texts, lang), lang)
    langs = {id(x): other for x, other in zip(prose, found) if other}
    if langs:  # the build report counts them (its per-document stats)
        doc.blocks[:] = [_with_languages(b, langs) for b in doc.blocks]
        doc.stats["blocks_in_other_languages"] = len(langs)
    if (note := language.missing_word_list(lang)) and note not in doc.warnings:
        doc.warnings.append(note)
    title_lang = next((langs[id(x)] for x in prose if x.kind == "heading" and x.text == meta.title and id(x) in langs),
                      "") or language.title_language(meta.title, lang)
    if title_lang:  # the page's title heading carries it (``lang`` on the H1), as other-language blocks do
        meta.title_lang = title_lang
    return lang


def _language_parts(block: Block) -> list[Block]:
    """A paragraph of a text in two languages that runs a sentence in one into a sentence in the
    other (two lines of the source, each a version): two paragraphs, each with its own source line."""
    if block.kind != "paragraph" or block.label or block.spans or block.children or "\n" in block.text:
        return [block]
    at = language.language_break(block.text)
    if not at:
        return [block]
    first, last = block.lines
    return [replace(block, text=block.text[:at].rstrip(), lines=(first, first)),
            replace(block, text=block.text[at:].strip(), lines=(min(first + 1, last), last))]


def _letter_parts(doc: Document) -> dict[str, str]:
    """The letter's parts by role (``doc.letter``), the empty ones left out."""
    return {k: v for k, v in doc.letter.items() if isinstance(v, str) and v.strip()}


def _with_languages(block: Block, langs: dict[int, str]) -> Block:
    """``block`` with the languages ``langs`` gives it and its children (by ``id``): a new block
    when one of them changes."""
    children = [_with_languages(c, langs) for c in block.children]
    lang = langs.get(id(block), block.lang)
    if lang == block.lang and all(a is b for a, b in zip(children, block.children)):
        return block
    return replace(block, lang=lang, children=children)


def _spanned(iso: str | None, text: str, lang: str | None) -> str | None:
    """``iso``, or its month when a line of ``text`` is a span of days ending on it (``1 - 31
    October 2023``: the month the document covers, ``dates.dateline``)."""
    for line in text.split("\n"):
        got = dates.dateline(line, lang)
        if iso and got and len(got[0].iso) == 7 and iso.startswith(got[0].iso):
            return got[0].iso
    return iso


def _find_date(meta: Metadata, doc: Document, letter: dict[str, str], text: str, lang: str | None) -> None:
    """The date and period: the letter's date line, else a date line in the header (English),
    else the document's own date line (``own_date``), else a year inferred from the text."""
    letter_date = letter.get("date", "")
    if letter_date and dates.has_impossible(letter_date, lang):
        letter_date = ""  # ``own_date`` reads the same line and reports it
    found = [f for f in dates.find(letter_date, lang) if f.iso] if letter_date else []
    if letter_date and parse_date(letter_date):
        meta.date, meta.sources["date"] = parse_date(letter_date), "letter"
    elif found:
        meta.date, meta.sources["date"] = found[0].iso, "letter"
    elif lang in (None, "en"):
        for block in _header(doc):
            if _is_date_line(block.text) and block.kind != "footnote":
                if not dates.has_impossible(block.text, lang):  # else reported by ``own_date``
                    meta.date, meta.sources["date"] = _spanned(parse_date(block.text), block.text, lang), "text"
                break
    if not meta.date:
        meta.date, where, warnings = own_date(doc, lang)
        if meta.date:
            meta.sources["date"] = f"text: {where}"
        doc.warnings.extend([w for w in warnings if w not in doc.warnings])
    if not meta.date:
        meta.date, where = publication_date(doc, lang)
        if meta.date:
            meta.sources["date"] = f"text: {where}"
    meta.period = find_period(text)
    if meta.period:
        meta.sources["period"] = "text"
    if not meta.date:
        inferred, evidence = infer_date(text)
        if inferred:
            meta.date, meta.sources["date"] = inferred, evidence
        elif evidence:
            meta.sources["date"] = f"not found: {evidence}"


def _find_issuer_and_kind(meta: Metadata, doc: Document, letter: dict[str, str], text: str,
                          entities: list[Any], lang: str | None) -> None:
    """Organisation, type, the letter's signatory, role and addressee, and the symbols."""
    own = own_symbols(doc)
    act = symbols.act_symbol(meta.title)
    own += [act] if act and act not in own else []
    meta.organisation, source = find_organisation(doc, letter, text, entities, own, lang, meta.title)
    if meta.organisation:
        meta.sources["organisation"] = source
    meta.doc_type, source = find_doc_type(doc, letter, text, meta.title)
    if meta.doc_type:
        meta.sources["doc_type"] = source
    if meta.doc_type == "article" and meta.sources.get("organisation", "").startswith(_NAMED_MOST):
        meta.organisation = None  # an article is about the body it names most, not by it
        del meta.sources["organisation"]
    for key in ("signatory", "signatory_role", "addressee"):
        value = (" ".join(letter.get(key, "").split()) if key != "addressee"
                 else join_address(letter.get(key, ""), entities))
        if value:
            setattr(meta, key, value)
            meta.sources[key] = "letter"
    if not meta.signatory:
        _signature_block(meta, doc, lang)
    meta.symbols = symbols.ordered(own, symbols.find(text))
    if meta.symbols:
        meta.sources["symbols"] = OWN_SYMBOL if own else "text"


UNSIGNED_TYPES = frozenset({"press release", "web page", "article", "fact sheet", "brochure", "newsletter", None})
"""Types whose closing names are contacts or authors, not signatures: a signature block without a
date line is read only in the others (a decision, a judgment, a memo, a circular, a treaty)."""


def _signature_block(meta: Metadata, doc: Document, lang: str | None) -> None:
    """The signatory of a signed document that is no letter (``signature.find``); a name that
    is a body's (``Human Rights Council``) is none."""
    tail, lines = [], 0
    for b in reversed(doc.blocks):  # only the last blocks: the block closes the document
        tail.insert(0, b)
        lines += b.lines[1] - b.lines[0] + 1
        if lines > 2 * signature.END_LINES:
            break
    source = doc.source.text.split("\n") if doc.source.text else []
    found = signature.find(_kept_lines(replace(doc, blocks=tail)), source, lang,
                           undated=meta.doc_type not in UNSIGNED_TYPES)
    if found and not _is_org_line(found[0], lang):
        meta.signatory, meta.sources["signatory"] = found[0], f"text: signature block (line {found[2]})"
        if found[1] and not meta.signatory_role:
            meta.signatory_role, meta.sources["signatory_role"] = found[1], meta.sources["signatory"]


def _settle_title(meta: Metadata, doc: Document, letter: dict[str, str], text: str, entities: list[Any]) -> None:
    """A letter without a subject gets a title made from what is known; the title's source noted."""
    if not meta.title and letter:
        meta.title, meta.title_source = synthesise_title(meta, doc, text, entities), "synthesised"
    if meta.title:
        meta.sources["title"] = meta.title_source if meta.title_source != "heading" else "text"


TIDIED_TITLE_REASON = ("around the page's title in its heading (site name, section or symbol): "
                       "the title is the heading without it")
"""Report reason of the words the title's tidying took off the heading the title came from."""


def title_heading(blocks: list[Block], title: str) -> Block | None:
    """The block the page's title was taken from, which the page does not repeat under its title:
    the first heading that is the title, or that ``tidy_title`` makes the title (``Ministerio del
    Interior | Expulsión`` for ``Expulsión``); a longer heading merely containing it is another.
    With no such heading, a paragraph of the head that is the title word for word (a headline
    too long to be taken for a heading)."""
    if not title:
        return None
    low = title.lower()
    heading = next((b for b in blocks if b.kind == "heading"
                    and (b.text.lower() == low or tidy_title(b.text).lower() == low)), None)
    if heading is not None:
        return heading
    for b in blocks:
        text = " ".join(b.text.split())
        if b.kind == "paragraph" and text.lower() == low:
            return b
        if b.kind in ("paragraph", "list_item") and len(text.split()) >= 20 and SENTENCE_END.search(text):
            return None  # the head ends at the first paragraph of prose
    return None


def title_block(blocks: list[Block], title: str) -> int | None:
    """Where in ``blocks`` the block ``title`` was taken from is (``title_heading``), or ``None``."""
    heading = title_heading(blocks, title)
    return next((i for i, b in enumerate(blocks) if b is heading), None)


def _note_tidied_heading(doc: Document, title: str, at: int | None) -> None:
    """The words of the title's heading (``doc.blocks[at]``) that are on the page neither as its
    title nor as the heading (not repeated under it), in the report with their reason: nothing is
    lost silently."""
    heading = doc.blocks[at] if at is not None else None
    if heading is None or heading.text.lower() == title.lower():
        return
    dropped = " ".join(heading.text.replace(title, " ", 1).split())
    doc.removed.append(Removal(dropped or heading.text, TIDIED_TITLE_REASON, "tidy_title",
                               heading.lines[0] or None))


def extract(doc: Document, overrides: dict[str, Any] | None = None,
            entities: list[Any] | None = None) -> Metadata:
    """Find the metadata of one document; an override always wins and is recorded."""
    meta = Metadata()
    letter = _letter_parts(doc)
    text = "\n".join(x.text for b in doc.blocks for x in [b, *b.children])
    meta.title, meta.title_source = find_title(doc, letter)
    fm_title = _front_matter_title(doc)
    if fm_title:  # the type's title cues read the title the page will carry
        meta.title, meta.title_source = fm_title, FRONT_MATTER
    lang = read_languages(doc, meta, overrides or {})  # dates: in the language stated
    _find_date(meta, doc, letter, text, lang)
    _find_issuer_and_kind(meta, doc, letter, text, entities or [], lang)
    apply_front_matter(meta, doc, lang)
    _settle_title(meta, doc, letter, text, entities or [])
    apply_overrides(meta, overrides or {})
    meta.title_block = title_block(doc.blocks, meta.title)
    _note_tidied_heading(doc, meta.title, meta.title_block)
    meta.missing = [f for f in FIELDS if f not in ("symbols", "period") and not getattr(meta, f)]
    log.debug("metadata: %s: %s", doc.name, {f: getattr(meta, f) for f in REQUIRED})
    return meta


def apply_overrides(meta: Metadata, overrides: dict[str, Any]) -> None:
    """``metadata.yml`` wins: set each field, and keep what the text said beside it."""
    for key, value in overrides.items():
        if key not in FIELDS:
            continue
        if key == "lang":
            value = language.normalise(value)
            if value is None:
                continue
        found = getattr(meta, key)
        meta.overridden[key] = {"text": found if found not in ("", None, []) else None, "override": value}
        setattr(meta, key, value)
        meta.sources[key] = "override"
        if key == "title":
            meta.title_source = "override"
