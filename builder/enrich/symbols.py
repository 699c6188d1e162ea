"""Official document symbols and identifiers, and the body a symbol names.

A symbol is the reference an issuing body gives a document: a United Nations symbol
(``A/RES/80/9``, ``A/HRC/52/3``, ``E/CN.4/1998/53/Add.2``, ``CERD/C/GC/35``, ``S/2019/123``), an
ILO convention number (``C189``), an EU CELEX number (``32004L0038``), an ELI URI
(``https://www.boe.es/eli/es/rd/2007/02/16/240``), a French NOR code (``INTX1234567A``), a
Spanish BOE reference (``BOE-A-2007-4184``), a United Nations job number
(``GE.19-12345``, ``25-19346 (E)``) or a Nordic government series number (``SOU 2022:64``, ``Prop. 2021/22:123``).

``find`` returns every symbol of a text in the order they first appear, each once;
``own_symbols`` those a document gives itself (a symbol line at its top, a labelled reference,
a running header, its front matter); ``issuer`` the body a document's own symbol names
(``A/RES/…`` → the General Assembly), from ``ISSUERS``, a small table to extend.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable

from ..textscan import may_match, screened_search

UN_BODIES = ("A", "E", "S", "ST", "HRI", "HRC", "CCPR", "CERD", "CEDAW", "CMW", "CRC", "CAT", "CRPD", "CED",
             "SPT", "ESCR", "TD", "UNEP", "DP", "ECE", "ICCD", "FCCC")
"""First element of a United Nations symbol."""

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # United Nations: body/[RES/][organ/]…number[/Add.1 …]; S/RES/2240 (2015) keeps its year; a
    # treaty body's combined reports number a range (CERD/C/GRC/CO/23-24)
    ("un", re.compile(
        r"(?<![\w/])(?:" + "|".join(UN_BODIES) + r")"
        r"/(?:RES/)?(?:[A-Z]+(?:\.\d+)?/)*\d+(?:-\d+(?![\w-]))?(?:/(?:[A-Z]+\.)?[A-Za-z0-9]+(?:\.\d+)?)*\b"
        r"(?:\s\(\d{4}\))?")),
    # ILO conventions and recommendations: C189, R201 (only beside the ILO's name or "Convention")
    ("ilo", re.compile(r"(?<![\w/.-])[CR]\d{1,3}(?![\w/-])")),
    # EU CELEX: sector, year, type letter(s), number (32004L0038, 32016R0679)
    ("celex", re.compile(r"(?<![\w/])[1-9E](?:19|20)\d{2}[A-Z]{1,2}\d{4}(?:\(\d{2}\))?(?![\w/])")),
    # ELI: a European Legislation Identifier URI
    ("eli", re.compile(r"https?://[^\s<>()\[\]\"']+/eli/[^\s<>()\[\]\"']+")),
    # French NOR code: ministry (3 letters), service, year, number, type letter
    ("nor", re.compile(r"(?<![\w/])[A-Z]{4}\d{7}[A-Z](?![\w/])")),
    # Spain's Boletín Oficial del Estado: BOE-A-2007-4184 (also regional gazettes of that form)
    ("boe", re.compile(r"(?<![\w/])BOE-[AB]-(?:19|20)\d{2}-\d{1,6}(?![\w/])")),
    # United Nations Office at Geneva job numbers: GE.19-12345
    ("ge", re.compile(r"(?<![\w/])GE\.\d{2}-\d{4,6}(?![\w/])")),
    # United Nations New York job numbers, with their language letter: 25-19346 (E) (kept as 25-19346)
    ("job", re.compile(r"(?<![\w/.:-])\d{2}-\d{5}\s?\([AECFRS]\)(?!\w)")),
    # Council of Europe Committee of Ministers: CM/Rec(2019)4, CM/Res(2007)5, CM/Del/Dec(2019)1340
    ("coe", re.compile(r"(?<![\w/])CM/(?:[A-Z][a-z]{1,3}/)*[A-Z][a-z]{1,3}\((?:19|20)\d{2}\)\d+(?:-\w+)?(?![\w/])")),
    # Nordic government series, year:number: SOU 2022:64 (Swedish inquiries), Ds 2022:5, Dir. 2022:11,
    # Prop. 2021/22:123 (a bill, by parliamentary year), NOU 2022:15 (Norwegian inquiries)
    ("nordic", re.compile(r"(?<![\w/.])(?:SOU|NOU|Ds|Dir\.|Prop\.|SFS)\s(?:19|20)\d{2}(?:/\d{2})?:\d{1,4}(?![\w/:])")),
    # Germany's Bundesgesetzblatt, by part and page or number: BGBl. I S. 1234, BGBl. 2023 I Nr. 217
    ("bgbl", re.compile(r"(?<!\w)BGBl\.\s?(?:(?:19|20)\d{2}\s)?I{1,3}(?:\s(?:19|20)\d{2},?)?\s(?:S\.|Nr\.)\s?\d+")),
)
_ILO_CONTEXT = re.compile(r"\bILO\b|\bOIT\b|\bIAO\b|\bconvention|\bconvenio|\bconvenção|\bübereinkommen"
                          r"|\brecommendation|\brecomendación|\brecommandation", re.IGNORECASE)
_ILO_NUMBER = re.compile(r"\b(?:ILO|OIT|IAO)\s+(?:Convention|Convenio|Convenção|Übereinkommen)\s+"
                         r"(?:No\.?|n[º°o]\.?|Nr\.?)\s*(\d{1,3})\b", re.IGNORECASE)
_NUMBER_WORD = r"(?:no|nos|n\.?\s?[°ºo]s?|nr|núm|num|number|numéro|número)\.?"
_CONVENTION_NUMBER = re.compile(
    r"\b(?:Convention|Convenio|Convenção|Übereinkommen|Convenzione)(?:,?\s+(?:19|20)\d{2})?,?\s+\(?"
    + _NUMBER_WORD + r"\s*(\d{1,3})\)?(?!\d)", re.IGNORECASE)
"""An ILO convention by its number, in a text that names the ILO: ``Domestic Workers
Convention, 2011 (No. 189)``, ``Convenio núm. 189``."""
_ILO_NAMED = re.compile(r"\bILO\b|\bOIT\b|\bIAO\b|International\s+Labou?r|Organisation\s+internationale\s+du\s+"
                        r"travail|Organización\s+Internacional\s+del\s+Trabajo|Internationale\s+Arbeitsorganisation",
                        re.IGNORECASE)
_APPLICATION = re.compile(r"\b(?:application|requête|demanda|Beschwerde)s?\s*\(?\s*" + _NUMBER_WORD
                          + r"\s*(\d{1,6}/\d{2})\b", re.IGNORECASE)
"""A European Court of Human Rights application: ``Application no. 11593/12``, ``requête n° 123/19``."""
_CITED_APPLICATION = re.compile(r"\b(?:v|c)\.\s[^()\n]{1,80}\((?:\[GC\],?\s*)?(?:no|n°|nº)\.?\s*(\d{1,6}/\d{2})\b")
"""An application a judgment cites after the case's name: ``Darboe and Camara v. Italy (no.
5797/17, §§ 66-85, …)``, ``Khlaifia and Others v. Italy ([GC], no. 16483/12, …)``."""
_STATUTE = re.compile(r"\b[a-zåäö]+lag(?:en)?\s\(((?:19|20)\d{2}:\d{1,4})\)")
"""A Swedish statute by its number in the Swedish Code of Statutes: ``utlänningslagen (2005:716)``."""
_CODED = re.compile(r"(?<![\w/.-])[A-Z]{2,5}/\d{1,4}/(?:19|20)\d{2}(?![\w/])")
"""An agency's coded reference, letters/number/year: ``RS/099/2021`` (a legal position)."""
_TRAILING = ".,;:!?)]}»”’'\""
_KIND_SCREEN: list[Callable[[str], Container[str]]] = []
"""What names the kinds worth searching a text for (``use_kind_screen``); none: every kind."""


