"""bench/same_output: the comparison of two builds' outputs, and the extraction of a commit."""

from __future__ import annotations

from pathlib import Path

from bench.same_output import compare, extract, main


def _tree(where: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = where / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return where


def test_identical_outputs_count_every_file_and_the_manifest(tmp_path):
    files = {"docs/index.md": "# Home\n", "docs/documents/a.md": "A\n", "permalinks.yml": "pages: {}\n"}
    count, diffs = compare(_tree(tmp_path / "base", files), _tree(tmp_path / "work", files))
    assert (count, diffs) == (3, [])


def test_every_difference_is_named(tmp_path):
    base = _tree(tmp_path / "base", {"docs/a.md": "A\n", "docs/b.md": "B\n", "permalinks.yml": "x\n"})
    work = _tree(tmp_path / "work", {"docs/a.md": "A \n", "docs/c.md": "C\n", "permalinks.yml": "x\n"})
    count, diffs = compare(base, work)
    assert count == 4
    assert diffs == ["docs/a.md: differs", "docs/b.md: only in the base build",
                     "docs/c.md: only in the working tree's build"]


def test_a_missing_manifest_on_one_side_is_a_difference(tmp_path):
    base = _tree(tmp_path / "base", {"docs/a.md": "A\n", "permalinks.yml": "x\n"})
    work = _tree(tmp_path / "work", {"docs/a.md": "A\n"})
    assert compare(base, work)[1] == ["permalinks.yml: only in the base build"]


def test_the_base_commit_is_extracted_with_its_builder(tmp_path):
    full = extract("HEAD", tmp_path / "code")
    assert len(full) == 40 and (tmp_path / "code" / "builder" / "__main__.py").is_file()


def test_a_base_that_is_not_a_commit_is_an_error(tmp_path, capsys):
    assert main(["no-such-commit-anywhere", "--keep", str(tmp_path / "w")]) == 2
    assert "is not a commit" in capsys.readouterr().err
