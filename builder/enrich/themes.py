"""Themes, scored per paragraph so a theme page can point at the passages.

Takes a ``Document`` and the taxonomy from ``themes.yml``; returns the themes whose
evidence passes the threshold, strongest first, each with its best passages.

Each theme's trigger phrases compile into one regular expression (one named group per
phrase). A paragraph is read once for all themes: its words tell where a phrase of which
theme may start, and only there is that theme's regex tried (``matches_each``). A
paragraph's score for a theme is the sum, over the phrases it contains, of the phrase's
weight (2 for a phrase of several words, 1 for a single word) times the square root of how
often it occurs: several different phrases are stronger evidence than one repeated. A
section heading's phrases count for the paragraph that opens its section (the heading itself
is not citable). A paragraph whose score reaches ``PASSAGE_MIN`` is a passage of the theme;
a document carries the theme when its passages add up to ``DOCUMENT_MIN``, and that total is
the theme's strength there.

Its main themes (its tags, at most ``MAX_MAIN``) are those its own title is about, then those
that dominate a passage or a section of it (``dominant``: several hits of different phrases,
weighing ``LEAD`` times any other theme's there) by a share of the document's evidence
(``MAIN_SHARE``); the others it only mentions. A section holds its subsections, and the whole
document is a section too. A heading or run-in label counts for the
passage or section under it only where that body has evidence of the same theme in its own
words (``with_label``): a label names what follows, and a label alone (a list of topics, a
heading over a paragraph about something else) makes nothing main.

Phrase syntax (documented for editors at the top of ``themes.yml``): case-insensitive,
whole words; ``word*`` matches any ending; ``(x)`` is optional and ``(a|b)`` optional
choices, inside a word (``labo(u)r``) or as a whole word (``rights of (all) migrants``);
a hyphen matches a hyphen, a space or nothing; ’ and ' match each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, compress

from ..clean.text.hyphens import zipf
from ..config import Theme
from ..document import Block, Document, ThemeHit
from ..pure import pure
from . import keywords

PASSAGE_MIN = 2.0
"""A paragraph is evidence for a theme when its phrase weights add up to this (and it is not one
generic word alone: ``is_evidence``)."""
DOCUMENT_MIN = 3.0
"""A document mentions a theme when the scores of its passages add up to this; or when its phrases
scattered over several paragraphs, none a passage alone, weigh this much counted together
(``scattered``: one word in each of several paragraphs of a short text is a mention too, when it
weighs ``MAIN_SHARE`` of the evidence of the document's passages; in a long report about other
themes such words are asides)."""
SPECIFIC = 2.0
"""A phrase weighing this much is evidence on its own; a lighter one needs another phrase beside it."""
MAIN_PASSAGE = 4.0
"""A theme dominates a passage or section (``dominant``) when its phrases weigh this much there, …"""
MAIN_HITS = 2
"""… with this many hits of phrases weighing 1 or more (a light generic word adds weight, not hits),
of at least two different phrases, …"""
LEAD = 1.4
"""… and weighing at least this many times what any other theme weighs there."""
MAIN_SHARE = 0.09
"""A theme is main when the passages and sections it dominates weigh this share of the document's
theme evidence (the strengths of all its themes): one dominated paragraph is enough in a letter,
not in a long report, where it is an aside."""
DOMINANT = 0.75
"""A title is about the themes whose evidence in it weighs (nearly, this share of) the most."""
MAX_MAIN = 5
"""At most this many main themes a document (its tags); the others are listed as mentioned."""
MAX_PASSAGES = 3
SEP = r"[\s\-–]+"


def _word_pattern(token: str) -> str:
    """One word of a phrase → regex: ``labo(u)r`` → ``labo(?:u)?r``; ``traffick*`` → ``traffick\\w*``."""
    out = []
    for part in re.split(r"(\([^()]*\)|\*|-|['’])", token):
        if not part:
            continue
        if part.startswith("(") and part.endswith(")"):
            choices = "|".join(_word_pattern(c) for c in part[1:-1].split("|") if c)
            out.append(f"(?:{choices})?")
        elif part == "*":
            out.append(r"\w*")
        elif part == "-":
            out.append(r"[\s\-–]?")
        elif part in ("'", "’"):
            out.append("['’]")
        else:
            out.append(re.escape(part))
    return "".join(out)


def phrase_regex(phrase: str) -> str:
    """A trigger phrase → a regex (without boundaries); see the module docstring."""
    tokens = phrase.split()
    out = ""
    pending_optional = ""
    for i, token in enumerate(tokens):
        whole = re.fullmatch(r"\(([^()]+)\)", token)
        if whole:
            choices = "|".join(_word_pattern(c) for c in whole.group(1).split("|") if c)
            if i == len(tokens) - 1:
                out += f"(?:{SEP}(?:{choices}))?"
            else:
                pending_optional += f"(?:(?:{choices}){SEP})?"
            continue
        if out:
            out += SEP
        out += pending_optional + _word_pattern(token)
        pending_optional = ""
    return out


@pure
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """One phrase on its own, whole words, case-insensitive (for tests and tools)."""
    return re.compile(r"(?<!\w)(?:" + phrase_regex(phrase) + r")(?!\w)", re.IGNORECASE)


@pure
def weight(phrase: str) -> float:
    """A phrase of several words is stronger evidence than a single word."""
    return 2.0 if len([t for t in phrase.split() if not t.startswith("(")]) > 1 else 1.0


@pure
def _compiled(phrases: tuple[str, ...], only: frozenset[int] | None = None) -> re.Pattern[str]:
    """The phrases' regex; ``only``: with just those phrases (by index; group names unchanged)."""
    alternatives = _alternatives(phrases, only)
    # A look-ahead for the characters a match can start with lets the engine skip every other
    # word start without trying each phrase there (the same matches, found sooner).
    first = _first_chars(alternatives)
    ahead = "(?=[" + "".join(re.escape(c) for c in sorted(first)) + "])" if first else ""
    return re.compile(r"(?<!\w)" + ahead + "(?:" + alternatives + r")(?!\w)", re.IGNORECASE)


