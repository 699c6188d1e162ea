"""ruff and mypy keep the habits honest: the lint (pyflakes, pycodestyle, bugbear, pyupgrade;
settings in pyproject.toml) passes on the whole repository, and mypy on the typed core (the
model, the hand-offs, the stage entry points and the engine: ``[tool.mypy] files``)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *cmd], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing():
    result = _run("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing_in_the_typed_core():
    result = _run("mypy", "--no-incremental")
    assert result.returncode == 0, result.stdout + result.stderr
