"""The whole build: read → clean → enrich → link → write, with the I/O at the edges.

``process`` is everything that happens to one document on its own (so it can be
cached and run in parallel); ``build`` gathers every document before linking, the
way MkDocs reads every page before writing any.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from .clean import clean
from .config import Config, load_config
from .engine.cache import Cache, Payloads, pack_parts, unpack
from .engine.gc import LongLived, paused
from .engine.memo import RenderMemo
from .engine import distributed, live, setup
from .engine.pool import map_in_order, run_forked
from .document import Document, Source
from .enrich import enrich
from .errors import DocumentError, DocumentFailed, Notice
from .link import LinkedCorpus, link, prepare as prepare_link
from .link.guard import seal
from .manifest import Manifest, dump_manifest
from .link.pins import Pins
from .progress import Progress
from .read import SeedFile, decode, find_seeds, read_seed, seed_bytes, seed_sha256
from .report import make_report
from .write.pages import Task, render_tasks
from .write import prepare as prepare_write
from .write.permalink_pages import guard_files

log = logging.getLogger(__name__)


@dataclass(slots=True)
class BuildResult:
    corpus: LinkedCorpus
    files: dict[str, str | bytes | None]
    """The generated files, ``{docs-relative path: content}``; when the build streamed them into
    a sink (``build(sink=…)``), only their paths (every value ``None``)."""
    report: dict[str, Any]
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    processed: list[str] = field(default_factory=list)
    """Seeds that were read, cleaned and enriched in this build (the rest came from the cache)."""
    manifest: str = ""
    """The permalink manifest after this build (``permalinks.yml``), for the write edge."""
    ignored: dict[str, str] = field(default_factory=dict)
    """Seeds left out unread, as listed under ``ignored:`` in metadata.yml → the reason given there."""
    pinned: Manifest | None = None
    """The manifest after this build as data (``link.guard.Findings.manifest``): ``manifest`` is its dump."""


def process(source: Source, config: Config) -> Document:
    """Clean and enrich one decoded seed (no cross-document work); with the per-document parts of
    writing (``write.prepare``: the word diff) and of linking (``link.prepare``), worked out here
    to be cached."""
    doc = enrich(clean(source), config)
    return replace(doc, word_diff=prepare_write(doc), link_prepared=prepare_link(doc, config))


def build(seeds_dir: Path, root: Path, config: Config | None = None, *, jobs: int | None = None,
          use_cache: bool = True, progress: Progress | None = None, sink: Sink | None = None,
          scheduler: str | None = None) -> BuildResult:
    """Build the site's Markdown. Raises ``ConfigError`` for bad configuration.

    Each seed is processed at most once per content: a seed whose bytes, name, configuration
    and builder code are unchanged comes from the cache (``engine.cache``); the others are
    processed on ``jobs`` processes (default: every core), or with ``scheduler`` (a Dask
    scheduler's address) on that cluster's workers (``engine.distributed``; the cross-document
    stages still run here). Results are gathered in seed order, so the output is the same byte
    for byte whatever the cache, ``jobs`` and ``scheduler``.
    ``progress`` is told each stage and each seed done (``builder.progress``; silent by default).

    The pages are rendered in pieces (``write.pages.render_tasks``) on ``jobs`` processes forked
    after linking (they inherit the corpus): with a ``sink``, each process puts its pages into
    it (``Sink.put``) and ``BuildResult.files`` keeps only the paths, so the whole site is never
    in memory; without one, they are sent back and collected into ``BuildResult.files``.
    Either way the permalink guard runs after the last page and before anything is final
    (a ``StagedTree`` is swapped in only after ``build`` returns).
    """
    setup.start()  # the engine's fast paths, in the stages' hands (the same output, faster)
    payloads = Payloads()  # each document's raw bytes, text and word diff wait on disk until rendered
    long_lived = LongLived()
    try:
        return _build(seeds_dir, root, config, jobs, use_cache, progress or Progress(), sink, payloads,
                      long_lived, scheduler)
    finally:
        long_lived.release()
        payloads.close()


def _build(seeds_dir: Path, root: Path, config: Config | None, jobs: int | None, use_cache: bool,
           progress: Progress, sink: Sink | None, payloads: Payloads, long_lived: LongLived,
           scheduler: str | None = None) -> BuildResult:
    started = time.perf_counter()
    config = config or load_config(root)
    long_lived.keep()
    seeds, notices = find_seeds(seeds_dir)
    seeds, ignored = _leave_out(seeds, notices, config.ignored, seeds_dir)
    payloads.reprocess = partial(_reprocess, {seed.name: seed for seed in seeds}, config)
    cache = Cache(root, config.fingerprint, enabled=use_cache)
    timings: dict[str, float] = {}
    progress.stage("Reading seeds", len(seeds))
    shas = [_hash_seed(seed) for seed in seeds]
    progress.advance(len(seeds))
    outcomes, todo = _look_up(seeds, shas, cache, payloads, long_lived)
    timings["cache"] = time.perf_counter() - started
    mark = time.perf_counter()
    progress.stage("Cleaning and enriching", len(todo))
    for (i, _seed, _key), fresh in zip(todo, _run(todo, config, cache, jobs, scheduler)):
        outcomes[i] = _settle(fresh, payloads)
        long_lived.keep()
        progress.advance()
    timings["process"] = time.perf_counter() - mark
    processed = [seed.name for _i, seed, _key in todo]
    documents, rejected = _gather(seeds, shas, outcomes, config, cache, payloads, notices, processed)
    for name in sorted(set(config.overrides) - {seed.name for seed in seeds}):
        notices.append(Notice("metadata.yml", f"'documents.{name}' names no seed file in {seeds_dir.name}/",
                              "ignored"))
    for notice in notices:
        log.info("%s", notice)
    attempt = _Attempt(sink)
    while True:
        try:
            corpus, files, report, sealed = _link_and_render(documents, rejected, notices, config, root, jobs,
                                                             use_cache, progress, payloads, long_lived, attempt,
                                                             timings)
            break
        except DocumentFailed as exc:  # set that document aside, and link and render the rest again
            documents = _set_aside(exc, documents, rejected)
    attempt.discard_leftovers(files)
    manifest, pinned = sealed
    log.debug("stage seconds: %s", ", ".join(f"{k} {v:.2f}" for k, v in timings.items()))
    log.info("%d seed(s): %d processed, %d from the cache", len(seeds), len(processed), len(seeds) - len(processed))
    return BuildResult(corpus, files, report, time.perf_counter() - started, timings, processed, manifest, ignored,
                       pinned)


def _look_up(seeds: list[SeedFile], shas: list[str | None], cache: Cache, payloads: Payloads,
             long_lived: LongLived) -> tuple[dict[int, _Outcome], list[tuple[int, SeedFile, str]]]:
    """The outcome of each seed found in the cache (by its index), and the seeds to process:
    ``(index, seed, cache key)``. Only the first seed of each content is looked up or processed;
    later copies are duplicates (``_gather``), unless that first one fails to read."""
    outcomes: dict[int, _Outcome] = {}
    todo: list[tuple[int, SeedFile, str]] = []
    first: set[str] = set()
    for i, (seed, sha) in enumerate(zip(seeds, shas)):
        if sha is not None and sha in first:
            continue
        if sha is not None:
            first.add(sha)
        key = cache.key(seed.name, sha) if sha is not None else ""
        cached = cache.get(key) if key else None
        if cached is not None:
            doc, path, offset = cached
            payloads.in_entry(doc.name, path, offset)
            long_lived.keep()
            outcomes[i] = _Outcome(sha=sha, doc=doc)
        else:
            todo.append((i, seed, key))
    return outcomes, todo


def _gather(seeds: list[SeedFile], shas: list[str | None], outcomes: dict[int, _Outcome], config: Config,
            cache: Cache, payloads: Payloads, notices: list[str],
            processed: list[str]) -> tuple[list[Document], list[dict[str, str]]]:
    """The documents to publish, in seed order, and the rejected seeds: each seed's outcome (taken
    out of ``outcomes`` as it is used), a seed of the same bytes or text as an earlier one only
    noted in ``notices``. A copy of a seed that failed to read is read on its own (its name
    added to ``processed``)."""
    documents: list[Document] = []
    rejected: list[dict[str, str]] = []
    seen: dict[str, str] = {}
    seen_text: dict[str, str] = {}
    for i, (seed, sha) in enumerate(zip(seeds, shas)):
        if sha is not None and sha in seen:
            notices.append(Notice(seed.name, f"same bytes as {seen[sha]}", f"published once, under {seen[sha]}"))
            continue
        outcome = outcomes.pop(i, None)  # (dropped as used: its packed document is no longer needed)
        if outcome is None:  # a copy of a seed that failed to read: read it on its own
            processed.append(seed.name)
            outcome = _settle(_process_seed(seed, config, cache, cache.key(seed.name, sha) if sha else ""), payloads)
        for level, message in outcome.logs:
            log.log(level, "%s", message)
        if outcome.sha is not None:
            seen[outcome.sha] = seed.name
        if outcome.rejected is not None:
            rejected.append(outcome.rejected)
        elif isinstance(outcome.doc, Document):
            doc = outcome.doc
            same = seen_text.setdefault(doc.source.text_sha256, seed.name)
            if same != seed.name:  # other bytes (encoding, line ends) but the same text
                notices.append(Notice(seed.name, f"same text as {same}", f"published once, under {same}"))
                continue
            documents.append(doc)
    return documents, rejected


def _leave_out(seeds: list[SeedFile], notices: list[str], ignored: dict[str, str],
               seeds_dir: Path) -> tuple[list[SeedFile], dict[str, str]]:
    """The seeds without those listed under ``ignored:`` in metadata.yml (never read), and those
    left out → the reason given. Each is named in a notice, as is a listed name that matches no seed."""
    names = {seed.name for seed in seeds}
    left_out: dict[str, str] = {}
    for name, reason in ignored.items():
        if name in names:
            left_out[name] = reason
            notices.append(Notice(name, f"listed under 'ignored' in metadata.yml: {reason}", "ignored"))
        else:
            notices.append(Notice("metadata.yml", f"'ignored.{name}' names no seed file in {seeds_dir.name}/",
                                  "ignored"))
    return [seed for seed in seeds if seed.name not in left_out], left_out


def _link_and_render(documents: list[Document], rejected: list[dict[str, str]], notices: list[str], config: Config,
                     root: Path, jobs: int | None, use_cache: bool, progress: Progress, payloads: Payloads,
                     long_lived: LongLived, attempt: _Attempt, timings: dict[str, float],
                     ) -> tuple[LinkedCorpus, dict[str, str | bytes | None], dict[str, Any], tuple[str, Manifest]]:
    """The cross-document stages: link, then render every page (into the sink when there is one)
    and seal the permalink manifest (the guard: raises if a published link would break); the new
    manifest as text and as data."""
    mark = time.perf_counter()
    progress.stage("Linking", 1)
    with paused():  # (linking makes no cycles: the collector's passes would only walk the corpus)
        linked = link(documents, config)
    long_lived.keep()
    # the link stage's notices (e.g. one acronym, two meanings) join the report
    corpus = replace(linked, rejected=rejected, notices=[*notices, *linked.links.notices])
    timings["link"] = time.perf_counter() - mark
    mark = time.perf_counter()
    progress.stage("Rendering pages", 1)
    report = make_report(corpus)
    tasks = render_tasks(corpus, report, payloads, RenderMemo(root, enabled=use_cache))
    # The render processes are forked after linking: they inherit the corpus (never pickled).
    run = partial(run_forked, jobs=jobs if len(documents) >= MIN_PARALLEL_RENDER else 1)
    sink = attempt.sink
    pins = corpus.pins
    if sink is None:
        files: dict[str, str | bytes | None] = dict(sorted(page for pages in run(tasks) for page in pages))
        manifest = _guard(pins, files, root)
    else:
        # Each page goes into the sink where it is rendered (the disk work, ``Sink.put``); only
        # what the sink keeps of it comes back here (``Sink.record``), never the page.
        added = set(attempt.record(run([partial(_put_pages, sink, task) for task in tasks])))
        files = dict.fromkeys(sorted(added))
        manifest = _guard(pins, files, root)
        for path in sorted(added - set(files)):  # the guard took a redirect back
            sink.discard(path)
        for path, content in files.items():
            if content is not None:  # the guard added a redirect
                sink.add(path, content)
                attempt.put.add(path)
                files[path] = None
    timings["render"] = time.perf_counter() - mark
    return corpus, files, report, manifest


def _guard(pins: Pins, files: dict[str, str | bytes | None], root: Path) -> tuple[str, Manifest]:
    """The permalink guard (``link.guard.seal``) on the rendered ``files``: raise ``BrokenPermalinks``
    if a published page or anchor would break; else add to ``files`` the redirect pages it asks
    for and take back those it does not need (``write.permalink_pages.guard_files``); return the
    new manifest's text and data (each page's lines kept between builds by a long-lived process,
    ``engine.live``)."""
    findings = seal(pins, files)
    findings.raise_if_broken()
    added, unneeded = guard_files(findings)
    files.update(added)
    for path in unneeded:
        files.pop(path, None)
    return dump_manifest(findings.manifest, live.memo(root, "manifest lines")), findings.manifest


def _set_aside(failure: DocumentFailed, documents: list[Document],
               rejected: list[dict[str, str]]) -> list[Document]:
    """The documents without the one that made linking or rendering fail, which becomes a
    rejected seed (a bug in the builder on that document must not stop the site)."""
    rest = [doc for doc in documents if doc.name != failure.source]
    if len(rest) == len(documents):  # names no document of this build: not the document's fault
        raise failure
    log.error("Skipping '%s': the builder failed on it\n%s", failure.source,
              "".join(traceback.format_exception(failure)))
    rejected.append({"source": failure.source, "reason": f"builder error: {failure.failure}", "action": "skipped"})
    return rest


class _Attempt:
    """The pages put into the sink by every attempt at linking and rendering, so that pages of an
    attempt that failed on one document and are not made again are taken back out."""

    def __init__(self, sink: Sink | None) -> None:
        self.sink = sink
        self.put: set[str] = set()

    def record(self, receipts: Iterator[list[tuple[str, Any]]]) -> dict[str, None]:
        """Record each put page in the sink as it comes; keep only the paths."""
        assert self.sink is not None
        paths: dict[str, None] = {}
        for pages in receipts:
            for path, receipt in pages:
                self.sink.record(receipt)
                self.put.add(path)
                paths[path] = None
        return paths

    def discard_leftovers(self, files: dict[str, Any]) -> None:
        if self.sink is not None:
            for path in sorted(self.put - set(files)):
                self.sink.discard(path)


class Sink(Protocol):
    """Where a streaming build puts each generated file as it is rendered (``write.files``:
    ``StagedTree`` writes them, ``TreeDiff`` compares them with docs/).

    ``add`` is ``record(put(rel, content))``: ``put`` does the disk work and may run in a process
    forked from this one (the render processes), ``record`` keeps its small result here."""

    def add(self, rel: str, content: str | bytes) -> None: ...

    def put(self, rel: str, content: str | bytes) -> Any: ...

    def record(self, receipt: Any) -> None: ...

    def discard(self, rel: str) -> None: ...


def _put_pages(sink: Sink, task: Task) -> list[tuple[str, Any]]:
    """Run a render task and put its pages into ``sink``: ``(path, receipt)`` of each."""
    return [(path, sink.put(path, content)) for path, content in task()]


@dataclass(slots=True)
class _Outcome:
    """What happened to one seed: its document (pickled when it crossed processes) or why not."""

    sha: str | None = None
    """Hash of the bytes when they could be read and decoded (for duplicate detection)."""
    doc: Document | bytes | None = None
    entry: str | None = None
    """The cache entry that holds the packed document, payload included, when it was stored."""
    rejected: dict[str, str] | None = None
    logs: list[tuple[int, str]] = field(default_factory=list)
    """Log records, replayed in seed order by the parent."""


def _settle(outcome: _Outcome, payloads: Payloads) -> _Outcome:
    """An outcome as the parent keeps it: a packed document is unpacked as soon as it arrives,
    its payload left in its cache entry or spilled (``Payloads``), so memory never holds every
    packed document at once."""
    if isinstance(outcome.doc, bytes):
        doc, offset = unpack(outcome.doc)
        if outcome.entry is not None:
            payloads.in_entry(doc.name, Path(outcome.entry), offset)
        else:
            payloads.keep(doc.name, memoryview(outcome.doc)[offset:])
        outcome.doc = doc
    return outcome


def _hash_seed(seed: SeedFile) -> str | None:
    """sha256 of a seed's bytes, or ``None`` if it is refused, too big or unreadable (``read_seed`` will say why)."""
    return seed_sha256(seed)  # never opens a link out of the seeds folder or a FIFO, never reads a big file