def _alternatives(phrases: tuple[str, ...], only: frozenset[int] | None = None) -> str:
    """The phrases' regexes as one alternation, a named group ``p<i>`` per phrase (``only``: those)."""
    # Longer phrases first, so "victims of trafficking" wins over "trafficking" at the same place.
    order = sorted(range(len(phrases)) if only is None else only, key=lambda i: (-len(phrases[i]), i))
    return "|".join(f"(?P<p{i}>{phrase_regex(phrases[i])})" for i in order)


def _read_regex(regex: str) -> list:
    """The regexes ``phrase_regex`` and ``_alternatives`` write, read back into a tree (public
    means only) for ``_first_chars`` and ``_literal_prefixes``: a list of items, each
    ``("lit", ch)``, ``("set", chars)`` (one of these literal characters), ``("any",)`` (a class
    or escape matching more than literals), ``("alt", branches)`` (a group: a list of item lists)
    or ``("rep", min, max, items)`` (``max`` -1: no bound). Anything else in ``regex`` (anchors,
    look-arounds, back-references, lazy or counted repeats, flags) is a ``ValueError``: the
    callers then give no bound, and the regex is used the plain way."""
    tree, pos = _read_branches(regex, 0)
    if pos != len(regex):
        raise ValueError("an unbalanced ')'")
    return [("alt", tree)]


def _read_branches(regex: str, pos: int) -> tuple[list[list], int]:
    """The branches (``|``) of ``regex`` from ``pos`` up to the ``)`` closing their group or the
    end, and the position there."""
    branches: list[list] = [[]]
    while pos < len(regex):
        ch = regex[pos]
        if ch == ")":
            break
        if ch == "|":
            branches.append([])
            pos += 1
            continue
        item, pos = _read_item(regex, pos)
        item, pos = _read_repeat(regex, pos, item)
        branches[-1].append(item)
    return branches, pos


def _read_item(regex: str, pos: int) -> tuple[tuple, int]:
    """One item (a group, an escape, a set, ``.`` or a literal) at ``pos``, and the position after it."""
    ch = regex[pos]
    if ch == "(":
        inner, pos = _read_branches(regex, _group_body(regex, pos))
        if pos >= len(regex) or regex[pos] != ")":
            raise ValueError("an unclosed group")
        return ("alt", inner), pos + 1
    if ch == "\\":
        return _read_escape(regex, pos)
    if ch == "[":
        return _read_set(regex, pos + 1)
    if ch == ".":
        return ("any",), pos + 1
    if ch in "^${}*+?":
        raise ValueError(f"{ch!r} where this reader does not expect it")
    return ("lit", ch), pos + 1


def _group_body(regex: str, pos: int) -> int:
    """Where the body of the group opening at ``pos`` starts (after ``(``, ``(?:`` or ``(?P<name>``)."""
    if regex.startswith("(?:", pos):
        return pos + 3
    if regex.startswith("(?P<", pos):
        end = regex.find(">", pos)
        if end < 0:
            raise ValueError("an unclosed group name")
        return end + 1
    if regex.startswith("(?", pos):
        raise ValueError("a group other than (?:…) and (?P<name>…)")
    return pos + 1


def _read_repeat(regex: str, pos: int, item: tuple) -> tuple[tuple, int]:
    """``item`` with the ``?``, ``*`` or ``+`` following it at ``pos`` (if any) applied."""
    if pos < len(regex) and regex[pos] in "?*+":
        low, high = {"?": (0, 1), "*": (0, -1), "+": (1, -1)}[regex[pos]]
        pos += 1
        if pos < len(regex) and regex[pos] in "?+*{":
            raise ValueError("a lazy, possessive or repeated repeat")
        return ("rep", low, high, [item]), pos
    if pos < len(regex) and regex[pos] == "{":
        raise ValueError("a counted repeat")
    return item, pos


