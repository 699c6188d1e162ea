"""The dev corpus built end to end: the site menus, footers and consent notices of the scraped
pages are gone (each removal in the report with its reason), and their text is kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest




@pytest.fixture(scope="module")
def dev_site(dev_corpus_site):
    project, report = dev_corpus_site
    return project, {d["source"]: d for d in report["documents"]}


def page(project: Path, doc: dict) -> str:
    return (project / "docs" / doc["page"]).read_text(encoding="utf-8") if (project / "docs" / doc["page"]).exists() \
        else (project / "docs" / "documents" / Path(doc["page"]).name).read_text(encoding="utf-8")


def doc_for(docs: dict, prefix: str) -> dict:
    return next(d for name, d in docs.items() if name.startswith(prefix))


def paragraphs(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith(("{:", "---", "#"))]


def test_the_interior_ministry_menus_are_gone_and_its_text_kept(dev_site):
    project, docs = dev_site
    doc = doc_for(docs, "10_")
    menu = [r for r in doc["removed"] if r["reason"].startswith("site menu")]
    assert len(menu) >= 700
    text = page(project, doc)
    for item in ("Sede electrónica", "Info DANA", "Aviso Legal", "Política de Cookies", "Mapa Web"):
        assert item not in text, item
    assert "Medidas cautelares" in text and "Información general" in text
    assert "Si la expulsión no se pudiera ejecutar" in text
    assert len(paragraphs(text)) < 200


def test_the_official_gazette_header_and_footer_menus_are_gone(dev_site):
    project, docs = dev_site
    doc = doc_for(docs, "09_")
    text = page(project, doc)
    for item in ("Edictos judiciales", "Portal de subastas", "Protección de datos", "Sistema Interno de Información"):
        assert item not in text, item
    assert "Dado en Madrid" in text


def test_the_faq_page_menus_share_bar_and_footer_are_gone(dev_site):
    project, docs = dev_site
    doc = doc_for(docs, "11_")
    text = page(project, doc)
    for item in ("Empreender | Investing", "Partilhar", "Transparência Administrativa", "Política de Privacidade"):
        assert item not in text, item
    assert "Qual a validade das certidões de nascimento?" in text


def test_the_guidance_page_cookie_notice_and_menus_are_gone(dev_site):
    project, docs = dev_site
    doc = doc_for(docs, "08_")
    reasons = {r["reason"] for r in doc["removed"]}
    assert "cookie or consent notice" in reasons
    text = page(project, doc)
    for item in ("We use some essential cookies", "Births, death, marriages and care", "Crown copyright"):
        assert item not in text, item
    assert doc["title"].startswith("Immigration Rules")


def test_documents_that_are_not_web_pages_lose_nothing_to_the_site_rules(dev_site):
    _, docs = dev_site
    for name, doc in docs.items():
        if "_scrape" in name:
            continue
        assert not [r for r in doc["removed"] if r["rule"] == "site_furniture"], name


SCRAPER_FIELD = re.compile(r"^(?:#+\s*)?(?:<span[^>]*>)?\*?(?:Source|URL Source|Fetched(?: \(UTC\))?|HTTP status):\s",
                           re.IGNORECASE)


def test_no_scraper_header_line_is_left_on_a_page(dev_site):
    project, docs = dev_site
    for name, doc in docs.items():
        body = page(project, doc).split("\n---\n", 1)[-1]  # without the page's own front matter
        left = [ln for ln in body.splitlines() if SCRAPER_FIELD.match(ln)]
        assert left == [], name
        if "_scrape" in name:
            assert any(r["reason"].startswith("scraper header") for r in doc["removed"]), name


def test_the_guidance_page_feedback_form_is_gone_and_reported(dev_site):
    project, docs = dev_site
    doc = doc_for(docs, "08_")
    feedback = [r["text"] for r in doc["removed"] if r["reason"].startswith("feedback form")]
    assert "Is this page useful?" in feedback and "What went wrong?" in feedback
    body = page(project, doc).split("\n---\n", 1)[-1]
    for item in ("this page is useful", "Thank you for your feedback", "What were you doing?", "Send Cancel"):
        assert item not in body, item
    assert "418. DELETED." in body.replace("&#46;", ".")


def test_the_gazette_version_picker_and_anchor_labels_are_gone_and_reported(dev_site):
    project, docs = dev_site
    doc = doc_for(docs, "09_")
    reasons = [r["reason"] for r in doc["removed"]]
    assert sum(r.startswith("version picker") for r in reasons) >= 5
    assert sum(r.startswith("in-page anchor label") for r in reasons) >= 30
    body = page(project, doc).split("\n---\n", 1)[-1]
    assert not re.search(r"\\\[[^\]\n]*\\#\w+\\\]", body)  # no "[… #id]" label left
    assert "publicada el 04/08/2012" not in body
    assert "España se adhirió a las Comunidades Europeas" in body  # the text after the first label is kept


def test_the_magazine_article_is_typed_an_article(dev_site):
    _, docs = dev_site
    doc = doc_for(docs, "06_")
    assert doc["doc_type"] == "article"  # from its byline and the magazine's "continued" jump line


def test_the_new_ministry_page_slug_has_its_tidied_title_and_the_words_of_its_organisation(dev_site):
    _, docs = dev_site
    doc = doc_for(docs, "10_")
    assert doc["title"] == "Expulsión"  # the heading without the site name
    assert doc["url"] == "documents/ministerio-interior-expulsion/"  # not "ministerio-del-…"


def test_the_scanned_magazine_page_lists_its_misread_words_for_an_editor(dev_site):
    project, docs = dev_site
    doc = doc_for(docs, "05_")
    listed = {(m["word"], m["reading"]) for m in doc["misreadings"]}
    assert {("Unrversity", "University"), ("contrlbute", "contribute")} <= listed
    assert "contrlbute" in page(project, doc)  # listed, not corrected


def test_no_word_of_a_document_that_was_not_scanned_is_taken_for_a_misreading(dev_site):
    # (a mark that strayed into a word, ``the-Charter``, is listed in a lightly OCR'd text: no word)
    _, docs = dev_site
    for name, doc in docs.items():
        if "_ocr" not in name:
            assert [m for m in doc["misreadings"] if m["word"].isalnum()] == [], name


def test_the_stray_marks_of_a_transcribed_declaration_are_listed_and_left_as_printed(dev_site):
    project, docs = dev_site
    doc = docs["07_unesco-1978-declaration-race-prejudice.txt"]
    listed = {(m["word"], m["reading"]) for m in doc["misreadings"]}
    assert listed == {("United, Nations", "United Nations"), ("on'", "on"), ("the-Charter", "the Charter")}
    assert "the-Charter" in page(project, doc)


def test_no_table_list_or_reference_of_the_dev_corpus_is_taken_for_a_contact_block(dev_site):
    _, docs = dev_site
    for name, doc in docs.items():  # none of these documents prints a press contact
        assert doc["stats"].get("contact_blocks", 0) == 0, name


def test_no_line_of_the_dev_corpus_is_taken_for_a_tag_list(dev_site):
    _, docs = dev_site
    for name, doc in docs.items():  # none of these pages ends with a tag list
        assert not [r for r in doc["removed"] if r["rule"] == "tag_lists"], name


def test_the_guidance_page_search_box_hint_is_gone_and_reported(dev_site):
    project, docs = dev_site
    doc = doc_for(docs, "08_")
    hints = [r["text"] for r in doc["removed"] if r["reason"].startswith("accessibility hint of a page widget")]
    assert any("arrows" in t for t in hints)
    body = page(project, doc).split("\n---\n", 1)[-1]
    assert "arrows to review" not in body and "swipe gestures" not in body


def test_the_guidance_page_numbered_breadcrumb_is_gone_and_no_list_number_is_left_alone(dev_site):
    project, docs = dev_site
    doc = doc_for(docs, "08_")
    trail = [r["text"] for r in doc["removed"] if r["reason"].startswith("breadcrumb trail (")]
    assert len(trail) == 3 and trail[0].startswith("1.")
    body = page(project, doc).split("\n---\n", 1)[-1]
    assert "Entering and staying in the UK" not in body
    for name, d in docs.items():
        text = page(project, d).split("\n---\n", 1)[-1]
        assert not re.search(r"^\s*\d{1,3}[.)]\s*$", text, re.MULTILINE), name  # a list number without text


def test_the_resolution_that_adopts_an_annexed_declaration_is_typed_a_resolution(dev_site):
    _, docs = dev_site
    assert doc_for(docs, "01_")["doc_type"] == "resolution"
    assert doc_for(docs, "07_")["doc_type"] == "declaration"


def test_the_ocr_articles_caption_and_byline_are_no_part_of_its_first_paragraph(dev_site):
    project, docs = dev_site
    text = page(project, doc_for(docs, "06_"))
    first = next(line for line in text.split("\n") if line.endswith('data-para="1" }'))
    body = text.split("\n")[text.split("\n").index(first) - 1]
    assert body.startswith("United Nations Day (October 24)")
    assert "by Yefim Zarjevski\n{: .doc-head }" in text
    assert '!!! quote "Photo caption"\n\n    An airlift organized by' in text


def test_the_records_speakers_are_labels(dev_site):
    project, docs = dev_site
    text = page(project, doc_for(docs, "04_"))
    assert text.count("**The SPEAKER.** ") == 3 and "**The PRESIDENT.** Mr. Speaker" in text
