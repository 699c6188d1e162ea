"""clean: a line of the site's social-network accounts is furniture, in any language; a sentence
that names an account is content."""

from __future__ import annotations

from cleankit import clean_text


def texts(doc):
    return "\n".join(b.text for b in doc.blocks)


def removed(doc):
    return [r.text for r in doc.removed]


def test_a_line_of_accounts_after_the_text_is_removed():
    doc = clean_text("The report was published today by the network.\n\n"
                     "Follow us on X @RefugeeRightsUK | Instagram @refugeerightsnetwork\n\n###\n")
    assert "Follow us on X @RefugeeRightsUK | Instagram @refugeerightsnetwork" in removed(doc)


def test_a_line_of_accounts_in_another_language_is_removed():
    doc = clean_text("El informe se publicó hoy.\n\nSíguenos en X @acnur_es | Instagram @acnur\n")
    assert "@acnur" not in texts(doc)


def test_a_sentence_naming_an_account_is_kept():
    doc = clean_text("The report was published today.\n\nFollow @UNHCR on X for updates on the response.\n")
    assert "Follow @UNHCR on X for updates on the response." in texts(doc)