def _read_escape(regex: str, at: int) -> tuple[tuple, int]:
    """The escape at ``at`` (a backslash): a literal character, or ``("any",)`` for a class."""
    if at + 1 >= len(regex):
        raise ValueError("a trailing backslash")
    ch = regex[at + 1]
    if ch.isascii() and ch.isalnum():
        if ch in "wWsSdD":
            return ("any",), at + 2
        raise ValueError(f"an escape \\{ch}")
    return ("lit", ch), at + 2


def _read_set(regex: str, at: int) -> tuple[tuple, int]:
    """The character set whose body starts at ``at`` (just after ``[``)."""
    chars: set[str] = set()
    literal = True
    if at < len(regex) and regex[at] in "^]":
        raise ValueError("a negated set or one starting with ']'")
    while True:
        if at >= len(regex):
            raise ValueError("an unclosed set")
        ch = regex[at]
        if ch == "]":
            return (("set", frozenset(chars)) if literal and chars else ("any",)), at + 1
        if ch == "\\":
            item, at = _read_escape(regex, at)
            if item[0] == "lit":
                chars.add(item[1])
            else:
                literal = False
            continue
        if ch == "[" or (ch == "-" and at + 1 < len(regex) and regex[at + 1] != "]" and chars):
            literal = False  # a range (or a nested-set warning): more than its literals
        chars.add(ch)
        at += 1


def _first_chars(regex: str) -> set[str] | None:
    """Every character a (non-empty) match of ``regex`` can start with, or None when unsure."""

    def seq(items) -> tuple[set[str] | None, bool]:
        out: set[str] = set()
        for item in items:
            chars, nullable = one(item)
            if chars is None:
                return None, False
            out |= chars
            if not nullable:
                return out, False
        return out, True

    def one(item) -> tuple[set[str] | None, bool]:
        kind = item[0]
        if kind == "lit":
            return {item[1]}, False
        if kind == "set":
            return set(item[1]), False
        if kind == "alt":
            out: set[str] = set()
            nullable = False
            for branch in item[1]:
                chars, empty = seq(branch)
                if chars is None:
                    return None, False
                out |= chars
                nullable = nullable or empty
            return out, nullable
        if kind == "rep":
            chars, empty = seq(item[3])
            return chars, empty or item[1] == 0
        return None, False

    try:
        chars, nullable = seq(_read_regex(regex))
    except Exception:  # a regex this reader does not know: no look-ahead, same matches
        return None
    if chars is None or nullable:
        return None
    return chars


def theme_regex(theme: Theme) -> re.Pattern[str]:
    """The one precompiled regex of a theme: a named group ``p<i>`` per phrase."""
    return _compiled(tuple(theme.phrases))


def _literal_prefixes(regex: str, limit: int = 256) -> set[str] | None:
    """Lower-cased ASCII letters and digits one of which every match of ``regex`` (compiled
    ignoring case) starts with, as long as the regex tells; None when a match may start otherwise."""
    Heads = list[tuple[str, bool]]  # (prefix so far, whether it may still grow)

    def seq(items, heads: Heads) -> Heads:
        for item in items:
            if not any(grows for _, grows in heads):
                break
            longer = [(s + t, more) for s, grows in heads for t, more in (one(item) if grows else [("", False)])]
            heads = list(dict.fromkeys(longer))
            if len(heads) > limit:
                raise OverflowError
        return heads

    def one(item) -> Heads:
        kind = item[0]
        if kind == "lit":
            ch = item[1]
            return [(ch.lower(), True)] if ch.isascii() and ch.isalnum() else [("", False)]
        if kind == "alt":
            return [head for branch in item[1] for head in seq(branch, [("", True)])]
        if kind == "rep":  # skipped (if it may be), or its first time round
            once = seq(item[3], [("", True)])
            first = once if item[2] == 1 else [(s, False) for s, _ in once]  # what follows a repeat is unknown
            return [("", True), *first] if item[1] == 0 else first
        return [("", False)]

    try:
        prefixes = {s for s, _ in seq(_read_regex(regex), [("", True)])}
    except Exception:  # a regex this reader does not know, or too many prefixes: no bound
        return None
    return None if "" in prefixes else prefixes


