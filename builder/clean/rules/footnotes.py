"""Footnotes: bodies pulled out of the flow, markers turned into zero-width spans.

Page-foot footnotes land mid-text in an extraction (after the next heading, or splitting a
sentence). A body is a line that starts with a marker (superscript digits from either
Unicode block, or ``[n]``) and text; it runs to the next blank line. Markers in the text
become ``Span(kind="footnote")`` at their offset (plain numbers too: glued to a word, or, between
the markers of the notes before and after, printed after a space or fused into a year); a
marker without a body, or a body
without a marker, is reported in ``warnings``. At the end, ``footnotes_to_end`` puts the
bodies after the text and ``finish`` counts what cleaning made (``STAT_NAMES``).
"""

from __future__ import annotations

import re

from ...document import Block
from ..state import BLOCK, DOCUMENT, LINE, CleanState, rule
from ..text.blocks import join_lines
from ..text.spans import add_span, cut, walk

FOOTNOTE_BODY_REASON = "footnote text found in the flow of the page"
ENDNOTE_REASON = "endnote (each a footnote with its own number)"
NOTES_HEADING_REASON = "heading of the endnotes (they follow as footnotes)"

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_ASCII = str.maketrans(SUPERSCRIPTS, "0123456789")
_SUP = f"[{SUPERSCRIPTS}]"
BODY = re.compile(rf"^(?:({_SUP}{{1,3}})|\[(\d{{1,3}})\])\s+(?=\S)")
MARKER = re.compile(rf"({_SUP}{{1,3}})|\[(\d{{1,3}})\]")
_MARKER_START = re.compile(rf"[{SUPERSCRIPTS}\[]")
"""What a marker starts with: a quick test for a block without any (a plain character set is
searched far faster than ``MARKER``'s alternatives)."""
_AFTER_BRACKETED = re.compile(r"[\w.,;:)”\"’']")


def footnote_id(marker: str) -> str:
    return marker.translate(_TO_ASCII).strip("[]")


NOTES_HEADING = re.compile(
    r"^(?:#{1,6}\s*)?[*_]{0,2}\s*(?:notes?|end-?\s?notes|foot-?\s?notes|notes and references|references|notas|"
    r"notes de fin|notes de bas de page|références|referencias|referências|anmerkungen|fußnoten|fussnoten|"
    r"endnoten|noter|fotnoter|slutnoter|note)\s*[*_]{0,2}\s*:?\s*[*_]{0,2}$", re.IGNORECASE)
"""``Notes``, ``Endnotes``, ``Notas``, ``Anmerkungen``, ``Références``, ``## Notes``, ``**Notes:**``."""
ENTRY = re.compile(rf"^(?:\[(\d{{1,3}})\]|\((\d{{1,3}})\)|(\d{{1,3}})[.)]?|({_SUP}{{1,3}}))\s+(?=\S)")
"""An endnote's number: ``1.``, ``1)``, ``1``, ``[1]``, ``(1)``, ``¹``."""


@rule(LINE, ENDNOTE_REASON, NOTES_HEADING_REASON)
def endnotes(state: CleanState) -> None:
    """Read a notes section (a ``Notes``/``Endnotes``/``Notas``/``Anmerkungen`` heading followed by
    numbered entries) into footnotes, one per number, numbered as in the source, even when
    the entries follow each other without blank lines.
    ``Notes⏎1. See the report.⏎2. Ibid.`` → footnotes 1 and 2."""
    lines = state.lines
    for h, head in enumerate(lines):
        if not head.text or head.dropped or len(head.text) > 60 or not NOTES_HEADING.match(head.text):
            continue
        entries = _entries(lines, h + 1)
        if len(entries) < 1 or any(f.label in {e[0] for e in entries} for f in state.footnotes):
            continue
        if not _marked_anywhere(lines, entries):
            state.count("notes_kept_in_place")
            continue  # notes to a table or a list, marked nowhere: they stay where they are, as a list
        state.remove(head, NOTES_HEADING_REASON, "endnotes")
        for ident, marker, body in entries:
            parts = [body[0].text[len(marker):].strip()] + [ln.text for ln in body[1:]]
            for ln in body:
                ln.dropped = True
            text = join_lines(state, parts, body[0].no)
            state.footnotes.append(Block("footnote", text, label=ident, lines=(body[0].no, body[-1].no),
                                         title=marker.strip(), number=ident))
            state.move(text, ENDNOTE_REASON, "endnotes", body[0].no, f"footnote {ident}")
            state.count("endnotes")


