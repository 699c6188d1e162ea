"""Headings, their levels and numbers; lead paragraphs; run-in labels.

* The title (level 1) is the first heading before any body text; a lone ``- …`` item or a
  long heading-like line right after a heading is a lead paragraph (label ``lead``).
* A section number (``IV.``, ``2.``, ``2.1``, ``B.``) goes to ``Block.number``, never stays
  in the text (so it cannot render as an ordered list). Each numbering style gets a level
  in the order styles first appear (the first is level 2).
* A number that breaks its sequence while the next heading of another style continues it
  (``III``, ``I``, ``2``, ``3``) is *misnumbered*: it takes that style's level and a warning
  says so; the number is not rewritten.
* A title named by its kind (``Article 5``, ``Capítulo II``, ``§ 3``, ``2.1 Scope``) keeps
  its number in its text as printed; its level comes from its kind (part > title > chapter >
  section > article) and numbering (Roman > letter > arabic; ``2`` > ``2.1`` > ``2.1.1``),
  numbered kinds below named ones.
* The title is never a genre label (``Summary``, ``Press release``), a breadcrumb, a date or
  a document symbol; a title in capitals is shown in title case (acronyms kept).
* The document's own numbered paragraphs (long items whose numbers run on across other
  blocks, or a paragraph that starts ``12.``) are paragraphs that keep their number in their
  text: one number on the page, never a list number beside the paragraph anchor.
* A short line ending in a colon above a paragraph, and ``Label: Text`` at a paragraph
  start, become bold run-in labels (strong spans).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...document import Block, Removal
from ..state import BLOCK, CleanState, rule
from ..text.blocks import LEGAL_UNIT, PLACE_DATE_TAIL, continues_line
from ..text.patterns import (DATE_LINE, KEYWORD_HEADING, KEYWORD_RANK, SENTENCE_END, SPEAKER_COLON, SPEAKER_STOP,
                             abbreviation_end, furniture_kind, is_all_caps, list_marker, not_a_title, numbered_unit,
                             reads_as_sentence, title_case)
from ..text.spans import add_span, cut, shift, strip_block

SECTION_NUMBER = re.compile(r"^(?:(?P<roman>[IVXLC]{1,7})|(?P<arabic>\d{1,2}(?:\.\d{1,2}){0,3})|(?P<letter>[A-Z]))"
                            r"[.)]\s+(?=\S)")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
RUN_IN = re.compile(r"^(?P<label>[A-Z][^.!?:;\n\"“”«»„]{1,70}?:)\s+(?=[A-Z“\"‘(\d])")
"""``Family reunification: A …``: a label ends at its colon; one with a quotation mark in it is a
sentence naming a title (``The report, "Adrift: Life …"``), not a label."""
_BODY = ("paragraph", "list_item", "admonition")


def roman(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def _style_value(block: Block) -> tuple[str, int, int]:
    """(style, value, depth) of a heading number."""
    n = block.number
    if n.isdigit() or "." in n:
        parts = n.split(".")
        return ("arabic" if len(parts) == 1 else f"arabic{len(parts)}", int(parts[-1]), len(parts))
    if re.fullmatch(r"[IVXLC]+", n):
        return "roman", roman(n), 1
    return "letter", ord(n) - ord("A") + 1, 1


def _is_heading_like_item(blocks: list[Block], i: int) -> bool:
    b = blocks[i]
    if b.kind != "list_item" or not b.number.isdigit() or len(b.text) > 120 or SENTENCE_END.search(b.text):
        return False
    # A list is numbered items on consecutive lines; a numbered line with blank lines around
    # it is a section heading even when the next section follows at once.
    prev = blocks[i - 1] if i else None
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    listed = (prev is not None and prev.kind == "list_item" and prev.number and prev.lines[1] + 1 >= b.lines[0]) \
        or (nxt is not None and nxt.kind == "list_item" and nxt.number and b.lines[1] + 1 >= nxt.lines[0])
    return not listed and b.text.lstrip("(“\"‘'")[:1].isupper() or (not listed and b.text[:1] == "(")


@rule(BLOCK)
def structure(state: CleanState) -> None:
    """Decide headings: the title, levels, numbers, misnumbering, lead paragraphs."""
    blocks = state.blocks
    for i, b in enumerate(blocks):
        if _is_heading_like_item(blocks, i):
            b.kind, b.level, b.text = "heading", 0, f"{b.number}. {b.text}"
            shift(b, len(b.number) + 2)
            b.number = ""
    _numbered_paragraphs(state)
    printed: dict[int, tuple[Block, str]] = {}  # id → (heading, the number as printed)
    for b in blocks:
        if b.kind == "heading":
            prefix = _tidy_heading(b)
            if prefix:
                printed[id(b)] = (b, prefix)
    _no_sections(state)
    _cover_stack(state)
    _title_and_leads(state)
    _restated_title(state)
    _numbers_back(printed)
    _header_lines(state)
    _levels(state)
    _title_case(state)


IN_PAGE_LINK_REASON = "in-page navigation link (back to the top or the contents): site furniture"
IN_PAGE_LINK = re.compile(
    r"^[↑⇧▲^⬆︎\s]*(?:(?:back|return|go|jump|skip)\s+(?:up\s+)?to\s+(?:the\s+)?"
    r"(?:top|contents|table of contents|index|start|beginning|menu|navigation|main content|summary)"
    r"(?:\s+of\s+(?:the\s+)?page)?|top of (?:the )?page|to the top|"
    r"(?:volver|ir|regresar)\s+(?:arriba|al\s+(?:inicio|índice|principio|sumario))|subir|"
    r"(?:retour|revenir|remonter)\s+(?:en\s+haut(?:\s+de\s+(?:la\s+)?page)?|au\s+(?:début|sommaire|haut(?:\s+de\s+(?:la\s+)?page)?))|"
    r"haut de (?:la )?page|(?:zurück\s+)?nach\s+oben|zurück\s+zu[mr]?\s+(?:inhalt(?:sverzeichnis)?|anfang|"
    r"seitenanfang|übersicht)|seitenanfang|voltar\s+(?:ao\s+(?:topo|início|índice)|para\s+o\s+topo)|"
    r"(?:tillbaka\s+)?till\s+(?:toppen|innehåll(?:sförteckningen)?|början)|torna\s+(?:su|all'inizio|in\s+cima))"
    r"[\s↑⇧▲^⬆︎]*$", re.IGNORECASE)
"""A link that only takes the reader elsewhere on the page, in several languages: ``Back to
top``, ``Back to contents``, ``↑ Top of page``, ``Volver arriba``, ``Retour en haut de page``,
``Nach oben``, ``Voltar ao topo``, ``Till toppen``."""


@rule(BLOCK, IN_PAGE_LINK_REASON)
def in_page_links(state: CleanState) -> None:
    """Drop a block that is only an in-page navigation link (``1. [Back to contents](…)``): web
    furniture, never a heading; its list number goes with it, and both are in the report."""
    kept: list[Block] = []
    for b in state.blocks:
        if b.kind in ("heading", "paragraph", "list_item") and len(b.text) <= 60 and IN_PAGE_LINK.match(b.text):
            number = f"{b.number}. " if b.number.isdigit() else (f"({b.number}) " if b.number else "")
            links = [s.target for s in b.spans if s.kind == "url" and s.target]
            text = number + b.text + "".join(f" ({url})" for url in links)
            state.removed.append(Removal(text, IN_PAGE_LINK_REASON, "in_page_links", b.lines[0]))
            state.count("lines_removed", b.lines[1] - b.lines[0] + 1)
            continue
        kept.append(b)
    state.blocks[:] = kept


ACT_RUN = 3
"""Consecutive numbers of one kind of unit (``Artículo 1``, ``2``, ``3``) that show a text is
built as an act: its units are its structure, whatever the length of their titles."""
TITLE_LINE_WORDS = 30
"""Words a unit's title printed on the line under its number may have."""
TITLE_WRAPS = 3
"""Lines a unit's title printed on the number's line may wrap over."""


