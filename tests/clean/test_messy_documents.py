"""Three messy documents nobody has seen, in the styles the builder meets, come out clean
and lose no word."""

from __future__ import annotations

from cleankit import artefacts, clean_text, lost_and_invented, render_problems

from builder.read import decode

PAGE_BODY = [
    "The Special Rapporteur notes that the number of people on the move has grown",
    "steadily over the reporting period, and that many of them face serious risks",
    "at borders. States have a duty to protect every person in their territory,",
    "whatever their status, and to ensure access to justice and basic services.",
]

UN_REPORT = "\n".join([
    "A/HRC/99/12",
    "",
    "Human Rights Council",
    "",
    "Report of the Special Rapporteur on the rights of migrants",
    "",
    "I. Introduction",
    "",
    *PAGE_BODY,
    "",
    "1. The mandate holder welcomes the growing international coopera-",
    "tion on search and rescue, and the awareness-",
    "raising work of civil society.¹",
    "",
    "¹ See the previous report of the mandate holder.",
    "",
    "2",
    "",
    "A/HRC/99/12",
    "",
    "II. Main concerns",
    "",
    "The Rapporteur is concerned about the following practices, which undermine the",
    "rights of migrants in transit:",
    "",
    "\uf0b7 detention of children on the sole basis of their migration status;",
    "\uf0b7 collective expulsions without an individual assessment of each case;",
    "\uf0b7 the criminalisation of humanitarian assistance by private persons.",
    "",
    *PAGE_BODY,
    "",
    "3",
    "",
    "A/HRC/99/12",
    "",
    "III. Recommendations",
    "",
    "The Rapporteur recommends that States end the detention of children and ensure",
    "that every return decision is taken after a fair and individual procedure.",
    "",
    "4",
    "",
])

WEB_PAGE = "\n".join([
    "Skip to main content",
    "",
    "Home | About | News | Contact us",
    "",
    "Ministry of External Affairs - Official Logo",
    "",
    "Ministry of External Affairs",
    "",
    "Working for a Safer World",
    "",
    "Press release: the Minister opens the regional dialogue on labour migration",
    "",
    "Press Release",
    "Office of the Spokesperson",
    "Capital City",
    "March 14, 2019",
    "",
    "The Minister opened the regional dialogue on labour migration today. More than",
    "forty delegations attend the meeting, which is held every two years.",
    "",
    "The dialogue will discuss fair recruitment, the portability of social security",
    "benefits and the recognition of skills. Read the agenda at https://example.org/agenda.",
    "",
    "Share this page on Facebook, Twitter or by email",
    "",
    "Back to top",
    "",
    "This site uses cookies. By continuing to browse the site you accept our cookie policy.",
    "",
    "Copyright 2019. All rights reserved. Privacy policy | Terms of use",
])

LETTER_1252 = "\r\n".join([
    "MINISTÈRE DES AFFAIRES ÉTRANGÈRES",
    "DIRECTION DES NATIONS UNIES",
    "",
    "Genève, le 12 mai 2018",
    "",
    "Office of the United Nations High Commissioner",
    "for Human Rights",
    "",
    "Dear Madam:",
    "",
    "I have the honour to transmit the Government’s reply to your note of 3 April. The",
    "reply sets out the measures taken to protect migrants’ rights – including the",
    "new asylum law – and the Government’s plans for 2019.",
    "",
    "Please accept, Madam, the assurances of my highest consideration.",
    "",
    "[signature]",
    "",
    "François Dupré",
    "Ambassadeur, Représentant permanent",
    "",
]).encode("cp1252")


def check(text: str | bytes, name: str = "doc.txt"):
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    doc = clean_text(data, name)
    lost, invented = lost_and_invented(decode(name, data).text, doc)
    assert not lost and not invented, (dict(lost), dict(invented))
    assert artefacts(doc) == []
    assert render_problems(doc) == []
    return doc


def test_un_style_report_with_page_headers_word_splits_and_bullet_glyphs_comes_out_clean():
    doc = check(UN_REPORT)
    title = next(b for b in doc.blocks if b.kind == "heading")
    assert (title.level, title.text) == (1, "Report of the Special Rapporteur on the rights of migrants")
    assert {r.text for r in doc.removed} >= {"A/HRC/99/12", "2", "3", "4"}
    text = " ".join(b.text for b in doc.blocks)
    assert "international cooperation on search" in text and "awareness-raising work" in text
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.text[:12] for b in items if not b.number] == ["detention of", "collective e", "the criminal"]
    assert [(b.number, b.text) for b in doc.blocks if b.kind == "heading" and b.number] == [
        ("I", "Introduction"), ("II", "Main concerns"), ("III", "Recommendations")]
    assert [b.label for b in doc.blocks if b.kind == "footnote"] == ["1"]


def test_web_page_with_navigation_boilerplate_comes_out_clean():
    doc = check(WEB_PAGE)
    kept = " ".join(b.text for b in doc.blocks)
    for gone in ("Skip to main content", "Back to top", "cookie", "Copyright", "Share this page", "Logo"):
        assert gone not in kept
    assert doc.blocks[0].text.startswith("Press release: the Minister opens") and doc.blocks[0].level == 1
    assert doc.blocks[1].label == "byline"
    assert len(doc.removed) == 9


def test_windows_1252_letter_comes_out_clean():
    doc = check(LETTER_1252, "letter.txt")
    assert doc.source.encoding.replace("-", "").lower() in ("cp1252", "windows1252")
    letter = doc.letter
    assert letter["letterhead"] == "MINISTÈRE DES AFFAIRES ÉTRANGÈRES DIRECTION DES NATIONS UNIES"
    assert letter["date"] == "Genève, le 12 mai 2018"
    assert letter["addressee"] == "Office of the United Nations High Commissioner for Human Rights"
    assert letter["signatory"] == "François Dupré"
    assert letter["signatory_role"] == "Ambassadeur, Représentant permanent"
    assert [r.text for r in doc.removed] == ["[signature]"]
