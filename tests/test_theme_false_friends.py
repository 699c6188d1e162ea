"""An English trigger phrase that is also a common word of a document's language ("data" is a date
in Portuguese, "Integration" is integration into society in German) does not trigger its theme in a
text in that language; acronyms and English terms of art still do, and English documents (and
English blocks of other documents) are read with every English phrase."""

from __future__ import annotations

from builder.config import Theme
from builder.document import Block, Document, Metadata, Source
from builder.enrich.themes import score

THEMES = [
    Theme("data", "Data", "", ["data", "statistics"], {"data": 2.0}, {"pt": ["estatística*"]}),
    Theme("return", "Return", "", ["(re)integration", "deport*"], {"(re)integration": 2.0},
          {"de": ["Rückkehr*"]}),
    Theme("trafficking", "Trafficking", "", ["traffick*", "UNHCR"], {"traffick*": 2.0, "UNHCR": 2.0},
          {"pt": ["tráfico de pessoas"], "de": ["Menschenhandel"]}),
]


def doc(lang: str, *blocks: Block) -> Document:
    return Document(Source("t.txt", "", ""), blocks=list(blocks), meta=Metadata(lang=lang))


def themed(d: Document) -> set[str]:
    return {h.theme for h in score(d, THEMES)}


def test_data_in_a_portuguese_text_is_a_date_not_the_data_theme():
    d = doc("pt", Block("paragraph", "A data de entrada é a data do pedido; a data limite do prazo é a data "
                                     "da notificação."))
    assert "data" not in themed(d)


def test_integration_in_a_german_text_is_not_reintegration_after_return():
    d = doc("de", Block("paragraph", "Die Integration in den Arbeitsmarkt und die Integration der Kinder in "
                                     "die Schule sind Ziele der Integration vor Ort."))
    assert "return" not in themed(d)


def test_an_english_term_of_art_in_a_portuguese_text_still_triggers_its_theme():
    d = doc("pt", Block("paragraph", "O relatório sobre trafficking descreve as redes de trafficking e as vítimas de "
                                     "trafficking na região."))
    assert "trafficking" in themed(d)


def test_an_acronym_in_a_german_text_still_triggers_its_theme():
    d = doc("de", Block("paragraph", "Der UNHCR berichtet, der UNHCR warnt, und der UNHCR fordert mehr Schutz."))
    assert "trafficking" in themed(d)


def test_an_english_document_keeps_its_common_words_as_triggers():
    d = doc("en", Block("paragraph", "The data show it, and the data confirm it: better data are needed."),
            Block("paragraph", "Reintegration after return, and integration into the labour market, "
                               "need support; integration takes time."))
    assert themed(d) == {"data", "return"}


def test_an_english_block_of_a_portuguese_document_keeps_the_english_triggers():
    d = doc("pt", Block("paragraph", "The data show it, and the data confirm it: better data are needed.",
                        lang="en"))
    assert "data" in themed(d)


def test_a_language_wordfreq_cannot_split_without_an_extra_tokenizer_keeps_the_english_triggers():
    # Chinese needs jieba to be split into words; without it, no English phrase is a word of it.
    d = doc("zh", Block("paragraph", "关于 trafficking 的报告描述了 trafficking 网络和 trafficking 受害者。"))
    assert "trafficking" in themed(d)