@rule(BLOCK)
def act_titles(state: CleanState) -> None:
    """In a text whose numbered units run on (``Article 1``, ``Article 2``, ``Article 3``: an
    act's structure), a unit's number and its title make a heading whatever the title's length:
    on one line (``Artículo 9. Mantenimiento … del derecho de residencia.``, 40 words), or the
    number over a title line (``Article 2`` / ``Definitions …`` → ``Article 2 — Definitions …``)."""
    blocks = state.blocks
    kinds = _act_kinds(blocks)
    if not kinds and "§" not in "".join(b.text[:2] for b in blocks):
        return
    out: list[Block] = []
    for i, b in enumerate(blocks):
        prev = out[-1] if out else None
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if prev is not None and _title_under_unit(prev, b, kinds):
            _append_title(prev, b.text)
            prev.lines = (prev.lines[0], b.lines[1])
            state.count("act_titles")
            continue
        if b.kind == "paragraph" and b.label in ("", "byline", "lead") and _heads_text(b, nxt, kinds) \
                and (_titled(state, b) or _titles_subdivisions(b, nxt)):
            b.kind, b.level, b.label = "heading", 0, ""
            state.count("act_titles")
        elif b.kind == "paragraph" and b.label in ("", "lead"):
            text = _run_in_text(b, kinds)
            if text is not None:
                out.extend((b, text))
                state.count("act_titles")
                continue
        out.append(b)
    state.blocks[:] = out


SUBDIVISION_TITLE_WORDS = 50
"""Words a unit's title may have when the unit's first subdivision follows it (``§ 3. Compensation
for certain members … of the unit.`` / ``1. The provisions …``)."""
_FIRST_SUBDIVISION = re.compile(r"^(?:1|\(1\)|\(a\)|a)[.)]?\s")


def _titles_subdivisions(b: Block, nxt: Block | None) -> bool:
    """A unit's line of one sentence followed by its first numbered subdivision: the sentence is
    its title, relative clause and all (``§ 4. Additional compensation for all members … who
    are in full-time … status.`` / ``1. In recognition …``); a sentence that introduces what
    follows ends with a colon (``… is amended to read as follows:``)."""
    m = numbered_unit(b.text)
    if m is None or nxt is None or not b.text.endswith("."):
        return False
    rest = b.text[m.end():].strip()
    first = f"{nxt.number}. " if nxt.kind == "list_item" and nxt.number else nxt.text[:4]
    return bool(rest) and ". " not in rest[:-1] and len(rest.split()) <= SUBDIVISION_TITLE_WORDS \
        and rest[:1].isupper() and bool(_FIRST_SUBDIVISION.match(first))


_TITLE_STOP = re.compile(r"\.\s+(?=[A-Z0-9“\"(])")
"""The full stop after a unit's title run into its text (``§ 12. Inconvenience pay. Pursuant …``)."""


