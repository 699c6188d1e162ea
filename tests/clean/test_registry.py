"""clean/registry: the rules by level, their priorities, names, descriptions and report reasons."""

from __future__ import annotations

import re

import pytest
from cleankit import ROOT, clean_text

import builder.clean as clean_package
from bench.corpus import generate
from builder.clean import BLOCK, DOCUMENT, LEVELS, LINE, Registry, build_rules, default_registries, rule
from builder.clean.rules.footnotes import STAT_NAMES


def _table_row(name: str) -> list[str]:
    return next(ln for ln in clean_package.__doc__.splitlines() if ln.startswith(f"``{name}``")).split()


def test_rules_run_from_the_highest_priority_to_the_lowest():
    priorities = [r.priority for r in build_rules()]
    assert priorities == sorted(priorities, reverse=True)


def test_levels_run_in_order_line_block_document():
    levels = [r.level for r in build_rules()]
    assert levels == sorted(levels, key=LEVELS.index)
    assert set(levels) == set(LEVELS)


def test_every_rule_has_a_name_a_level_a_priority_and_says_what_it_does():
    registries = default_registries()
    assert list(registries) == list(LEVELS)
    names = []
    for level, registry in registries.items():
        assert registry.level == level and len(registry)
        for r in registry:
            assert r.name and r.name in registry and registry[r.name] is r
            assert r.level == level
            assert isinstance(r.priority, int) and r.priority > 0
            assert r.description.strip(), r.name
            assert all(isinstance(reason, str) and reason.strip() for reason in r.reasons), r.name
            assert len(set(r.reasons)) == len(r.reasons), r.name
            names.append(r.name)
    assert len(names) == len(set(names))


def test_every_rule_is_in_the_package_docstring_table_with_its_level_and_priority():
    for r in build_rules():
        row = _table_row(r.name)
        assert row[1:3] == [r.level, str(r.priority)], r.name
        assert row[3] == r.fn.__module__.rsplit(".", 1)[-1], r.name


def test_rules_can_be_switched_off_by_name():
    names = [r.name for r in build_rules(disabled=["web_boilerplate", "letter"])]
    assert "web_boilerplate" not in names and "letter" not in names
    assert len(names) == len(build_rules()) - 2


def test_unknown_rule_names_are_all_listed():
    with pytest.raises(KeyError, match="nada, nope"):
        build_rules(disabled=["nada", "reflow", "nope"])


def test_every_document_reports_the_cleaning_counters_even_when_zero():
    stats = clean_text("Just one sentence.\n").stats
    assert {name: stats[name] for name in STAT_NAMES} == {name: 0 for name in STAT_NAMES}


# ----------------------------------------------------------------------------- the reasons in the report

def _declared(reason: str) -> re.Pattern[str]:
    return re.compile(re.escape(reason).replace(re.escape("{n}"), r"\d+"))


def _documents(tmp_path):
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    seeds += generate(40, tmp_path / "generated")
    return [clean_text(path.read_bytes(), path.name) for path in seeds]


def test_every_reason_in_the_report_is_declared_by_the_rule_it_names(tmp_path):
    rules = {r.name: r for r in build_rules()}
    seen: set[tuple[str, str]] = set()
    for doc in _documents(tmp_path):
        for entry in [*doc.removed, *doc.moved]:
            assert entry.rule in rules, f"{doc.source.name}: unregistered rule {entry.rule!r}"
            declared = rules[entry.rule].reasons
            assert any(_declared(reason).fullmatch(entry.reason) for reason in declared), \
                f"{doc.source.name}: {entry.rule} reported {entry.reason!r}, not among {declared}"
            seen.add((entry.rule, entry.reason))
    assert len({rule for rule, _ in seen}) >= 5  # the corpus exercises most rules that remove or move


# ----------------------------------------------------------------------------- the Registry itself

@rule(LINE, "a reason")
def _first(state) -> None:
    """First."""


@rule(LINE)
def _second(state) -> None:
    """Second."""


@rule(BLOCK)
def _block_rule(state) -> None:
    """A block rule."""


def test_registry_iterates_from_the_highest_priority_ties_in_registration_order():
    registry = Registry(LINE)
    registry.register(_first, "low", 10)
    registry.register(_second, "high", 90)
    registry.register(_first, "tie_a", 50)
    registry.register(_second, "tie_b", 50)
    assert [r.name for r in registry] == ["high", "tie_a", "tie_b", "low"]
    assert [r.priority for r in registry] == [90, 50, 50, 10]


def test_registering_a_name_again_replaces_the_rule():
    registry = Registry(LINE)
    registry.register(_first, "one", 10)
    registry.register(_second, "one", 20)
    assert len(registry) == 1 and registry["one"].fn is _second.fn and registry["one"].priority == 20


def test_deregister_takes_a_rule_out_and_an_unknown_name_is_an_error():
    registry = Registry(LINE)
    registry.register(_first, "one", 10)
    registry.deregister("one")
    assert "one" not in registry and list(registry) == []
    with pytest.raises(KeyError, match="nope"):
        registry.deregister("nope")
    registry.deregister("nope", strict=False)


def test_a_rule_goes_only_into_the_registry_of_its_level():
    with pytest.raises(ValueError, match="block level"):
        Registry(DOCUMENT).register(_block_rule, "blocky", 10)


def test_a_rule_must_say_what_it_does_and_have_a_known_level():
    with pytest.raises(TypeError, match="docstring"):
        rule(LINE)(lambda state: None)
    with pytest.raises(ValueError, match="level"):
        rule("paragraph")  # type: ignore[arg-type]


def test_a_registered_rule_keeps_its_declaration():
    registry = Registry(LINE)
    registry.register(_first, "first", 5)
    r = registry["first"]
    assert (r.name, r.level, r.priority, r.reasons, r.description) == ("first", LINE, 5, ("a reason",), "First.")
    assert _first.name == "" and _first.priority == 0  # the declaration itself is not changed
