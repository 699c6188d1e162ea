"""Literal screens: the strings one of which every match of a regular expression holds, so a text
holding none of them is not searched.

Python's ``re`` tries a case-insensitive alternation of phrases branch by branch at every position
of a text (about a millisecond for each of the document type's cue patterns on a 10 KB document,
most of which match nowhere), while ``str.__contains__`` scans for a literal in microseconds. This
module reads a pattern's source (a small reader of its own for the syntax the builder's patterns
use; anything else it does not know, and the pattern gets no screen) and finds, for each branch,
the longest run of letters the branch must match in a row: ``(?:press|news|media)\\s+release``
needs ``release``, ``for\\s+immediate\\s+release`` needs ``immediate``. A text lower-cased holding
none of a pattern's ``needs`` has no match of it.

Lower-casing is exact for this: a character ``re`` takes for a literal letter of the Latin or
Cyrillic alphabets, ignoring case or not, lower-cases to that letter's lower case, except for the
few characters in ``HAZARDS`` (the dotted capital I, whose lower case is two characters; the
dotless i and the long s, which ``re`` takes for ``i`` and ``s``; old forms of Cyrillic letters),
and a text holding one of those is always searched (``tests/test_literals_fast.py`` proves this for
every character that ``re`` takes for a letter of the screens, over all of Unicode, and compares
the screened answers with the patterns' own on the seeds, the dev corpus and generated documents).

An alternation is also searched with only the branches whose strings the text holds (``Screen``):
a branch that cannot match anywhere in a text changes no match at any position, so the pattern
written without it finds the same match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

HAZARDS = "\u0130\u0131\u017f\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87"
"""Characters ``re`` takes for a letter a screen may hold (``_char``) though their lower case is not
that letter: İ and ı (for ``i``), ſ (for ``s``), and old forms of Cyrillic в, д, о, с, т, ъ, ѣ."""
_NOT_LITERAL = "\u0131\u017f\u00b5"
"""Lower-case letters that ``re`` takes for another lower-case letter (ı, ſ, µ): never screened for."""
_HAZARD = re.compile("[" + HAZARDS + "]")
MAX_EXACT = 64
"""The most spellings of a run followed (``(?:a|b)(?:c|d)…`` multiplies them), past which the run ends."""
MIN_NEED = 3
"""A literal shorter than this screens out too little to be worth its scan: no screen."""
_CLASS_ESCAPES = set("sSwWdD")
_ZERO_WIDTH_ESCAPES = set("bBAZ")
_LITERAL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}


class Unknown(ValueError):
    """Syntax this reader does not follow: the pattern gets no screen."""


Needs = tuple[frozenset[str], ...]
"""Sets of strings, each of which a match holds one of (every set: ``(a|b) and (c)``)."""


@dataclass(frozen=True)
class Need:
    """What a piece of pattern matches: ``exact``, every string it can match (when few and known),
    and ``needs``, sets of strings its every match holds one of each."""

    exact: frozenset[str] | None
    needs: Needs = ()


_ANY = Need(None)
_EMPTY = Need(frozenset({""}))


def _useful(found: frozenset[str] | None) -> bool:
    return found is not None and min(map(len, found)) > 0


def _best(sets: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    best = None
    for found in sets:
        best = _better(best, found)
    return best


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two need sets: the longer shortest string, then the fewer strings."""
    if a is None or min(map(len, a)) == 0:
        return b
    if b is None or min(map(len, b)) == 0:
        return a
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


