"""axe-core run inside Chromium on every page of the built site."""

from __future__ import annotations


def test_no_page_has_critical_or_serious_accessibility_violations(visits):
    violations = {page: visit.axe_violations for page, visit in visits.items() if visit.axe_violations}
    assert not violations
