"""The literal screens (``engine.fast_literals``) find what the patterns find: a pattern is not
searched in a text that lacks every string one of which each of its matches holds, and an
alternation is searched with only the branches whose strings the text holds. Checked on the
document type's cue patterns and the symbols' word patterns, over the shipped seeds, the
development corpus, generated documents and texts written here; lower-casing is proved exact
for every character ``re`` takes for a letter of the screens, over all of Unicode."""

from __future__ import annotations

import re
import sys

import pytest

from builder import textscan
from builder.engine import fast_literals, setup
from builder.engine.fast_literals import HAZARDS, Screen, branches, needs, source_needs
from builder.enrich import metadata, symbols

from conftest import DEV_CORPUS, ROOT

sys.path.insert(0, str(ROOT))
from bench.corpus import generate  # noqa: E402  (the benchmark's generator of messy documents)

CUES = [pattern for cues in metadata._CUE_RES.values() for pattern, _weight, _where in cues]
WORDS = [symbols._ILO_CONTEXT, symbols._ILO_NUMBER, symbols._CONVENTION_NUMBER, symbols._ILO_NAMED,
         symbols._APPLICATION]
PATTERNS = CUES + WORDS + [pattern for _kind, pattern in symbols.PATTERNS]
WRITTEN = ["Dear Madam,", "Yours sincerely,", "FOR IMMEDIATE RELEASE", "GENEVA, 3 May 2021 – The",
           "Article 1\nThe", "ARTÍCULO PRIMERO", "The High Contracting Parties have agreed as follows:",
           "Résolution adoptée par l'Assemblée générale", "A/RES/80/9", "(Applause.)", "The SPEAKER: Order.",
           "Mr. Speaker, I rise", "FAQS", "Häufig gestellte Fragen", "Vanliga frågor", "ILO Convention No. 189",
           "Domestic Workers Convention, 2011 (No. 189) of the International Labour Organization",
           "Application no. 11593/12", "requête n° 123/19", "dİspongo:", "DISPONGO:", "yourſ sincerely,",
           "Ⅰ İLO Convention No. 29", "ΣΥΜΒΑΣΗ convention", "статья 1", "ста\u1c84ья 1", "Уважаемый коллега",
           "by\nJane Doe",
           "Fortsetzung auf Seite 3", "(continued)", "aide-memoire", "Aide-Mémoire", "Kelvin: \u212aILO",
           "We use cookies to improve your experience. Accept all", "Nous utilisons des témoins", "Subscribe to our "
           "newsletter", "Abonnez-vous à notre lettre d'information", "When search suggestions are available use up "
           "and down arrows to review and enter to select.", "Touch device users, explore by touch or with swipe "
           "gestures.", "Screen reader users: press Enter", "Utilisez les flèches haut et bas"]


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Lines, runs of 40 lines and whole documents (cues are searched in parts of a document and
    in all of it), and the texts above."""
    paths = (sorted((ROOT / "seeds").rglob("*.txt")) + sorted(DEV_CORPUS.glob("*.txt"))
             + generate(30, tmp_path_factory.mktemp("generated")))
    out = list(WRITTEN)
    for path in paths:
        text = path.read_bytes().decode("utf-8", "replace")
        lines = text.split("\n")
        out += [line for line in lines if line.strip()]
        out += ["\n".join(lines[i:i + 40]) for i in range(0, len(lines), 40)]
        out.append(text)
    return out


def _found(m: re.Match[str] | None) -> tuple[tuple[int, int], str] | None:
    return (m.span(), m.group(0)) if m else None


def test_a_match_needs_each_run_of_letters_it_must_match():
    assert needs(re.compile(r"(?:press|news|media)\s+release", re.I)) == (("release",), ("media", "press", "news"))


def test_an_alternation_needs_the_longest_run_of_each_branch():
    assert needs(re.compile(r"for\s+immediate\s+release|embargo", re.I)) == (("immediate", "embargo"),)


def test_a_match_needs_one_string_of_each_group():
    assert needs(re.compile(r"\b(?:ILO|OIT)\s+Convention\s+No\.?\s*(\d{1,3})", re.I)) == (("convention",),
                                                                                      ("ilo", "oit"))


def test_optional_parts_and_classes_need_nothing():
    assert needs(re.compile(r"(?:dear\s+)?\w+")) is None
    assert needs(re.compile(r"licen[cs]e")) == (("licence", "license"),)
    assert needs(re.compile(r"[A-Z]{4}\d{7}[A-Z]")) is None


def test_a_syntax_it_does_not_read_gets_no_screen():
    for source in (r"(?P<a>x)(?P=a)abc", r"\u00e9tat", r"(?i)abc", r"abc{", r"abc)", r"(?#note)abc",
                   r"(?x: a b c )"):
        assert source_needs(source) is None or source == r"(?#note)abc", source
    assert needs(re.compile("a b c", re.VERBOSE)) is None


def test_the_cue_patterns_mostly_get_a_screen():
    assert sum(needs(pattern) is not None for pattern in CUES) >= 0.75 * len(CUES)
    assert sum(fast_literals.plan(pattern).branches != () for pattern in CUES) >= 25


def test_lower_casing_is_exact_for_every_letter_of_the_screens():
    """Any character ``re`` takes for a screened letter (ignoring case) lower-cases to that letter's
    lower case, but for the ``HAZARDS`` (a text holding one is always searched)."""
    letters = {c for pattern in PATTERNS for groups in [needs(pattern) or ()]
               for group in groups for literal in group for c in literal}
    for pattern in PATTERNS:
        for part in fast_literals.plan(pattern).branch_needs:
            letters |= {c for group in part or () for literal in group for c in literal}
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert len(letters) > 60
    for letter in letters:
        assert letter not in HAZARDS and letter.lower() == letter
        for c in re.findall(re.escape(letter), everything, re.IGNORECASE):
            assert c in HAZARDS or c.lower() == letter, (letter, c)


def test_a_branch_split_writes_the_same_pattern(texts):
    for pattern in PATTERNS:
        split = branches(pattern.pattern)
        if split is None:
            continue
        before, after, parts = split
        again = re.compile(before + "(?:" + "|".join(parts) + ")" + after, pattern.flags)
        for text in texts[::7]:
            assert _found(again.search(text)) == _found(pattern.search(text)), (pattern.pattern, text[:100])


def test_the_screened_search_finds_what_the_pattern_finds(texts):
    screen = Screen()
    found = 0
    for text in texts:
        for pattern in PATTERNS:
            expected = _found(pattern.search(text))
            assert _found(screen.search(pattern, text)) == expected, (pattern.pattern, text[:100])
            assert expected is None or screen.may_match(pattern, text), (pattern.pattern, text[:100])
            found += expected is not None
    assert found >= 500


def test_the_symbols_are_the_plain_rule_s(texts, monkeypatch):
    monkeypatch.setattr(textscan, "_SCREEN", [])
    expected = [symbols.matches(text) for text in texts]
    screen = Screen()
    monkeypatch.setattr(textscan, "_SCREEN", [(screen.search, screen.may_match)])
    assert [symbols.matches(text) for text in texts] == expected
    assert sum(any(s.startswith(("C", "Application")) for _, _, s in found) for found in expected) >= 5


def test_a_text_with_a_hazard_is_searched_whole():
    screen = Screen()
    pattern = re.compile(r"\b(?:ILO|OIT)\s+Convention", re.I)
    assert screen.search(pattern, "İLO Convention") is not None  # re takes İ for i
    assert screen.search(pattern, "the Ilo convention")
    assert screen.search(pattern, "no such body here") is None


def test_the_document_types_are_the_plain_rule_s(monkeypatch):
    """``type_scores`` searches its cues through the screen: the same scores and cues as without."""
    from builder.document import Block, Document, Source

    texts = [line for text in WRITTEN for line in [text, text.upper(), "Intro line.\n" + text + "\nLast line."]]
    screen, typed = Screen(), 0
    for text in texts:
        doc = Document(Source("x.txt", text, ""), [Block("paragraph", line) for line in text.split("\n")])
        monkeypatch.setattr(textscan, "_SCREEN", [])
        expected = metadata.type_scores(doc, text)
        monkeypatch.setattr(textscan, "_SCREEN", [(screen.search, screen.may_match)])
        assert metadata.type_scores(doc, text) == expected, text
        typed += bool(expected)
    assert typed >= 30


def test_the_engine_s_set_up_hands_the_screen_to_the_stages(monkeypatch):
    monkeypatch.setattr(textscan, "_SCREEN", [])
    monkeypatch.setattr(setup, "_STARTED", [])
    setup.start()
    assert textscan._SCREEN
