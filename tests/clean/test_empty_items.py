"""An item that is only its marker, over its sub-items, has no paragraph anchor (nothing to cite)."""

from __future__ import annotations

from builder.document import Block


def test_an_item_that_is_only_its_marker_is_not_citable():
    assert not Block("list_item", "", number="e").citable


def test_an_item_with_text_is_citable():
    assert Block("list_item", "In the case of Italian nationals …", number="i").citable
