"""The disk side of the write stage: atomic replacement of the docs tree and its manifest, and ``--check``.

Generated files are written to a sibling folder, then swapped in with two renames, together
with the permalink manifest (``permalinks.yml``), so a build that fails, is interrupted or is
killed leaves the previous ``docs/`` and manifest, or the new ones, never a mix.
Hand-made files in ``docs/`` (stylesheets, overrides under ``docs/assets``) are kept:
only paths listed in ``KEEP`` survive the swap unchanged.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from ..errors import BuilderError

KEEP = ("assets",)
"""Hand-made folders inside docs/ that the builder copies across untouched."""

ABSENT = ".absent"
"""Marker inside ``.docs.old-PID`` when there was no previous docs folder to set aside."""


class WriteError(BuilderError):
    """docs/ or the manifest cannot be written (an odd docs path, a read-only folder, a full
    disk); the message names the path and says that nothing changed."""


def write_tree(files: dict[str, str | bytes], docs_dir: Path) -> None:
    """Replace ``docs_dir`` by ``files``: write a sibling folder, then swap it in (``StagedTree``)."""
    with StagedTree(docs_dir) as tree:
        for rel, content in files.items():
            tree.add(rel, content)
        tree.commit()


def absolute(path: Path) -> Path:
    """``path`` made absolute without following it if it is a symbolic link (its folder is resolved)."""
    path = Path(os.path.abspath(path))
    return path.parent.resolve() / path.name


def check_target(docs_dir: Path, *, writing: bool = True) -> None:
    """Raise ``WriteError`` naming ``docs_dir`` when it is not a folder the builder may replace:
    a symbolic link (dangling or not: the swap would replace the link, or a build would follow it
    out of the project), a regular or special file, or (``writing``) a folder without write
    permission (refused even for root, who could otherwise swap it silently). A missing folder
    is fine: the build creates it."""
    try:
        st = os.lstat(docs_dir)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise WriteError(f"cannot use {docs_dir}: {exc.strerror or exc}; nothing written") from exc
    if stat.S_ISLNK(st.st_mode):
        target = os.readlink(docs_dir)
        state = "" if os.path.exists(docs_dir) else ", which does not exist"
        raise WriteError(f"{docs_dir} is a symbolic link (to {target}{state}); the builder replaces the docs "
                         "folder as a whole and does not follow links: make it a real folder inside the "
                         "project (or point --docs at one); nothing written")
    if not stat.S_ISDIR(st.st_mode):
        raise WriteError(f"{docs_dir} is a file, not a folder; the builder writes the generated Markdown into a "
                         "folder of that name: move the file away (or point --docs elsewhere); nothing written")
    if writing and not st.st_mode & stat.S_IWUSR:
        raise WriteError(f"{docs_dir} is read-only (mode {stat.filemode(st.st_mode)}); make it writable "
                         f"(chmod u+w {docs_dir}) to build into it; nothing written")


class StagedTree:
    """A new docs tree, written file by file into a sibling folder and swapped in whole, with
    the manifest beside mkdocs.yml (``manifest``) swapped in together.

    ``with StagedTree(docs, manifest) as tree: tree.add(path, text) …; tree.commit(text)``. Until
    ``commit`` the previous tree is untouched; if anything fails (an exception, a full disk,
    Ctrl-C) the sibling is removed and ``docs_dir`` stays as it was.

    The commit, and why a kill at any point leaves (old docs + old manifest) or (new docs + new
    manifest) once the next build has run ``recover``:

    1. the new manifest is written to ``.permalinks.yml.new-PID`` (beside the manifest; skipped
       when its text did not change);
    2. ``docs`` is renamed ``.docs.old-PID`` (with no previous docs, an empty ``.docs.old-PID``
       holding an ``.absent`` marker is made instead): from here ``.docs.old-PID`` exists;
    3. ``.docs.new-PID`` is renamed ``docs``: the commit point;
    4. ``.permalinks.yml.new-PID`` replaces ``permalinks.yml`` (``os.replace``, atomic);
    5. ``.docs.old-PID`` is deleted.

    ``recover`` tells the steps apart by what is on disk: no ``.docs.old-PID`` means a kill
    before 2 (the new files are deleted: old + old); ``.docs.old-PID`` without ``docs`` a kill
    between 2 and 3 (the old tree is put back and the new files deleted: old + old); both
    ``.docs.old-PID`` and ``docs`` a kill after 3 (the pending manifest is moved in, step 4
    again, and the old tree deleted: new + new). Each rename is atomic, so there is no other
    state. A failure inside ``commit`` (not a kill) undoes the renames already done.

    Files are added as they are rendered, so the whole tree is never in memory. A file whose
    bytes are already in the previous tree is hard-linked from it instead of written, and the
    hand-made ``KEEP`` folders are hard-linked across: they keep their modification time and
    inode, so ``mkdocs serve`` and anything else watching ``docs/`` sees only what changed.

    The guarantee is against a failing or killed build process; files are not flushed to the
    disk (``fsync``) first, so a power cut may still lose the last build.
    """

    def __init__(self, docs_dir: Path, manifest: Path | None = None) -> None:
        self.docs_dir = absolute(docs_dir)
        self.manifest = absolute(manifest) if manifest is not None else None
        parent = self.docs_dir.parent
        self.staging = parent / f".{self.docs_dir.name}.new-{os.getpid()}"
        self.old = parent / f".{self.docs_dir.name}.old-{os.getpid()}"
        self.manifest_staging = (self.manifest.with_name(f".{self.manifest.name}.new-{os.getpid()}")
                                 if self.manifest is not None else None)
        self.changed: list[str] = []
        """Paths whose bytes differ from the previous tree (written, not linked)."""
        self.removed: list[str] = []
        """Generated paths of the previous tree that the new one no longer has (set by ``commit``)."""
        self.recovered: list[str] = []
        """What ``recover`` did on entry (leftovers of a killed build)."""
        self._can_link = True
        self._made: set[Path] = set()

    def __enter__(self) -> StagedTree:
        check_target(self.docs_dir)
        self.docs_dir.parent.mkdir(parents=True, exist_ok=True)
        self.recovered = recover(self.docs_dir, self.manifest)
        check_target(self.docs_dir)  # what recover put back is checked too
        shutil.rmtree(self.staging, ignore_errors=True)
        try:
            self.staging.mkdir()
            for keep in KEEP:
                if (self.docs_dir / keep).is_dir():
                    shutil.copytree(self.docs_dir / keep, self.staging / keep, symlinks=True,
                                    copy_function=_link_or_copy)
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

    def commit(self, manifest_text: str | None = None) -> None:
        """Swap the new tree in, with ``manifest_text`` as the new manifest (see the class's
        docstring for the order), then delete the previous tree."""
        if manifest_text is not None and self.manifest is None:
            raise ValueError("a manifest text needs StagedTree(..., manifest=path)")
        self.removed = _removed(self.docs_dir, self.staging)
        pending = None
        if manifest_text is not None and self.manifest is not None and self.manifest_staging is not None:
            data = manifest_text.encode("utf-8")
            if not (self.manifest.is_file() and self.manifest.read_bytes() == data):
                self.manifest_staging.write_bytes(data)  # step 1
                pending = self.manifest_staging
        if self.docs_dir.exists():  # step 2
            self.docs_dir.rename(self.old)
        else:
            self.old.mkdir()
            (self.old / ABSENT).touch()
        self.staging.rename(self.docs_dir)  # step 3 (if it fails, __exit__ puts the old tree back)
        if pending is not None:
            try:
                os.replace(pending, self.manifest)  # step 4
            except OSError:  # undo step 3; __exit__ undoes step 2
                self.docs_dir.rename(self.staging)
                raise
        shutil.rmtree(self.old, ignore_errors=True)  # step 5

    def __exit__(self, kind, exc, tb) -> None:
        if kind is not None:  # finish or undo a commit cut short, as the next build would
            recover(self.docs_dir, self.manifest)
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.manifest_staging is not None:
            self.manifest_staging.unlink(missing_ok=True)


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _removed(previous: Path, new: Path) -> list[str]:
    """Generated files of ``previous`` that ``new`` does not have."""
    if not previous.is_dir():
        return []
    out = []
    for dirpath, dirnames, filenames in os.walk(previous):
        rel_dir = os.path.relpath(dirpath, previous)
        if rel_dir == ".":
            dirnames[:] = [d for d in dirnames if d not in KEEP]
            rel_dir = ""
        for name in filenames:
            rel = f"{rel_dir}/{name}" if rel_dir else name
            if not os.path.lexists(new / rel):
                out.append(rel)
    return sorted(out)


def recover(docs_dir: Path, manifest: Path | None = None, *, all_stale: bool = False) -> list[str]:
    """Clean up after builds killed while writing; returns what it did, one line each.

    Per killed build (PID), as ``StagedTree`` explains: with no ``.docs.old-PID``, its staging
    folder ``.docs.new-PID`` and pending manifest ``.permalinks.yml.new-PID`` are deleted; with
    ``.docs.old-PID`` but no ``docs_dir``, the previous tree is put back and the rest deleted;
    with both, the pending manifest is moved in and the previous tree deleted. Leftovers of a
    build still running are left alone, unless ``all_stale`` (the caller holds the build lock,
    so no other build is running).
    """
    docs_dir = absolute(docs_dir)
    manifest = absolute(manifest) if manifest is not None else None
    kinds = {"new": f".{docs_dir.name}.new-", "old": f".{docs_dir.name}.old-"}
    found: dict[int, dict[str, Path]] = {}
    places = [(docs_dir.parent, kinds)]
    if manifest is not None:
        places.append((manifest.parent, {"manifest": f".{manifest.name}.new-"}))
    for folder, prefixes in places:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            for kind, prefix in prefixes.items():
                pid = name[len(prefix):]
                if name.startswith(prefix) and pid.isdigit():
                    found.setdefault(int(pid), {})[kind] = folder / name
    done: list[str] = []
    newest_first = sorted(found.items(), key=lambda item: -max(_mtime(p) for p in item[1].values()))
    for pid, paths in newest_first:
        if not all_stale and pid != os.getpid() and _alive(pid):
            continue
        old, new, pending = paths.get("old"), paths.get("new"), paths.get("manifest")
        if old is not None and not os.path.lexists(docs_dir):  # killed between the two renames
            if (old / ABSENT).exists():
                shutil.rmtree(old, ignore_errors=True)
                done.append(f"removed {old.name} (an interrupted first build)")
            else:
                old.rename(docs_dir)
                done.append(f"restored {docs_dir.name} from {old.name} (a build interrupted while swapping)")
            old = None
        elif old is not None and pending is not None and manifest is not None:  # killed after the swap
            os.replace(pending, manifest)
            done.append(f"completed an interrupted build: moved {pending.name} to {manifest.name}")
            pending = None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
            done.append(f"removed {old.name} (the tree before an interrupted build)")
        if new is not None:
            shutil.rmtree(new, ignore_errors=True)
            done.append(f"removed unfinished {new.name}")
        if pending is not None:
            pending.unlink(missing_ok=True)
            done.append(f"removed unfinished {pending.name}")
    return done


def _mtime(path: Path) -> float:
    try:
        return os.lstat(path).st_mtime
    except OSError:
        return 0.0


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


def diff_file(text: str, path: Path) -> list[str]:
    """``[]`` when ``path`` holds ``text``, else one ``missing:`` or ``changed:`` line."""
    if not path.exists():
        return [f"missing: {path.name}"]
    return [] if path.read_bytes() == text.encode("utf-8") else [f"changed: {path.name}"]
