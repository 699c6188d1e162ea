"""LinkChecker crawling the served site, with anchor checking."""

from __future__ import annotations

import sitecheck


def test_no_link_or_anchor_is_broken(site_url, tmp_path):
    broken = sitecheck.broken_links(site_url, tmp_path)
    assert not broken, "\n".join(broken)
