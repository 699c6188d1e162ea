"""MkDocs hook: the navigation's HTML made once for all the pages that show the same one.

Material renders its navigation sidebar (``partials/nav.html``) again for every page: on a site
of thousands of pages that was about a tenth of the theme's rendering time. The navigation of
this site lists sections only, so on every page it does not list (documents, provenance, theme,
entity and year pages) no item is active and its HTML differs from page to page only by the
URLs of the sections, written relative to the page. This hook gives the theme ``nav_memo``
(``overrides/partials/nav.html`` calls it around Material's unchanged template): for such a page,
the HTML is kept under those relative URLs (``nav_key``) and reused for every later page with the
same ones; a page the navigation lists, or one under which an item is active, is rendered as
usual. The pages are the same with or without it (tests/test_nav_memo.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from mkdocs.utils import normalize_url

_memo: dict[tuple[str, ...], str] = {}
"""The navigation's HTML by ``nav_key``, for the build under way (emptied by ``on_env``)."""


def _items(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _items(getattr(item, "children", None) or [])


def nav_key(page: Any, nav: Any) -> tuple[str, ...] | None:
    """What the navigation's HTML depends on for ``page``: the URL of the site's root and of
    every page of the navigation, relative to ``page`` (as the theme's ``url`` filter writes
    them). ``None`` when the navigation lists ``page`` or shows an item as active: that HTML is
    the page's own."""
    if page is None or nav is None:
        return None
    items = list(_items(nav.items))
    if any(item is page or getattr(item, "active", False) for item in items):
        return None
    urls = ["", *(item.url for item in items if getattr(item, "url", None) is not None)]
    return tuple(normalize_url(url, page=page) for url in urls)


def nav_memo(page: Any, nav: Any, caller: Callable[[], str]) -> str:
    """The navigation's HTML for ``page``: ``caller()`` renders it (Material's template)."""
    key = nav_key(page, nav)
    if key is None:
        return caller()
    if key not in _memo:
        _memo[key] = caller()
    return _memo[key]


def on_env(env: Any, **kwargs: Any) -> Any:
    _memo.clear()
    env.globals["nav_memo"] = nav_memo
    return env
