"""The language a document is written in, detected offline.

``py3langid`` (a naive Bayes classifier over byte n-grams, its model shipped inside the
package, nothing downloaded) reads the document's prose: the paragraphs and list items of
eight words or more, so that menus, labels and tables left by a scrape or an extraction do
not outvote the text. A document with too little prose for a confident answer gets no
language (``None``), never a guess.

Codes are ISO 639-1 (``fr``, ``es``, ``de``, ``ar``, ``ru``…); a language that has no
two-letter code keeps the ISO 639-3 code the model gives (``pcm``), which is a valid BCP 47
tag for the HTML ``lang`` attribute too.

Blocks in another language (a convention printed in English and French, an English abstract in
a Spanish report) are found block by block (``other_languages``), cautiously: only blocks of
prose long enough to tell (``MIN_BLOCK_WORDS``, ``MIN_BLOCK_LETTERS``, mostly lower-case words:
names, citations, numbers and short lines never switch), only when the classifier is sure of
another language and gives the document's own nearly nothing; a block that is only fairly sure
switches when a neighbouring block of prose is read in the same language (consecutive blocks
smooth each other). A block whose common function words are plainly the document's language
is not asked to the classifier at all, so a one-language document costs almost nothing.
A document mixing languages is in the language of most of its prose (``main_language``); one
printed in two languages with comparable shares (neither holds a quarter more prose than the other) is
in the language it opens with.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..clean.text.hyphens import FUNCTION_WORDS
from ..pure import pure
from .themes import language_name

MIN_WORDS = 8
"""Blocks shorter than this are labels, menu items or table cells, not prose."""
MIN_LETTERS = 40
"""Below this many letters of prose the classifier's answer is not trusted."""
MIN_CONFIDENCE = 0.6
"""Normalised probability the best language needs to be stated."""
MAX_CHARS = 20_000
"""The classifier reads this much prose at most (enough for a sure answer, bounded time)."""
NO_LANGUAGE = {"zxx", "und"}
"""Model labels meaning "no linguistic content" or "undetermined"."""
_CODE = re.compile(r"[a-z]{2,3}")

MIN_BLOCK_WORDS = 10
"""A block of fewer words never changes language (a label, a name, a heading, a short line)."""
MIN_BLOCK_LETTERS = 50
"""Nor does a block of fewer letters (a line of numbers and symbols, a citation)."""
MIN_PROSE_SHARE = 0.5
"""Share of a block's words that must be lower-case words of letters: a line of names, titles,
references or figures is mostly capitalised words, abbreviations and numbers."""
SURE = 0.98
"""Probability of another language that lets a long block switch on its own…"""
LONG_BLOCK_WORDS = 15
"""…when it has at least this many words;"""
FAIRLY_SURE = 0.75
"""below ``SURE`` or that long, it switches only when a neighbouring block of prose agrees."""
NEIGHBOURS = 2
"""How many blocks of prose on each side are neighbours (two: a text printed in two languages
paragraph by paragraph has the same language every other block)."""
OWN_AT_MOST = 0.05
"""The document's language may keep at most this probability in a block that switches."""
BLOCK_SAMPLE = 500
"""The classifier reads this many characters of a block at most (plenty to tell; its time grows
with the text)."""
SCREEN_HITS = 2
"""Function words of the document's language only a block needs to be taken as written in it…"""
SCREEN_LEAD = 3.0
"""…and how many times any other language's count they must reach."""
_WORD = re.compile(r"[^\W\d_]+")
_SHARED = Counter(w for words in FUNCTION_WORDS.values() for w in words.split())
_FUNCTION = {w: code for code, words in FUNCTION_WORDS.items() for w in words.split() if _SHARED[w] == 1}
"""Function words of one language only (``de``, ``la``, ``en`` are in several) → that language."""
_NO_SPACES = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
"""Scripts written without spaces between words (CJK, Hangul, Thai): every two letters count as a
word, and each letter twice towards ``MIN_BLOCK_LETTERS``."""


_LOADER: list[Callable[[], Any]] = []
"""What loads the classifier instead of py3langid itself (``use_classifier``)."""


def use_classifier(load: Callable[[], Any]) -> None:
    """Read languages with the classifier ``load()`` returns, one that answers exactly as
    py3langid's (the engine passes a faster one)."""
    _LOADER[:] = [load]


