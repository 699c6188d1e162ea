"""Line-end hyphens: a true compound keeps its hyphen, a word split is joined.

Decided from evidence, never guessed:

1. the fragment after the hyphen starts with a digit or a capital → keep (``post-2015``);
2. the document itself: whichever of ``a-b`` and ``ab`` occurs more often elsewhere in it
   (not at a line end) wins;
3. the word-frequency list of ``wordfreq`` (imported only when needed) in the document's
   language: join when ``ab`` is a common word (Zipf ≥ 3) and one of ``a``/``b`` is not a word
   (``coopera-``/``tion``, ``supé-``/``rieur``), or when ``ab`` is in the list at all (a rarer
   word of the law: ``deroga-``/``ciones``), ``a`` is no prefix and ``b`` is no word, or ``a`` is no
   word and the whole is likelier than ``a`` (``reagru-``/``par``; not the OCR's ``cer-``/``to``);
   join too when ``ab`` is a common word, both halves are words and ``a`` is no prefix (a split at a compound's seam:
   ``frame-``/``work``, ``trata-``/``miento``); keep when ``a`` is a prefix or the whole is no
   common word (``awareness-raising``, ``porte-parole``, ``rendez-vous``, ``socio-económico``,
   ``ex-combatientes``);
4. checked before rule 3: in a language that writes most compounds solid (Italian, Spanish,
   Portuguese: ``SOLID``), a whole the list holds often enough is joined whatever its halves
   (``tratta-``/``bile``, ``mejora-``/``dos``, ``conta-``/``rei``), and in Italian, which writes its
   prefixes solid too, after a prefix (``pro-``/``tetti``); ``decreto-legge``, ``bem-estar``, rarer
   solid, go on to rule 3;
   in a language that writes its compounds solid (German, Swedish, Dutch: ``COMPOUNDING``), a
   lower-case fragment after the hyphen continues the word (``Aufenthalts-``/``rechtlicher``),
   unless it is a conjunction ending a suspended compound (``Kinder- und Jugendhilfe``);
5. otherwise keep the hyphen and say so in ``warnings``.

Before all of these, a conjunction after the hyphen (``Kinder-``/``und Jugendhilfe``,
``pré-``/``et post-natal``, ``barn-``/``och ungdomsvård``) marks a suspended compound:
``"suspend"`` keeps the hyphen and the space of the line break. A word in capitals split at a line
end (``ASSEM-``/``BLY``) is decided like any other word, on its lower-cased halves (rule 1 keeps
``NON-``/``UN`` and ``COVID-``/``19``, where only one half is in capitals or the other is a number).
A verb carrying an enclitic pronoun (Italian ``permanervi``) is rarely in the word list
as one word: its form without the pronoun (``permanere``) stands for it (``ENCLITICS``).

(``zipf_frequency("a-b")`` is not the compound's frequency: wordfreq splits at hyphens.)

The language is guessed here, from the source's commonest function words (``FUNCTION_WORDS``),
because cleaning runs before the enrich stage detects it (``enrich.language``, which cleaning
may not import) and the guess only picks a word list: English unless another language's
function words clearly outnumber English ones. The guess is made only when a hyphen reaches
the word list, once per document.
"""

from __future__ import annotations

import re
from collections import Counter

from ...pure import pure
from ..state import CleanState

PREFIXES = frozenset("co non re pre post anti inter intra multi cross self well sub semi pro counter "
                     "ex extra mid over under out off on up down bi tri macro micro mini neo pan "
                     "para quasi socio ultra vice auto contra entre sobre infra supra pos pré pós "
                     "vor nach über unter mit".split())
COMMON = 3.0
"""Zipf frequency of a common word (once per million words)."""
KNOWN = 1.0
"""Zipf frequency of a word the list holds at all (a rare word of the law or the administration)."""
COMPOUNDING = {"de": "und oder bzw sowie bis", "sv": "och eller samt", "nl": "en of"}
"""Languages that write compounds solid, each with the conjunctions after a suspended hyphen."""
SOLID = {"it": 2.0, "es": 2.0, "pt": 2.3}
"""Languages that write most compounds solid, with the Zipf frequency from which the whole in the
word list is the word (Italian ``trattabile`` 2.7, Spanish ``mejorados`` 2.9, Portuguese
``contarei`` 2.6; the compounds ``decreto-legge`` and ``bem-estar`` have stray solid forms at 1.6
and 2.0). French is not one: ``rendez-vous`` and ``peut-être`` have solid forms above 2."""
SOLID_PREFIXES = frozenset({"it"})
"""Of those, the languages that write a prefix solid too (Italian ``protetti``; Spanish keeps
``ex-combatientes``)."""
CONJUNCTIONS = {"en": "and or nor", "fr": "et ou", "es": "y e o u ni", "pt": "e ou nem", "it": "e ed o od",
                "ca": "i o", "ro": "și sau", "pl": "i lub albo", **COMPOUNDING}
"""The words that may follow a suspended hyphen (``pre- and post-natal``), per language."""
_LONG_CONJUNCTIONS = frozenset(w for words in CONJUNCTIONS.values() for w in words.split() if len(w) > 2)
"""Conjunctions of three letters or more: no split word's tail, whatever the document's language
(the one- and two-letter ones count only in their own language)."""
ENCLITICS = {"it": ("glielo gliela glieli gliele gliene vi ci si lo la li le ne mi ti gli", ("", "e")),
             "es": ("selo sela selos selas se lo la le los las les nos me te", ("",))}
"""Per language, the pronouns written onto a verb's end, and the endings the verb may have lost
before them (Italian ``permaner-vi`` is ``permanere``)."""

