"""A document with too little prose for its language to be read from its paragraphs (a letter
of a few lines) is read from every line it shows, its frame too; figures alone give none."""

from __future__ import annotations

import pytest

from builder.clean import clean
from builder.document import Source
from builder.enrich.metadata import extract


def meta_of(text: str):
    return extract(clean(Source("t.txt", text, "")))


@pytest.mark.parametrize(("text", "lang"), [
    ("Bundesamt für Justiz\n\nBonn, den 3. Mai 2021\n\nSehr geehrte Frau Weber,\n\nanbei die Unterlagen.\n\n"
     "Mit freundlichen Grüßen\n\nJonas Keller\n", "de"),
    ("Préfecture du Rhône\n\nLyon, le 7 juillet 2020\n\nMadame,\n\nVeuillez trouver ci-joint le dossier.\n\n"
     "Cordialement,\n\nClaire Martin\n", "fr"),
    ("Ministério da Administração Interna\n\nPorto, 2 de fevereiro de 2022\n\nExmo. Senhor,\n\n"
     "Segue em anexo o processo.\n\nCom os melhores cumprimentos,\n\nRui Costa\n", "pt"),
    ("Migrationsverket\n\nMalmö den 15 augusti 2018\n\nHej,\n\nHär kommer handlingarna.\n\n"
     "Med vänliga hälsningar\n\nEva Lind\n", "sv"),
])
def test_a_short_letters_language_from_all_its_lines(text, lang):
    meta = meta_of(text)
    assert (meta.lang, meta.sources["lang"].startswith("text (detected from its short lines")) == (lang, True)


def test_figures_alone_give_no_language():
    assert meta_of("2021   2022\n1 243   1 500\n2 100   2 300\n").lang is None
