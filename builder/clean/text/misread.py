"""Words that look misread by OCR: found by a general rule, listed for an editor, never corrected.

A word is a likely misreading when it is not a word of the document's language (its frequency in
``wordfreq``'s list is low) while one of the common OCR confusions (``CONFUSIONS``: ``rn``↔``m``,
``cl``↔``d``, ``tb``→``th``, ``li``↔``h``, ``1``/``l``/``i``, ``0``→``o``, ``5``→``s``, ``vv``→``w``,
``l``→``t``, ``r``→``i``, ``ii``→``u``)
turns it into a frequent one: ``tbe`` → ``the``, ``tirne`` → ``time``, ``rnedical`` →
``medical``, ``lmmigration`` → ``Immigration``, ``G0vernment`` → ``Government``. A name or a
rare word stays unflagged unless one confusion makes it a common word.

The word list is loaded only for a document that shows a confusion at all (``shows_confusions``:
a word the document's own vocabulary or its language's commonest words read differently under
a confusion, a word with an unlikely start such as ``rn`` or ``tb``, or a digit between letters),
because loading it takes about a second and most documents never need it. Only a document whose
language is clear from its function words is checked: a text in a language without a list would
have every word "unknown".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from . import hyphens as hy

CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("rn", "m"), ("m", "rn"), ("cl", "d"), ("d", "cl"), ("tb", "th"), ("li", "h"), ("h", "li"),
    ("1", "l"), ("1", "i"), ("l", "i"), ("i", "l"), ("0", "o"), ("5", "s"), ("vv", "w"),
    ("l", "t"), ("r", "i"), ("ii", "u"),
)
"""Common OCR confusions, (as printed, as meant), on lower-cased words: each is tried at every
place it occurs, one at a time, and at all places at once."""
UNKNOWN = 3.0
"""A word below this Zipf frequency in its language's list may be a misreading (``tbe`` is 2.6:
such typos are on the web too)."""
FREQUENT = 3.5
"""A reading must be at least this frequent (Zipf) ..."""
LEAD = 2.5
"""... and this much more frequent than the word as printed."""
CLEAR_LANGUAGE = 0.06
"""Share of a text's words that must be function words of its language for it to be checked."""
MIN_FUNCTION_WORDS = 2
"""A text with fewer function words of its language is not checked (its language is not clear)."""
WORD = re.compile(r"(?<![\w'’@/.\-])[^\W_]+(?![\w'’@/\-]|\.\w)")
"""A word standing alone: not part of an address, a path, a compound or an abbreviation."""
_DIGITS = re.compile(r"\d")
_PRINTED_DIGIT = re.compile(r"^(?:[015]?[^\W\d_]+)(?:[015]+[^\W\d_]+)*$")
"""Letters with ``0``, ``1`` or ``5`` only before or between them (``G0vernment``, ``0f``), never
at the end (``a11`` is an identifier) nor any other digit."""


def variants(word: str) -> Iterator[str]:
    """Every reading of the lower-cased ``word`` under one confusion of ``CONFUSIONS`` (at one
    place, or at every place it occurs).

    >>> sorted(set(variants("tbe")))
    ['the', 'tbe']
    """
    for printed, meant in CONFUSIONS:
        at = word.find(printed)
        if at < 0:
            continue
        while at >= 0:
            yield word[:at] + meant + word[at + len(printed):]
            at = word.find(printed, at + 1)
        yield word.replace(printed, meant)


def checkable(word: str) -> bool:
    """A word worth checking: two letters or more, digits only as OCR prints letters, not an
    acronym (five capitals or fewer), not a word of the document's own spelling of digits."""
    if len(word) < 2 or (len(word) < 3 and not _DIGITS.search(word)):
        return False
    if _DIGITS.search(word) and not _PRINTED_DIGIT.match(word):
        return False
    return not (word.isupper() and len(word) <= 5)