FUNCTION_WORDS = {
    "en": "the of and to in is that for with are this by",
    "fr": "le la les des du et est une dans pour que qui au aux sur",
    "es": "el la los las del y en que por con para una se es",
    "pt": "o os as do da dos das e em que para com uma não no na",
    "de": "der die das und den von zu mit ist des nicht sich dem auf",
    "it": "il di che la per del della le gli non è una sono",
    "nl": "de het een van en in is dat op te voor met niet zijn",
    "sv": "och att det som en är av för på med till den inte har",
    "ca": "el la els les de i que per amb una és del als",
    "ro": "și de la în cu pe este care pentru din un o",
    "pl": "i w na z że do się nie jest to od przez",
    "ru": "и в не на что с по из к как это для",
}
"""Each language's commonest short words: what ``document_language`` counts (a language with a
``wordfreq`` list can be added with a line)."""
CLEAR_LEAD = 2.0
"""How many times English's count another language's function words must reach."""
MIN_HITS = 4
"""Function words a language needs in the document to be chosen over English (a short French page
has a handful; ``CLEAR_LEAD`` keeps an English text quoting a French name English)."""
_WORD = re.compile(r"[^\W\d_]+")
_LISTS = {lang: frozenset(words.split()) for lang, words in FUNCTION_WORDS.items()}
_SHARED = Counter(w for words in _LISTS.values() for w in words)
"""In how many languages a function word is: a word of several counts for each in part."""
_SHORT_LISTS = {lang: tuple(w for w in words if len(w) <= 7) for lang, words in _LISTS.items()}
"""The words of ``_LISTS`` that ``document_language`` counts (seven letters or fewer), in the
order of ``_LISTS`` (so its sums add up in the same order)."""


@pure
def document_language(text: str) -> str:
    """The language whose word list decides a document's hyphens: ``en`` unless another
    language's function words clearly outnumber English ones in ``text``.

    >>> document_language("Le rapport de la commission sur les droits des travailleurs et la loi "
    ...                   "qui est en vigueur pour les migrants dans une région du pays et aux frontières.")
    'fr'
    """
    counts = Counter(_WORD.findall(text[:200_000].lower()))
    score = {lang: sum(counts[w] / _SHARED[w] for w in words) for lang, words in _SHORT_LISTS.items()}
    best = max(score, key=lambda lang: (score[lang], lang == "en"))
    if best != "en" and score[best] >= MIN_HITS and score[best] >= CLEAR_LEAD * score["en"]:
        return best
    return "en"


@pure
def zipf(word: str, lang: str = "en") -> float:
    # Optional heavy dependency, imported here on purpose: loading wordfreq takes about a second
    # and most documents never need it (tests/clean/test_hyphens.py checks that it stays unloaded).
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def decide(state: CleanState | None, left: str, right: str, line_no: int = 0) -> str:
    """``"join"``, ``"keep"`` or ``"suspend"`` (keep the hyphen and the line break's space) for
    ``left-`` at a line end followed by ``right``."""
    if not left or not right or right[:1].isdigit():
        return "keep"
    a, b = left.lower(), right.lower()
    lang = document_language(state.source.text) if state is not None and state.source.text else "en"
    if (right.islower() or right.isupper()) and conjunction(b, lang):
        return "suspend"
    if right[:1].isupper() and not (left.isupper() and right.isupper()):
        return "keep"
    if state is not None:
        hyphened, solid = state.evidence(a, b)
        if hyphened != solid:
            return "keep" if hyphened > solid else "join"
    verdict = _by_word_list(a, b, lang)
    if verdict:
        return verdict
    if state is not None:
        state.warnings.append(f"line {line_no}: kept the hyphen in '{left}-{right}' (no evidence either way; "
                              "check it)")
    return "keep"


def conjunction(word: str, lang: str) -> bool:
    """Whether lower-case ``word`` after a line-end hyphen is a conjunction ending a suspended
    compound (``Vor-``/``und Nachteile``)."""
    return word in _LONG_CONJUNCTIONS or word in CONJUNCTIONS.get(lang, "").split()


def _whole(word: str, lang: str) -> float:
    """``zipf(word)``, or for a verb with an enclitic pronoun that the list lacks, the frequency of
    the verb without it (``permanervi`` → ``permanere``)."""
    found = zipf(word, lang)
    if found or lang not in ENCLITICS:
        return found
    pronouns, endings = ENCLITICS[lang]
    stems = [word[:-len(p)] for p in pronouns.split() if word.endswith(p) and len(word) - len(p) > 3]
    return max((zipf(stem + ending, lang) for stem in stems for ending in endings), default=found)


def _by_word_list(a: str, b: str, lang: str) -> str | None:
    """Rules 3 and 4 of the module's docstring: ``"join"``, ``"keep"`` or ``None`` (no evidence)."""
    whole = _whole(a + b, lang)
    prefix = a in PREFIXES
    a_word = zipf(a, lang) >= COMMON or prefix
    b_word = zipf(b, lang) >= COMMON
    if lang in COMPOUNDING and b not in COMPOUNDING[lang].split():
        return "join"
    if whole >= SOLID.get(lang, 99.0) and (not prefix or lang in SOLID_PREFIXES):
        return "join"
    if whole >= COMMON and not (prefix and b_word):
        return "join"
    if whole >= KNOWN and not prefix and not b_word:
        return "join"
    if whole >= KNOWN and not prefix and not a_word and whole > zipf(a, lang):
        return "join"  # ``reagru-``/``par``: the whole is likelier than its left part (not ``cer-``/``to``)
    if a_word and b_word:
        return "keep"
    return None
