"""The engine's set-up (``engine.setup``) hands the stages their fast paths at the start of a
build, not when a module is imported; without it the stages run their plain rules, with the same
output."""

from __future__ import annotations

import pytest

from builder import pipeline
from builder.clean.text import tables
from builder.engine import fast_dates, screens, setup
from builder.enrich import dates, language, symbols

from conftest import make_project

SEEDS = {"a.txt": "Geneva, 8 August 2021\n\nMigrant workers have rights in every country, "
                  "says A/RES/80/9 of the General Assembly.\n\nTotal admissions ........ 1,500\n",
         "b.txt": "Refugees and asylum seekers need protection in every country, and a fair hearing.\n"}


@pytest.fixture
def not_started(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process as if no build had run in it yet: no fast path in the stages' hands."""
    monkeypatch.setattr(setup, "_STARTED", [])
    monkeypatch.setattr(language, "_LOADER", [])
    monkeypatch.setattr(dates, "_SHORTCUTS", [])
    monkeypatch.setattr(symbols, "_KIND_SCREEN", [])
    monkeypatch.setattr(tables, "_LEADER_SCREEN", [])


def _installed() -> list[bool]:
    return [bool(language._LOADER), dates._SHORTCUTS == [fast_dates.read],
            symbols._KIND_SCREEN == [screens.symbol_kinds], tables._LEADER_SCREEN == [screens.may_have_leader]]


def test_importing_the_pipeline_installs_nothing(not_started):
    assert _installed() == [False, False, False, False]


def test_a_build_starts_the_engine(not_started, tmp_path):
    project = make_project(tmp_path, SEEDS)
    pipeline.build(project / "seeds", project, jobs=1, use_cache=False)
    assert _installed() == [True, True, True, True]


def test_a_build_with_the_plain_rules_gives_the_same_files(not_started, tmp_path):
    project = make_project(tmp_path, SEEDS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(setup, "start", lambda: None)  # the stages keep their plain rules
        plain = pipeline.build(project / "seeds", project, jobs=1, use_cache=False).files
        assert _installed() == [False, False, False, False]
    fast = pipeline.build(project / "seeds", project, jobs=1, use_cache=False).files
    assert _installed() == [True, True, True, True]
    assert fast == plain


def test_starting_twice_changes_nothing(not_started):
    setup.start()
    classifier = language._identifier()
    setup.start()
    assert language._identifier() is classifier
