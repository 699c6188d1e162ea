"""enrich.metadata: the issuing organisation from a labelled authority or the document's own
symbol, never from a website's copyright line."""

from __future__ import annotations

from builder.document import Block, Document, Removal, Source
from builder.enrich import symbols
from builder.enrich.metadata import extract

BODY = ("The Assembly welcomes the efforts of Member States to protect the rights of migrant workers and "
        "their families in every region, and calls for further cooperation.")
CUERPO = ("El presente real decreto regula las condiciones para el ejercicio de los derechos de entrada y "
          "salida, libre circulación, estancia y residencia de los ciudadanos.")


def document(top: str, body: str, removed: list[Removal] | None = None) -> Document:
    text = top + "\n\n" + body + "\n"
    blocks = [Block("paragraph", line) for line in top.split("\n") if line] + [Block("paragraph", body)]
    return Document(Source("t.txt", text, ""), blocks=blocks, removed=removed or [])


def test_a_general_assembly_resolution_symbol_names_the_general_assembly():
    meta = extract(document("A/RES/80/9", BODY))
    assert meta.organisation == "United Nations General Assembly"
    assert meta.symbols == ["A/RES/80/9"]


def test_the_symbol_table_names_treaty_bodies_and_never_a_gazette():
    assert symbols.issuer("A/HRC/52/3") == "Human Rights Council"
    assert symbols.issuer("CERD/C/GC/35") == "Committee on the Elimination of Racial Discrimination"
    assert symbols.issuer("BOE-A-2007-4184") is None  # the gazette publishes, a ministry issues


def test_a_cited_symbol_does_not_name_the_issuer():
    meta = extract(document("Contribution of the Example Institute", "It refers to A/RES/80/9. " + BODY))
    assert meta.organisation != "United Nations General Assembly"


def test_a_labelled_issuing_authority_wins_over_the_symbols_body():
    top = ("BOE-A-2007-4184\nPublicado en: «BOE» núm. 51. Departamento: Ministerio del Interior "
           "Referencia: BOE-A-2007-4184")
    meta = extract(document(top, CUERPO))
    assert meta.organisation == "Ministerio del Interior"


def test_a_copyright_line_is_never_the_organisation():
    removed = [Removal("© 2024 Example Organization. All rights reserved.", "web boilerplate (footer)",
                       "web_boilerplate", 2)]
    meta = extract(document("© 2024 Example Organization. All rights reserved.", BODY, removed))
    assert meta.organisation is None


def test_a_copyright_line_is_not_counted_as_the_organisation_named_most_often():
    lines = "\n".join(["© 2024 EXORG. All rights reserved. EXORG EXORG"] * 3)
    meta = extract(document(lines, BODY))
    assert meta.organisation is None


def test_an_article_is_not_by_the_body_it_names_most():
    body = " ".join(["The UNHCR camps in the region received more refugees this year, and UNHCR staff said so."] * 6)
    meta = extract(document("The world's refugees\n\nby Yefim Zarjevski", body + "\n\nCONTINUED ON NEXT PAGE"))
    assert meta.doc_type == "article"
    assert meta.organisation is None


def test_a_running_footer_naming_a_body_counts_as_its_mentions():
    body = "\n\n".join(["The Refugee Support Office (RSO) registered more arrivals this month, and RSO teams "
                        "worked with the authorities at every crossing point in the region."] * 2)
    footers = [Removal(f"RSO Country / October 2023                Page {n} of 6", "page header or footer",
                       "page_furniture", 20 * n) for n in (2, 3)]
    assert extract(document("Operational Update", body, footers)).organisation == "Refugee Support Office (RSO)"
    assert extract(document("Operational Update", body)).organisation is None
