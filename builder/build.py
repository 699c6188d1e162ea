"""The one build command: ``run(Options) -> Outcome``, for ``python -m builder build`` and the
MkDocs hook (``hooks/builder_hook.py``) alike.

Both callers only translate: options in, an ``Outcome`` or a ``BuilderError`` out, which the
command line prints (with its exit status) and the hook logs or raises as a ``PluginError``.
Everything else happens here, in this order:

1. the seeds and root folders must exist, and ``docs`` must be a folder the builder may replace
   (``write.files.check_target``: not a symbolic link, dangling or not, not a file, not
   read-only; a missing one is made);
2. the build lock (``.cache/builder.lock`` under the root, ``fcntl.lockf``: held by this process
   only, not by the workers it forks, and released by the system when it dies, even by
   SIGKILL) is taken: a second build waits for the first, saying so, up to ``Options.wait``
   seconds, then stops;
3. leftovers of a killed build (``.docs.new-PID``, ``.docs.old-PID``,
   ``.permalinks.yml.new-PID``) are cleaned up or completed (``write.files.recover``) and named
   in ``Outcome.recovered``;
4. when ``docs`` and ``permalinks.yml`` were built from exactly these inputs (``stamp``), the
   build is skipped, reporting the seeds the last build rejected or ignored (``engine.stamp``);
5. otherwise the pages are built and streamed into the staged tree (or, for ``--check``, compared
   with ``docs``, without the cache), and the staged tree is swapped in together with the
   manifest (``StagedTree.commit``), then the stamp is recorded.

Seeds listed under ``ignored:`` in metadata.yml are left out before anything reads them.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .config import load_config, load_site
from .engine import live, stamp
from .errors import BuilderError
from .manifest import MANIFEST_NAME, as_read
from .pipeline import build
from .progress import in_ci
from .write.files import KEEP, StagedTree, TreeDiff, WriteError, absolute, check_target, diff_file, recover

LOCK_NAME = "builder.lock"
LOCK_WAIT = 300.0
"""Seconds a build waits for another one on the same project before it stops (``--wait``)."""
_POLL = 0.1


class UsageError(BuilderError):
    """A folder given to the build does not exist."""


class Busy(BuilderError):
    """Another build of the same project kept the lock for longer than ``Options.wait``."""


@dataclass(slots=True)
class Options:
    seeds: Path
    docs: Path
    root: Path
    check: bool = False
    """Compare with ``docs`` and the manifest instead of writing (never uses the cache)."""
    jobs: int | None = None
    scheduler: str | None = None
    """Address of a Dask scheduler (``tcp://host:8786``): per-document work runs on its workers
    (``engine.distributed``) instead of ``jobs`` local processes; ``None``: locally."""
    use_cache: bool = True
    need_report: bool = False
    """The caller wants ``result.report``: the build is never skipped as up to date."""
    wait: float = LOCK_WAIT
    progress: Any = None
    say: Callable[[str], None] = lambda message: None
    """Told what the build waits for (another build holding the lock)."""
    deploying: bool | None = None
    """The build is for publishing, so a placeholder ``site_url`` is worth a warning (``warn``).
    ``None``: with ``check`` or when running in CI (``CI=true``)."""
    warn: Callable[[str], None] | None = None
    """Told what is wrong but does not stop the build (default: ``say``, after ``warning:``)."""


@dataclass(slots=True)
class Outcome:
    documents: int
    rejected: list[dict[str, str]]
    """Seeds not published, ``{source, reason, action}`` each (not the ignored ones)."""
    ignored: dict[str, str]
    """Seeds listed under ``ignored:`` in metadata.yml → the reason given there."""
    result: Any = None
    """The ``pipeline.BuildResult``; ``None`` when the build was skipped as up to date."""
    changed: list[str] = field(default_factory=list)
    """Docs-relative paths written or deleted (links to unchanged files are not counted)."""
    out_of_date: list[str] = field(default_factory=list)
    """``check``: every file of ``docs`` or the manifest that differs from what the seeds produce."""
    recovered: list[str] = field(default_factory=list)
    """What was done about the leftovers of a killed build."""

    @property
    def skipped(self) -> bool:
        return self.result is None


def manifest_path(root: Path) -> Path:
    return root / MANIFEST_NAME


PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")
"""Hosts reserved for examples (RFC 2606), their subdomains and the reserved top-level domains
below: a ``site_url`` there is a placeholder nobody can serve the site from."""
PLACEHOLDER_TLDS = (".example", ".invalid", ".test", ".localhost")


def is_placeholder_site_url(url: str) -> bool:
    """Whether ``site_url`` is missing or points at a reserved example host."""
    host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    return (not host or host in PLACEHOLDER_HOSTS or host.endswith(tuple("." + h for h in PLACEHOLDER_HOSTS))
            or host.endswith(PLACEHOLDER_TLDS))


def site_url_warning(root: Path) -> str:
    """One line when the ``site_url`` of ``root``'s mkdocs.yml is missing or a placeholder (every
    citation, permanent link and sitemap entry is made from it), else ``""``."""
    url, _ = load_site(root / "mkdocs.yml")
    if not is_placeholder_site_url(url):
        return ""
    what = f"is the placeholder {url}" if url.strip() else "is not set"
    return (f"site_url in mkdocs.yml {what}: set `site_url` to the address the site is served "
            "from (for GitHub Pages https://OWNER.github.io/REPOSITORY/) before publishing, as every "
            "citation, permanent link and sitemap entry is made from it")


def run(options: Options) -> Outcome:
    """Build (or, with ``check``, compare) the site's Markdown; see the module's docstring.

    Raises ``UsageError`` (a missing folder), ``WriteError`` (an odd or unwritable ``docs``, an
    I/O error: the previous ``docs`` and manifest are unchanged), ``Busy`` (another build kept
    the lock), ``ConfigError`` (a configuration file; ``manifest.BrokenPermalinks``, one of
    them, when a published link would break) and ``KeyboardInterrupt``; each leaves ``docs``
    and the manifest as they were.
    """
    seeds, root = options.seeds, options.root
    if not seeds.is_dir():
        raise UsageError(f"seeds folder '{seeds}' does not exist")
    if not root.is_dir():
        raise UsageError(f"root folder '{root}' (of mkdocs.yml and the YAML files) does not exist")
    docs, manifest = absolute(options.docs), manifest_path(root)
    check_target(docs, writing=not options.check)
    deploying = (options.check or in_ci()) if options.deploying is None else options.deploying
    warning = site_url_warning(root) if deploying else ""
    if warning:
        options.warn(warning) if options.warn else options.say(f"warning: {warning}")
    with _lock(root, options.wait, options.say):
        try:
            recovered = recover(docs, manifest, all_stale=True)  # the lock says no other build runs
        except OSError as exc:
            raise WriteError(f"cannot clean up after an interrupted build beside {docs}: {exc}") from exc
        check_target(docs, writing=not options.check)
        inputs = stamp.inputs(seeds, root, docs) if options.use_cache and not options.check else ""
        done = (stamp.up_to_date(root, docs, inputs, manifest=manifest, keep=KEEP)
                if inputs and not options.need_report else None)
        if done is not None:  # docs/ was built from exactly these inputs and not touched since
            unpublished = done.get("rejected") or []
            return Outcome(done.get("documents", 0), [r for r in unpublished if r.get("action") != "ignored"],
                           {r["source"]: r["reason"] for r in unpublished if r.get("action") == "ignored"},
                           recovered=recovered)
        try:
            outcome = _build(options, docs, manifest)
        except OSError as exc:
            verb = "check" if options.check else "write"
            raise WriteError(f"cannot {verb} {docs}: {exc}; the previous {docs.name} and {manifest.name} "
                             "are unchanged") from exc
        outcome.recovered = recovered
        if inputs:
            live.sweep(root)  # a long-lived process keeps only what this build read
            stamp.record(root, docs, inputs, [*outcome.rejected, *_as_rejected(outcome.ignored)],
                         outcome.documents, manifest=manifest, keep=KEEP)
        return outcome


def _build(options: Options, docs: Path, manifest: Path) -> Outcome:
    use_cache = options.use_cache and not options.check  # --check does not trust the cache
    kept = live.manifest(manifest) if use_cache else None  # as parsed, in a long-lived process that wrote it
    config = load_config(options.root, manifest=as_read(kept) if kept is not None else None)
    if options.check:
        diff = TreeDiff(docs)
        result = build(options.seeds, options.root, config, jobs=options.jobs, scheduler=options.scheduler,
                       use_cache=False, progress=options.progress, sink=diff)
        out_of_date = diff.finish() + diff_file(result.manifest, manifest)
        return Outcome(len(result.corpus.documents), result.corpus.rejected, result.ignored, result,
                       out_of_date=out_of_date)
    with StagedTree(docs, manifest) as staged:
        result = build(options.seeds, options.root, config, jobs=options.jobs, scheduler=options.scheduler,
                       use_cache=use_cache, progress=options.progress, sink=staged)
        staged.commit(result.manifest)
    if live.active(options.root):  # a long-lived process keeps the manifest it wrote, as parsing gives it
        live.wrote_manifest(manifest, result.manifest, as_read(result.pinned) if result.pinned else None)
    ignored = result.ignored
    return Outcome(len(result.corpus.documents), result.corpus.rejected, ignored, result,
                   changed=sorted(staged.changed + staged.removed))


def _as_rejected(ignored: dict[str, str]) -> list[dict[str, str]]:
    """Ignored seeds as the stamp keeps them, among the seeds not published."""
    return [{"source": name, "reason": reason, "action": "ignored"} for name, reason in ignored.items()]


@contextmanager
def _lock(root: Path, wait: float, say: Callable[[str], None]) -> Iterator[None]:
    """Hold ``.cache/builder.lock`` for the build: one build of a project at a time.

    The holder's PID is written in the file for the message of the one that waits. Without a
    writable ``.cache`` (a read-only checkout, where only ``--check`` can succeed) the build
    runs unlocked."""
    path = root / ".cache" / LOCK_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        if not _try_lock(fd):
            holder = _holder(fd)
            say(f"waiting for the build of PID {holder} to finish (up to {wait:.0f} s; it holds {path})")
            deadline = time.monotonic() + wait
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise Busy(f"another build (PID {_holder(fd)}) of this project is still running after "
                               f"{wait:.0f} s; nothing written. Let it finish, or stop it, and build again")
                time.sleep(_POLL)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            try:
                os.ftruncate(fd, 0)
                fcntl.lockf(fd, fcntl.LOCK_UN)
            except OSError:
                pass  # closing the file releases it anyway
    finally:
        os.close(fd)


def _try_lock(fd: int) -> bool:
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EAGAIN):
            return False
        return True  # no locks on this file system (ENOLCK): build unlocked, as without .cache
    return True


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        text = ""
    return text if text.isdigit() else "(unknown)"
