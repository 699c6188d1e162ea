"""Nothing is lost: every word of a source is on its page or in the report's ``removed``.

For every shipped seed, and for messy documents hypothesis generates, the multiset of the
source's words equals the words on the page (all block texts, letter parts, admonition
titles and children, footnotes, printed numbers) plus the words of ``removed``, after
normalising case and punctuation (see ``cleankit.words``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent / "clean"))

from cleankit import artefacts, clean_text, lost_and_invented, render_problems  # noqa: E402
from conftest import SEEDS  # noqa: E402

from builder.read import decode  # noqa: E402

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_every_word_of_a_seed_is_on_its_page_or_in_removed(seed):
    source = decode(seed.name, seed.read_bytes())
    doc = clean_text(seed.read_bytes(), seed.name)
    lost, invented = lost_and_invented(source.text, doc)
    assert not lost, f"lost: {dict(lost)}"
    assert not invented, f"invented: {dict(invented)}"


# ------------------------------------------------------------------ generated messy documents

VOCAB = ("migration", "rights", "states", "protection", "the", "of", "and", "to", "in", "for", "migrants",
         "cooperation", "governance", "report", "national", "policies", "international", "human",
         "development", "labour", "trafficking", "Office", "Council", "General", "IOM", "UN", "2013",
         "awareness", "raising", "capacity", "building", "border", "workers", "data", "xenophobia")
word = st.sampled_from(VOCAB)
sentence = st.lists(word, min_size=3, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraph_text = st.lists(sentence, min_size=1, max_size=5).map(" ".join)


def wrap(text: str, width: int, pdf: bool, hyphenate: bool) -> list[str]:
    """Hard-wrap ``text`` at ``width``; a PDF column leaves a trailing space on soft wraps;
    ``hyphenate`` splits the first long word that crosses the margin."""
    lines, line = [], ""
    for w in text.split():
        if line and len(line) + 1 + len(w) > width:
            if hyphenate and len(w) > 7 and w.isalpha():
                cut = len(w) // 2
                lines.append(line + " " + w[:cut] + "-")
                line = w[cut:]
                hyphenate = False
                continue
            lines.append(line + (" " if pdf else ""))
            line = w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    return lines


@st.composite
def markup_debris(draw) -> str:
    """A converter's Markdown or HTML whose attributes, titles and definitions carry words."""
    w1, w2, w3 = draw(word), draw(word), draw(word)
    return draw(st.sampled_from([
        f'![{w1} {w2}](img/{w3}.jpg "Photo: {w2}")',
        f"![]({w1}.png '{w2} {w3}')",
        f"![{w1}]({w2}.png ({w3} {w1}))",
        f'See [{w1}](https://example.org/{w2} "{w2} {w3}") and ![{w3}](i.png "{w1}") now.',
        f'The <abbr title="{w1} {w2}">{w3.upper()}</abbr> met.',
        f'<a href="https://example.org/{w1}" title="{w2}">{w3}</a> and {w2}.',
        f'<figure><img src="{w1}.png" alt="{w2}" title="{w3}"><figcaption>{w1} {w3}</figcaption></figure>',
        f'<span title="{w1}" aria-label="{w2}">{w3}</span> {w1}.',
        f'Read [the {w1}][{w2}] and [{w3}][] today.\n\n[{w2}]: https://example.org/{w1} "{w3}"\n'
        f'[{w3}]: <https://example.org/{w2}>\n[{w1}x]: https://example.org/{w3}',
        f"# {w1.capitalize()}<br>{w2} {w3}",
    ]))


@st.composite
def messy_document(draw) -> str:
    pdf = draw(st.booleans())
    width = draw(st.integers(30, 80))
    out: list[str] = []
    if draw(st.booleans()):
        out += ["Home | Menu | Search", ""]
    if draw(st.booleans()):
        out += [draw(st.sampled_from(["I. Introduction", "Background", "***1. Scope of the report:***",
                                      "2. Facilitating cooperation"])), ""]
    notes = []
    for n in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["para", "para", "bullets", "numbered", "header", "footnote", "url", "markup"]))
        if kind == "para":
            out += wrap(draw(paragraph_text), width, pdf, draw(st.booleans())) + [""]
        elif kind == "bullets":
            glyph = draw(st.sampled_from(["•", "-", "▪", " u", "\uf0b7", "*"]))
            for _ in range(draw(st.integers(1, 3))):
                out += wrap(f"{glyph} {draw(sentence)}", width, pdf, False)
            out.append("")
        elif kind == "numbered":
            for i in range(1, draw(st.integers(2, 4))):
                out.append(f"  {i}. {draw(sentence)}")
            out.append("")
        elif kind == "header":
            out += ["A/HRC/99/1", "", str(n + 2), ""]
        elif kind == "footnote":
            mark = "¹²³⁴⁵⁶"[len(notes)]
            notes.append(mark)
            out += wrap(draw(paragraph_text)[:-1] + "." + mark, width, pdf, False) + [""]
            out += [f"{mark} See the {draw(word)} {draw(word)} report.", ""]
        elif kind == "url":
            out += [f"See <https://example.org/{draw(word)}> and *{draw(word)} {draw(word)}* for "
                    f"[{draw(word)}](#) details.", ""]
        elif kind == "markup":
            out += [draw(markup_debris()), ""]
    if draw(st.booleans()):
        out += ["Back to top", "", "Share this page on Facebook. Click to log in to your account.", ""]
    return "\n".join(out)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_document())
def test_no_word_is_lost_from_generated_messy_documents(text):
    doc = clean_text(text)
    lost, invented = lost_and_invented(decode("t.txt", text.encode()).text, doc)
    assert not lost and not invented, (dict(lost), dict(invented))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_document())
def test_generated_messy_documents_come_out_clean_and_render_cleanly(text):
    doc = clean_text(text)
    assert artefacts(doc) == []
    assert render_problems(doc) == []


printable = st.text(alphabet=st.sampled_from(list("abcXY12 .,:;-*_[]()<>#•¹²\n  u")), max_size=300)
TOKENS = ("Dear Sir:", "Sincerely,", "Jane Doe", "Ambassador", "Back to top", "cookie", "account", "**",
          "*", "[1]", "¹", "²", "<https://example.org/a>", "https://example.org/b", "[x](#)", "I.", "2.",
          "IV.", "•", "u", "-", "\n", "\n\n", " ", "  ", "migration", "Rights", "coopera-", "tion",
          "August 10, 2016", "A signature in ink", "Page 2", "3", "Subject:", "***", ":", ".", "(EA 1)",
          '![a b](c.png "d e")', '<abbr title="f g">', "</abbr>", "[t][1]", '[1]: https://e.org/h "i"',
          '<img alt="j" title="k l">', "<br>", "<figcaption>")
token_text = st.lists(st.sampled_from(TOKENS), max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(printable, token_text))
@example("¹ Dear Sir: \n Page 2 Dear Sir: \n\n \n \n\n [1] \n Dear Sir:")  # a marker opening its line
def test_no_word_is_lost_from_arbitrary_text(text):
    assume(any(ch.isalnum() for ch in text))  # read refuses a file without letters or digits
    source = decode("t.txt", text.encode())
    doc = clean_text(text)
    lost, invented = lost_and_invented(source.text, doc)
    assert not lost and not invented, (dict(lost), dict(invented))