def _marked_anywhere(lines: list, entries: list[tuple[str, str, list]]) -> bool:
    """Some entry's number is marked in the text outside the notes: as a superscript, in
    brackets, or glued to a word (``rights12``, ``rights.¹``, ``[3]``)."""
    inside = {id(ln) for _, _, body in entries for ln in body}
    text = "\n".join(ln.text for ln in lines if ln.text and not ln.dropped and id(ln) not in inside)
    for ident, _, _ in entries:
        sup = ident.translate(str.maketrans("0123456789", SUPERSCRIPTS))
        if re.search(rf"\S{sup}(?![{SUPERSCRIPTS}])", text) or f"[{ident}]" in text \
                or any(m.group(2) == ident for m in GLUED.finditer(text)):
            return True
    return False


def _entries(lines: list, i: int) -> list[tuple[str, str, list]]:
    """The numbered entries from line ``i`` on: each number one more than the last; a line that
    does not start with the next number continues the entry (a blank line, then text that is
    not the next entry, ends the section)."""
    out: list[tuple[str, str, list]] = []
    expected: int | None = None
    blank = False
    while i < len(lines):
        ln = lines[i]
        if ln.dropped:
            i += 1
            continue
        if not ln.text:
            blank = True
            i += 1
            continue
        m = ENTRY.match(ln.text)
        number = int(footnote_id(next(g for g in m.groups() if g))) if m else None
        if m and (expected is None or number == expected):
            out.append((str(number), m.group(0), [ln]))
            expected = number + 1
        elif out and not blank:
            out[-1][2].append(ln)
        else:
            break
        blank = False
        i += 1
    return out if out and (len(out) >= 2 or int(out[0][0]) == 1) else []


_RULE_LINE = re.compile(r"^(?:[_\-–—]{5,}|_{1,2})$")
"""The short rule a PDF prints above a page's footnotes: ``_______________``, or what a
converter left of it (a lone ``_``)."""
_PLAIN_BODY = re.compile(r"^(\d{1,3})\s+(?=\S)")
_PAREN_BODY = re.compile(r"^\((\d{1,3})\)\s+(?=\S)")
"""A note numbered in parentheses under the rule (``(1) OJ C 155, 30.4.2021, p. 64.``), as the EU
Official Journal and many legal texts print them; its calls are ``(1)`` after a word."""
MAX_NOTE_LINES = 6
"""Lines one footnote under a rule may run over."""
NOTE_REACH = 80
"""Lines above a page's foot rule searched for the marker of a note that is alone under it."""


def _notes_under_rules(state: CleanState) -> None:
    """Footnotes printed under a page's foot rule with plain numbers (``_______________`` /
    ``1 Resolution 64/293.`` / ``2 Ibid., vol. 2225.``): the numbers follow one another from
    the rule on, each note running to the next number or blank line."""
    lines = state.lines
    for i, rule_line in enumerate(lines):
        if not (rule_line.text and _RULE_LINE.match(rule_line.text)):
            continue
        j = i + 1
        while j < len(lines) and not lines[j].text:
            j += 1
        form = _PAREN_BODY if j < len(lines) and _PAREN_BODY.match(lines[j].text) else _PLAIN_BODY
        found = _numbered_under(lines, j, form)
        # One numbered line alone is a note only when its marker is glued in the text above.
        if len(found) >= 2 or (found and _glued_marker(lines[max(0, i - NOTE_REACH):i], found[0][1],
                                                       form is _PAREN_BODY)):
            for body, ident, marker in found:
                _take_note(state, body, ident, marker)