def _process_seed(seed: SeedFile, config: Config, cache: Cache, key: str) -> _Outcome:
    """Read, clean and enrich one seed; a failure becomes a rejection, never an exception."""
    outcome, parts = _read_and_process(seed.name, partial(read_seed, seed), config)
    if parts is None:
        return outcome
    core, payload = parts
    stored = None
    if key and key == cache.key(seed.name, outcome.sha or ""):  # the bytes did not change since hashing
        stored = cache.put(key, [core, payload])
    if stored is not None:  # the payload waits in the cache entry: only the document crosses over
        return _Outcome(sha=outcome.sha, doc=core, entry=str(stored))
    return _Outcome(sha=outcome.sha, doc=core + payload)


def _read_and_process(name: str, read: Callable[[], Source],
                      config: Config) -> tuple[_Outcome, tuple[bytes, bytes] | None]:
    """``read()`` the seed ``name``, clean and enrich it: the outcome (a rejection, never an
    exception) and, when it became a document, the document packed (``pack_parts``)."""
    try:
        source = read()
    except DocumentError as exc:
        return _Outcome(rejected={"source": name, "reason": exc.reason, "action": exc.action},
                        logs=[(logging.WARNING, f"Skipping '{name}': {exc.reason}")]), None
    except OSError as exc:
        return _Outcome(rejected={"source": name, "reason": f"cannot read it ({exc})", "action": "skipped"},
                        logs=[(logging.WARNING, f"Skipping '{name}': cannot read it ({exc.strerror or exc})")]), None
    try:
        doc = process(source, config)
    except Exception as exc:  # a bug on one document must not stop the site
        return _Outcome(sha=source.sha256,
                        rejected={"source": name, "reason": f"builder error: {exc!r}", "action": "skipped"},
                        logs=[(logging.ERROR, f"Skipping '{name}': the builder failed on it\n"
                                              f"{traceback.format_exc()}")]), None
    return _Outcome(sha=source.sha256), pack_parts(doc)