def _identifier() -> Any:
    """The classifier: ``use_classifier``'s, else py3langid's."""
    return _classifier(_LOADER[0] if _LOADER else _py3langid)


@pure
def _classifier(load: Callable[[], Any]) -> Any:
    """The classifier ``load()`` gives (about a second: the model is compressed)."""
    return load()


def _py3langid() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # its model loads in about a second

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def prose(texts: Iterable[str]) -> str:
    """The prose among ``texts`` (blocks of ``MIN_WORDS`` words or more), else all of it."""
    texts = [t for t in texts if t and t.strip()]
    long = [t for t in texts if len(t.split()) >= MIN_WORDS]
    out, size = [], 0
    for t in long or texts:
        out.append(t)
        size += len(t) + 1
        if size >= MAX_CHARS:
            break
    return "\n".join(out)[:MAX_CHARS]


def detect(text: str) -> tuple[str | None, float]:
    """(language code or ``None``, confidence) for ``text``.

    >>> detect("Le présent rapport décrit la situation des travailleurs migrants en France.")[0]
    'fr'
    """
    if letters(text) < MIN_LETTERS:
        return None, 0.0
    lang, confidence = _identifier().classify(text)
    if lang in NO_LANGUAGE or confidence < MIN_CONFIDENCE:
        return None, float(confidence)
    return lang, float(confidence)


def normalise(code: Any) -> str | None:
    """A language code from ``metadata.yml`` (``FR``, ``fr-CA``, ``pt_BR``) → ``fr``, ``pt``…;
    ``None`` when it is not a language code."""
    value = str(code or "").strip().lower().replace("_", "-").split("-")[0]
    return value if _CODE.fullmatch(value) else None


def _words(text: str) -> int:
    """Words of ``text``; in a script without spaces, every two of its letters count as one."""
    return len(text.split()) + len(_NO_SPACES.findall(text)) // 2


def letters(text: str) -> int:
    """How many letters ``text`` has."""
    return sum(map(len, _WORD.findall(text)))


@pure
def _shape(text: str) -> tuple[int, Counter[str]]:
    """(letters, function words per language) of ``text`` when it is prose long enough for its
    language to be read on its own (never a short line, a list of names, a reference or a row of
    figures: mostly capitalised words, abbreviations and numbers); ``(0, {})`` when it is not."""
    tokens = text.split()
    words = _WORD.findall(text)
    size = sum(map(len, words))
    if _words(text) < MIN_BLOCK_WORDS or size + len(_NO_SPACES.findall(text)) < MIN_BLOCK_LETTERS:
        return 0, Counter()
    plain = sum(1 for w in words if not w[0].isupper())
    if not _NO_SPACES.search(text) and min(plain, len(tokens)) < MIN_PROSE_SHARE * len(tokens):
        return 0, Counter()
    return size, Counter(code for code in map(_FUNCTION.get, map(str.lower, words)) if code)


def is_prose(text: str) -> bool:
    """Whether ``text`` is prose long enough for its language to be read on its own (``_shape``)."""
    return _shape(text)[0] > 0


def _plainly_in(text: str, lang: str) -> bool:
    """``text``'s function words are plainly ``lang``'s (a cheap test that spares the classifier)."""
    hits = _shape(text)[1]
    other = max((n for code, n in hits.items() if code != lang), default=0)
    return hits[lang] >= SCREEN_HITS and hits[lang] >= SCREEN_LEAD * other


@pure
def _reading(text: str) -> tuple[str, float, dict[str, float]]:
    """(likeliest language, its probability, every language's probability above 0.1 %)."""
    ranked = _identifier().rank(text[:BLOCK_SAMPLE])
    return ranked[0][0], float(ranked[0][1]), {code: float(p) for code, p in ranked if p > 0.001}


def _candidate(text: str, main: str) -> tuple[str, bool]:
    """(the other language ``text`` may be in, whether that is sure enough alone), or ``("", False)``."""
    if _plainly_in(text, main):
        return "", False
    top, p_top, probs = _reading(text)
    if top == main or top in NO_LANGUAGE or p_top < FAIRLY_SURE or probs.get(main, 0.0) > OWN_AT_MOST:
        return "", False
    # Sure: the likeliest language is (nearly) certain, or the document's has no chance at all
    # (Chinese read as 77 % Mandarin and 23 % Wu is surely not English).
    sure = p_top >= SURE or main not in probs
    return top, sure and _words(text) >= LONG_BLOCK_WORDS


