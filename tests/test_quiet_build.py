"""The build is quiet by default: `python -m builder build` and `mkdocs build --strict` print the
same few lines whatever the number of documents (no line per page, no banner once Material's own
switch is set), `-v` adds a line per document; and the README's command line is the CLI's."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, make_project

README = ROOT / "README.md"
BANNER_SWITCH = "NO_MKDOCS_2_WARNING"
"""Material's switch for its end-of-life notice (material/templates/__init__.py)."""


def _seeds(count: int) -> dict[str, str]:
    return {f"note-{i}.txt": f"Recruitment fees {i}\n\nMigrant workers pay recruitment fees in region {i}.\n"
            for i in range(count)}


def _run(project: Path, *cmd: str, banner: bool = False) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("CI", None)
    env.pop(BANNER_SWITCH, None)
    if not banner:
        env[BANNER_SWITCH] = "1"
    result = subprocess.run([sys.executable, "-m", *cmd], cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]


def _project(folder: Path, seeds: dict[str, str]) -> Path:
    folder.mkdir()
    return make_project(folder, seeds)


def _builder(project: Path, *args: str) -> list[str]:
    return _run(project, "builder", "build", "--root", str(project), "--seeds", str(project / "seeds"),
                "--docs", str(project / "docs"), *args)


def _mkdocs(project: Path, banner: bool = False) -> list[str]:
    return _run(project, "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), banner=banner)


def test_the_builder_prints_as_many_lines_for_two_documents_as_for_six(tmp_path):
    small = _project(tmp_path / "small", _seeds(2))
    large = _project(tmp_path / "large", _seeds(6))
    assert len(_builder(small)) == len(_builder(large))


def test_verbose_adds_a_line_per_document(tmp_path):
    project = make_project(tmp_path, _seeds(3))
    quiet = _builder(project, "--no-cache")
    verbose = _builder(project, "--no-cache", "-v")
    assert not any("note-" in line for line in quiet), quiet
    assert sum("note-" in line for line in verbose) >= 3, verbose


def test_mkdocs_prints_no_line_per_page_and_no_banner(tmp_path):
    small = _project(tmp_path / "small", _seeds(2))
    large = _project(tmp_path / "large", _seeds(6))
    lines = _mkdocs(large)
    assert len(lines) == len(_mkdocs(small)), lines
    assert not [line for line in lines if ".md" in line or "end of life" in line], lines
    # The builder's summary, cleaning, building, the search index, the time, and the site_url
    # placeholder warning.
    assert len(lines) <= 6, lines


def test_the_readme_names_the_switch_material_reads_for_its_banner(tmp_path):
    project = make_project(tmp_path, _seeds(1))
    with_banner = _mkdocs(project, banner=True)
    if not any("end of life" in line for line in with_banner):
        return  # this Material prints no banner: nothing to switch off
    assert BANNER_SWITCH in README.read_text(encoding="utf-8")


def _readme_synopsis() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Command line"):]
    return re.search(r"`(python -m builder build [^`]*)`", section).group(1)


def _help() -> str:
    return subprocess.run([sys.executable, "-m", "builder", "build", "--help"], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout


def _options(help_text: str) -> dict[str, str]:
    """Each option in the usage line of --help → its metavar ("" for a flag), -h left out."""
    usage = " ".join(help_text.split("\n\n")[0].split())
    found = dict(re.findall(r"\[(-{1,2}[a-z-]+)(?: ([^\]]+))?\]", usage))
    found.pop("-h", None)
    return found


def test_the_readme_synopsis_lists_every_option_of_the_help_and_no_other():
    synopsis = _readme_synopsis()
    options = _options(_help())
    assert {"--seeds", "--check", "-v"} <= set(options), options  # the usage line was read
    written = set(re.findall(r"(--[a-z-]+|-[a-z])\b", synopsis.removeprefix("python -m builder build")))
    assert written == set(options), synopsis


def test_the_readme_synopsis_gives_each_option_the_help_s_metavar():
    synopsis = _readme_synopsis()
    for option, metavar in _options(_help()).items():
        if metavar and not metavar.startswith("{"):  # choices: the README names the one it describes
            assert f"{option} {metavar}" in synopsis, (option, metavar, synopsis)


def test_every_short_alias_of_the_help_is_in_the_readme():
    text = README.read_text(encoding="utf-8")
    aliases = set(re.findall(r"(?:^|, )(-[a-z])\b", _help(), re.M)) - {"-h"}
    assert "-j" in aliases, aliases
    for alias in aliases:
        assert f"`{alias}" in text, alias
