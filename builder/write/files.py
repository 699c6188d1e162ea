"""The disk side of the write stage: atomic replacement of the docs tree, and ``--check``.

Generated files are written to a sibling folder, then swapped in with two renames,
so a build that fails or is interrupted leaves the previous ``docs/`` intact.
Hand-made files in ``docs/`` (stylesheets, overrides under ``docs/assets``) are kept:
only paths listed in ``KEEP`` survive the swap unchanged.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

KEEP = ("assets",)
"""Hand-made folders inside docs/ that the builder copies across untouched."""


def write_tree(files: dict[str, str | bytes], docs_dir: Path) -> None:
    """Replace ``docs_dir`` by ``files``: write a sibling folder, then swap it in (``StagedTree``)."""
    with StagedTree(docs_dir) as tree:
        for rel, content in files.items():
            tree.add(rel, content)
        tree.commit()


class StagedTree:
    """A new docs tree, written file by file into a sibling folder and swapped in whole.

    ``with StagedTree(docs) as tree: tree.add(path, text) …; tree.commit()``. Until ``commit``
    the previous tree is untouched; if anything fails (an exception, a full disk, Ctrl-C) the
    sibling is removed and ``docs_dir`` stays as it was. A process killed between the two
    renames leaves the previous tree beside it, and the next run puts it back (``recover``)
    before doing anything else.

    Files are added as they are rendered, so the whole tree is never in memory. A file whose
    bytes are already in the previous tree is hard-linked from it instead of written: it keeps
    its modification time, so ``mkdocs serve`` and anything else watching ``docs/`` sees only
    what changed.
    """

    def __init__(self, docs_dir: Path) -> None:
        self.docs_dir = docs_dir.resolve()
        parent = self.docs_dir.parent
        self.staging = parent / f".{self.docs_dir.name}.new-{os.getpid()}"
        self.old = parent / f".{self.docs_dir.name}.old-{os.getpid()}"
        self.changed: list[str] = []
        """Paths whose bytes differ from the previous tree (written, not linked)."""
        self._can_link = True
        self._made: set[Path] = set()

    def __enter__(self) -> StagedTree:
        self.docs_dir.parent.mkdir(parents=True, exist_ok=True)
        recover(self.docs_dir)
        shutil.rmtree(self.staging, ignore_errors=True)
        try:
            self.staging.mkdir()
            for keep in KEEP:
                if (self.docs_dir / keep).exists():
                    shutil.copytree(self.docs_dir / keep, self.staging / keep)
        except BaseException:
            shutil.rmtree(self.staging, ignore_errors=True)
            raise
        return self

    def add(self, rel: str, content: str | bytes) -> None:
        """Put one file into the new tree (a path inside the docs folder, else ``ValueError``)."""
        self.record(self.put(rel, content))

    def put(self, rel: str, content: str | bytes) -> tuple[str, bool]:
        """``add``'s disk work, safe in a process forked from this one (the build renders and
        writes pages side by side); returns what ``record`` keeps, here."""
        _check_relative(rel)
        path = self.staging / rel
        if path.parent not in self._made:  # one mkdir per folder, not per file
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(path.parent)
        data = content.encode("utf-8") if isinstance(content, str) else content
        if self._link_unchanged(rel, path, data):
            return rel, False
        path.write_bytes(data)
        return rel, True

    def record(self, receipt: tuple[str, bool]) -> None:
        rel, changed = receipt
        if changed:
            self.changed.append(rel)

    def discard(self, rel: str) -> None:
        """Take a file added earlier out of the new tree."""
        _check_relative(rel)
        (self.staging / rel).unlink(missing_ok=True)

    def _link_unchanged(self, rel: str, path: Path, data: bytes) -> bool:
        if not self._can_link or rel.split("/")[0] in KEEP:
            return False
        previous = self.docs_dir / rel
        try:
            st = os.lstat(previous)
        except OSError:  # not in the previous tree
            return False
        try:
            if not stat.S_ISREG(st.st_mode) or st.st_size != len(data) or previous.read_bytes() != data:
                return False
            try:
                os.link(previous, path)
            except FileExistsError:  # added again
                path.unlink()
                os.link(previous, path)
        except OSError:  # no hard links on this file system: write every file
            self._can_link = False
            return False
        return True

    def commit(self) -> None:
        """Swap the new tree in (two renames), then delete the previous one."""
        if self.docs_dir.exists():
            self.docs_dir.rename(self.old)
        self.staging.rename(self.docs_dir)
        shutil.rmtree(self.old, ignore_errors=True)

    def __exit__(self, kind, exc, tb) -> None:
        if kind is None:
            if self.staging.exists():  # left without commit: nothing changes
                shutil.rmtree(self.staging, ignore_errors=True)
            return
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.old.exists() and not self.docs_dir.exists():
            self.old.rename(self.docs_dir)


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
    check = TreeDiff(docs_dir)
    for rel, content in files.items():
        check.add(rel, content)
    return check.finish()


class TreeDiff:
    """``--check``: compares files with ``docs_dir`` as they are added (nothing is kept but the
    paths); ``finish`` lists what differs: missing or changed files by path, then extra files."""

    def __init__(self, docs_dir: Path) -> None:
        self.docs_dir = docs_dir
        self._expected: dict[str, str] = {}
        """Every added path → ``""``, or its problem (``missing: …``, ``changed: …``)."""

    def add(self, rel: str, content: str | bytes) -> None:
        self.record(self.put(rel, content))

    def put(self, rel: str, content: str | bytes) -> tuple[str, str]:
        """``add``'s comparison, safe in a process forked from this one; ``record`` keeps its result."""
        path = self.docs_dir / rel
        data = content.encode("utf-8") if isinstance(content, str) else content
        if not path.exists():
            return rel, f"missing: {rel}"
        if path.read_bytes() != data:
            return rel, f"changed: {rel}"
        return rel, ""

    def record(self, receipt: tuple[str, str]) -> None:
        rel, problem = receipt
        self._expected[rel] = problem

    def discard(self, rel: str) -> None:
        self._expected.pop(rel, None)

    def finish(self) -> list[str]:
        problems = [self._expected[rel] for rel in sorted(self._expected) if self._expected[rel]]
        if self.docs_dir.exists():
            for path in sorted(self.docs_dir.rglob("*")):
                rel = path.relative_to(self.docs_dir).as_posix()
                if path.is_file() and rel not in self._expected and rel.split("/")[0] not in KEEP:
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