class _Reader:
    """A recursive reader of a pattern's source, giving each piece's ``Need``."""

    def __init__(self, source: str) -> None:
        self.s, self.i = source, 0

    def peek(self) -> str:
        return self.s[self.i] if self.i < len(self.s) else ""

    def take(self) -> str:
        c = self.peek()
        self.i += 1
        return c

    def alternation(self) -> Need:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        exact: frozenset[str] | None = None
        if all(b.exact is not None for b in branches):
            exact = frozenset().union(*(b.exact for b in branches if b.exact is not None))
            exact = exact if len(exact) <= MAX_EXACT else None
        each = [_best((b.exact, *b.needs)) for b in branches]
        if any(found is None for found in each):
            return Need(exact)
        return Need(exact, (frozenset().union(*(found for found in each if found is not None)),))

    def sequence(self) -> Need:
        run: frozenset[str] = frozenset({""})  # the spellings of the current run of known strings
        sets: list[frozenset[str]] = []
        whole = True  # the sequence so far is one run (its ``exact`` is the run's)
        while self.peek() not in ("", "|", ")"):
            piece = self.quantified()
            sets += piece.needs
            if piece.exact is not None and len(run) * len(piece.exact) <= MAX_EXACT:
                run = frozenset(a + b for a in run for b in piece.exact)
                continue
            sets.append(run)
            whole = False
            run = piece.exact if piece.exact is not None and len(piece.exact) <= MAX_EXACT else frozenset({""})
        sets.append(run)
        return Need(run if whole else None, tuple(found for found in sets if _useful(found)))

    def quantified(self) -> Need:
        piece = self.atom()
        low = self.quantifier()
        if low is None:
            return piece
        if low == 0:
            return Need(piece.exact | {""} if piece.exact is not None and self._once else None)
        return Need(None, piece.needs + ((piece.exact,) if piece.exact is not None and _useful(piece.exact) else ()))

    def quantifier(self) -> int | None:
        """The least count of a quantifier after an atom (``None``: no quantifier); sets ``_once``
        when it is ``?`` (the atom once or not at all)."""
        c = self.peek()
        self._once = c == "?"
        if c in ("?", "*", "+"):
            self.i += 1
            low = 1 if c == "+" else 0
        elif c == "{":
            m = re.compile(r"\{(\d*)(,?)(\d*)\}").match(self.s, self.i)
            if not m or not (m.group(1) or m.group(3)):
                raise Unknown("a brace that is not a quantifier")
            self.i = m.end()
            low = int(m.group(1) or 0)
            self._once = low == 0 and m.group(3) == "1" and bool(m.group(2))
        else:
            return None
        if self.peek() in ("?", "+"):  # lazy or possessive: the same strings
            self.i += 1
        return low

    def atom(self) -> Need:
        c = self.take()
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == "\\":
            return self.escape()
        if c in ("^", "$"):
            return _EMPTY
        if c == ".":
            return _ANY
        if c in ("*", "+", "?", "{"):
            raise Unknown("a quantifier with nothing before it")
        return _char(c)

    def group(self) -> Need:
        zero_width = False
        if self.peek() == "?":
            self.i += 1
            kind = self.take()
            if kind == "P":
                if self.take() != "<":
                    raise Unknown("(?P= or (?P>")
                while self.take() not in (">", ""):
                    pass
            elif kind in ("=", "!"):
                zero_width = True
            elif kind == "<" and self.peek() in ("=", "!"):
                self.i += 1
                zero_width = True
            elif kind and kind in "aiLmsux-":
                self.i -= 1
                m = re.compile(r"[aiLmsu]*(?:-[ims]+)?:").match(self.s, self.i)
                if not m:
                    raise Unknown("global flags, verbose flags or an unknown group")
                self.i = m.end()
            elif kind != ":":
                raise Unknown(f"group (?{kind}")
        inner = self.alternation()
        if self.take() != ")":
            raise Unknown("an unclosed group")
        return _EMPTY if zero_width else inner

    def char_class(self) -> Need:
        chars: set[str] = set()
        first = True
        while True:
            c = self.take()
            if c == "":
                raise Unknown("an unclosed class")
            if c == "]" and not first:
                break
            first = False
            if c == "^" and not chars:
                chars.add("\0negated")
            elif c == "\\":
                e = self.take()
                chars.add(_LITERAL_ESCAPES.get(e, e) if not e.isalnum() or e in _LITERAL_ESCAPES else "\0class")
            elif c == "[":
                raise Unknown("a nested set")
            elif self.peek() == "-" and self.s[self.i + 1:self.i + 2] not in ("]", ""):
                self.i += 2
                chars.add("\0range")
            else:
                chars.add(c)
        if any(c.startswith("\0") for c in chars):
            return _ANY
        spelt = [_char(c).exact for c in chars]
        if any(s is None for s in spelt):
            return _ANY
        return Need(frozenset().union(*(s for s in spelt if s is not None)))

    def escape(self) -> Need:
        e = self.take()
        if e == "":
            raise Unknown("a pattern ending in a backslash")
        if e in _ZERO_WIDTH_ESCAPES:
            return _EMPTY
        if e in _CLASS_ESCAPES or e.isdigit():
            return _ANY  # a class, or a group's text again
        if e in _LITERAL_ESCAPES:
            return _char(_LITERAL_ESCAPES[e])
        if e.isalnum():
            raise Unknown(f"escape \\{e}")
        return _char(e)