def use_kind_screen(screen: Callable[[str], Container[str]]) -> None:
    """Search a text only for the kinds ``screen(text)`` names: a screen that names every kind whose
    pattern matches in the text gives the same symbols, faster (the engine passes one)."""
    _KIND_SCREEN[:] = [screen]

ISSUER_TABLE = r"""
^A/HRC/                 Human Rights Council
^A/                     United Nations General Assembly
^S/                     United Nations Security Council
^E/CN\.4/              Commission on Human Rights
^E/C\.12/              Committee on Economic, Social and Cultural Rights
^E/                     United Nations Economic and Social Council
^ST/                    United Nations Secretariat
^CERD/                  Committee on the Elimination of Racial Discrimination
^CCPR/                  Human Rights Committee
^CEDAW/                 Committee on the Elimination of Discrimination against Women
^CMW/                   Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families
^CRC/                   Committee on the Rights of the Child
^CAT/                   Committee against Torture
^CRPD/                  Committee on the Rights of Persons with Disabilities
^CED/                   Committee on Enforced Disappearances
^SPT/                   Subcommittee on Prevention of Torture
^[CR]\d{1,3}$          International Labour Organization
^3\d{4}[A-Z]           European Union
^INT[A-Z]\d{7}[A-Z]$   Ministère de l'Intérieur (France)
^JUS[A-Z]\d{7}[A-Z]$   Ministère de la Justice (France)
^PRM[A-Z]\d{7}[A-Z]$   Premier ministre (France)
"""
"""A document's own symbol → the body that issued it: a pattern, spaces, the body's name (the
first pattern that matches wins; a table of data: add a line for another body). A gazette's
reference (``BOE-A-…``) names no issuer: the gazette publishes what a ministry issues; a French
NOR code names the ministry that prepared the text in its first three letters."""
ISSUERS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), name.strip()) for pattern, _, name in
    (line.partition(" ") for line in ISSUER_TABLE.strip().split("\n")))