class _StartIndex:
    """Which phrases of which themes may match at a word start, told from the word alone.

    Every phrase match starts a word (``(?<!\\w)``) with one of its phrase's literal prefixes
    (``_literal_prefixes``), made of ASCII letters and digits. Ignoring case, such a letter
    only matches a letter (ASCII, or one of the few others that fold to it: ı, İ, ſ, the Kelvin
    sign), so a prefix matches at a word start exactly when the word, lower-cased, starts with
    it. A word with other than ASCII is given every phrase (the regex decides). A theme with a
    phrase of no known prefix is scanned the plain way (``scanned``)."""

    MEMO_SIZE = 100_000

    def __init__(self, phrase_lists: tuple[tuple[str, ...], ...]):
        self.phrase_lists = phrase_lists
        self.by_prefix: dict[str, list[tuple[int, int]]] = {}
        """Literal prefix → (theme, phrase) it may start."""
        self.scanned: list[int] = []
        """Themes a phrase of which may start otherwise: ``matches`` finds theirs."""
        every: list[tuple[int, re.Pattern[str]]] = []
        for t, phrases in enumerate(phrase_lists):
            starts = [_literal_prefixes(phrase_regex(phrase)) for phrase in phrases]
            if not phrases or None in starts:
                self.scanned.append(t)
                continue
            every.append((t, _compiled(phrases)))
            for i, prefixes in enumerate(starts):
                for prefix in prefixes:  # type: ignore[union-attr]
                    self.by_prefix.setdefault(prefix, []).append((t, i))
        self.every = tuple(every)
        self.lengths = sorted({len(p) for p in self.by_prefix})
        self.memo: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {}
        """``at`` of the words seen so far."""

    def at(self, word: str) -> tuple[tuple[int, re.Pattern[str]], ...]:
        """(theme, regex) for each theme a match may start with at the start of ``word`` (a
        run of \\w): the theme's regex with only the phrases that may, so at that place it
        finds what the theme's whole regex finds (the others could not match there)."""
        found = self.memo.get(word)
        if found is None:
            if not word.isascii():
                found = self.every
            else:
                low = word.lower()
                phrases: dict[int, set[int]] = {}
                for n in self.lengths:
                    if n > len(low):
                        break
                    for t, i in self.by_prefix.get(low[:n], ()):
                        phrases.setdefault(t, set()).add(i)
                found = tuple((t, _compiled(self.phrase_lists[t], frozenset(phrases[t]))) for t in sorted(phrases))
            if len(self.memo) >= self.MEMO_SIZE:
                self.memo.clear()
            self.memo[word] = found
        return found


def start_index(themes: list[Theme]) -> _StartIndex:
    """The themes' ``_StartIndex`` (made once per set of phrase lists)."""
    return _start_index(tuple(tuple(t.phrases) for t in themes))


@pure
def _start_index(phrase_lists: tuple[tuple[str, ...], ...]) -> _StartIndex:
    return _StartIndex(phrase_lists)


_WORD_RUNS = re.compile(r"(\w+)")


def matches_each(text: str, themes: list[Theme], index: _StartIndex | None = None) -> list[dict[str, int]]:
    """``matches(text, theme)`` for every theme, in one reading of ``text``: the same counts in
    the same order, because a theme's regex is tried at every place a match of it may start
    (``_StartIndex``), in order, resuming after each match, as ``finditer`` does. ``index``:
    the themes' ``start_index``, when the caller has it."""
    found = _found_each(text, themes, index or start_index(themes))
    return [found.get(t, {}) for t in range(len(themes))]


def _found_each(text: str, themes: list[Theme], index: _StartIndex) -> dict[int, dict[str, int]]:
    """``matches_each`` of the themes found in ``text`` alone, by their index in ``themes``."""
    # Other text and word runs alternate; word k is parts[2k + 1] and starts at ends[2k].
    parts = _WORD_RUNS.split(text)
    words = parts[1::2]
    at_word = list(map(index.memo.get, words))
    if None in at_word:
        at_word = [found if found is not None else index.at(w) for w, found in zip(words, at_word)]
    starts: dict[int, list[tuple[int, re.Pattern[str]]]] = {}
    hit = list(compress(range(len(words)), at_word))
    if hit:
        ends = list(accumulate(map(len, parts)))
        for k in hit:
            for t, regex in at_word[k]:
                starts.setdefault(t, []).append((ends[2 * k], regex))
    found: dict[int, dict[str, int]] = {}
    for t in index.scanned:
        if counts := matches(text, themes[t]):
            found[t] = counts
    for t, places in starts.items():
        phrases, counts = themes[t].phrases, {}
        resume = 0
        for at, regex in places:
            if at >= resume and (m := regex.match(text, at)):
                phrase = phrases[int(m.lastgroup[1:])]  # type: ignore[index]
                counts[phrase] = counts.get(phrase, 0) + 1
                resume = m.end()
        if counts:
            found[t] = counts
    return found


def evidence_in(text: str, themes: list[Theme], index: _StartIndex) -> dict[int, dict[str, int]]:
    """The phrases of each theme in ``text`` (``_found_each``), where a name is evidence for its own
    theme only: another theme's phrases inside a name a theme lists (``is_name``: the "Committee on
    Migrant Workers" is a treaty body, not a mention of migrant workers; the "Global Forum on
    Migration and Development" a forum) do not count there; a phrase that is the whole name does."""
    found = _found_each(text, themes, index)
    names = [(m.start(), m.end(), t) for t, counts in found.items() for p in counts if is_name(p, themes[t])
             for m in phrase_pattern(p).finditer(text)]
    if not names or len(found) < 2:
        return found
    out: dict[int, dict[str, int]] = {}
    for t in found:
        others = [(a, b) for a, b, u in names if u != t]
        counts = _counts_outside(text, themes[t], others) if others else found[t]
        if counts:
            out[t] = counts
    return out