def _char(c: str) -> Need:
    """A character of the pattern: a letter to screen for (lower-cased) when it is in the Latin or
    Cyrillic alphabets (Greek has letters that ``re`` takes for others), else any character."""
    low = c.lower()
    if len(low) != 1 or not (ord(low) < 0x370 or 0x400 <= ord(low) < 0x530) or low in _NOT_LITERAL + HAZARDS:
        return _ANY
    return Need(frozenset({low}))


def needs(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...] | None:
    """Groups of lower-case strings such that every match of ``pattern`` (lower-cased) holds one
    string of each group; ``None`` when the pattern's syntax is not one this module reads, or no
    group of strings of ``MIN_NEED`` characters or more is known."""
    if pattern.flags & re.VERBOSE or not isinstance(pattern.pattern, str):
        return None
    return source_needs(pattern.pattern)


def source_needs(source: str) -> tuple[tuple[str, ...], ...] | None:
    """``needs`` of the pattern written ``source`` (not verbose)."""
    reader = _Reader(source)
    try:
        whole = reader.alternation()
    except (Unknown, IndexError):
        return None
    if reader.i != len(reader.s):
        return None  # an unbalanced ")"
    groups = {tuple(sorted(_shortest_cover(found), key=lambda s: (-len(s), s)))
              for found in (whole.exact, *whole.needs) if found is not None and min(map(len, found)) >= MIN_NEED}
    if not groups:
        return None
    return tuple(sorted(groups, key=lambda g: (-min(map(len, g)), len(g), g)))


def branches(source: str) -> tuple[str, str, list[str]] | None:
    """``(before, after, branches)`` when ``source`` is an alternation, ``A|B|C`` (nothing before
    nor after), or holds a group ``(?:A|B|C)`` outside any other (the first such), between
    ``before`` and ``after``; else ``None``. The pattern ``before + "(?:" + "|".join(branches) +
    ")" + after`` is ``source``'s own alternation."""
    cuts, groups, depth, i = [], [], 0, 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(source, i)
            continue
        if c == "(":
            if depth == 0:
                groups.append([i, -1])
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0 and groups:
                groups[-1][1] = i
        elif c == "|" and depth <= 1:
            cuts.append((depth, i))
        i += 1
    top = [at for d, at in cuts if d == 0]
    if top:
        return "", "", _split(source, top, 0, len(source))
    for opened, closed in groups:
        inner = [at for d, at in cuts if opened < at < closed]
        if inner and source.startswith("(?:", opened):
            return source[:opened], source[closed + 1:], _split(source, inner, opened + 3, closed)
    return None


def _class_end(source: str, i: int) -> int:
    """The index after the set ``[…]`` that opens at ``i``."""
    j = i + 1
    if source[j:j + 1] == "^":
        j += 1
    if source[j:j + 1] == "]":
        j += 1
    while j < len(source) and source[j] != "]":
        j += 2 if source[j] == "\\" else 1
    return j + 1


def _split(source: str, cuts: list[int], start: int, end: int) -> list[str]:
    bounds = [start - 1, *cuts, end]
    return [source[a + 1:b] for a, b in zip(bounds, bounds[1:])]


def _shortest_cover(found: Iterable[str]) -> set[str]:
    """``found`` without the strings that hold another of them (a text holding the longer holds the shorter)."""
    ordered = sorted(set(found), key=len)
    kept: list[str] = []
    for s in ordered:
        if not any(k in s for k in kept):
            kept.append(s)
    return set(kept)