def _reprocess(seeds: dict[str, SeedFile], config: Config, name: str) -> Document:
    """A seed read and processed again, payload included (``Payloads``: its cached one went bad)."""
    return process(read_seed(seeds[name]), config)


def _work(context: tuple[Config, Cache], item: tuple[int, SeedFile, str]) -> _Outcome:
    """One seed of ``_run``, in this process or in a worker (``engine.pool.map_in_order``)."""
    return _process_seed(item[1], context[0], context[1], item[2])


MIN_PARALLEL = 4
"""Fewer seeds to process than this are done in this process (a pool costs more than it saves)."""


def _run(todo: list[tuple[int, SeedFile, str]], config: Config, cache: Cache, jobs: int | None,
         scheduler: str | None = None) -> Iterator[_Outcome]:
    """Process seeds in order, on a pool of ``jobs`` processes when there are enough of them, or
    on the Dask cluster at ``scheduler`` (``_run_remote``); each outcome is yielded as soon as it
    is ready (for the progress display)."""
    if scheduler is not None:
        return _run_remote(todo, config, cache, scheduler)
    return map_in_order(_work, (config, cache), todo, jobs=jobs, min_parallel=MIN_PARALLEL, prepare=setup.start)


def _run_remote(todo: list[tuple[int, SeedFile, str]], config: Config, cache: Cache,
                scheduler: str) -> Iterator[_Outcome]:
    """``_run`` on a Dask cluster (``engine.distributed``), whose workers cannot read the seeds:
    this process reads each seed's bytes (``read.seed_bytes``: at most 5 MB) as the cluster takes
    it and sends them; a worker decodes, cleans, enriches and packs the document, and sends it
    back; this process stores it in the cache. A seed that cannot be read, or whose name is
    refused, is rejected here by ``_process_seed``, and only its rejection makes the trip."""
    items = (_remote_item(seed, config, cache, key) for _i, seed, key in todo)
    for (_i, seed, key), outcome in zip(todo, distributed.map_in_order(_remote_work, config, items,
                                                                        scheduler=scheduler)):
        if isinstance(outcome.doc, bytes) and key and key == cache.key(seed.name, outcome.sha or ""):
            stored = cache.put(key, outcome.doc)  # (the bytes did not change since hashing)
            outcome.entry = str(stored) if stored is not None else None
        yield outcome


def _remote_item(seed: SeedFile, config: Config, cache: Cache, key: str) -> tuple[str, bytes] | _Outcome:
    """What a worker needs for one seed: its name and bytes, or, when ``read_seed`` would refuse
    it before decoding, the rejection ``_process_seed`` makes of it here."""
    try:
        return seed.name, seed_bytes(seed)
    except (DocumentError, OSError):
        return _process_seed(seed, config, cache, key)


def _remote_work(config: Config, item: tuple[str, bytes] | _Outcome) -> _Outcome:
    """One seed of ``_run_remote``, on a Dask worker: its outcome, the document packed whole."""
    if isinstance(item, _Outcome):
        return item
    setup.start()  # (once a worker)
    name, data = item
    outcome, parts = _read_and_process(name, partial(decode, name, data), config)
    if parts is not None:
        outcome.doc = parts[0] + parts[1]
    return outcome


MIN_PARALLEL_RENDER = 64
"""Fewer documents than this are rendered in this process (forking costs more than it saves)."""
