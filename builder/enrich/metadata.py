"""Metadata from the text itself: title, date, period, organisation, type, signatory,
addressee and the document symbols it cites.

Takes a cleaned ``Document`` (its blocks and, for letters, ``doc.extra["letter"]``, the
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
from datetime import date as Date
from typing import Any

from ..document import Block, Document, Metadata
from ..textscan import may_contain
from . import keywords

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

SYMBOL_RE = re.compile(
    r"\b(?:A|E|S|HRC|CCPR|CERD|CEDAW|CMW|CRC|CAT|ESCR|TD|UNEP|DP)"
    r"/(?:RES/)?(?:[A-Z]+(?:\.\d+)?/)*\d+(?:/(?:[A-Z]+\.)?[A-Za-z0-9]+(?:\.\d+)?)*\b")


def find_symbols(text: str) -> list[str]:
    """United Nations document symbols cited: ``A/RES/67/172``, ``A/68/292``, ``A/HRC/23/46``."""
    return sorted(set(SYMBOL_RE.findall(text)))


# --- titles, organisations, types ---------------------------------------------------------

_LABEL = re.compile(r"^\s*(?:subject|subj|re|ref|objet|concerning)\s*[:.]\s*", re.IGNORECASE)
_BANNER_WORDS = {"banner", "printable", "print", "logo", "seal", "skip", "menu", "navigation", "search",
                 "login", "sign", "home", "share", "cookie", "cookies", "breadcrumb"}
_ORG_WORDS = {"department", "ministry", "bureau", "office", "mission", "representative", "embassy",
              "organization", "organisation", "agency", "commission", "council", "secretariat",
              "programme", "program", "fund", "institute", "committee", "delegation", "government",
              "directorate", "division", "permanent", "nations", "union"}
_UNIT_WORDS = {"bureau", "division", "section", "directorate", "unit", "branch", "service"}
_PARENT_WORDS = {"department", "ministry", "government", "organization", "organisation", "mission",
                 "embassy", "agency", "secretariat"}
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


def smart_case(text: str) -> str:
    """All-capitals words → capitalised (small words lower-case); mixed-case words untouched.

    >>> smart_case("THE PERMANENT MISSION OF THE United States")
    'The Permanent Mission of the United States'
    """
    words = text.split()
    out = []
    for i, w in enumerate(words):
        if w.isupper() and len(w) > 1 and not re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", w):
            low = w.lower()
            w = low if (low in _SMALL_WORDS and i > 0) else low[:1].upper() + low[1:]
        out.append(w)
    return " ".join(out)


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z’']+", text.lower())


def _is_banner(text: str) -> bool:
    words = _words(text)
    return bool(words) and len(words) <= 8 and bool(_BANNER_WORDS & set(words))


def _is_org_line(text: str) -> bool:
    """A short line that names an organisation (letterhead, issuer): no verb, org vocabulary."""
    words = _words(text)
    return 0 < len(words) <= 20 and bool(_ORG_WORDS & set(words)) and not text.rstrip().endswith((".", ":"))


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


def _title_candidates(doc: Document) -> list[Block]:
    out = []
    for b in _header(doc):
        if b.kind not in ("heading", "paragraph") or b.label == "kicker" or b.kind == "letter":
            continue
        text = b.text.strip()
        if (not text or _is_banner(text) or _is_letterhead(text) or _is_type_label(text)
                or _is_date_line(text) or text.endswith(":") or len(text.split()) > 30
                or text.split()[-1].lower() in _SMALL_WORDS  # a fragment: "… of the"
                or (text.endswith(".") and len(text.split()) > 6)):  # a sentence, not a title
            continue
        if _is_org_line(text) and len(text.split()) <= 8:
            continue  # a bare organisation name is a masthead, not a title
        out.append(b)
    return out


def find_title(doc: Document, letter: dict[str, str]) -> tuple[str, str]:
    """(title, how it was found): a letter's subject, else the document's own heading."""
    subject = letter.get("subject", "").strip()
    if subject:
        return _clean_title(_LABEL.sub("", _clean_title(subject))), "subject"
    heading = next((b for b in doc.blocks if b.kind == "heading" and b.level == 1), None)
    if heading is not None and heading in _title_candidates(doc):
        return _clean_title(heading.text), "heading"
    if letter:
        return "", ""  # a letter without a subject: synthesised once the rest is known
    candidates = _title_candidates(doc)
    if candidates:
        # Prefer a real title (four words or more) over a tagline or a section word.
        best = next((b for b in candidates if len(b.text.split()) >= 4), candidates[0])
        return _clean_title(best.text), "heading" if best.kind == "heading" else "first line"
    first = next((b for b in doc.blocks if b.citable and b.text.strip()), None)
    if first is None:
        return "", ""
    words = first.text.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else ""), "first line"


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


def find_organisation(doc: Document, letter: dict[str, str], text: str,
                      entities: list[Any]) -> tuple[str | None, str]:
    """The issuer: a letterhead, else a masthead in the header, else the organisation the
    text is plainly by (the actor named far more often than any other)."""
    head = letter.get("letterhead", "").strip()
    if head:
        return smart_case(" ".join(head.split())), "letter"
    header_lines = [line.strip() for b in _header(doc) for line in re.split(r"\n|\s[·|•]\s", b.text)]
    # Mastheads the cleaning removed (web banners) still name the issuer: read the source's top.
    for r in doc.removed:
        if r.line is not None and r.line <= 15:
            header_lines.append(r.text.strip())
    orgs = []
    for line in header_lines:
        if not line or not _is_org_line(line) or _is_date_line(line):
            continue
        line = re.split(r"\s+[-–—|]\s+", line)[0].strip()  # "Department of X - Seal" → its name
        if line not in orgs and not _is_banner(line):
            orgs.append(smart_case(line))
    if orgs:
        parents = [o for o in orgs if _PARENT_WORDS & set(_words(o))]
        parent = parents[0] if parents else orgs[0]
        units = [o for o in orgs if o != parent and o.lower() not in parent.lower() and _UNIT_WORDS & set(_words(o))]
        return (f"{parent} ({units[0]})" if units else parent), "text"
    counts = Counter(a for a in _ACRONYM.findall(text) if a not in _GENERIC_ACRONYMS)
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 5 and (len(ranked) == 1 or ranked[0][1] >= 3 * ranked[1][1]):
        short, n = ranked[0]
        return _expand(short, text, entities), f"inferred: named {n} times, three times more than any other"
    return None, ""


def find_doc_type(doc: Document, letter: dict[str, str], text: str) -> tuple[str | None, str]:
    """Letter, submission, fact sheet, report, brochure… from the shape and vocabulary."""
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


FIELDS = ("title", "date", "period", "organisation", "doc_type", "signatory", "signatory_role", "addressee",
          "symbols")
REQUIRED = ("title", "date", "organisation", "doc_type")


def extract(doc: Document, overrides: dict[str, Any] | None = None,
            entities: list[Any] | None = None) -> Metadata:
    """Find the metadata of one document; an override always wins and is recorded."""
    meta = Metadata()
    letter = {k: v for k, v in (doc.extra.get("letter") or {}).items() if isinstance(v, str) and v.strip()}
    text = "\n".join(x.text for b in doc.blocks for x in [b, *b.children])

    meta.title, meta.title_source = find_title(doc, letter)

    if letter.get("date") and parse_date(letter["date"]):
        meta.date, meta.sources["date"] = parse_date(letter["date"]), "letter"
    else:
        for block in _header(doc):
            if _is_date_line(block.text) and block.kind != "footnote":
                meta.date, meta.sources["date"] = parse_date(block.text), "text"
                break
    meta.period = find_period(text)
    if meta.period:
        meta.sources["period"] = "text"
    if not meta.date:
        inferred, evidence = infer_date(text)
        if inferred:
            meta.date, meta.sources["date"] = inferred, evidence
        elif evidence:
            meta.sources["date"] = f"not found: {evidence}"

    meta.organisation, source = find_organisation(doc, letter, text, entities or [])
    if meta.organisation:
        meta.sources["organisation"] = source
    meta.doc_type, source = find_doc_type(doc, letter, text)
    if meta.doc_type:
        meta.sources["doc_type"] = source
    for key in ("signatory", "signatory_role", "addressee"):
        value = (" ".join(letter.get(key, "").split()) if key != "addressee"
                 else join_address(letter.get(key, ""), entities or []))
        if value:
            setattr(meta, key, value)
            meta.sources[key] = "letter"
    meta.symbols = find_symbols(text)
    if meta.symbols:
        meta.sources["symbols"] = "text"

    if not meta.title and letter:
        meta.title, meta.title_source = synthesise_title(meta, doc, text, entities or []), "synthesised"
    if meta.title:
        meta.sources["title"] = meta.title_source if meta.title_source != "heading" else "text"

    apply_overrides(meta, overrides or {})
    meta.missing = [f for f in FIELDS if f not in ("symbols", "period") and not getattr(meta, f)]
    log.debug("metadata: %s: %s", doc.name, {f: getattr(meta, f) for f in REQUIRED})
    return meta


def apply_overrides(meta: Metadata, overrides: dict[str, Any]) -> None:
    """``metadata.yml`` wins: set each field, and keep what the text said beside it."""
    for key, value in overrides.items():
        if key not in FIELDS:
            continue
        found = getattr(meta, key)
        meta.overridden[key] = {"text": found if found not in ("", None, []) else None, "override": value}
        setattr(meta, key, value)
        meta.sources[key] = "override"
        if key == "title":
            meta.title_source = "override"
