"""The stages' pure functions (``builder.pure``) read as plain functions; the engine keeps their
answers (``engine.answers``). Kept or not, the answers are the same."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import builder
from builder import pipeline, pure
from builder.clean.text import letter_words
from builder.config import Theme
from builder.engine import answers, fast_dates
from builder.enrich import dates, language, themes

from conftest import make_project

BUILDER = Path(builder.__file__).parent


def _every_builder_module() -> None:
    for info in pkgutil.walk_packages(builder.__path__, "builder."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)


@pytest.fixture
def plain() -> Iterator[None]:
    """Every pure function runs its plain version (nothing kept), then the engine's memo again."""
    pure.plain_calls()
    yield
    answers.keep()


def test_every_pure_function_has_its_size_and_every_size_a_pure_function():
    _every_builder_module()
    assert sorted(pure.POINTS) == sorted(answers.SIZES)


def test_no_stage_keeps_answers_itself():
    for path in sorted(BUILDER.rglob("*.py")):
        if "engine" in path.relative_to(BUILDER).parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert "lru_cache" not in text and "functools.cache" not in text, path


def test_a_kept_answer_is_the_same_object_and_a_plain_one_is_made_anew(plain):
    assert letter_words.patterns(("en",)) is not letter_words.patterns(("en",))
    answers.keep()
    assert letter_words.patterns(("en",)) is letter_words.patterns(("en",))


def test_keeping_again_keeps_what_was_kept():
    first = letter_words.patterns(("en",))
    answers.keep()
    assert letter_words.patterns(("en",)) is first


def test_the_classifier_is_the_one_use_classifier_gave_without_clearing_anything(monkeypatch):
    # (the classifier was kept by the function that loads it: another loader is another answer)
    made = object()
    monkeypatch.setattr(language, "_LOADER", [])
    language.use_classifier(lambda: made)
    assert language._identifier() is made


def test_a_date_shortcut_takes_effect_without_clearing_anything(monkeypatch):
    langs = dates.parser_languages("en")
    monkeypatch.setattr(dates, "_SHORTCUTS", [])
    plain = dates._read("3 March 2021", langs)
    dates.use_shortcut(lambda text, langs: ("shortcut", "day"))
    assert dates._read("3 March 2021", langs) == ("shortcut", "day")
    dates.use_shortcut(fast_dates.read)
    assert dates._read("3 March 2021", langs) == plain


def test_the_kept_theme_index_finds_what_a_fresh_one_finds():
    # The index keeps a memo of the words it has seen: shared by every document, never an answer
    # of its own.
    listed = [Theme(id="a", label="A", description="", phrases=["migrant worker*", "labo(u)r"]),
              Theme(id="b", label="B", description="", phrases=["asylum", "refugee*"])]
    text = "Migrant workers and refugees; labour law and asylum. Labor, migrant worker, refugee."
    kept = themes.start_index(listed)
    kept_twice = [themes.matches_each(text, listed, kept) for _ in range(2)]
    fresh = themes.matches_each(text, listed, themes._StartIndex(tuple(tuple(t.phrases) for t in listed)))
    assert kept_twice == [fresh, fresh]


SEEDS = {"a.txt": "Geneva, 8 August 2021\n\nDear Sir,\n\nMigrant workers have rights in every country, "
                  "says A/RES/80/9 of the General Assembly (UNHCR).\n\nYours faithfully,\n\nJ. Smith\n",
         "b.txt": "Le 3 mars 2021\n\nLes réfugiés et les demandeurs d'asile ont besoin de protection dans "
                  "chaque pays, et d'une audience équitable.\n\nRefugees need protection.\n"}


def test_a_build_with_every_answer_asked_anew_gives_the_same_files(tmp_path):
    project = make_project(tmp_path, SEEDS)
    kept = pipeline.build(project / "seeds", project, jobs=1, use_cache=False).files
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(answers, "keep", lambda: None)  # the build's set-up keeps nothing
        pure.plain_calls()
        try:
            asked_anew = pipeline.build(project / "seeds", project, jobs=1, use_cache=False).files
        finally:
            answers.keep()
    assert asked_anew == kept