def _run_in_text(b: Block, kinds: set[int]) -> Block | None:
    """In an act, a unit's number and short title run into its text on one line (``§ 17.
    Salaries of employees hired on or after September 1, 1992. Notwithstanding …``): the block
    becomes the heading (``§ 17. Salaries … 1992.``) and the text after it is returned as the
    paragraph under it. A first sentence that reads as one (``§ 24. This act shall take effect
    …``) is the unit's text, not its title."""
    m = KEYWORD_HEADING.match(b.text)
    if m is None or (_KW_RANK.get(m.group("kw").lower(), len(KEYWORD_RANK) - 1) not in kinds
                     and not m.group("kw").startswith("§")):
        return None  # (a section sign names a unit of a legal text, in an act or in the law it amends)
    stop = next((s for s in _TITLE_STOP.finditer(b.text, m.end())
                 if not abbreviation_end(b.text[:s.start() + 1]) and not _initial(b.text, s.start())), None)
    if stop is None:
        return None
    title = b.text[m.end():stop.start()].strip()
    if not title or not title[:1].isupper() or len(title.split()) > TITLE_LINE_WORDS or reads_as_sentence(title) \
            or title.endswith(":") or not b.text[stop.end():].strip():
        return None
    body = Block("paragraph", b.text[stop.end():], lines=b.lines)
    body.spans = [replace(s, start=s.start - stop.end(), end=s.end - stop.end())
                  for s in b.spans if s.start >= stop.end()]
    b.spans = [s for s in b.spans if s.end <= stop.start() + 1]
    b.text = b.text[:stop.start() + 1]
    b.kind, b.level, b.label, b.lines = "heading", 0, "", (b.lines[0], b.lines[0])
    return body


def _initial(text: str, at: int) -> bool:
    """The full stop at ``at`` follows a single capital (an initial, ``M. of A.``)."""
    return at >= 1 and text[at - 1].isupper() and (at == 1 or not text[at - 2].isalnum())


def _unit_kind(text: str) -> tuple[int, int] | None:
    """(kind of unit, its number) of a numbered unit's line (``Artikel 5 …`` → the article kind, 5)."""
    m = numbered_unit(text)
    if m is None:
        return None
    num = m.group("num")
    value = int(re.match(r"\d+", num).group()) if num[:1].isdigit() else \
        roman(num.upper()) if re.fullmatch(r"[IVXLC]+", num) else 0
    if not value:
        return None
    return _KW_RANK.get(m.group("kw").lower(), len(KEYWORD_RANK) - 1), value


def _act_kinds(blocks: list[Block]) -> set[int]:
    """The kinds of unit whose numbers run on ``ACT_RUN`` times in the text (headings or not)."""
    numbers: dict[int, set[int]] = {}
    for b in blocks:
        if b.kind in ("heading", "paragraph"):
            key = _unit_kind(b.text)
            if key is not None:
                numbers.setdefault(key[0], set()).add(key[1])
    return {kind for kind, values in numbers.items()
            if any(all(n + k in values for k in range(ACT_RUN)) for n in values)}


def _heads_text(b: Block, nxt: Block | None, kinds: set[int]) -> bool:
    """The unit has text of its own under it (not the next unit at once: ``Article 1. Everyone
    has the right …`` / ``Article 2. …`` is a text of one-sentence articles, not titles)."""
    if nxt is None or nxt.kind not in ("paragraph", "list_item") or _unit_kind(nxt.text) is not None:
        return False
    return (_unit_kind(b.text) or (None,))[0] in kinds


def _titled(state: CleanState, b: Block) -> bool:
    """The unit's number with a title after it: on the same line, one sentence at most, or on
    the line under the bare number (``Article 2`` / ``Definitions …``)."""
    m = numbered_unit(b.text)
    rest = b.text[m.end():].strip(" .:–—-") if m else ""
    if not rest or not (rest[:1].isupper() or rest[:1] in "«“\"'‘(") or reads_as_sentence(rest):
        return False  # (``§ 24. This act shall take effect …``: the unit's text, not its title)
    first = state.lines[b.lines[0] - 1].text if 0 < b.lines[0] <= len(state.lines) else ""
    bare = numbered_unit(first)
    if bare is None or first[bare.end():].strip(" .:–—-"):
        return b.lines[1] - b.lines[0] < TITLE_WRAPS  # the title on the number's line, maybe wrapped
    if b.lines[1] != b.lines[0] + 1 or len(rest.split()) > TITLE_LINE_WORDS or SENTENCE_END.search(rest):
        return False
    _set_title(b, len(first))
    return True


def _title_under_unit(prev: Block, b: Block, kinds: set[int]) -> bool:
    """``b`` is the title line printed under the bare number of a unit (``Article 1`` / ``Scope``):
    on the next line, or after one blank line when it was taken for a heading of its own
    (``Artigo 1.º`` / / ``Objeto``); the unit's kind runs on in the text, or is a kind that holds
    those that do (``CHAPTER I`` / ``GENERAL PROVISIONS`` over its articles)."""
    under = b.kind == "paragraph" and b.label in ("", "byline", "lead") and b.lines[1] == prev.lines[1] + 1
    apart = b.kind == "heading" and not b.number and b.lines[1] == b.lines[0] <= prev.lines[1] + 2
    if prev.kind != "heading" or b.lines[0] <= prev.lines[1] or not (under or apart):
        return False
    m = numbered_unit(prev.text)
    key = _unit_kind(prev.text)
    if m is None or key is None or not (key[0] in kinds or (kinds and key[0] < min(kinds))) \
            or prev.text[m.end():].strip(" .:–—-") or b.spans:
        return False
    text = b.text
    return (text[:1].isupper() or text[:1] in "«“\"'‘(") and len(text.split()) <= TITLE_LINE_WORDS \
        and not SENTENCE_END.search(text) and not list_marker(text) and _unit_kind(text) is None \
        and not reads_as_sentence(text)


