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
    """Replace ``docs_dir`` by ``files``: write a sibling folder, then swap it in.

    Until the swap the previous tree is untouched; if anything fails (an exception, a full
    disk, Ctrl-C) the sibling is removed and ``docs_dir`` stays as it was. A process killed
    between the two renames leaves the previous tree beside it, and the next run puts it back
    (``recover``) before doing anything else.
    """
    docs_dir = docs_dir.resolve()
    parent = docs_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    recover(docs_dir)
    for rel in files:
        _check_relative(rel)
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


def recover(docs_dir: Path) -> list[str]:
    """Clean up after a build that was killed while writing; returns what it did.

    Leftover staging folders (``.docs.new-PID``) are deleted. If ``docs_dir`` is missing but a
    previous tree (``.docs.old-PID``) is there, it was killed between the two renames: the
    previous tree is put back.
    """
    docs_dir = docs_dir.resolve()
    done: list[str] = []
    for stale in sorted(_leftovers(docs_dir, "new")):
        shutil.rmtree(stale, ignore_errors=True)
        done.append(f"removed unfinished {stale.name}")
    olds = sorted(_leftovers(docs_dir, "old"), key=lambda p: p.stat().st_mtime)
    if olds and not docs_dir.exists():
        olds.pop().rename(docs_dir)
        done.append(f"restored {docs_dir.name} from an interrupted build")
    for old in olds:
        shutil.rmtree(old, ignore_errors=True)
    return done


def _leftovers(docs_dir: Path, kind: str) -> list[Path]:
    """Sibling folders of builds that are no longer running (another live build's are left alone)."""
    out = []
    for path in docs_dir.parent.glob(f".{docs_dir.name}.{kind}-*"):
        pid = path.name.rpartition("-")[2]
        if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
            continue
        out.append(path)
    return out


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but is not ours
        return True
    return True


def _check_relative(rel: str) -> None:
    parts = rel.split("/")
    if not rel or rel.startswith("/") or "\\" in rel or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"refusing to write {rel!r}: not a plain path inside the docs folder")


def sync_tree(files: dict[str, str | bytes], docs_dir: Path) -> list[str]:
    """Make ``docs_dir`` hold ``files`` by touching only what differs; return what changed.

    For ``mkdocs serve``, which watches ``docs/``: a rebuild that changes nothing writes
    nothing, so the builder's own output never sets off another rebuild. Each file is
    replaced atomically; generated files no longer produced are deleted (``KEEP`` stays).
    """
    changed: list[str] = []
    for rel, content in files.items():
        _check_relative(rel)
        path = docs_dir / rel
        data = content.encode("utf-8") if isinstance(content, str) else content
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.with_name(f".{path.name}.new-{os.getpid()}")
        staging.write_bytes(data)
        os.replace(staging, path)
        changed.append(rel)
    if docs_dir.exists():
        for path in sorted(docs_dir.rglob("*"), reverse=True):
            rel = path.relative_to(docs_dir).as_posix()
            if rel.split("/")[0] in KEEP or rel in files:
                continue
            if path.is_file() or path.is_symlink():
                path.unlink()
                changed.append(rel)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed


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
            if path.is_file() and rel not in files and rel.split("/")[0] not in KEEP:
                problems.append(f"extra: {rel}")
    return problems


def write_file(path: Path, text: str) -> None:
    """Replace one file atomically (``permalinks.yml`` beside mkdocs.yml), if its text changed."""
    if path.exists() and path.read_bytes() == text.encode("utf-8"):
        return
    staging = path.with_name(f".{path.name}.new-{os.getpid()}")
    staging.write_text(text, encoding="utf-8", newline="\n")
    os.replace(staging, path)


def diff_file(text: str, path: Path) -> list[str]:
    """``[]`` when ``path`` holds ``text``, else one ``missing:`` or ``changed:`` line."""
    if not path.exists():
        return [f"missing: {path.name}"]
    return [] if path.read_bytes() == text.encode("utf-8") else [f"changed: {path.name}"]