def clear_language(text: str, counts: Counter[str]) -> str | None:
    """The language of ``text`` (``hyphens.document_language``) when its function words make up a
    clear share of its words (``counts``, lower-cased: ``word_counts``), else ``None``."""
    lang = hy.document_language(text)
    hits = sum(counts.get(w, 0) for w in hy.FUNCTION_WORDS.get(lang, "").split())
    return lang if hits >= MIN_FUNCTION_WORDS and hits >= CLEAR_LANGUAGE * sum(counts.values()) else None


def misprints(word: str) -> Iterator[str]:
    """Every way OCR may print ``word`` under one confusion of ``CONFUSIONS`` (the other way round
    from ``variants``).

    >>> "tbe" in set(misprints("the"))
    True
    """
    for printed, meant in CONFUSIONS:
        at = word.find(meant)
        while at >= 0:
            yield word[:at] + printed + word[at + len(meant):]
            at = word.find(meant, at + 1)


DOCUMENT_WORDS = 200
"""The document's commonest words (three times or more) whose misprints ``shows_confusions`` looks for."""
UNLIKELY_START = re.compile(r"^(?:rn|tb|cl[^aeioruy\W]|l[bcdfghjkmnpqrstvwxz]|ii|vv)|[^\W\d_][015]+[^\W\d_]"
                            r"|^[015][^\W\d_]", re.MULTILINE)
"""A start few words of any Latin-script language have, and misread ones often do (``rnedical``,
``tbe``, ``lmmigration``), or a digit among letters (``G0vernment``, ``0f``)."""


def shows_confusions(counts: Counter[str], lang: str) -> bool:
    """Whether the document shows an OCR confusion at all: a word with an unlikely start
    (``UNLIKELY_START``) or a digit among letters, or a misprint (``misprints``) of one of its
    language's function words or of one of its own commonest words. The sign that it is worth
    loading the word list. ``counts`` are the document's lower-cased words."""
    if UNLIKELY_START.search("\n".join(w for w in counts if checkable(w))):
        return True
    common = set(hy.FUNCTION_WORDS.get(lang, "").split())
    common |= {w for w, n in counts.most_common(DOCUMENT_WORDS) if n >= 3}
    printed = {m for w in common for m in misprints(w)} - common
    return any(checkable(w) for w in printed.intersection(counts))


def reading_of(word: str, lang: str, zipf: Callable[[str, str], float]) -> str | None:
    """The frequent word ``word`` probably is, in its case (``Tbe`` → ``The``; an ``l`` read for a
    capital ``I`` at the start → ``I``), or ``None`` when it is a word or no confusion explains it."""
    low = word.lower()
    own = zipf(low, lang)
    if own >= UNKNOWN:
        return None
    best, score = "", 0.0
    for v in variants(low):
        if v == low or _DIGITS.search(v):
            continue
        z = zipf(v, lang)
        if z >= FREQUENT and z - own >= LEAD and z > score:
            best, score = v, z
    if not best:
        return None
    if word.isupper():
        return best.upper()
    if word[0].isupper() or (word[0] == "l" and best[0] == "i"):  # a capital I is printed like an l
        return best[0].upper() + best[1:]
    return best


Where = TypeVar("Where")


def misreadings(texts: Iterable[tuple[str, Where]], lang: str,
                zipf: Callable[[str, str], float]) -> list[tuple[str, Where, str]]:
    """(word as printed, where, probable reading) of every distinct word of ``texts`` (a text and
    where it is) that looks misread, in order of first appearance."""
    found: list[tuple[str, Where, str]] = []
    seen: set[str] = set()
    for text, where in texts:
        for word in WORD.findall(text):
            if word in seen:
                continue
            seen.add(word)
            if checkable(word):
                reading = reading_of(word, lang, zipf)
                if reading:
                    found.append((word, where, reading))
    return found


_ANY_WORD = re.compile(r"[^\W_]+")