_TITLE_DASH = " — "
"""Between a unit's number and the title printed on the line under it (a heading is one line)."""


def _append_title(b: Block, title: str) -> None:
    b.text = b.text.rstrip(" .:") + _TITLE_DASH + title


def _set_title(b: Block, at: int) -> None:
    """``Article 2 Definitions …`` (the two lines joined) → ``Article 2 — Definitions …``."""
    head = b.text[:at].rstrip(" .:")
    cut(b, len(head), len(b.text) - len(b.text[at:].lstrip()))
    b.text = head + _TITLE_DASH + b.text[len(head):]
    shift(b, len(_TITLE_DASH), at=len(head))


def _header_lines(state: CleanState) -> None:
    """Short lines kept apart above the text (``Fact Sheet`` / ``Bureau of …`` / ``Geneva``)
    stay one byline block, one source line a line (``\n``): never run together, never joined
    with separators, citable as the one passage they were."""
    out: list[Block] = []
    for b in state.blocks:
        prev = out[-1] if out else None
        if prev is not None and b.kind == prev.kind == "paragraph" and b.label == prev.label == "byline" \
                and b.lines[0] == prev.lines[1] + 1 and not b.spans and not prev.spans:
            prev.text += "\n" + b.text
            prev.lines = (prev.lines[0], b.lines[1])
            continue
        out.append(b)
    state.blocks[:] = out


_PARA_NUMBER = re.compile(r"^(\d{1,3})\.\s+\S")