@dataclass(frozen=True)
class Plan:
    """How a pattern is searched through a screen: its ``needs``, and when it is an alternation
    without capturing groups (``branches``), each branch's needs and how to write the pattern
    with only some of its branches."""

    needs: tuple[tuple[str, ...], ...] | None
    before: str = ""
    after: str = ""
    branches: tuple[str, ...] = ()
    branch_needs: tuple[tuple[tuple[str, ...], ...] | None, ...] = ()


def plan(pattern: re.Pattern[str]) -> Plan:
    found = needs(pattern)
    split = branches(pattern.pattern) if found is not None or pattern.groups == 0 else None
    if split is None or pattern.groups or pattern.flags & re.VERBOSE:
        return Plan(found)
    before, after, parts = split
    each = tuple(source_needs(part) for part in parts)
    if all(n is None for n in each):
        return Plan(found)
    return Plan(found, before, after, tuple(parts), each)


def _holds(folded: str, needs: tuple[tuple[str, ...], ...]) -> bool:
    """Whether ``folded`` holds a string of each group of ``needs``."""
    return all(any(s in folded for s in group) for group in needs)


class Screen:
    """``search(pattern, text)``: ``pattern.search(text)``, or ``None`` at once when the text
    lacks all of the pattern's ``needs``; an alternation is searched with only the branches whose
    needs the text holds (a branch that cannot match anywhere in the text changes no match, at
    any position). Each pattern is read once; the lower case of the last ``KEEP`` texts is kept
    (a stage asks several patterns about the same few texts)."""

    KEEP = 8
    PRUNED = 4096
    """The most patterns written with some of their branches kept (past it, the store starts afresh)."""

    def __init__(self) -> None:
        self._plans: dict[re.Pattern[str], Plan] = {}
        self._folded: dict[int, tuple[str, str | None]] = {}
        self._pruned: dict[tuple[re.Pattern[str], tuple[int, ...]], re.Pattern[str]] = {}

    def plan(self, pattern: re.Pattern[str]) -> Plan:
        found = self._plans.get(pattern)
        if found is None:
            found = self._plans[pattern] = plan(pattern)
        return found

    def folded(self, text: str) -> str | None:
        """``text`` lower-cased, or ``None`` when it holds a character of ``HAZARDS``."""
        kept = self._folded.get(id(text))
        if kept is not None and kept[0] is text:
            return kept[1]
        if len(self._folded) >= self.KEEP:
            self._folded.clear()
        folded = None if _HAZARD.search(text) else text.lower()
        self._folded[id(text)] = (text, folded)  # (the text is held, so its id is not reused meanwhile)
        return folded

    def may_match(self, pattern: re.Pattern[str], text: str) -> bool:
        """Whether ``pattern`` may match in ``text`` (``False``: it does not)."""
        found = self.plan(pattern).needs
        if found is None:
            return True
        folded = self.folded(text)
        return folded is None or _holds(folded, found)

    def search(self, pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
        """``pattern.search(text)``, the same match, found faster."""
        how = self.plan(pattern)
        if how.needs is None and not how.branches:
            return pattern.search(text)
        folded = self.folded(text)
        if folded is None:
            return pattern.search(text)
        if how.needs is not None and not _holds(folded, how.needs):
            return None
        if how.branches:
            kept = tuple(i for i, each in enumerate(how.branch_needs) if each is None or _holds(folded, each))
            if not kept:
                return None
            if len(kept) < len(how.branches):
                pattern = self._with_branches(pattern, how, kept)
        return pattern.search(text)

    def _with_branches(self, pattern: re.Pattern[str], how: Plan, kept: tuple[int, ...]) -> re.Pattern[str]:
        key = (pattern, kept)
        found = self._pruned.get(key)
        if found is None:
            if len(self._pruned) >= self.PRUNED:
                self._pruned.clear()
            source = how.before + "(?:" + "|".join(how.branches[i] for i in kept) + ")" + how.after
            found = self._pruned[key] = re.compile(source, pattern.flags)
        return found