GAZETTE_NAME = re.compile(
    r"\bJORF\b|\bBGBl\b|journal\s+officiel|bolet[íi]n\s+oficial|official\s+journal|official\s+gazette"
    r"|bundesgesetzblatt|gazzetta\s+ufficiale|di[áa]rio\s+(?:da\s+rep[úu]blica|oficial)|gaceta\s+oficial"
    r"|moniteur\s+belge|staatsblad|svensk\s+författningssamling", re.IGNORECASE)
"""The name of an official gazette: it publishes acts, it does not issue them."""

TOP_LINES = 30
"""Source lines read for a symbol line at the top of a document."""
_LABEL = re.compile(r"(?:symbol|document|ref(?:erence)?|référence|referencia|referência|cote|signatura|"
                    r"nor|celex(?:\s+number)?|eli|permalink(?:\s+eli)?|número|number|no)\.?\s*:\s*$", re.IGNORECASE)


def _clean(symbol: str, kind: str) -> str:
    if kind == "eli":
        symbol = symbol.rstrip(_TRAILING)
    if kind == "job":
        symbol = symbol.split("(")[0]
    return " ".join(symbol.split())


def matches(text: str) -> list[tuple[int, int, str]]:
    """Every symbol in ``text`` as (start, end, symbol), in order of position."""
    found = _cited_acts(text)
    taken: list[tuple[int, int]] = [(s, e) for s, e, _ in found]
    kinds = _KIND_SCREEN[0](text) if _KIND_SCREEN else None
    for kind, pattern in PATTERNS:
        if kinds is not None and kind not in kinds:
            continue  # (no match possible)
        if kind == "ilo" and not screened_search(_ILO_CONTEXT, text):
            continue
        for m in pattern.finditer(text):
            if kind == "ilo":
                window = text[max(0, m.start() - 60):m.end() + 60]
                if not screened_search(_ILO_CONTEXT, window):
                    continue
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue  # inside an ELI URI or another symbol
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), _clean(m.group(0), kind)))
    for m in _ILO_NUMBER.finditer(text) if may_match(_ILO_NUMBER, text) else ():
        found.append((m.start(), m.end(), f"C{int(m.group(1))}"))
    if may_match(_ILO_NAMED, text) and may_match(_CONVENTION_NUMBER, text) and _ILO_NAMED.search(text):
        for m in _CONVENTION_NUMBER.finditer(text):
            found.append((m.start(), m.end(), f"C{int(m.group(1))}"))
    for m in _APPLICATION.finditer(text) if may_match(_APPLICATION, text) else ():
        found.append((m.start(), m.end(), f"Application no. {m.group(1)}"))
    for m in _CITED_APPLICATION.finditer(text) if may_match(_CITED_APPLICATION, text) else ():
        found.append((m.start(1), m.end(), f"Application no. {m.group(1)}"))
    for m in _STATUTE.finditer(text) if may_match(_STATUTE, text) else ():
        found.append((m.start(1), m.end(1), f"SFS {m.group(1)}"))
    for m in _CODED.finditer(text) if may_match(_CODED, text) else ():
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append((m.start(), m.end(), m.group(0)))
    return sorted(found)


