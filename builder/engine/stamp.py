"""A stamp of the inputs of the last complete build, so an up-to-date docs/ is not built again.

After ``python -m builder build`` (or the MkDocs hook) writes ``docs/``, it records under
``.cache/builder/`` a hash of everything the output depends on: every entry of the seeds
folder as the build lists it (the content of seed-sized ``.txt`` files; the size, modification
time and inode of other files, which are never read whole here), the configuration files
beside mkdocs.yml, the builder's own code, the seeds and docs paths, the permalink manifest it
wrote, and the state (path, size, modification time) of every generated file in ``docs/``.
The next run (typically the builder hook inside ``mkdocs build``, right after a CLI build)
compares: when nothing differs, ``docs/`` is already what a build would write, and the whole
build is skipped. Any edit to a seed, a configuration file, the
code, the manifest or a file in ``docs/`` makes the stamps differ, and the build runs as
usual. Deleting ``.cache/`` is always safe.

The stamp (``.cache/builder/site-stamp.json``) carries a checksum of its content and of its name,
like the cache's entries (``engine.store``): a stamp that is damaged, truncated, of an older
format or not valid JSON is not trusted, and the build runs (then records a good one).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

from ..read import MAX_BYTES, SeedFile, find_seeds, seed_sha256
from .store import CACHE_DIR, checksum, code_fingerprint

STAMP_NAME = "site-stamp.json"
_KIND = b"stamp"
CONFIG_FILES = ("themes.yml", "entities.yml", "metadata.yml", "mkdocs.yml")
"""Configuration files read by the build (``permalinks.yml`` is stamped after it is written)."""


def _path(root: Path) -> Path:
    return root / CACHE_DIR / STAMP_NAME


def inputs(seeds_dir: Path, root: Path, docs_dir: Path) -> str:
    """Hash of the build's inputs; take it *before* building, so an edit made during the build
    makes the next run build again."""
    digest = hashlib.sha256(f"{code_fingerprint()}\0{seeds_dir.resolve()}\0{docs_dir.resolve()}\0".encode())
    for name in CONFIG_FILES:
        f = root / name
        try:
            data = f.read_bytes()
        except OSError:
            data = b"\xff"  # missing (differs from empty)
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    if seeds_dir.is_dir():
        others: list[SeedFile] = []
        seeds, notices = find_seeds(seeds_dir, others)  # the build's own listing: what it reads, refuses, notes
        for notice in notices:
            digest.update(b"notice\0" + notice.encode() + b"\n")
        for seed in seeds:
            digest.update(b"seed\0" + seed.name.encode() + b"\0" + _seed_state(seed) + b"\n")
        for seed in others:
            digest.update(b"other\0" + seed.name.encode() + b"\0" + _file_state(seed.path) + b"\n")
    return digest.hexdigest()


def _seed_state(seed: SeedFile) -> bytes:
    """A seed's content hash when it is a seed-sized regular file; else what the build will say
    about it (refused) or its size, modification time and inode: never a big file read whole."""
    if seed.refused is not None:
        return b"refused\0" + seed.refused.encode()
    state = _file_state(seed.path)
    if state.startswith(b"file\0"):
        sha = seed_sha256(seed)  # reads at most MAX_BYTES + 1 bytes, after checking the size
        if sha is not None:
            return sha.encode()
    return state


def _file_state(path: Path) -> bytes:
    """``file`` for a regular file of at most ``MAX_BYTES`` (read for its hash), else its stat."""
    try:
        st = path.stat()  # a link here resolved inside the seeds folder when listed
    except OSError as exc:
        return f"missing\0{exc.errno}".encode()
    if stat.S_ISREG(st.st_mode) and st.st_size <= MAX_BYTES:
        return b"file\0" + f"{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}".encode()
    return f"stat\0{st.st_mode}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}".encode()


def _docs_state(docs_dir: Path, keep: tuple[str, ...]) -> str:
    """Hash of every generated file's path, size and modification time in ``docs_dir``."""
    digest = hashlib.sha256()
    if not docs_dir.is_dir():
        return "missing"
    entries = []
    for dirpath, dirnames, filenames in os.walk(docs_dir):
        rel_dir = os.path.relpath(dirpath, docs_dir)
        if rel_dir == ".":
            dirnames[:] = [d for d in dirnames if d not in keep]
            rel_dir = ""
        for name in filenames:
            try:
                st = os.stat(os.path.join(dirpath, name))
            except OSError:
                continue
            entries.append(f"{rel_dir}/{name}\0{st.st_size}\0{st.st_mtime_ns}")
    for entry in sorted(entries):
        digest.update(entry.encode() + b"\n")
    return digest.hexdigest()


def _manifest_hash(manifest: Path) -> str:
    try:
        return hashlib.sha256(manifest.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def record(root: Path, docs_dir: Path, stamp: str, rejected: list[dict[str, str]], documents: int, *,
           manifest: Path, keep: tuple[str, ...]) -> None:
    """Remember that ``docs_dir`` (as it is now, but for its hand-made folders ``keep``) and the
    permalink manifest at ``manifest`` were built from inputs ``stamp``."""
    data = {"inputs": stamp, "manifest": _manifest_hash(manifest), "docs": _docs_state(docs_dir, keep),
            "rejected": rejected, "documents": documents}
    path = _path(root)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps({"checksum": _checksum(data), "stamp": data}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:  # a read-only disk only costs a build next time
        tmp.unlink(missing_ok=True)


def _checksum(data: dict[str, Any]) -> str:
    """The checksum of a stamp's content (its JSON, keys sorted) and of its name."""
    return checksum(_KIND, STAMP_NAME, json.dumps(data, sort_keys=True).encode()).hex()


def _read(path: Path) -> dict[str, Any] | None:
    """The stamp recorded at ``path`` when it is there, whole and as recorded; else ``None``."""
    try:
        sealed = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # missing, unreadable, not UTF-8 or not JSON
        return None
    if not isinstance(sealed, dict) or set(sealed) != {"checksum", "stamp"}:
        return None  # not a stamp, or one of an older format
    data = sealed["stamp"]
    if not isinstance(data, dict) or sealed["checksum"] != _checksum(data):
        return None  # damaged, or edited by hand
    return data


def forget(root: Path) -> None:
    _path(root).unlink(missing_ok=True)


def up_to_date(root: Path, docs_dir: Path, stamp: str, *, manifest: Path,
               keep: tuple[str, ...]) -> dict[str, Any] | None:
    """The recorded stamp (with ``rejected`` and ``documents``) when ``docs_dir`` and ``manifest``
    were built from ``stamp`` and not touched since (``keep``: as for ``record``); else ``None``."""
    data = _read(_path(root))
    if data is None or data.get("inputs") != stamp:
        return None
    if data.get("manifest") != _manifest_hash(manifest) or data.get("docs") != _docs_state(docs_dir, keep):
        return None
    return data
