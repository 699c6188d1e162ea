"""Fixtures of the site judges: the shipped seeds built once (tests/conftest.py's `seeds_site`),
served on 127.0.0.1 under the path of `site_url`, one Chromium for the whole session, and one visit
of every page (with axe-core) shared by the tests that judge those visits."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import sitecheck

ARTIFACTS = sitecheck.ROOT / "test-artifacts"


def pytest_plugin_registered(plugin, manager) -> None:
    """Test modules across tests/ say `from conftest import ...` meaning tests/conftest.py. Both that
    file and this one are imported under the module name "conftest", and pytest drops the first from
    sys.modules when it imports this one: put tests/conftest.py back (this hook also sees the plugins
    registered before this file was)."""
    if Path(getattr(plugin, "__file__", "") or "/").resolve() == sitecheck.ROOT / "tests" / "conftest.py":
        sys.modules["conftest"] = plugin


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under pytest-xdist (tests/run.sh runs two workers), every site judge runs on one worker:
    they share the session's built site, browser and visit of every page (the visits take about a
    minute), which each worker would otherwise make again."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.xdist_group("site"))


@pytest.fixture(scope="session")
def built_site(seeds_site) -> Path:
    """site/ as `python -m builder build && mkdocs build --strict` makes it from the shipped seeds."""
    project, _ = seeds_site
    return project / "site"


@pytest.fixture(scope="session")
def site_prefix(seeds_site) -> str:
    project, _ = seeds_site
    return sitecheck.base_path(project / "mkdocs.yml")


@pytest.fixture(scope="session")
def site_url(built_site, site_prefix) -> str:
    with sitecheck.serve(built_site, site_prefix) as url:
        yield url


@pytest.fixture(scope="session")
def pages(built_site) -> list[str]:
    """Every HTML page of the built site, as a URL relative to the site's root."""
    return [sitecheck.page_url(built_site, file) for file in sitecheck.html_files(built_site)]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = sitecheck.launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def context(browser):
    context = sitecheck.new_context(browser)
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A fresh tab; whatever it requests is recorded in page.visit (console errors, requests...)."""
    page = context.new_page()
    page.visit = sitecheck.Visit("")
    sitecheck.watch(page, page.visit)
    yield page
    page.close()


@pytest.fixture(scope="session")
def visits(site_url, pages) -> dict[str, sitecheck.Visit]:
    """Each page of the site opened once in Chromium, with axe-core run in it."""
    records = sitecheck.visit_all([site_url + page for page in pages])
    return {page: records[site_url + page] for page in pages}


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ (gitignored; CI uploads it): screenshots for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