def _cited_acts(text: str) -> list[tuple[int, int, str]]:
    """The legal acts ``text`` names by their number (``Lei n.º 27/2008``, ``Real Decreto 123/2010``,
    ``Regulation (EU) 2019/1896``, ``directive 2013/32/UE``), a year in the number, as written."""
    return [(m.start(), m.end(), " ".join(m.group(0).split()))
            for m in (_ACT_NUMBER.finditer(text) if may_match(_ACT_NUMBER, text) else ())
            if _ACT_YEAR.search(m.group(0))]


_ACT_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)|[/.-]\d{2}$")
"""A year in an act's number (``27/2008``, ``2021-239``, ``1612/68``): ``Act 1.2`` names no act."""


def find(text: str) -> list[str]:
    """Every symbol in ``text``, each once, in the order they first appear.

    >>> find("See A/RES/80/9 and BOE-A-2007-4184; again A/RES/80/9.")
    ['A/RES/80/9', 'BOE-A-2007-4184']
    """
    return list(dict.fromkeys(s for _, _, s in matches(text)))


def _line_symbols(line: str) -> list[str]:
    """The symbols a line gives as the document's own: the line is the symbol (give or take
    three words: ``Distr.: General``), starts with it, or labels it (``Referencia: BOE-A-…``)."""
    line = line.strip().lstrip("#*_> ").strip()
    out = []
    for start, end, symbol in matches(line):
        rest = (line[:start] + " " + line[end:]).split()
        if start == 0 or len(rest) <= 3 or _LABEL.search(line[:start]):
            out.append(symbol)
    return out


_REFERENCE = re.compile(
    r"(?:^|\s{2,}|[;|]\s*|[–—-]\s+)(?P<label>(?:our|your|my)\s+ref(?:erence)?|ref(?:erence)?(?:\s+no)?|"
    r"(?:file|case|docket)\s+no|bill\s+(?:id|no)|"
    r"[nv]/\s?réf(?:érence)?|réf(?:érence)?|referencia|ref\.ª|nuestra\s+referencia|su\s+referencia|"
    r"(?:n[º°]\s+de\s+)?expediente|exp(?:te)?\.|"
    r"(?:unser|ihr)\s+zeichen|aktenzeichen|az|geschäftszeichen|drucksache|"
    r"dnr|diarienummer|vår\s+referens|er\s+referens|beteckning|"
    r"prot(?:ocollo)?\.?\s?n(?:\.|°|º|r\.)?|rif(?:erimento)?\.?|"
    r"(?:ons|uw)\s+kenmerk|kenmerk|zaaknummer|"
    r"n[°º]|nr\.|no\.)"
    r"\.?(?:\s*:\s*|\s+(?=[\w.]*\d))(?P<value>[\w][\w./()-]*(?:\s[\w./()-]+){0,3}?)"
    r"\s*(?=$|\s{2,}|[;|]|\s+[–—-]\s*$|,?\s+(?:del|du|de|vom|of|dated|från|van|dd\.?)\s+\d)",
    re.IGNORECASE)
"""A reference a letter or a file gives itself, labelled: ``Our Ref: IMM/ASY/118/2019``, ``Your
Ref: JUA MLT 3/2019``, ``N/Réf. : 2021-45``, ``Aktenzeichen: 2 A 123/21``, ``Dnr 1.3.2-2022-11845``,
``Prot. n. 0004127 del 15/02/2022``, ``Nº de expediente: 123/2021``, ``Ons kenmerk: 2023-0045``,
``Beteckning 23-418277``, a printed paper's number (``Drucksache 20/8412``, also between dashes
under a title), a case's number alone at the start of a line (``N° 462784``)."""
_KEEP_LABEL = re.compile(r"dnr|az|diarienummer|drucksache|prot.*|n[°º]|nr\.|no\.", re.IGNORECASE)
"""Labels kept before their value: they name the kind of number (a file's, a printed paper's, a
protocol's) where a bare number says nothing; a letter's ``Our Ref:`` is dropped."""
_NUMBER_LABEL = re.compile(r"n[°º]|nr\.|no\.", re.IGNORECASE)
"""A number sign alone is a label only at the start of its line (``N° 462784``), never inside a
sentence or a list (``…, no. 5``)."""
_SERIES = re.compile(r"^(?:[^\W\d_][\w.]{0,15}\s+){1,2}(?:19|20)\d{2}:\d{1,4}$")
"""A report series number alone on its line: ``Rapport 2022:3``, ``SOU 2021:5``, ``Ds 2020:14``."""
REFERENCE_WORDS = 5
"""A labelled reference has at most this many words (more is a sentence)."""