def word_counts(text: str) -> Counter[str]:
    """The lower-cased words of ``text`` and how often each occurs (a quick count: the words of
    addresses and compounds count too)."""
    return Counter(_ANY_WORD.findall(text.lower()))



_STRAY_COMMA = re.compile(r"(?<![\w'’-])(?P<a>[^\W\d_][\w’'-]*), (?P<b>[^\W\d_][\w’'-]*)(?![\w’'-])")
"""Two words with a comma between them (``the United, Nations Educational …``)."""
_STRAY_HYPHEN = re.compile(r"(?<![\w'’-])(?P<a>[^\W\d_]+)-(?P<b>[^\W\d_][\w’']*)(?![\w’'-])")
"""A word, a hyphen, a word (``by the-Charter of``), not inside a longer compound (``Indre-et-Loire``)."""
_QUOTE_MARK = re.compile(r"(?P<open>(?<![\w'’])['‘`](?=\w))|(?<=[^\W\d_])(?P<close>['’])(?=\s+[\w(])")
"""A single quotation mark opening a word, or an apostrophe closing one before the next word."""
_SLASH_FOR_I = re.compile(r"(?<!\S)/(?P<rest>[a-z]{1,2})(?!\S)")
"""A slash standing for an ``i`` at a word's start (``ZARJEVSKI /s a staff member``: ``is``)."""
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
ELIDING = frozenset(("it", "fr"))
"""Languages that end words with an apostrophe (``un po' di``, ``perche' ``, ``entr' ``): not checked for it."""
TOGETHER = 3
"""A comma between two capitalised words is stray when the text writes them together this often
(and with the comma once)."""


def stray_marks(text: str, lang: str) -> list[tuple[str, str]]:
    """(as printed, probable reading) of the marks in ``text`` (a block a line) that look strayed
    in by OCR or transcription, from the text's own evidence, in order of first appearance, each once:

    * a comma, once, between two capitalised words the text writes together three times or more
      (``the United, Nations`` where ``United Nations`` recurs);
    * a hyphen joining one of the language's function words to a capitalised word (``by
      the-Charter``): no compound starts with an article;
    * an apostrophe closing a lower-case word that no quotation mark opened, where no possessive
      or dropped letter explains it (``adopted on' 16``; not ``workers' rights``, ``goin' home``);
    * a slash read for an ``i``, making a function word of the language (``ZARJEVSKI /s a staff member``).

    The marks are left as printed: an editor checks them against the original."""
    function = set(hy.FUNCTION_WORDS.get(lang, "").split())
    found: dict[str, str] = {}
    for m in _STRAY_COMMA.finditer(text):
        a, b = m.group("a"), m.group("b")
        if a[0].isupper() and b[0].isupper() and _written(text, m.group(0)) == 1 \
                and _written(text, f"{a} {b}") >= TOGETHER:
            found.setdefault(m.group(0), f"{a} {b}")
    for m in _STRAY_HYPHEN.finditer(text):
        a, b = m.group("a"), m.group("b")
        if a.lower() in function and a[0].islower() and b[0].isupper():
            found.setdefault(m.group(0), f"{a} {b}")
    for m in _SLASH_FOR_I.finditer(text):
        reading = "i" + m.group("rest")
        if reading in function:
            found.setdefault(m.group(0), reading)
    for line in text.split("\n") if lang not in ELIDING else ():
        for printed in _stray_apostrophes(line):
            found.setdefault(printed, printed[:-1])
    return sorted(found.items(), key=lambda item: text.find(item[0]))


def _stray_apostrophes(line: str) -> Iterator[str]:
    opened = 0
    for m in _QUOTE_MARK.finditer(line):
        if m.group("open"):
            opened += 1
        elif opened:
            opened -= 1
        else:
            word = _WORD_BEFORE.search(line, 0, m.start())
            if word and word.group(0).islower() and not word.group(0).endswith(("s", "in")):
                yield word.group(0) + m.group("close")


def _written(text: str, words: str) -> int:
    return len(re.findall(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text))
