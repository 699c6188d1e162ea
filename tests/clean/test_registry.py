"""clean/pipeline: the rule registry."""

from __future__ import annotations

import pytest

import builder.clean as clean_package
from builder.clean import build_rules


def test_rules_run_from_the_highest_priority_to_the_lowest():
    priorities = [r.priority for r in build_rules()]
    assert priorities == sorted(priorities, reverse=True)


def test_every_rule_is_in_the_package_docstring_table_with_its_priority():
    for rule in build_rules():
        assert f"``{rule.name}``" in clean_package.__doc__
        line = next(ln for ln in clean_package.__doc__.splitlines() if f"``{rule.name}``" in ln)
        assert str(rule.priority) in line.split()


def test_every_rule_says_what_it_does():
    assert all(rule.doc for rule in build_rules())


def test_rules_can_be_switched_off_by_name():
    names = [r.name for r in build_rules(disabled=["web_boilerplate", "letter"])]
    assert "web_boilerplate" not in names and "letter" not in names


def test_unknown_rule_names_are_all_listed():
    with pytest.raises(KeyError, match="nada, nope"):
        build_rules(disabled=["nada", "reflow", "nope"])


def test_every_document_reports_the_cleaning_counters_even_when_zero():
    from cleankit import clean_text

    from builder.clean.footnotes import STAT_NAMES

    stats = clean_text("Just one sentence.\n").stats
    assert {name: stats[name] for name in STAT_NAMES} == {name: 0 for name in STAT_NAMES}