def is_name(phrase: str, theme: Theme) -> bool:
    """An English phrase written with a capital is a name (as ``is_word_of`` reads it); a phrase of
    another language's list is not (German writes every noun with a capital)."""
    return phrase[:1].isupper() and not any(phrase in own for own in theme.languages.values())


def _counts_outside(text: str, theme: Theme, names: list[tuple[int, int]]) -> dict[str, int]:
    """``matches(text, theme)`` without the matches inside one of ``names`` (spans) and shorter than it."""
    counts: dict[str, int] = {}
    for m in theme_regex(theme).finditer(text):
        if any(a <= m.start() and m.end() <= b and (a, b) != m.span() for a, b in names):
            continue
        phrase = theme.phrases[int(m.lastgroup[1:])]  # type: ignore[index]
        counts[phrase] = counts.get(phrase, 0) + 1
    return counts


def citable_blocks(doc: Document) -> list[Block]:
    """The document's citable blocks in reading order, admonition bodies included.

    ``ThemeHit.passages`` indexes this list (as ``permalinks`` numbers paragraphs)."""
    return [x for b in doc.blocks for x in [b, *b.children] if x.citable]


def matches(text: str, theme: Theme) -> dict[str, int]:
    """Phrase → how many times it occurs in ``text``."""
    counts: dict[str, int] = {}
    for m in theme_regex(theme).finditer(text):
        phrase = theme.phrases[int(m.lastgroup[1:])]  # type: ignore[index]
        counts[phrase] = counts.get(phrase, 0) + 1
    return counts


def phrase_weight(phrase: str, theme: Theme | None = None) -> float:
    """The weight themes.yml gives ``phrase`` (``- phrase: weight``), else its default ``weight``."""
    if theme is not None and phrase in theme.weights:
        return theme.weights[phrase]
    return weight(phrase)


def paragraph_score(counts: dict[str, int], theme: Theme | None = None) -> float:
    return sum(phrase_weight(p, theme) * n ** 0.5 for p, n in counts.items())


def is_evidence(counts: dict[str, int], theme: Theme | None = None) -> bool:
    """Never one generic word alone: two different phrases, or one weighing ``SPECIFIC`` or more."""
    return len(counts) >= 2 or any(phrase_weight(p, theme) >= SPECIFIC for p in counts)


def is_main(counts: dict[str, int], theme: Theme | None = None) -> bool:
    """Enough for a passage or section to be about the theme: ``MAIN_HITS`` hits of phrases weighing
    1 or more, of at least two different phrases, weighing ``MAIN_PASSAGE`` together."""
    hits = sum(n for p, n in counts.items() if phrase_weight(p, theme) >= 1)
    return len(counts) >= 2 and hits >= MAIN_HITS and paragraph_score(counts, theme) >= MAIN_PASSAGE


def scattered(counts: dict[str, int], paragraphs: int, theme: Theme | None = None) -> bool:
    """A theme's phrases over a whole document, none of its paragraphs a passage, make a mention:
    in two paragraphs or more, two different phrases (or one weighing ``SPECIFIC``: never one
    generic word repeated), weighing ``DOCUMENT_MIN`` counted together (``paragraph_score``: a
    repeated phrase adds less each time)."""
    return paragraphs >= 2 and is_evidence(counts, theme) and paragraph_score(counts, theme) >= DOCUMENT_MIN


def dominant(found: dict[int, dict[str, int]], themes: list[Theme]) -> tuple[int, float] | None:
    """The theme (by index) a passage or section is about, and its score there: ``is_main``, and
    ``LEAD`` times heavier than any other theme's evidence there; None when no theme leads so
    (a paragraph listing several topics is about none of them)."""
    scores = {t: paragraph_score(c, themes[t]) for t, c in found.items()}
    for t, counts in found.items():
        runner_up = max((s for u, s in scores.items() if u != t), default=0.0)
        if is_main(counts, themes[t]) and scores[t] >= LEAD * runner_up:
            return t, scores[t]
    return None


def subject(body: dict[int, dict[str, int]], label: dict[int, dict[str, int]],
            themes: list[Theme]) -> tuple[int, float] | None:
    """The theme (by index) a passage or section is about, and its score there: the one that
    dominates it (``dominant``), else the one its heading or run-in label names (``_named``) when
    the body treats it too (its own words are evidence of it, and with the label's ``is_main``)."""
    # The "a heading or run-in label about it makes a theme main", read as: the label says
    # what the body under it is about, and the body must bear it out. A label alone (a heading over
    # a paragraph about something else, a numbered list of topics) made main themes of passing
    # mentions (4 or 5 for every seed); counted only with the body's own evidence, it decides
    # between themes a mixed section treats nearly as much.
    found = with_label(body, label, themes)
    lead = dominant(found, themes)
    if lead is not None:
        return lead
    named = [(paragraph_score(found[t], themes[t]), t) for t in _named(label, themes)
             if t in body and is_evidence(body[t], themes[t]) and is_main(found[t], themes[t])]
    return (max(named)[1], max(named)[0]) if named else None


