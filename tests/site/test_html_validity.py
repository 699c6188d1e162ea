"""The Nu Html Checker (vnu-jar) over every HTML page of the built site: zero errors, the Material
theme's markup included (its findings are fixed by the templates in overrides/, not allow-listed)."""

from __future__ import annotations

import sitecheck


def test_nothing_is_allow_listed_for_the_html_checker():
    assert not sitecheck.allowlist().get("vnu"), "fix the markup (overrides/ for the theme's) instead"


def test_every_page_is_valid_html(built_site, pages):
    files = sitecheck.html_files(built_site)
    assert files and len(files) == len(pages)
    errors = sitecheck.vnu_errors(files)
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(errors)
