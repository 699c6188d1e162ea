"""clean: an extractor that leaves a space after every line, a paragraph's last line as well,
gives no wrap signal: the lines' widths tell wrapped text from a cover's short lines."""

from __future__ import annotations

from cleankit import clean_text

WIDE = "{} the States Members of the United Nations, welcome the fifteenth anniversary of "


def padded_paragraph(n: int) -> str:
    """A wrapped paragraph whose every line, its last one too, ends with a space."""
    return (f"{WIDE.format('We,')}\nthe adoption of the Global Plan of Action and reaffirm our commitments, as well \n"
            f"as in the previously adopted declarations, number {n}. \n \n")


COVER = "Eightieth session \nAgenda item 107 \nCrime prevention and criminal justice \n \n"


def body(n: int = 6) -> str:
    return "".join(padded_paragraph(k) for k in range(n))


def test_a_padded_covers_short_lines_are_not_run_together():
    doc = clean_text(COVER + body())
    assert doc.blocks[0].text == "Eightieth session\nAgenda item 107\nCrime prevention and criminal justice"


def test_a_padded_covers_short_line_is_not_joined_to_the_next_block():
    doc = clean_text("The General Assembly \n \nAdopts the declaration annexed to the resolution. \n \n" + body())
    assert not any(b.text.startswith("The General Assembly Adopts") for b in doc.blocks)


def test_a_padded_paragraph_wrapped_over_lines_is_one_paragraph():
    doc = clean_text(COVER + body())
    texts = [b.text for b in doc.blocks]
    assert texts[1].startswith("We, the States") and texts[1].endswith("number 0.")


def test_a_padded_paragraph_number_alone_on_its_line_stays_with_its_text():
    doc = clean_text(COVER + "1. \n" + body())
    assert any(b.text.startswith("1. We, the States") or (b.number == "1" and b.text.startswith("We, the"))
               for b in doc.blocks)


def test_lines_padded_only_where_they_wrap_still_mark_the_wrap():
    """A paragraph's last line without the space: the trailing space is the wrap signal, as before."""
    wrapped = "".join(f"{WIDE.format('We,')}\nthe adoption of the Global Plan, number {k}.\n\n" for k in range(6))
    doc = clean_text(COVER + wrapped)
    assert doc.stats.get("padded_lines", 0) == 0
