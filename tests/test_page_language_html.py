"""A document page's <html lang> is its own language when its front matter gives one (``lang: fr``),
else the site's (overrides/base.html): the browser and screen readers read the page in the
language of its text. Rendered here from the template's own ``<html>`` line."""

from __future__ import annotations

from types import SimpleNamespace

import jinja2

from conftest import ROOT


def html_tag(meta: dict) -> str:
    line = next(ln for ln in (ROOT / "overrides" / "base.html").read_text(encoding="utf-8").splitlines()
                if ln.startswith("<html "))
    lang = SimpleNamespace(t=lambda key: "en")
    page = SimpleNamespace(meta=meta)
    return jinja2.Environment(autoescape=True).from_string(line).render(page=page, lang=lang)


def test_a_page_whose_front_matter_gives_a_language_is_in_that_language():
    assert html_tag({"lang": "fr"}) == '<html lang="fr" class="no-js">'


def test_a_page_without_a_language_is_in_the_site_s():
    assert html_tag({}) == '<html lang="en" class="no-js">'


def test_a_language_value_cannot_break_out_of_its_attribute():
    assert html_tag({"lang": 'fr" onload="x'}) == '<html lang="fr&#34; onload=&#34;x" class="no-js">'