def _numbered_under(lines: list, j: int, form: re.Pattern[str]) -> list[tuple[list, str, str]]:
    """The notes numbered one after another from line ``j`` on (``form``: ``1 …`` or ``(1) …``),
    each running to the next number or blank line."""
    found: list[tuple[list, str, str]] = []
    while j < len(lines):
        while j < len(lines) and not lines[j].text:
            j += 1
        m = form.match(lines[j].text) if j < len(lines) and not lines[j].dropped else None
        if m is None or (found and int(m.group(1)) != int(found[-1][1]) + 1):
            break
        k = j + 1
        while k < len(lines) and k - j < MAX_NOTE_LINES and lines[k].text and not lines[k].dropped \
                and not form.match(lines[k].text):
            k += 1
        found.append((lines[j:k], m.group(1), m.group(0)))
        j = k
    return found


def _parenthesised_notes_at_end(state: CleanState) -> None:
    """Notes numbered in parentheses that end the text without a rule above them (``(1) OJ C 155 …``
    / ``(2) …``, nothing after them): notes when each number is called, in the text above, after
    a word (``Committee (1),``); a list that ends a text, its numbers called nowhere, stays a list."""
    lines = state.lines
    live = [i for i, ln in enumerate(lines) if ln.text and not ln.dropped]
    start = next((i for i in reversed(live) if (m := _PAREN_BODY.match(lines[i].text)) and m.group(1) == "1"), None)
    if start is None:
        return
    found = _numbered_under(lines, start, _PAREN_BODY)
    last = found[-1][0][-1] if found else None
    if len(found) < 2 or live[-1] != next(k for k in range(start, len(lines)) if lines[k] is last):
        return
    text = "\n".join(ln.text for ln in lines[:start] if ln.text and not ln.dropped)
    called = {m.group(3) for m in _PAREN_CALL.finditer(text) if _noted_word(text[:m.start("cut")])}
    if all(ident in called for _, ident, _ in found) and not any(f.label == "1" for f in state.footnotes):
        for body, ident, marker in found:
            _take_note(state, body, ident, marker)


def _glued_marker(above: list, number: str, parenthesised: bool = False) -> bool:
    """``number`` follows a word or its punctuation without a space in the text above
    (``Development,4``, ``Persons12``; ``Committee (1),`` for a note numbered in parentheses):
    the marker of a note."""
    glued = re.compile(rf"[^\W\d_][,.;:”’\")]? ?\({number}\)(?=[\s,.;:]|$)" if parenthesised
                       else rf"[^\W\d_][,.;:”’\")]?{number}(?!\d)")
    return any(glued.search(ln.text) for ln in above if ln.text and not ln.dropped)


def _take_note(state: CleanState, body: list, ident: str, marker: str) -> None:
    parts = [body[0].text[len(marker):]] + [ln.text for ln in body[1:]]
    for ln in body:
        ln.dropped = True
    text = join_lines(state, parts, body[0].no)
    if any(f.label == ident for f in state.footnotes):
        state.warnings.append(f"footnote {ident} (line {body[0].no}) is a second footnote with that number; "
                              "it is kept as footnote " + ident + "-" + str(body[0].no))
        ident = f"{ident}-{body[0].no}"
    state.footnotes.append(Block("footnote", text, label=ident, lines=(body[0].no, body[-1].no),
                                 title=marker.strip()))
    state.move(text, FOOTNOTE_BODY_REASON, "footnote_bodies", body[0].no, f"footnote {ident}")