def _numbered_paragraphs(state: CleanState) -> None:
    """Long numbered items whose numbers run on across other blocks (``8.`` … a footnote …
    ``9.``), or go on from a paragraph that starts with its number, are the document's own
    numbered paragraphs: paragraphs with the number kept in their text as printed."""
    blocks = state.blocks
    seq: list[tuple[int, int]] = []  # (index, number)
    for i, b in enumerate(blocks):
        if b.kind == "list_item" and b.level == 0 and b.number.isdigit():
            seq.append((i, int(b.number)))
        elif b.kind == "paragraph" and not b.label:
            m = _PARA_NUMBER.match(b.text)
            if m:
                seq.append((i, int(m.group(1))))
    chains: list[list[tuple[int, int]]] = []
    for i, n in seq:
        if chains and n == chains[-1][-1][1] + 1:
            chains[-1].append((i, n))
        else:
            chains.append([(i, n)])
    for chain in chains:
        if len(chain) < 2:
            continue
        broken = any(j - i > 1 and any(blocks[k].kind not in ("list_item",) or blocks[k].level == 0
                                       for k in range(i + 1, j))
                     for (i, _), (j, _) in zip(chain, chain[1:]))
        paragraphs = any(blocks[i].kind == "paragraph" for i, _ in chain)
        lengths = sorted(len(blocks[i].text.split()) for i, _ in chain)
        if not (broken or paragraphs) or lengths[len(lengths) // 2] < 20:
            continue
        for i, _ in chain:
            b = blocks[i]
            if b.kind != "list_item":
                continue
            prefix = f"{b.number}. "
            b.kind, b.text, b.number = "paragraph", prefix + b.text, ""
            shift(b, len(prefix))
            state.count("numbered_paragraphs")
            _lift_items_below(blocks, i)


def _lift_items_below(blocks: list[Block], i: int) -> None:
    """The items nested under a list item that became a paragraph move up a level: a list under
    a paragraph starts at the top (``9. The Committee urges:`` ⏎ ``(a) …`` ⏎ ``(b) …``)."""
    j = i + 1
    while j < len(blocks) and blocks[j].kind == "list_item" and blocks[j].level > 0:
        blocks[j].level -= 1
        j += 1


def _tidy_heading(b: Block) -> str:
    """Strip the heading and move its section number to ``b.number``; returns the number as
    printed (``IV.``), to put back if the block turns out to be no heading."""
    b.spans = [s for s in b.spans if not (s.kind in ("strong", "emphasis") and s.start == 0 and s.end >= len(b.text))]
    strip_block(b)
    if b.text.endswith(":"):
        cut(b, len(b.text) - 1, len(b.text))
    m = SECTION_NUMBER.match(b.text)
    if m and b.level != 1:
        b.number = (m.group("roman") or m.group("arabic") or m.group("letter"))
        cut(b, 0, m.end())
        strip_block(b)
        return m.group(0).strip()
    return ""


def _numbers_back(printed: dict[int, tuple[Block, str]]) -> None:
    """A heading whose number was moved to ``Block.number`` and that became a paragraph after
    all (the last line of a text, a lead, a byline: ``D. L.: M-1/1958``) gets its number back
    in its text as printed: a paragraph shows no ``number``, and no word may be lost."""
    for b, prefix in printed.values():
        if b.kind == "heading" or not b.number:
            continue
        b.text = f"{prefix} {b.text}"
        shift(b, len(prefix) + 1)
        b.number = ""


_SIGNED = re.compile(rf"{PLACE_DATE_TAIL}\.?$")


def _named_unit(text: str) -> bool:
    """A title named by its kind: ``Article 5``, ``Capítulo II``, ``Disposición final primera``."""
    return bool(numbered_unit(text) or LEGAL_UNIT.match(text))


def _no_sections(state: CleanState) -> None:
    """Heading-like lines that name no section: a short line between text and the next
    heading, with no text under it (``Read more``), the name under a signing line (``Fait à Paris,
    le 3 mars 2021.`` / ``Jean Dupont``), and a lone word over a date (``STRASBOURG`` /
    ``12 July 2016``, ``FINAL`` / ``12/10/2016``): a place or a status with its date."""
    blocks = state.blocks
    seen_body = False
    for i, b in enumerate(blocks):
        seen_body = seen_body or (b.kind in _BODY and not b.label)
        if b.kind != "heading" or b.level != 0 or b.number or _named_unit(b.text):
            continue
        prev = blocks[i - 1] if i else None
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        between = prev is not None and prev.kind in _BODY and nxt is not None and nxt.kind == "heading"
        if seen_body and between and nxt.level == 0 and _heading_style(nxt) is None \
                and not b.text[:1].isdigit() and len(b.text.split()) <= 3:
            b.kind = "paragraph"  # a link label between sections (``Read more``): it heads no text
            state.count("not_section_headings")
            continue
        signed = prev is not None and prev.kind == "paragraph" and len(prev.text.split()) <= 15 \
            and bool(_SIGNED.search(prev.text)) and len(b.text.split()) <= 6
        dated = nxt is not None and nxt.kind == "paragraph" and len(b.text.split()) == 1 \
            and bool(DATE_LINE.match(nxt.text.strip()))
        if signed or dated:
            b.kind, b.label = "paragraph", "byline"
            state.count("not_section_headings")


COVER_RUN = 3
"""Short lines in a row, each a block of its own, that make a cover (``STATE OF NEW YORK`` /
``10527`` / ``IN ASSEMBLY`` / ``June 2, 2024``)."""
COVER_LINE_WORDS = 8


def _cover_line(state: CleanState, b: Block) -> str:
    """``heading`` or ``line`` for a block that can be a line of a cover, ``""`` for any other:
    a few words on one to three source lines (a headline OCR'd a word a line), no sentence, no
    number or kind of unit (a section's title)."""
    if b.lines[1] - b.lines[0] > 2 or len(b.text.split()) > COVER_LINE_WORDS or SENTENCE_END.search(b.text) \
            or b.number or _named_unit(b.text) or "\n" in b.text or b.spans:
        return ""
    if b.kind == "heading":
        return "heading" if b.level == 0 and b.lines[0] not in state.markdown_levels else ""
    return "line" if b.kind == "paragraph" and b.label in ("", "byline") else ""


def _cover_stack(state: CleanState) -> None:
    """A run of short lines each printed apart (``COVER_RUN`` or more), mixing heading-like lines
    with others no heading can be (a bill's number, a date): a cover, whose lines are no section
    headings. ``STATE OF NEW YORK`` / ``10527`` / ``IN ASSEMBLY`` / ``June 2, 2024`` → four lines."""
    run: list[tuple[Block, str]] = []
    for b in state.blocks + [Block("paragraph", "")]:
        kind = _cover_line(state, b) if b.text else ""
        if kind:
            run.append((b, kind))
            continue
        if run and run[-1][1] == "heading" and (b.kind in ("table", "list_item") or b.kind in _BODY and (
                SENTENCE_END.search(b.text) or len(b.text.split()) > COVER_LINE_WORDS)):
            run.pop()  # the last line heads what follows the run (a table's title, a text): a heading
        kinds = [k for _, k in run]
        if len(run) >= COVER_RUN and "heading" in kinds and "line" in kinds:
            for block, k in run:
                if k == "heading" and not _headline_on_top(state, block):
                    block.kind, block.label = "paragraph", "byline"
                    state.count("cover_lines")
        run = []


def _headline_on_top(state: CleanState, b: Block) -> bool:
    """The document's first heading-like block in mixed case and of a few words is its
    headline, even among a cover's lines (``Ministry opens new centres`` / ``STRASBOURG`` /
    ``12 July 2016``): a cover's own heading-like lines are capitals or single words
    (``STATE OF NEW YORK``)."""
    first = next((x for x in state.blocks if x.kind == "heading" and _headline_shaped(x.text)), None)
    return b is first


def _headline_shaped(text: str) -> bool:
    return not is_all_caps(text) and len(text.split()) >= 3


def _stacked_title(state: CleanState) -> None:
    """Heading-like lines stacked above the first text (an organ's name over a report's
    title): the longest is the title, the ones above it kickers, the ones below it leads."""
    run = []
    for b in state.blocks:
        if b.kind == "heading" and b.level == 0 and not b.number and not _named_unit(b.text):
            run.append(b)
        elif b.kind == "letter" or (b.kind == "paragraph" and b.label in ("kicker", "byline")):
            continue
        else:
            if run and b.kind in ("paragraph", "list_item"):
                run.pop()  # the last one heads the text below it: a section heading
            break
    if len(run) < 2 or any(b.kind == "heading" and b.level == 1 for b in state.blocks):
        return
    titles = [b for b in run if not not_a_title(b.text)]
    if not titles:
        return
    title = max(titles, key=lambda b: len(b.text.split()))
    at = run.index(title)
    title.level = 1
    for b in run[:at]:
        b.kind, b.label = "paragraph", "kicker"
    for b in run[at + 1:]:
        b.kind, b.label = "paragraph", "lead"


def _quoted_units(state: CleanState) -> None:
    """Units inside quoted amending text (``Os artigos … passam a ter a seguinte redação:`` /
    ``«Artigo 17.º-A`` … ``Artigo 26.º`` … ``violência.»``): the wording an act gives another
    act, not its own structure, so paragraphs, never headings of the page."""
    depth = 0
    for b in state.blocks:
        if depth > 0 and b.kind == "heading" and _named_unit(b.text):
            b.kind, b.level = "paragraph", 0
            state.count("quoted_units")
        depth = max(0, depth + b.text.count("«") - b.text.count("»"))


_NUMBERED_LABEL = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
LABEL_WORDS = 8
"""A numbered section's title on the line above its indented paragraph has at most this many words."""


def _numbered_labels_above(state: CleanState) -> None:
    """A numbered section's title printed on the line above its paragraph, whose first line is
    indented (``1. Permanenza nel progetto`` / ``     I neomaggiorenni …``): a heading and a
    paragraph, not one numbered paragraph that starts with the title."""
    out: list[Block] = []
    for b in state.blocks:
        split = _label_line(state, b) if b.kind in ("paragraph", "list_item") and not b.spans else None
        if split is not None:
            number, label, rest = split
            out.append(Block("heading", f"{number}. {label}", lines=(b.lines[0], b.lines[0]), level=0))
            b.kind, b.number, b.text, b.lines = "paragraph", "", rest, (b.lines[0] + 1, b.lines[1])
            state.count("numbered_labels_above")
        out.append(b)
    state.blocks[:] = out


def _label_line(state: CleanState, b: Block) -> tuple[str, str, str] | None:
    """(number, title, the paragraph's text) when ``b``'s first line is a short numbered title
    (two thirds of the width of the text or less) over an indented first line of text; else ``None``."""
    first, last = b.lines
    if not 0 < first < last <= len(state.lines):
        return None
    head, nxt = state.lines[first - 1], state.lines[first]
    m = _NUMBERED_LABEL.match(head.text)
    if m is None or nxt.lead < head.lead + 2 or not nxt.text[:1].isupper() \
            or len(nxt.text) < max(40, 1.5 * len(head.text)) or continues_line(head.text, nxt.text):
        return None  # (a full first line over a hanging indent is one item wrapped)
    number, label = m.group(1), m.group(2).strip()
    if len(label.split()) > LABEL_WORDS or not label[:1].isupper() or label.endswith((",", ";", ":", "-")) \
            or SENTENCE_END.search(label):
        return None
    printed = f"{label} " if b.kind == "list_item" and b.number == number else f"{number}. {label} "
    if not b.text.startswith(printed):
        return None
    return number, label, b.text[len(printed):]


def _title_and_leads(state: CleanState) -> None:
    _quoted_units(state)
    _numbered_labels_above(state)
    _stacked_title(state)
    blocks = state.blocks
    has_title = any(b.kind == "heading" and b.level == 1 for b in blocks)
    seen_body = False
    for i, b in enumerate(blocks):
        prev = blocks[i - 1] if i else None
        if b.kind == "heading" and b.level == 0:
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if prev is not None and prev.kind == "heading" and not b.number and len(b.text.split()) >= 5 \
                    and not _named_unit(b.text) and (has_title or not not_a_title(prev.text)):
                b.kind, b.label = "paragraph", "lead"
                seen_body = True
                continue
            if nxt is None or nxt.kind == "footnote":
                b.kind = "paragraph"
                continue
            if not has_title and not seen_body and not b.number and not _named_unit(b.text):
                if not_a_title(b.text):
                    if _section_label(b.text):
                        continue  # a section label ("Summary"): a section heading
                    b.kind, b.label = "paragraph", "byline"  # a breadcrumb, a date, a symbol
                    continue
                b.level = 1
                has_title = True
            continue
        if b.kind == "list_item" and prev is not None and prev.kind == "heading" and prev.level == 1 \
                and (i + 1 >= len(blocks) or blocks[i + 1].kind != "list_item") and not b.number:
            b.kind, b.label, b.level = "paragraph", "lead", 0
            state.count("lead_paragraphs")
            continue
        if b.kind == "paragraph" and not b.label and prev is not None and prev.kind == "heading" \
                and prev.level != 1 and not SENTENCE_END.search(b.text) and len(b.text.split()) <= 40:
            b.label = "lead"  # a descriptor line under a heading, too long to be a heading itself
        if b.kind == "paragraph" and b.label == "byline" and seen_body:
            b.label = ""  # short lines kept apart inside the text: plain paragraphs
        if b.kind == "paragraph" and not seen_body and (furniture_kind(b.text) or (
                not has_title and len(b.text.split()) <= 8 and not b.text.endswith(":") and not_a_title(b.text))):
            b.label = b.label or "byline"  # a date, a symbol, a label or a time stamp above the title or the text
        if b.kind in _BODY and b.label not in ("kicker", "byline", "lead"):
            seen_body = True


_TITLE_PARTS = re.compile(r"\s+[-–—|·]\s+")


def _restated_title(state: CleanState) -> None:
    """The first heading under a title that is one of the title's parts (a scraper's title
    ``Rules - Rules part 14: stateless persons - Guidance - Site``, then ``Rules part 14:
    stateless persons``): the page restating its title, a lead line, not a section."""
    title = next((b for b in state.blocks if b.kind == "heading" and b.level == 1), None)
    if title is None:
        return
    parts = set(_TITLE_PARTS.split(title.text)) - {title.text}
    later = state.blocks[state.blocks.index(title) + 1:]
    first = next((b for b in later if b.kind == "heading"), None)
    if first is not None and first.level != 1 and not first.number and first.text in parts:
        first.kind, first.label, first.level = "paragraph", "lead", 0


_LABEL_HEADINGS = frozenset(("summary", "abstract", "overview", "introduction", "preamble", "contents"))


_DOCUMENT_GENRES = frozenset("memorandum memo communiqué communique comunicado comunicato pressemitteilung "
                             "pressmeddelande persbericht nieuwsbericht".split())
"""One-word genre labels that name the whole document above its title (``MEMORANDUM``), never a
section of it."""


def _section_label(text: str) -> bool:
    """A one-word label or a section label over the text (``Summary``, ``Sammanfattning``,
    ``Preamble``): a section heading; not furniture (``RESTRICTED``, a byline) nor a genre
    label that names the whole document (``MEMORANDUM``)."""
    low = " ".join(text.strip(" *_#:.–—-").lower().split())
    if low in _LABEL_HEADINGS:
        return True
    return len(low.split()) == 1 and not furniture_kind(text) and low not in _DOCUMENT_GENRES


def _title_case(state: CleanState) -> None:
    """A title printed in capitals is shown in title case, acronyms kept."""
    for b in state.blocks:
        if b.kind == "heading" and b.level == 1:
            if is_all_caps(b.text) and not b.spans:
                b.text = title_case(b.text, state.source.text)
                state.count("titles_recased")
            return


_DECIMAL_TITLE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\S)")
_BARE_NUMBER = re.compile(r"^(\d{1,2})\s+(?=[^\W\d_])")
"""``1 Inledning``: a section number with no full stop after it (Swedish, German, Nordic reports)."""
_KW_RANK = {kw: rank for rank, kws in enumerate(KEYWORD_RANK) for kw in kws}
_NUMERIC_RANK = {"roman": 10, "letter": 11, "arabic": 12, "arabic2": 13, "arabic3": 14, "arabic4": 15}
_ARTICLE = f"kw{len(KEYWORD_RANK) - 1}"


