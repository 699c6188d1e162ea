"""Progress per stage on a terminal (never in CI or into a pipe), and the summary at the end."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from conftest import ROOT, linked, make_project

from builder.config import Config, EntityDecl, Theme
from builder.document import Block, Document, Source, Span, ThemeHit
from builder.pipeline import BuildResult
from builder.progress import Progress, in_ci, make_progress, progress_wanted, summary

NOTE = "A short note on the recruitment fees that migrant workers pay.\n"
STAGE = "Cleaning and enriching"


def env_without_ci(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    return {**env, "PYTHONPATH": str(ROOT), "TERM": "xterm", **extra}


def builder_args(project: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "builder", "build", "--root", str(project), "--seeds", str(project / "seeds"),
            "--docs", str(project / "docs"), "--no-cache", *extra]


def run_on_a_terminal(project: Path, env: dict[str, str], *extra: str) -> tuple[int, str]:
    """Run the builder with stdout and stderr on a pseudo-terminal; return its exit status and output."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(builder_args(project, *extra), stdin=subprocess.DEVNULL, stdout=follower,
                            stderr=follower, cwd=project, env=env)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    return proc.wait(), out.decode("utf-8", "replace")


def test_progress_appears_on_a_terminal(tmp_path):
    project = make_project(tmp_path, {"a.txt": NOTE})
    code, out = run_on_a_terminal(project, env_without_ci())
    assert code == 0, out
    assert STAGE in out and "Rendering pages" in out
    assert "Built 1 document(s)" in out


def test_no_progress_in_ci_even_on_a_terminal(tmp_path):
    project = make_project(tmp_path, {"a.txt": NOTE})
    code, out = run_on_a_terminal(project, env_without_ci(CI="true"))
    assert code == 0, out
    assert STAGE not in out
    assert "Built 1 document(s)" in out


def test_no_progress_when_output_is_not_a_terminal(tmp_path):
    project = make_project(tmp_path, {"a.txt": NOTE})
    result = subprocess.run(builder_args(project), capture_output=True, text=True, cwd=project, env=env_without_ci())
    assert result.returncode == 0, result.stderr
    assert STAGE not in result.stdout + result.stderr
    assert "\x1b[" not in result.stdout + result.stderr
    assert "Built 1 document(s)" in result.stdout


def test_quiet_prints_nothing_when_all_is_well(tmp_path):
    project = make_project(tmp_path, {"a.txt": NOTE})
    code, out = run_on_a_terminal(project, env_without_ci(), "-q")
    assert code == 0
    assert out.strip() == ""


def test_verbose_names_each_document(tmp_path):
    project = make_project(tmp_path, {"a.txt": NOTE, "b.txt": "Another note, on the ports.\n"})
    result = subprocess.run(builder_args(project, "-v"), capture_output=True, text=True, cwd=project,
                            env=env_without_ci())
    assert result.returncode == 0, result.stderr
    assert "  a.txt → documents/" in result.stdout and "  b.txt → documents/" in result.stdout


def test_ci_variable_means_ci_unless_it_says_false():
    assert in_ci({"CI": "true"}) and in_ci({"CI": "1"})
    assert not in_ci({}) and not in_ci({"CI": "false"}) and not in_ci({"CI": ""})


def test_progress_is_wanted_only_on_a_terminal_outside_ci():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert progress_wanted(Terminal(), {})
    assert not progress_wanted(Terminal(), {"CI": "true"})
    assert not progress_wanted(io.StringIO(), {})
    assert type(make_progress(stream=io.StringIO(), env={})) is Progress
    assert type(make_progress(quiet=True, stream=Terminal(), env={})) is Progress


def made_up_result() -> BuildResult:
    themes = [Theme("ports", "Ports", "On ports.", ["port"]), Theme("fees", "Fees", "On fees.", ["fee"])]
    entities = [EntityDecl("iom", "IOM", "organisation"), EntityDecl("ilo", "ILO", "organisation")]
    text = "IOM works on ports."
    good = Document(Source("good.txt", text, "1" * 64), slug="good", themes=[ThemeHit("ports", 3.0)],
                    blocks=[Block("paragraph", text, spans=[Span(0, 3, "entity", "iom")])])
    odd = Document(Source("odd.txt", "x", "2" * 64, repairs=("decoded as cp1252",)), slug="odd",
                   warnings=["heading numbered 3 after 1"])
    corpus = replace(linked([good, odd], Config(themes=themes, entities=entities)),
                     rejected=[{"source": "bad.txt", "reason": "file is binary", "action": "skipped"}])
    return BuildResult(corpus, {"index.md": ""}, {}, 0.5)


def test_summary_counts_published_rejected_repaired_themes_entities_and_warnings():
    lines = summary(made_up_result(), "docs")
    assert lines[0] == "Built 2 document(s), 1 files into docs in 0.50 s; 1 rejected."
    assert "  documents: 2 published, 1 rejected, 1 repaired on reading" in lines
    assert "  themes: 1 of 2 in use; 1 document(s) without a theme" in lines
    assert "  entities: 1 mentioned (2 declared)" in lines
    assert "  warnings: 1" in lines
    assert "    odd.txt: heading numbered 3 after 1" in lines