@rule(LINE, FOOTNOTE_BODY_REASON)
def footnote_bodies(state: CleanState) -> None:
    """Take footnote bodies out of the text flow (they go to the page end), also those printed
    with plain numbers under a page's foot rule. ``² See <http://example.org>.`` → footnote 2."""
    _notes_under_rules(state)
    _parenthesised_notes_at_end(state)
    _asterisk_note(state)
    lines = state.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        m = BODY.match(line.text) if line.text and not line.dropped else None
        if not m:
            i += 1
            continue
        ident = footnote_id(m.group(1) or m.group(2))
        parts = [line.text[m.end():]]
        line.dropped = True
        j = i + 1
        while j < len(lines) and lines[j].text and not lines[j].dropped and not BODY.match(lines[j].text):
            parts.append(lines[j].text)
            lines[j].dropped = True
            j += 1
        text = join_lines(state, parts, line.no)
        if any(f.label == ident for f in state.footnotes):
            state.warnings.append(f"footnote {ident} (line {line.no}) is a second footnote with that number; "
                                  "it is kept as footnote " + ident + "-" + str(line.no))
            ident = f"{ident}-{line.no}"
        note = Block("footnote", text, label=ident, lines=(line.no, lines[j - 1].no), title=m.group(0).strip())
        state.footnotes.append(note)
        state.move(text, FOOTNOTE_BODY_REASON, "footnote_bodies", line.no,
                   f"footnote {ident}")
        i = j
    _notes_inside_lines(state)


_BRACKET_MARKER = re.compile(r"\[(\d{1,3})\]")
NOTE_WORDS = 4
"""Words a note run into a line of text must have (a note is a sentence, not a number and a word)."""


def _notes_inside_lines(state: CleanState) -> None:
    """A page-foot note an extractor ran into the line it interrupted (``… nominated by persons
    resident in 1 The document is undated. It was prepared in June.``, the sentence going on in
    ``Australia who are …`` below): when note ``N`` is marked (``[N]``) but has no text, the first
    line after the marker that ends with `` N`` and whole sentences, after words that end no
    sentence, holds it: the note is taken out and the line keeps its words before it."""
    have = {f.label for f in state.footnotes}
    lines = state.lines
    for at, ln in enumerate(lines):
        if ln.dropped or "[" not in ln.text:
            continue
        for m in _BRACKET_MARKER.finditer(ln.text):
            ident = m.group(1)
            if ident in have:
                continue
            note = re.compile(rf"(?<=[^\W\d_,;:]) {ident} (?=[^\W\d_])(?P<body>[A-Z][^\[\]]*[.!?])$")
            for below in lines[at + 1:]:
                found = note.search(below.text) if below.text and not below.dropped else None
                if found and len(found.group("body").split()) >= NOTE_WORDS \
                        and not SENTENCE_END_AT.search(below.text[:found.start()]):
                    body = found.group("body")
                    below.text = below.text[:found.start()].rstrip()
                    state.footnotes.append(Block("footnote", body, label=ident, lines=(below.no, below.no),
                                                title=ident))
                    state.move(body, FOOTNOTE_BODY_REASON, "footnote_bodies", below.no, f"footnote {ident}")
                    have.add(ident)
                    _rejoin_below(lines, lines.index(below, at))
                    break


def _rejoin_below(lines: list, k: int) -> None:
    """The sentence a note interrupted goes on after the blank lines below it: they are no break."""
    j = k + 1
    while j < len(lines) and not lines[j].text and not lines[j].dropped:
        j += 1
    if j < len(lines) and j > k + 1 and lines[j].text and not lines[j].dropped:
        for blank in lines[k + 1:j]:
            blank.dropped = True


SENTENCE_END_AT = re.compile(r"[.!?][”\"’')\]]*$")
STAR_MARKER = re.compile(r"(?<=[^\W\d_])([.,;:)]?)\*(?=[\s.,;:)]|$)")
"""An asterisk glued to a word (``Felipe González Morales*``): the marker of a title page's note."""
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])[^*\n]*?(?<=[^\s*])\*(?![\w*])")
"""``*inter alia*``: emphasis, whose closing asterisk is glued to a word but marks no note."""


def _without_emphasis(text: str) -> str:
    """``text`` with its emphasis spans (and ``**``) blanked, offsets kept."""
    return _EMPHASIS.sub(lambda m: " " * len(m.group(0)), text.replace("**", "  "))


_STAR_BODY = re.compile(r"^\*\s+(?=[^\W\d_])")