def _heading_style(h: Block, bare: bool = False) -> tuple[str, int] | None:
    """(style, value) of a numbered heading: its number, its kind word (``Article 5``) or a
    decimal number left in its text (``2.1 Scope``; ``1 Scope`` when ``bare``, the document
    numbering several headings so); ``None`` for an unnumbered heading."""
    if h.number:
        style, value, _ = _style_value(h)
        return style, value
    m = numbered_unit(h.text)
    if m:
        kw = m.group("kw").lower().replace("sub-section", "subsection")
        num = m.group("num")
        if re.fullmatch(r"[IVXLC]+", num):
            value = roman(num)
        elif num[:1].isdigit():
            value = int(re.match(r"\d+", num).group())
        elif len(num) == 1:
            value = ord(num.upper()) - ord("A") + 1
        else:
            value = 1
        return f"kw{_KW_RANK.get(kw, len(KEYWORD_RANK) - 1)}", value
    m = _DECIMAL_TITLE.match(h.text)
    if m:
        parts = m.group(1).split(".")
        return f"arabic{len(parts)}", int(parts[-1])
    m = _BARE_NUMBER.match(h.text) if bare else None
    if m:
        return "arabic", int(m.group(1))
    return None


def _rank(style: str, order: dict[str, int]) -> float:
    if style.startswith("kw"):
        rank = int(style[2:])
        section = "kw3"
        if style == _ARTICLE and order.get(_ARTICLE, 1 << 30) < order.get(section, 1 << 30):
            return 2.5  # "Article 19-E" above its "Section 697" (the order the document shows)
        return rank
    kinds = [at for st, at in order.items() if st.startswith("kw")]
    if kinds and order[style] < min(kinds):
        return -1 + _NUMERIC_RANK.get(style, 16) / 100  # "I. DISPOSICIONES GENERALES" above its "Artículo 1"
    if style in ("letter", "arabic") and order.get("arabic", 1 << 30) < order.get("letter", 1 << 30):
        return {"letter": 12, "arabic": 11}[style]  # "1." above "A." when it comes first
    return _NUMERIC_RANK.get(style, 16)


