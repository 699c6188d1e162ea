"""config: themes.yml, entities.yml, metadata.yml and mkdocs.yml are validated with messages
naming the file, the dotted key and the line, all problems at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.config import load_config
from builder.errors import ConfigError

THEME = "themes:\n  - id: labour\n    label: Labour\n    description: Work.\n    phrases: [migrant workers]\n"
ENTITY = "entities:\n  - id: iom\n    name: International Organization for Migration\n    kind: organisation\n"


def error_for(tmp_path: Path, **files: str | bytes) -> str:
    for name, text in files.items():
        path = tmp_path / name.replace("_", ".", 1) if name.endswith("_yml") else tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    return str(info.value)


def test_valid_files_load(tmp_path):
    (tmp_path / "themes.yml").write_text(THEME, encoding="utf-8")
    (tmp_path / "entities.yml").write_text(ENTITY, encoding="utf-8")
    config = load_config(tmp_path)
    assert [t.id for t in config.themes] == ["labour"] and [e.id for e in config.entities] == ["iom"]


def test_missing_files_mean_an_empty_configuration(tmp_path):
    config = load_config(tmp_path)
    assert config.themes == [] and config.entities == [] and config.overrides == {}


def test_yaml_syntax_error_names_file_line_and_column(tmp_path):
    message = error_for(tmp_path, themes_yml="themes:\n  - id: a\n   label: x\n")
    assert message.startswith("themes.yml (line 3, column 4): not valid YAML:")


def test_a_tab_in_the_indentation_is_a_yaml_error_with_its_line(tmp_path):
    assert "themes.yml (line 2, column 1): not valid YAML" in error_for(tmp_path, themes_yml="themes:\n\t- id: a\n")


def test_a_file_not_in_utf8_is_named_with_the_line_of_the_bad_byte(tmp_path):
    message = error_for(tmp_path, themes_yml="themes:\n  - id: a\n    label: caf\xe9\n".encode("latin-1"))
    assert message == "themes.yml (line 3): not valid UTF-8 (byte 0xe9); save the file as UTF-8"


def test_a_key_given_twice_is_an_error_not_a_silent_overwrite(tmp_path):
    message = error_for(tmp_path, themes_yml=THEME.replace("    description:", "    label: Other\n    description:"))
    assert message.startswith("themes.yml: 'themes.0.label' (line 4): Duplicate key")


def test_python_tags_are_refused(tmp_path):
    message = error_for(tmp_path, themes_yml="themes: !!python/object/apply:os.system ['echo hi']\n")
    assert "themes.yml (line 1, column 9): not valid YAML: could not determine a constructor" in message


def test_wrong_top_level_shape_is_explained(tmp_path):
    assert error_for(tmp_path, themes_yml="- id: a\n") == (
        "themes.yml: 'themes' (line 1): Expected a list of themes under the top-level key 'themes'")


def test_a_misspelt_key_gets_a_suggestion(tmp_path):
    message = error_for(tmp_path, themes_yml=THEME.replace("label:", "lable:"))
    assert ("themes.yml: 'themes.0.lable' (line 3): Unrecognised key (expected one of description, id, label, "
            "phrases); did you mean 'label'?") in message
    assert "themes.yml: 'themes.labour.label' (line 2): Missing required key: expected a non-empty string" in message


def test_a_bad_theme_id_and_a_duplicate_are_reported_with_lines(tmp_path):
    message = error_for(tmp_path, themes_yml=THEME + THEME.removeprefix("themes:\n") + "  - id: Bad Id\n")
    assert "themes.yml: 'themes.1.id' (line 6): Duplicate theme id 'labour'" in message
    assert "themes.yml: 'themes.2.id' (line 10): Expected an id of lower-case letters, digits and '-'" in message


def test_phrases_must_be_a_list_of_strings(tmp_path):
    message = error_for(tmp_path, themes_yml=THEME.replace("[migrant workers]", "3"))
    assert message == "themes.yml: 'themes.labour.phrases' (line 5): Expected a non-empty list of strings"


def test_an_entity_kind_outside_the_list_names_the_choices(tmp_path):
    message = error_for(tmp_path, entities_yml=ENTITY.replace("organisation", "agency"))
    assert message.startswith("entities.yml: 'entities.iom.kind' (line 4): Expected one of: organisation,")
    assert "but received: 'agency'" in message


def test_metadata_fields_are_checked_with_a_suggestion(tmp_path):
    message = error_for(tmp_path, metadata_yml="documents:\n  a.txt:\n    tilte: X\n    date: [1]\n")
    assert "metadata.yml: 'documents.a.txt.tilte' (line 3): Unrecognised key" in message
    assert "did you mean 'title'?" in message
    assert "metadata.yml: 'documents.a.txt.date' (line 4): Expected a string, but got list" in message


def test_an_empty_or_comment_only_metadata_file_is_fine(tmp_path):
    (tmp_path / "metadata.yml").write_text("# corrections go here\n", encoding="utf-8")
    assert load_config(tmp_path).overrides == {}


def test_a_withdrawn_entry_must_give_a_reason(tmp_path):
    message = error_for(tmp_path, metadata_yml="withdrawn:\n  a.txt: [1, 2]\n")
    assert message == ("metadata.yml: 'withdrawn.a.txt' (line 2): "
                       "Expected a reason (a string) or a mapping with 'reason'")


def test_problems_in_several_files_are_listed_together(tmp_path):
    message = error_for(tmp_path, themes_yml="themes: 3\n", entities_yml="entities:\n  - id: X\n")
    assert message.splitlines() == [
        "themes.yml: 'themes' (line 1): Expected a list of themes under the top-level key 'themes'",
        "entities.yml: 'entities.0.id' (line 2): Expected an id of lower-case letters, digits and '-', but got 'X'",
    ]


def test_a_broken_mkdocs_yml_is_a_configuration_error_not_a_crash(tmp_path):
    assert error_for(tmp_path, mkdocs_yml="site_name: [\n").startswith("mkdocs.yml (line 2, column 1): not valid YAML")


def test_the_shipped_configuration_is_valid():
    from conftest import ROOT

    config = load_config(ROOT)
    assert config.themes