def other_languages(texts: Sequence[str], main: str | None) -> list[str]:
    """For each of ``texts`` (a document's blocks, in order) the language it is written in when
    that is not ``main``, else ``""``.

    A sure reading switches a long block alone; a fair one needs one of the ``NEIGHBOURS``
    nearest blocks of prose before or after it read in the same language. Blocks that are not prose (``is_prose``)
    never switch and do not count as neighbours.
    """
    out = [""] * len(texts)
    if not main:
        return out
    prose_at = [i for i, t in enumerate(texts) if is_prose(t)]
    found = [_candidate(texts[i], main) for i in prose_at]
    for k, i in enumerate(prose_at):
        lang, sure = found[k]
        near = range(max(0, k - NEIGHBOURS), min(len(found), k + NEIGHBOURS + 1))
        neighbours = {found[j][0] for j in near if j != k}
        if lang and (sure or lang in neighbours):
            out[i] = lang
    return out


LANGUAGE_NAMES = {
    "english": "en", "anglais": "en", "inglés": "en", "englisch": "en",
    "français": "fr", "francais": "fr", "french": "fr", "francés": "fr", "französisch": "fr",
    "español": "es", "espanol": "es", "castellano": "es", "spanish": "es", "espagnol": "es",
    "deutsch": "de", "german": "de", "allemand": "de", "português": "pt", "portugues": "pt",
    "portuguese": "pt", "svenska": "sv", "swedish": "sv", "italiano": "it", "italian": "it",
    "nederlands": "nl", "dutch": "nl", "русский": "ru", "russian": "ru", "العربية": "ar", "arabic": "ar",
    "中文": "zh", "chinese": "zh"}
"""Names of languages, in themselves and in English (and a few in French, Spanish, German): a
heading that is only such a name (``ENGLISH``, ``FRANÇAIS``, ``Version española``) opens the
part of a text printed in that language."""
_VERSION = frozenset("version versión versão fassung text texte texto".split())
_NAME_WORDS = re.compile(r"[^\W\d_]+")


def named_language(heading: str) -> str:
    """The language a heading names as its section's (``ENGLISH`` → ``en``), else ``""``."""
    words = [w.lower() for w in _NAME_WORDS.findall(heading)]
    names = [w for w in words if w not in _VERSION]
    if len(names) != 1 or len(words) > 3:
        return ""
    return LANGUAGE_NAMES.get(names[0], "")


def _leans_to(text: str, main: str, other: str) -> bool:
    """``text`` reads more as ``main`` than as ``other``: more of its function words, or the
    classifier ranks it higher (``Ce que vous devez faire :`` among English blocks)."""
    hits = Counter(code for code in map(_FUNCTION.get, map(str.lower, _WORD.findall(text))) if code)
    if hits[main] != hits[other]:
        return hits[main] > hits[other]
    probs = _reading(text)[2]
    return probs.get(main, 0.0) > probs.get(other, 0.0)


def _between(found: Sequence[str], prose_at: list[int], i: int) -> str:
    """The language of the nearest blocks of prose before and after block ``i`` when they are in
    the same one (or the one side there is), else ``""``."""
    before = next((found[j] for j in reversed(prose_at) if j < i), None)
    after = next((found[j] for j in prose_at if j > i), None)
    sides = [x for x in (before, after) if x is not None]
    return sides[0] if sides and all(x == sides[0] for x in sides) else ""


def inherited_languages(texts: Sequence[str], levels: Sequence[int], found: Sequence[str],
                        main: str | None) -> list[str]:
    """``found`` (``other_languages``) with the short blocks (labels, short items, headings: too
    short to be read alone) in the language of their section: under a heading that names a
    language (``ENGLISH``, until a heading of its level or above), else that of the blocks of
    prose around them when both are in the same other language; never a block whose own function
    words are more the document's. ``levels``: each block's heading level, 0 for others."""
    out = list(found)
    if not main:
        return out
    prose_at = [i for i, t in enumerate(texts) if is_prose(t)]
    is_block_prose = set(prose_at)
    section, section_level = "", 0
    for i, text in enumerate(texts):
        if levels[i]:
            if named := named_language(text):
                section, section_level = named, levels[i]
                out[i] = "" if named == main else named
                continue
            if section and levels[i] <= section_level:
                section = ""
        if out[i] or i in is_block_prose:
            continue
        lang = section or _between(found, prose_at, i)
        if lang and lang != main and not _leans_to(text, main, lang):
            out[i] = lang
    return out


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_])")
MAX_SPLIT_SENTENCES = 6
"""Sentences a paragraph may have to be looked at for two languages run together."""


