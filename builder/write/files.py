"""The disk side of the write stage: atomic replacement of the docs tree, and ``--check``.

Generated files are written to a sibling folder, then swapped in with two renames,
so a build that fails or is interrupted leaves the previous ``docs/`` intact.
Hand-made files in ``docs/`` (stylesheets, overrides under ``docs/assets``) are kept:
only paths listed in ``KEEP`` survive the swap unchanged.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

KEEP = ("assets",)
"""Hand-made folders inside docs/ that the builder copies across untouched."""


def write_tree(files: dict[str, str | bytes], docs_dir: Path) -> None:
    docs_dir = docs_dir.resolve()
    parent = docs_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = parent / f".{docs_dir.name}.new-{os.getpid()}"
    old = parent / f".{docs_dir.name}.old-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
        for keep in KEEP:
            if (docs_dir / keep).exists():
                shutil.copytree(docs_dir / keep, staging / keep)
        for rel, content in files.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", newline="\n")
        if docs_dir.exists():
            docs_dir.rename(old)
        staging.rename(docs_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists() and not docs_dir.exists():
            old.rename(docs_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


def diff_tree(files: dict[str, str | bytes], docs_dir: Path) -> list[str]:
    """Paths that differ between ``files`` and ``docs_dir`` (missing, changed or extra)."""
    problems: list[str] = []
    for rel, content in files.items():
        path = docs_dir / rel
        data = content.encode("utf-8") if isinstance(content, str) else content
        if not path.exists():
            problems.append(f"missing: {rel}")
        elif path.read_bytes() != data:
            problems.append(f"changed: {rel}")
    if docs_dir.exists():
        for path in sorted(docs_dir.rglob("*")):
            rel = path.relative_to(docs_dir).as_posix()
            if path.is_file() and rel not in files and not rel.startswith(KEEP):
                problems.append(f"extra: {rel}")
    return problems