def _levels(state: CleanState) -> None:
    """Each heading's level from its numbering style, in the order the document nests them;
    a break in a sequence is warned about, never rewritten."""
    headings = [b for b in state.blocks if b.kind == "heading" and b.level != 1]
    bare = sum(1 for h in headings if not h.number and _BARE_NUMBER.match(h.text)) >= 2
    styles = {id(h): _heading_style(h, bare) for h in headings}
    order: dict[str, int] = {}
    for h in headings:
        st = styles[id(h)]
        if st is not None and any(ch.isalpha() for ch in h.text):  # a number alone sets no rank
            order.setdefault(st[0], len(order))
    for h in headings:
        st = styles[id(h)]
        if st is not None:
            order.setdefault(st[0], len(order))
    ranks = sorted({_rank(st, order) for st in order})
    style_level = {st: min(6, 2 + ranks.index(_rank(st, order))) for st in order}
    parts = _parts(headings, styles)
    kinds = [lvl for st, lvl in style_level.items() if st.startswith("kw")]
    last: dict[str, int] = {}
    numbered = [h for h in headings if styles[id(h)] is not None]
    for h in headings:
        natural = styles[id(h)]
        if natural is None:
            named = LEGAL_UNIT.match(h.text) and kinds
            h.level = min(6, min(kinds) + parts) if named else 2  # beside the outermost named units
            if parts and not named:
                last.clear()  # a part's title: the numbering of its sections starts again under it
            continue
        style = _checked_style(state, h, natural, last, styles, numbered)
        h.level = min(6, style_level[style] + parts)
        last[style] = natural[1]
        # A higher-level heading restarts the numbering below it.
        for other, lvl in style_level.items():
            if lvl > style_level[style]:
                last.pop(other, None)