def _asterisk_note(state: CleanState) -> None:
    """``Morales*`` in the text and, below it, a line ``* The present report was submitted …``:
    the note of a title page, marked with an asterisk (never a list's bullet). One note only."""
    lines = state.lines
    marked = next((i for i, ln in enumerate(lines) if ln.text and not ln.dropped and "*" in ln.text
                   and not _STAR_BODY.match(ln.text) and STAR_MARKER.search(_without_emphasis(ln.text))), None)
    if marked is None:
        return
    start = next((j for j in range(marked + 1, len(lines)) if lines[j].text and not lines[j].dropped
                  and _STAR_BODY.match(lines[j].text)), None)
    if start is None or any(_STAR_BODY.match(ln.text) for ln in lines[start + 1:] if ln.text and not ln.dropped):
        return  # several "* " lines: a bulleted list
    end = start + 1
    while end < len(lines) and lines[end].text and not lines[end].dropped and end - start < MAX_NOTE_LINES:
        end += 1
    _take_note(state, lines[start:end], "*", "*")


@rule(BLOCK)
def footnote_markers(state: CleanState) -> None:
    """Turn footnote markers into zero-width footnote spans. ``rights.¹`` → ``rights.`` + [^1]."""
    ids = {f.label for f in state.footnotes}
    used: set[str] = set()
    for block in walk(state.blocks):
        if block.kind == "footnote" or not _MARKER_START.search(block.text):
            continue
        pos = 0
        while m := MARKER.search(block.text, pos):
            before = block.text[m.start() - 1] if m.start() else " "
            if m.group(1) and (before.isspace() or before in SUPERSCRIPTS):
                pos = m.end()
                continue
            if m.group(2) and not _AFTER_BRACKETED.match(before) and not (before in " ]" and m.group(2) in ids):
                pos = m.end()
                continue
            ident = footnote_id(m.group(1) or m.group(2))
            if ident not in ids:
                if m.group(1):
                    state.warnings.append(f"footnote marker {m.group(0)} (near line {block.lines[0]}) has no "
                                          "footnote text; it is left as it is")
                pos = m.end()
                continue
            # ``noted [1] in`` → ``noted[^1] in``; a marker opening the block has no space to take
            start = m.start() - 1 if m.start() and before == " " else m.start()
            cut(block, start, m.end())
            add_span(block, start, start, "footnote", ident)
            used.add(ident)
            pos = start
    _glued_markers(state, ids - used, used)
    _parenthesised_markers(state, {f.label for f in state.footnotes if f.title.startswith("(")} - used, used)
    _ordered_markers(state, ids - used, used)
    if "*" in ids and "*" not in used:
        _star_marker(state, used)
    for note in state.footnotes:
        if note.label not in used:
            state.warnings.append(f"footnote {note.label} (line {note.lines[0]}) has no marker in the text; "
                                  "it is shown at the end of the page")


GLUED = re.compile(r"(?<=[^\W\d_])([.,;:)”\"’']?)(\d{1,3})(?=[\s.,;:)]|$)")
"""A note number glued to the word before it: ``rights12``, ``rights.12``, ``(2019)3``."""
_WORD_BEFORE = re.compile(r"(\S*?)([^\W\d_]+)$")


def _glued_markers(state: CleanState, wanted: set[str], used: set[str]) -> None:
    """A plain number glued to a word (``rights12``) is the marker of note 12 when note 12
    exists and has no other marker: the first such occurrence, in reading order. Never a
    number inside a symbol or name (``A/RES/67``, ``G20``, ``COVID19``, ``H2020``)."""
    if not wanted:
        return
    for block in walk(state.blocks):
        if not wanted:
            return
        if block.kind in ("footnote", "table", "preformatted") or not any(c.isdigit() for c in block.text):
            continue
        pos = 0
        while m := GLUED.search(block.text, pos):
            ident = m.group(2)
            pos = m.end()
            if ident not in wanted or not _glued_word(block.text[:m.start()], m.group(1)):
                continue
            start = m.start(2)
            cut(block, start, m.end(2))
            add_span(block, start, start, "footnote", ident)
            wanted.discard(ident)
            used.add(ident)
            state.count("glued_note_markers")
            pos = start