def with_label(body: dict[int, dict[str, int]], label: dict[int, dict[str, int]],
               themes: list[Theme]) -> dict[int, dict[str, int]]:
    """A passage's or section's own evidence with its heading's or run-in label's added, for the
    themes the body itself has evidence of (``is_evidence``): a label alone proves nothing."""
    out = {t: dict(c) for t, c in body.items()}
    for t, extra in label.items():
        if t in body and is_evidence(body[t], themes[t]):
            _add_counts(out[t], extra)
    return out


def _add_counts(into: dict[str, int], more: dict[str, int]) -> None:
    for phrase, n in more.items():
        into[phrase] = into.get(phrase, 0) + n


DEFAULT_LANGUAGE = "en"
"""The language of a theme's ``phrases`` (``phrases_<code>`` give the others)."""
LANGUAGE_NAMES = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fr": "French", "it": "Italian",
    "ja": "Japanese", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ru": "Russian", "sv": "Swedish",
    "tr": "Turkish", "uk": "Ukrainian", "zh": "Chinese",
}


def language_name(code: str) -> str:
    return f"{LANGUAGE_NAMES[code]} ({code})" if code in LANGUAGE_NAMES else f"language '{code}'"


def languages(themes: list[Theme]) -> set[str]:
    """The languages the themes have phrases in (English always)."""
    return {DEFAULT_LANGUAGE, *(lang for t in themes for lang in t.languages)}


def in_language(theme: Theme, lang: str | None) -> Theme:
    """``theme`` as it matches a document in ``lang``: that language's phrases first, then the
    English ones (names, acronyms and quotations are often English in any language)."""
    own = theme.languages.get(lang or "", [])
    english = [p for p in theme.phrases if not is_word_of(p, lang or DEFAULT_LANGUAGE)]
    if not own and len(english) == len(theme.phrases):
        return theme
    return Theme(theme.id, theme.label, theme.description,
                 list(dict.fromkeys([*own, *english])), theme.weights, theme.languages)


COMMON = 3.0
"""A phrase is a word of a language when ``wordfreq`` rates it this common there (Zipf scale: 3 is
once per million words), …"""
LOAN_GAP = 0.5
"""… and nearly as common there as in English (at most this much lower on the Zipf scale, about a
third as frequent): an English term quoted in another language's texts ("trafficking" in Swedish)
is much rarer there than in English, a word of that language ("data" in Portuguese) is not."""


@pure  # the same few hundred phrases are asked about for every document of a language
def is_word_of(phrase: str, lang: str) -> bool:
    """Whether the English ``phrase`` (any of its spellings) is also a common word or phrase of
    ``lang`` ("data" in Portuguese, "integration" in German), so that it would be a false trigger
    in a text in ``lang``. A phrase written with a capital is a name (UNHCR, "International
    Dialogue on Migration"), the same in any language; a word with a digit ("post-2015") is a
    term; a language ``wordfreq`` has no list for, or cannot split into words without an extra
    tokenizer (Chinese, Japanese), has no such words."""
    if lang == DEFAULT_LANGUAGE or phrase[:1].isupper():
        return False
    try:
        # Word by word: wordfreq rates a run of words by its rarest, and the lists of other
        # languages hold enough English ("of" in French) to rate English phrases common there.
        return any(all(_common_in(w, lang) for w in s.split()) for s in _spellings(phrase))
    except (LookupError, ImportError):  # no list, or one that needs a tokenizer not installed (zh: jieba)
        return False


def _common_in(text: str, lang: str) -> bool:
    if any(c.isdigit() for c in text):
        return False
    there = zipf(text, lang)
    return there >= COMMON and there >= zipf(text, DEFAULT_LANGUAGE) - LOAN_GAP


def _spellings(phrase: str) -> set[str]:
    """The plain spellings of a trigger phrase: optional parts in and out, each choice, ``*``
    dropped (the stem as written), hyphens as spaces: ``(re)integration`` → integration, reintegration."""
    m = re.search(r"\(([^()]*)\)", phrase)
    if not m:
        return {" ".join(phrase.replace("*", "").replace("-", " ").split())}
    out: set[str] = set()
    for choice in ["", *m.group(1).split("|")]:
        out |= _spellings(phrase[:m.start()] + choice + phrase[m.end():])
    return out


_RUN_IN = re.compile(r"^([^\W\d][^.:;!?\n]{2,80}?):\s+\S")
"""A run-in label opening a paragraph (``Family reunification: …``): a few words, then a colon."""


def run_in_label(block: Block) -> str:
    """The run-in label a paragraph opens with (at most eight words before a colon), or ''."""
    m = _RUN_IN.match(block.text)
    return m.group(1) if m and len(m.group(1).split()) <= 8 else ""


def main_ids(doc: Document) -> set[str]:
    """The document's main themes (its title names them, or they dominate a passage or section of
    it: at most ``MAX_MAIN``, see ``_Tally.hits``)."""
    return set(doc.main_themes)