def references(line: str) -> list[str]:
    """The labelled references and the series number a header line gives (``_REFERENCE``,
    ``_SERIES``), as written (a label that names the file, ``Dnr``, ``Az.``, kept before it)."""
    line = re.sub(r"[*_]{2,}", "", " ".join(line.strip().lstrip("#*_> ").split("\t"))).rstrip()  # **Bill ID:** …
    if _SERIES.match(line.strip()):
        return [" ".join(line.split())]
    out = []
    for m in _REFERENCE.finditer(line):
        value = " ".join(m.group("value").split()).rstrip(".,;")
        if not any(ch.isdigit() for ch in value) or len(value.split()) > REFERENCE_WORDS:
            continue
        label = " ".join(m.group("label").split())
        if _NUMBER_LABEL.fullmatch(label) and (m.start("label") > 0 or len(line.split()) > 2):
            continue
        out.append(f"{label} {value}" if _KEEP_LABEL.fullmatch(label) else value)
    return out


def column_references(lines: list[str]) -> list[str]:
    """The references a header gives in columns, each label over its value (``Datum
    Beteckning`` / ``2023-06-19         23-418277`` → ``23-418277``): a line of labels and the
    line under it, each value starting where its label starts."""
    out: list[str] = []
    for above, below in zip(lines, lines[1:]):
        values = {m.start(): m.group(0) for m in _CELL.finditer(below)}
        for m in _CELL.finditer(above):
            value = next((v for start, v in values.items() if abs(start - m.start()) <= 2), None)
            if value and not any(ch.isdigit() for ch in m.group(0)):
                out += references(f"{m.group(0)}: {value}")
    return out


_CELL = re.compile(r"\S+(?: \S+)*")
"""A cell of a line laid out in columns: words separated by single spaces."""


def act_symbol(title: str) -> str | None:
    """The number of the legal act a title names, as the act's identifier: ``Orden ESS/1070/2015,
    de 4 de junio …`` → ``Orden ESS/1070/2015``; ``Décret n° 2021-239 du 3 mars 2021 …`` →
    ``Décret n° 2021-239``."""
    m = _ACT_NUMBER.match(title.strip())
    return " ".join(m.group(0).split()) if m else None


_ACT_NUMBER = re.compile(
    r"(?:Real\s+Decreto(?:-ley|\s+Legislativo)?|Decreto(?:-ley|-lei|\s+Legislativo)?|Orden|Ley(?:\s+Orgánica)?|"
    r"Décret|Arrêté|Loi(?:\s+organique)?|Ordonnance|Lei(?:\s+Orgânica)?|Decreto-Lei|Portaria|Decree|Order|"
    r"Regulation|Directive|Règlement|Reglamento|Regulamento|Richtlinie|Directiva|Diretiva|Gesetz|Verordnung|"
    r"Förordning|Lag)\s+(?:\((?:EU|EC|EEC|UE|CE|EG|EWG|CEE)\)\s+)?(?:" + _NUMBER_WORD + r"\s*)?"
    r"(?:\(?[A-Z]{2,5}/)?\d+(?:[/.-]\d+)+\)?(?:/[A-Z]{2,3})?(?![\w/])", re.IGNORECASE)


def own_symbols(top_lines: Iterable[str], removed: Iterable[str], front_matter: Iterable[str] = ()) -> list[str]:
    """The symbols a document gives itself, in order: its front matter's, those of a symbol line
    among ``top_lines`` (the source's first lines), those of the lines cleaning removed (a
    running header repeats the symbol on every page)."""
    out: list[str] = []
    for value in front_matter:
        out += find(value)
    top_lines = list(top_lines)
    for line in top_lines:
        out += _line_symbols(line) or references(line)
    out += column_references(top_lines)
    for line in removed:
        out += _line_symbols(line)
    return list(dict.fromkeys(out))


def issuer(symbol: str) -> str | None:
    """The body a symbol names, from ``ISSUERS``.

    >>> issuer("A/RES/80/9")
    'United Nations General Assembly'
    """
    for pattern, name in ISSUERS:
        if pattern.search(symbol):
            return name
    return None


def ordered(own: list[str], cited: Iterable[str]) -> list[str]:
    """The document's own symbols first (in order), then every other one cited (sorted), once each."""
    return list(dict.fromkeys([*own, *sorted(set(cited) - set(own))]))
