"""Key phrases of a text, offline and deterministic: what a document is about, in its words.

Used to suggest trigger phrases for a document that matches no theme (so an editor can
extend ``themes.yml``) and to name the topic of a letter that has no subject line.

A small pure-Python extractor in the spirit of RAKE: candidate phrases are runs of two
to five words that neither start nor end with a stop word (``human rights of migrants``
is a candidate, ``of migrants`` is not); a phrase scores its frequency times its number
of content words, and a phrase inside or overlapping a better one is dropped. (YAKE would add ~95 MB of
numpy and networkx for no better result on documents this short.)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..document import Block

STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each either et etc few for from
further had has have having he her here hers herself him himself his how i if in into is it its
itself just may me might more most must my myself no nor not now of off on once only or other our
ours ourselves out over own per same shall she should so some such than that the their theirs them
themselves then there these they this those through thus to too under until up upon us very via
was we were what when where which while who whom why will with within without would yet you your
yours yourself yourselves inter alia including include includes well ensure among amongst
however therefore furthermore moreover particular particularly especially many much one two three
new order way ways part use used make made like need needs take taken like whether both every
""".split()) | frozenset("""
le la les un une des du de au aux et ou mais donc ni car que qui quoi dont où ce cet cette ces sa ses leur
leurs il elle ils elles nous vous se ne pas plus est sont été être avoir ont par pour dans sur sous avec
sans vers chez selon lors comme aussi très tout tous toute toutes
el los las unos unas del al que quien cual este esta estos estas ese esa eso su sus no es fue ser ha han
por para en con sobre entre hasta desde ante bajo más muy también todo todos toda todas lo le les
os as um uma uns umas do da dos das na nos nas ao aos pelo pela pelos pelas não são foi em com sem até
mais muito seu sua seus suas
il lo gli uno di dello della dei degli delle allo alla ai agli alle dal dalla dai dalle nel nello nella
nei negli nelle sul sulla sui ed che non è sono tra fra anche più questo questa questi queste
der das den dem des ein eine einen einem einer eines und oder aber nicht ist sind wird werden wurde zu
zum zur von vom mit bei aus auf für im am als sich es sie er wir ihr die
het een van dat op te voor met niet zijn er aan bij om ook uit naar wordt uw je wij
och att det som ett är av för på till inte om vid från sig kan ska eller så din ditt dina du vi ni han hon
""".split())
"""English stop words, then the function words of the other languages the corpus is written in
(French, Spanish, Portuguese, Italian, German, Dutch, Swedish), leaving out those that are English
content words ("war", "door", "men", "son")."""
_WORD = re.compile(r"[^\W\d_](?:(?:[^\W\d_]|[’'-])*[^\W\d_])?")
"""A word in any alphabet (``ansökan``, ``secretaría``, ``Kladuša``), with inner apostrophes and hyphens."""
_BREAK = re.compile(r"[.,;:!?()\[\]\"“”–—]")
MIN_WORDS, MAX_WORDS = 2, 5


def _runs(text: str) -> Iterable[list[str]]:
    """Word runs between punctuation, lower-cased, possessive ’s dropped."""
    for chunk in _BREAK.split(text):
        words = [w[:-2] if w.endswith(_POSSESSIVE) else w for w in map(str.lower, _WORD.findall(chunk))]
        if words:
            yield words


_POSSESSIVE = ("’s", "'s")


def candidates(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for words in _runs(text):
        # Per word: whether a phrase may not start or end with it; stop words up to it.
        no_edge = [w in STOP_WORDS or len(w) < 3 for w in words]
        stops = [0]
        for w in words:
            stops.append(stops[-1] + (w in STOP_WORDS))
        for n in range(MIN_WORDS, MAX_WORDS + 1):
            for i in range(len(words) - n + 1):
                if no_edge[i] or no_edge[i + n - 1]:
                    continue
                stop = stops[i + n] - stops[i]
                if n - stop > 3 or stop > 2:  # at most three content words and two stop words
                    continue
                counts[" ".join(words[i:i + n])] += 1
    return counts


def extract(blocks: Iterable[Block] | str, limit: int = 8, exclude: Iterable[str] = ()) -> list[str]:
    """The ``limit`` best key phrases (seen at least twice), best first.

    >>> extract("The human rights of migrants matter. We defend the human rights of migrants.", 1)
    ['human rights of migrants']
    """
    text = blocks if isinstance(blocks, str) else "\n".join(b.text for b in blocks)
    counts = candidates(text)
    scored = []
    for phrase, n in counts.items():
        if n < 2:
            continue
        words = phrase.split()
        content = sum(w not in STOP_WORDS for w in words)
        scored.append((-content, len(words) - content, phrase, n * content))
    # Best score first; on a tie, more content words ("human rights of migrants" before
    # "human rights"), then fewer stop words ("river basin councils" before "basin councils
    # and water").
    scored.sort()
    scored.sort(key=lambda s: -s[-1])
    excluded = [e.lower() for e in exclude]
    chosen: list[str] = []
    taken: set[tuple[str, str]] = set()
    for _, _, phrase, _ in scored:
        words = phrase.split()
        pairs = set(zip(words, words[1:]))
        if pairs & taken or any(words[0] == c.split()[-1] or words[-1] == c.split()[0] for c in chosen):
            continue  # overlaps a better phrase ("basin councils and water" after "river basin councils")
        if any(phrase in c or c in phrase for c in chosen):
            continue
        if any(e in phrase or phrase in e for e in excluded):
            continue
        chosen.append(phrase)
        taken |= pairs
        if len(chosen) == limit:
            break
    return chosen