_PAREN_CALL = re.compile(r"(?<=[^\W\d_])([,.;:”’\")]?)(?P<cut> ?\((\d{1,3})\))(?=[\s,.;:]|$)")
"""The call of a note numbered in parentheses: ``Committee (1),``, ``Council (4).``, ``procedure(3)``."""


def _parenthesised_markers(state: CleanState, wanted: set[str], used: set[str]) -> None:
    """The calls of notes numbered in parentheses (``(1) OJ C 155 …`` under the rule): ``(1)``
    after a word or its punctuation, in the order of the notes, each the first after the call
    of the note before (never ``Article 5(1)``, ``point (1)`` or a list's own ``(1)`` label)."""
    blocks = [b for b in walk(state.blocks) if b.kind not in ("footnote", "table", "preformatted")]
    at = (0, 0)
    for ident in sorted((w for w in wanted if w.isdigit()), key=int):
        found = next(((k, m) for k in range(at[0], len(blocks)) for m in _PAREN_CALL.finditer(blocks[k].text)
                      if m.group(3) == ident and (k, m.start()) >= at
                      and _noted_word(blocks[k].text[:m.start("cut")])), None)
        if found is None:
            continue
        k, m = found
        cut(blocks[k], m.start("cut"), m.end("cut"))
        add_span(blocks[k], m.start("cut"), m.start("cut"), "footnote", ident)
        wanted.discard(ident)
        used.add(ident)
        state.count("glued_note_markers")
        at = (k, m.start("cut"))


_NOT_NOTED = frozenset(
    "article articles art section sections paragraph paragraphs para paras chapter chapters annex annexes part "
    "parts page pages item items resolution resolutions decision decisions rule rules step grade level phase note "
    "notes number numbers no nos table tables figure box goal goals target targets principle principles "
    "recommendation recommendations option category class group schedule appendix point points line lines "
    "volume vol vols year years day days month months week weeks hour hours minute minutes percent per cent "
    "million billion thousand hundred about over under some only the of to and or than".split())
"""Words a number follows as what it counts or names (``Article 5``, ``paragraph 9``, ``about 5``):
never a note marker printed after a space."""


def _ordered_markers(state: CleanState, wanted: set[str], used: set[str]) -> None:
    """The marker of a note printed apart from its word (``Crime 5 and``, ``Migration, 9 the``)
    or fused into a year (``Declarations of 20172 and 2021,3``): looked for only between the
    markers of the notes before and after it, and taken only when it is the one candidate there."""
    if not wanted:
        return
    blocks = [b for b in walk(state.blocks) if b.kind not in ("footnote", "table", "preformatted")]
    for ident in sorted(wanted, key=_note_order):
        if not ident.isdigit():
            continue
        n = int(ident)
        lo, hi = _neighbours(blocks, n)
        found = [(k, m) for k in range(lo[0], min(hi[0] + 1, len(blocks)))
                 for m in _candidates(blocks[k].text, ident)
                 if (k, m.start()) >= lo and (k, m.end()) <= hi]
        if len(found) != 1:
            continue
        k, m = found[0]
        block = blocks[k]
        cut(block, m.start("cut"), m.end("cut"))
        add_span(block, m.start("cut"), m.start("cut"), "footnote", ident)
        wanted.discard(ident)
        used.add(ident)
        state.count("ordered_note_markers")


def _note_order(ident: str) -> int:
    return int(ident) if ident.isdigit() else 1 << 30