def _parts(headings: list[Block], styles: dict[int, tuple[str, int] | None]) -> int:
    """1 when a numbering style starts, and starts again, each time right under an unnumbered
    title (``THE FACTS`` / ``I. The circumstances`` … ``THE LAW`` / ``I. Alleged violation``):
    those titles are parts, one level above every numbered heading; else 0."""
    starts: dict[str, list[Block | None]] = {}  # style → the heading above each of its starts
    for k, h in enumerate(headings):
        st = styles[id(h)]
        if st is not None and (st[0] not in starts or st[1] == 1):
            starts.setdefault(st[0], []).append(headings[k - 1] if k else None)
    for above in starts.values():
        if len(above) >= 2 and all(a is not None and styles[id(a)] is None and not LEGAL_UNIT.match(a.text)
                                   for a in above):
            return 1
    return 0


def _checked_style(state: CleanState, h: Block, natural: tuple[str, int], last: dict[str, int],
                   styles: dict[int, tuple[str, int] | None], numbered: list[Block]) -> str:
    """The style whose level ``h`` takes: its own, or the sequence it was misnumbered in; a
    number that breaks its sequence is warned about."""
    style, value = natural
    if style not in last or value == last[style] + 1:
        return style
    shown = f"{h.number}. {h.text}" if h.number else h.text
    later = numbered[numbered.index(h) + 1:]
    nxt = later[0] if later else None
    if nxt is not None:
        nstyle, nvalue = styles[id(nxt)]  # type: ignore[misc]
        if nstyle != style and nvalue == value + 1 and last.get(nstyle, 0) + 1 == value:
            state.warnings.append(
                f"misnumbered heading '{shown}' (line {h.lines[0]}): numbered {h.number or value} "
                f"where the sequence continuing with {nxt.number or nvalue} expects {value}; placed at "
                "that sequence's level, number shown as in the source")
            state.count("misnumbered_headings")
            return nstyle
    before = last[style]
    how = f"repeats {value}" if value == before else \
        (f"goes back from {before} to {value}" if value < before else f"jumps from {before} to {value}")
    state.warnings.append(f"heading '{shown}' (line {h.lines[0]}): the numbering {how}")
    return style


@rule(BLOCK)
def run_in_labels(state: CleanState) -> None:
    """``Headquarters:`` above a paragraph, or ``Family reunification: A central…`` → bold label;
    a label above a numbered unit (``DÉCIDE :`` / ``Article 1er : …``) introduces all the units
    after it and stays a line of its own."""
    blocks = state.blocks
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if b.kind == "paragraph" and not b.label and b.text.endswith(":") and len(b.text.split()) <= 5 \
                and b.text[:1].isupper() and not b.spans and nxt is not None and nxt.kind == "paragraph" \
                and not nxt.label and not KEYWORD_HEADING.match(nxt.text):
            nxt.text = b.text + " " + nxt.text
            shift(nxt, len(b.text) + 1)
            add_span(nxt, 0, len(b.text), "strong")
            nxt.lines = (b.lines[0], nxt.lines[1])
            state.count("run_in_labels")
            i += 1
            continue
        if b.kind == "paragraph" and not b.label and not any(s.start == 0 for s in b.spans):
            m = RUN_IN.match(b.text)
            if m and len(m.group("label").split()) <= 8:
                add_span(b, 0, len(m.group("label")), "strong")
                state.count("run_in_labels")
        out.append(b)
        i += 1
    state.blocks[:] = out
    _speaker_labels(state)


SPEAKERS = 2
"""A record opens this many paragraphs or more with a speaker's label in capitals (``The SPEAKER.``)
for one of them to be read as a label."""


def _speaker_labels(state: CleanState) -> None:
    """A speaker's label opening a paragraph of a record or transcript is a label, in bold:
    ``Mr. Smith (France): I thank …`` (a titled name and a colon), and, where two paragraphs or
    more open so, ``The SPEAKER. The joint session …`` (a role or surname in capitals, a full stop)."""
    free = [b for b in state.blocks if b.kind == "paragraph" and b.label in ("", "lead")
            and not any(s.start == 0 and s.kind in ("strong", "emphasis") for s in b.spans)]
    found = [(b, SPEAKER_COLON.match(b.text) or None) for b in free]
    stops = [(b, SPEAKER_STOP.match(b.text)) for b, m in found if m is None]
    if sum(1 for _, m in stops if m) >= SPEAKERS:
        found += stops
    for b, m in found:
        if m is not None:
            add_span(b, 0, len(m.group("label")), "strong")
            b.label = ""
            state.count("speaker_labels")
