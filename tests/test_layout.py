"""The site's layout (builder/layout.py): where a document's page is and the URL it is served at."""

from builder.layout import DOCUMENTS_INDEX, page_of, page_url, relative_url, slug_of, url_of


def test_a_document_page_is_its_slug_in_the_documents_folder():
    assert page_of("2014-05-report") == "documents/2014-05-report.md"


def test_a_document_is_served_at_the_directory_url_of_its_page():
    assert url_of("2014-05-report") == "documents/2014-05-report/" == page_url(page_of("2014-05-report"))


def test_the_slug_of_a_document_page_is_the_slug_it_was_made_from():
    assert slug_of(page_of("lettre-à-la-mairie-2")) == "lettre-à-la-mairie-2"


def test_a_page_outside_the_documents_folder_has_no_slug():
    assert slug_of("themes/water.md") is None
    assert slug_of("documentsx/a.md") is None


def test_the_documents_list_is_served_at_the_folder_itself():
    assert page_url(DOCUMENTS_INDEX) == "documents/"
    assert page_url("index.md") == ""


def test_relative_urls_between_directory_urls():
    assert relative_url(url_of("a"), url_of("b")) == "../b/"
    assert relative_url(url_of("a"), "") == "../../"
    assert relative_url("", "") == "./"
