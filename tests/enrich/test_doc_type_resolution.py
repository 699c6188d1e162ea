"""A resolution that adopts an annexed text (a declaration) is a resolution: its own first
lines, a resolution symbol and "Resolution adopted by …", outweigh the annexed text's title."""

from __future__ import annotations

from builder.document import Block, Document, Source
from builder.enrich.metadata import extract

ANNEX_TITLE = "Political Declaration on the Protection of Migrant Workers"
ADOPTS = f"The General Assembly Adopts the {ANNEX_TITLE}, annexed to the present resolution."
COVER = ("United Nations\nA/RES/79/12\nGeneral Assembly\nDistr.: General\n\n"
         "Resolution adopted by the General Assembly\non 3 May 2024\n")


def p(text: str) -> Block:
    return Block("paragraph", text)


def doc_type(source_text: str, *blocks: Block, title: str = ANNEX_TITLE) -> str | None:
    d = Document(Source("t.txt", source_text, ""), blocks=list(blocks), front_matter={"title": title})
    return extract(d).doc_type


def body(head: str) -> list[Block]:
    return [p(" ".join(head.split())), p(ADOPTS), p("Annex " + ANNEX_TITLE),
            p("We, Heads of State and Government, reaffirm our commitment to protect migrant workers.")]


def test_a_resolution_adopting_an_annexed_declaration_is_a_resolution():
    assert doc_type(COVER + "\n" + ADOPTS, *body(COVER)) == "resolution"


def test_a_french_resolution_adopting_a_declaration_is_a_resolution():
    cover = ("Nations Unies\nA/RES/79/12\nAssemblée générale\n\n"
             "Résolution adoptée par l'Assemblée générale\nle 3 mai 2024\n")
    adopts = "L'Assemblée générale adopte la Déclaration politique sur la protection des travailleurs migrants."
    d = Document(Source("t.txt", cover + adopts, ""), blocks=[p(" ".join(cover.split())), p(adopts)],
                 front_matter={"title": "Déclaration politique sur la protection des travailleurs migrants"})
    assert extract(d).doc_type == "resolution"


def test_a_declaration_that_adopts_itself_stays_a_declaration():
    text = "Declaration on the Rights of Migrants\n\nThe General Conference solemnly adopts this Declaration."
    assert doc_type(text, p("Preamble"), p("The General Conference solemnly adopts this Declaration."),
                    title="Declaration on the Rights of Migrants") == "declaration"
