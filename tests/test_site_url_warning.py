"""A build for publishing warns, in one line naming mkdocs.yml and `site_url`, when `site_url` is the
placeholder (example.org and other reserved hosts) or missing: `python -m builder build --check`,
any build in CI (CI=true), and `mkdocs build` (strict, as mkdocs.yml sets). It is a warning, never a
failure: the project's own CI builds the shipped site, placeholder included, with --strict. A
preview (`mkdocs serve`, a local `python -m builder build`) does not warn."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from builder.build import is_placeholder_site_url
from conftest import ROOT, make_project

SEED = {"note.txt": "Recruitment fees\n\nMigrant workers pay recruitment fees in the region.\n"}
PUBLISHED = "https://editors.github.io/migration-corpus/"


def _env(**changes: str | None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def _builder(project: Path, *args: str, **env: str | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "builder", "build", "--root", str(project), "--seeds",
                           str(project / "seeds"), "--docs", str(project / "docs"), *args],
                          cwd=project, capture_output=True, text=True, env=_env(**env))


def _set_site_url(project: Path, url: str | None) -> None:
    path = project / "mkdocs.yml"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("site_url:")]
    if url is not None:
        lines.insert(1, f"site_url: {url}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _warnings(output: str) -> list[str]:
    return [line for line in output.splitlines() if "site_url in mkdocs.yml" in line]


@pytest.mark.parametrize("url", ["", "https://example.org/migration-corpus/", "http://EXAMPLE.COM",
                                 "https://docs.example.net/x/", "https://site.example/", "https://a.test/"])
def test_reserved_example_hosts_and_no_url_are_placeholders(url):
    assert is_placeholder_site_url(url)


@pytest.mark.parametrize("url", [PUBLISHED, "https://corpus.example-archive.org/", "https://www.un.org/docs/"])
def test_real_addresses_are_not_placeholders(url):
    assert not is_placeholder_site_url(url)


def test_check_warns_in_one_line_about_the_placeholder_and_still_passes(tmp_path):
    project = make_project(tmp_path, SEED)
    assert _builder(project, CI=None).returncode == 0
    check = _builder(project, "--check", CI=None)
    assert check.returncode == 0, check.stderr
    [line] = _warnings(check.stderr)
    assert line.startswith("warning: site_url in mkdocs.yml is the placeholder https://example.org/")
    assert "set `site_url` to the address the site is served from" in line


def test_a_build_in_ci_warns_and_a_local_build_does_not(tmp_path):
    project = make_project(tmp_path, SEED)
    local = _builder(project, CI=None)
    assert local.returncode == 0 and not _warnings(local.stdout + local.stderr), local.stderr
    in_ci = _builder(project, CI="true")
    assert in_ci.returncode == 0, in_ci.stderr
    assert len(_warnings(in_ci.stderr)) == 1


def test_a_missing_site_url_is_named_as_missing(tmp_path):
    project = make_project(tmp_path, SEED)
    _set_site_url(project, None)
    [line] = _warnings(_builder(project, CI="true").stderr)
    assert "site_url in mkdocs.yml is not set" in line


def test_a_real_site_url_gives_no_warning(tmp_path):
    project = make_project(tmp_path, SEED)
    _set_site_url(project, PUBLISHED)
    result = _builder(project, CI="true")
    assert result.returncode == 0 and not _warnings(result.stdout + result.stderr), result.stderr


def test_mkdocs_strict_build_warns_once_and_succeeds(tmp_path):
    project = make_project(tmp_path, SEED)
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
                           cwd=project, capture_output=True, text=True, env=_env(CI=None))
    output = built.stdout + built.stderr
    assert built.returncode == 0, output
    [line] = _warnings(output)
    assert line.startswith("WARNING -  builder: site_url in mkdocs.yml is the placeholder"), line
    assert "Aborted" not in output