def split_hits(doc: Document) -> tuple[list[ThemeHit], list[ThemeHit]]:
    """(main themes, themes only mentioned), each strongest first."""
    main = main_ids(doc)
    return [h for h in doc.themes if h.theme in main], [h for h in doc.themes if h.theme not in main]


def _named(found: dict[int, dict[str, int]], themes: list[Theme]) -> set[int]:
    """The themes a title, heading or run-in label is about: the evidence in it (``is_evidence``)
    weighing (nearly, ``DOMINANT``) the most."""
    scores = {t: paragraph_score(c, themes[t]) for t, c in found.items() if is_evidence(c, themes[t])}
    top = max(scores.values(), default=0.0)
    return {t for t, s in scores.items() if s >= DOMINANT * top}


def score(doc: Document, themes: list[Theme]) -> list[ThemeHit]:
    """The themes ``doc`` carries (``themes_found``)."""
    return themes_found(doc, themes)[0]


def themes_found(doc: Document, themes: list[Theme]) -> tuple[list[ThemeHit], list[str]]:
    """The themes ``doc`` carries: its main themes first, then the ones it only mentions, each
    strongest first, with their best passages; and the ids of its main themes (for
    ``doc.main_themes``). A document in a language themes.yml has no phrases for gets a warning
    naming it (English phrases are tried)."""
    lang = doc.meta.lang or DEFAULT_LANGUAGE
    active = [in_language(t, lang) for t in themes]
    # A title the builder made up from the text (``synthesised``) says nothing the text does not.
    own_title = "" if doc.meta.title_source == "synthesised" else doc.meta.title or ""
    tally = _Tally(active, _named(evidence_in(own_title, active, start_index(active)), active))
    for i, evidence in enumerate(_paragraph_evidence(doc, active, themes)):
        tally.add(i, evidence)
    main, hits = tally.hits()
    if lang not in languages(themes):
        doc.warnings.append(_language_warning(lang, themed=bool(main or hits)))
    return main + hits, [h.theme for h in main]


Counts = dict[int, dict[str, int]]
"""Theme (by index) → phrase → how many times it occurs."""


@dataclass(frozen=True, slots=True)
class _Evidence:
    """What one citable paragraph shows: its evidence with its section heading's counted in
    (``found``); its own words' (``own``); its run-in label's (``label``); and the headings met
    since the paragraph before it (``opened``: level and evidence of each), which open sections."""

    found: Counts
    own: Counts
    label: Counts
    opened: tuple[tuple[int, Counts], ...]


def _paragraph_evidence(doc: Document, active: list[Theme],
                        themes: list[Theme] | None = None) -> Iterator[_Evidence]:
    """The evidence of each citable paragraph, in the order ``citable_blocks`` numbers them; with
    ``themes`` (as in themes.yml), a block in another language than the document's (``Block.lang``:
    an English abstract in a Portuguese report) is read with that language's phrases."""
    by_lang = {"": (active, start_index(active))}
    opening: Counts = {}
    opened: list[tuple[int, Counts]] = []
    for block in (x for b in doc.blocks for x in [b, *b.children]):
        if block.lang not in by_lang and themes is not None:
            other = [in_language(t, block.lang) for t in themes]
            by_lang[block.lang] = (other, start_index(other))
        phrases, index = by_lang.get(block.lang, by_lang[""])
        if block.kind == "heading" and block.level >= 2:
            # A section heading is evidence for the paragraph that opens its section.
            opening = evidence_in(block.text, phrases, index)
            opened.append((block.level, opening))
            continue
        if not block.citable:
            continue
        own = evidence_in(block.text, phrases, index)
        label = run_in_label(block)
        found = {t: dict(c) for t, c in own.items()}
        for t, extra in opening.items():
            _add_counts(found.setdefault(t, {}), extra)
        yield _Evidence(found, own, evidence_in(label, phrases, index) if label else {}, tuple(opened))
        opening, opened = {}, []