def _side(text: str) -> str:
    top, p_top, _ = _reading(text)
    return top if p_top >= FAIRLY_SURE and top not in NO_LANGUAGE else ""


def language_break(text: str) -> int:
    """Where a paragraph printed in two languages, one after the other (``This notice is available
    at the front desk. Cet avis est disponible à la réception.``), passes from one to the other:
    the sentence break after which the rest is prose in another language than the prose before it,
    each fairly sure; ``0`` when there is none."""
    cuts = [m.start() for m in _SENTENCE_BREAK.finditer(text)]
    if not cuts or len(cuts) >= MAX_SPLIT_SENTENCES:
        return 0
    for at in cuts:
        left, right = text[:at], text[at:].strip()
        if is_prose(left) and is_prose(right):
            a, b = _side(left), _side(right)
            if a and b and a != b:
                return at
    return 0


TITLE_MIN_WORDS = 4
"""A title shorter than this is names and labels: it is in the document's language."""


def title_language(title: str, main: str | None) -> str:
    """The language ``title`` is written in when it is plainly another than ``main``, else ``""``:
    a title is too short for the classifier alone, so its function words point to one other
    language (``SCREEN_LEAD`` times any other's, none of ``main``'s) and the classifier reads it
    so too: with ``SCREEN_HITS`` function words, or fairly sure (``Recommendation … of the
    Committee of Ministers to member States`` on a French page is English)."""
    if not main or len(title.split()) < TITLE_MIN_WORDS:
        return ""
    hits = Counter(code for code in map(_FUNCTION.get, map(str.lower, _WORD.findall(title))) if code)
    if not hits or hits[main]:
        return ""
    (best, n), *rest = hits.most_common()
    if any(n < SCREEN_LEAD * m for _, m in rest):
        return ""
    top, p_top, _ = _reading(title)
    return best if top == best and (n >= SCREEN_HITS or p_top >= FAIRLY_SURE) else ""


COMPARABLE = 1.25
"""Two languages whose prose is within this factor of each other (the larger holds less than a
quarter more letters than the smaller) have comparable shares: a text printed in both, whose
translation runs longer by itself (French and Spanish about a tenth to a fifth longer than
English), not a text in one language with a passage in another."""


def main_language(texts: Sequence[str], detected: str | None) -> str | None:
    """The language of most of the prose among ``texts``: ``detected`` (read from the whole
    document) unless blocks found in one other language hold more letters than the rest.

    A bilingual text whose two languages have comparable shares (``COMPARABLE``) is in the
    language it opens with (its first block of prose: the version printed first, where its
    title is), not in the wordier one; the blocks in the other keep their own ``lang``."""
    others = other_languages(texts, detected)
    size: Counter[str] = Counter()
    first = ""
    for text, lang in zip(texts, others):
        if is_prose(text):
            code = lang or detected or ""
            size[code] += _shape(text)[0]
            first = first or code
    ranked = [code for code, _ in size.most_common(2) if code]
    if len(ranked) == 2 and first in ranked and size[ranked[0]] < COMPARABLE * size[ranked[1]]:
        return first
    best = max(size, key=lambda code: size[code], default="")
    return best if best and best != detected and size[best] > size[detected or ""] else detected


WORD_LISTS = frozenset(FUNCTION_WORDS)
"""Languages the builder has a word list for (their function words pick ``wordfreq``'s list for
line-end hyphens and spare the classifier on blocks); a document in another is built all the
same, with a warning."""


def missing_word_list(lang: str | None) -> str:
    """The warning for a document whose language has no word list here, else ``""``."""
    if not lang or lang in WORD_LISTS:
        return ""
    return (f"language: {language_name(lang)} detected; the builder has no word list for it: line-end "
            "hyphens are kept unless the document itself writes the word whole, and its document type "
            "and abbreviations are read with the cues of other languages (check the page)")
