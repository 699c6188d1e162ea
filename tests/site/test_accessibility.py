"""axe-core run inside Chromium on every page of the built site: no critical or serious violation,
the Material theme's markup included (its findings are fixed by the templates in overrides/, not
allow-listed)."""

from __future__ import annotations

import sitecheck


def test_nothing_is_allow_listed_for_axe():
    assert not sitecheck.allowlist().get("axe"), "fix the markup (overrides/ for the theme's) instead"


def test_no_page_has_critical_or_serious_accessibility_violations(visits, pages):
    assert set(visits) == set(pages)
    violations = {page: visit.axe_violations for page, visit in visits.items() if visit.axe_violations}
    assert not violations