def _neighbours(blocks: list[Block], n: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """(block, offset) of the markers of the nearest notes before and after note ``n`` in the text."""
    lo, hi = (0, 0), (len(blocks) - 1, 1 << 30)
    lo_n, hi_n = 0, 1 << 30
    for k, b in enumerate(blocks):
        for s in b.spans:
            if s.kind != "footnote" or not s.target.isdigit():
                continue
            t = int(s.target)
            if lo_n < t < n:
                lo, lo_n = (k, s.start), t
            elif n < t < hi_n:
                hi, hi_n = (k, s.start), t
    return lo, hi


def _candidates(text: str, ident: str) -> list[re.Match[str]]:
    """Where note ``ident``'s marker may be: after a word and a space (``Crime 5 and``), fused
    to a year (``20172``), or after a year's punctuation (``2021,3``)."""
    spaced = re.compile(rf"(?<=[^\W\d_])[,.;:”\"’)]?(?P<cut> {ident})(?=\s+[^\W\d_]|[,.;:]|$)")
    year = re.compile(rf"\b(?:1[5-9]|20)\d\d[,.;:)]?(?P<cut>{ident})(?=[\s,.;:)]|$)")
    out = [m for m in spaced.finditer(text) if _noted_word(text[:m.start("cut")])]
    return out + list(year.finditer(text))


def _noted_word(before: str) -> bool:
    """The word before a spaced number can carry a note: a word of three letters or more, not
    one a number follows as what it counts (``Article 5``, ``about 5``)."""
    m = _WORD_BEFORE.search(before.rstrip(",.;:”\"’)"))
    return bool(m) and len(m.group(2)) >= 3 and m.group(2).lower() not in _NOT_NOTED and not m.group(1)


def _star_marker(state: CleanState, used: set[str]) -> None:
    """The first asterisk glued to a word is the marker of the asterisk note."""
    for block in walk(state.blocks):
        if block.kind in ("footnote", "table", "preformatted") or "*" not in block.text:
            continue
        m = STAR_MARKER.search(_without_emphasis(block.text))
        if m:
            start = m.end(1)
            cut(block, start, start + 1)
            add_span(block, start, start, "footnote", "*")
            used.add("*")
            return


def _glued_word(before: str, punct: str) -> bool:
    """The word before a glued number is a word of the text: lower case (``rights``) or
    followed by punctuation (``Rights.``), at least three letters, not part of a symbol."""
    m = _WORD_BEFORE.search(before)
    if not m or len(m.group(2)) < 3 or m.group(1) and m.group(1)[-1:] not in "(\"“‘'":
        return False
    word = m.group(2)
    return bool(punct) or word.islower() or (word[:1].isupper() and word[1:].islower())


@rule(DOCUMENT)
def footnotes_to_end(state: CleanState) -> None:
    """Put footnotes at the end of the page; a footnote no marker points to becomes a plain
    paragraph (label ``orphan_footnote``), an endnote an item of the numbered list of notes.
    ``² See …`` → last block, footnote 2."""
    used = {s.target for b in walk(state.blocks) for s in b.spans if s.kind == "footnote"}
    for note in state.footnotes:
        if note.label in used:
            note.title = note.number = ""
            state.blocks.append(note)
        elif note.number:  # an endnote nothing points to: an item of the numbered list of notes
            state.blocks.append(Block("list_item", note.text, number=note.number, lines=note.lines,
                                      spans=note.spans))
        else:
            state.blocks.append(Block("paragraph", f"{note.title} {note.text}", label="orphan_footnote",
                                      lines=note.lines, spans=[s.shifted(len(note.title) + 1) for s in note.spans]))


@rule(DOCUMENT)
def finish(state: CleanState) -> None:
    """Count what cleaning made (headings, list items, footnotes) and report every counter of
    ``STAT_NAMES``, zero or not."""
    counts = {"headings": 0, "list_items": 0, "footnotes": 0}
    for b in walk(state.blocks):
        key = {"heading": "headings", "list_item": "list_items", "footnote": "footnotes"}.get(b.kind)
        if key:
            counts[key] += 1
    for key, n in counts.items():
        state.stats[key] = n
    for key in STAT_NAMES:
        state.stats.setdefault(key, 0)


STAT_NAMES = ("lines_removed", "rejoined_across_breaks", "lines_joined", "hyphens_joined", "hyphens_kept",
              "footnotes", "captions_moved", "boxes_moved", "headings", "list_items", "misnumbered_headings")
"""Counters every cleaned document reports (the build report page reads them)."""


