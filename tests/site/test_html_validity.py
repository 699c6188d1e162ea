"""The Nu Html Checker (vnu-jar) over every HTML page of the built site."""

from __future__ import annotations

import sitecheck


def test_every_page_is_valid_html(built_site):
    files = sitecheck.html_files(built_site)
    assert files
    errors = sitecheck.vnu_errors(files)
    assert not errors, "\n".join(errors)