class _Tally:
    """Per theme, what the document's paragraphs add up to."""

    def __init__(self, active: list[Theme], titled: set[int]):
        self.active = active
        self.titled = titled
        """The themes the document's title is about."""
        self.passages: list[list[tuple[int, float]]] = [[] for _ in active]
        self.matched: list[set[str]] = [set() for _ in active]
        self.totals = [0.0 for _ in active]
        self.spread: list[dict[str, int]] = [{} for _ in active]
        self.spread_at: list[list[tuple[int, float]]] = [[] for _ in active]
        """Per theme, its phrases over all paragraphs' own words, and where they are (``scattered``)."""
        self.focus = [0.0 for _ in active]
        """Per theme, the scores of the passages and sections it dominates (what makes and ranks
        the main themes)."""
        self.sections: list[tuple[int, Counts, Counts]] = [(1, {}, {})]
        """The sections open at the paragraph being read, outermost first (the whole document, then
        a section for each heading above it): level, heading's evidence, paragraphs' own evidence."""

    def add(self, i: int, evidence: _Evidence) -> None:
        """Count paragraph ``i`` (its index among the citable blocks) for each theme it is a passage
        of, and for the theme it is about (``subject``); it is part of every section open there."""
        for t, counts in evidence.own.items():
            _add_counts(self.spread[t], counts)
            self.spread_at[t].append((i, round(paragraph_score(counts, self.active[t]), 3)))
        for t, counts in evidence.found.items():
            theme = self.active[t]
            s = paragraph_score(counts, theme)
            if s < PASSAGE_MIN or not is_evidence(counts, theme):
                continue
            self.matched[t].update(counts)
            self.totals[t] += round(s, 3)
            if t in evidence.own:  # a passage is quoted only where its own words show the evidence
                self.passages[t].append((i, round(s, 3)))
        self._focus(subject(evidence.own, evidence.label, self.active))
        for level, heading in evidence.opened:
            self._close_sections(level)
            self.sections.append((level, heading, {}))
        for _, _, body in self.sections:
            for t, counts in evidence.own.items():
                _add_counts(body.setdefault(t, {}), counts)

    def _focus(self, about: tuple[int, float] | None) -> None:
        if about is not None:
            self.focus[about[0]] += about[1]

    def _close_sections(self, level: int) -> None:
        """Close the open sections a heading of ``level`` ends (those at that level or below it)."""
        while self.sections and self.sections[-1][0] >= level:
            _, heading, body = self.sections.pop()
            self._focus(subject(body, heading, self.active))

    def _scattered_hit(self, t: int) -> ThemeHit:
        """A mention made of phrases scattered over the document: its paragraphs quoted, best first."""
        spread = sorted(self.spread_at[t], key=lambda p: (-p[1], p[0]))
        strength = round(paragraph_score(self.spread[t], self.active[t]), 3)
        return ThemeHit(self.active[t].id, strength, tuple(spread[:MAX_PASSAGES]), tuple(sorted(self.spread[t])))

    def hits(self) -> tuple[list[ThemeHit], list[ThemeHit]]:
        """(main themes, themes only mentioned), each strongest first."""
        self._close_sections(0)  # and the whole document, a section too
        whole = sum(self.totals)
        hits: list[ThemeHit] = []
        main: list[ThemeHit] = []
        for t, theme in enumerate(self.active):
            passages = self.passages[t]
            treated = t in self.titled or (self.focus[t] > 0 and self.focus[t] >= MAIN_SHARE * whole)
            if passages and (treated or self.totals[t] >= DOCUMENT_MIN):
                passages.sort(key=lambda p: (-p[1], p[0]))
                hit = ThemeHit(theme.id, round(self.totals[t], 3), tuple(passages[:MAX_PASSAGES]),
                               tuple(sorted(self.matched[t])))
                (main if treated else hits).append(hit)
            elif scattered(self.spread[t], len(self.spread_at[t]), theme) \
                    and paragraph_score(self.spread[t], theme) >= MAIN_SHARE * whole:
                hits.append(self._scattered_hit(t))  # not an aside of a long text about other themes
        # The themes the title names, then those the document's passages and sections are most about.
        rank = {theme.id: (t not in self.titled, -self.focus[t]) for t, theme in enumerate(self.active)}
        main.sort(key=lambda h: (*rank[h.theme], -h.score, h.theme))
        hits += main[MAX_MAIN:]
        main = sorted(main[:MAX_MAIN], key=lambda h: (-h.score, h.theme))
        hits.sort(key=lambda h: (-h.score, h.theme))
        return main, hits


def _language_warning(lang: str, themed: bool) -> str:
    return (f"themes: themes.yml has no phrases in {language_name(lang)}, the language of this document"
            + ("; only its English phrases were tried" if themed else "; it is not themed")
            + f" (add 'phrases_{lang}' to the themes)")


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z“\"(])")


def best_excerpt(text: str, theme: Theme, words: int = 45) -> str:
    """The sentence of ``text`` with the most evidence for ``theme``, cut to ``words`` words
    around the first match (``…`` marks what was cut)."""
    sentences = _SENTENCE_END.split(text) or [text]
    best = max(sentences, key=lambda s: (paragraph_score(matches(s, theme), theme), -sentences.index(s)))
    tokens = best.split()
    if len(tokens) <= words:
        return best.strip()
    m = theme_regex(theme).search(best)
    at = len(best[:m.start()].split()) if m else 0
    start = max(0, min(at - words // 3, len(tokens) - words))
    cut = " ".join(tokens[start:start + words])
    return ("… " if start else "") + cut + (" …" if start + words < len(tokens) else "")


def suggest_phrases(doc: Document, themes: list[Theme], limit: int = 8) -> list[str]:
    """Key phrases of an unthemed document that no theme's phrases already match, for an
    editor to add to ``themes.yml``."""
    phrases = keywords.extract(citable_blocks(doc), limit=limit * 3)
    return [p for p in phrases if not any(theme_regex(t).search(p) for t in themes)][:limit]
