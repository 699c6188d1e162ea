"""Process pools whose workers never outlive the build.

A ``ProcessPoolExecutor`` left alone has two ways to leave processes behind:

- when the build process is killed (SIGKILL, or SIGTERM with no handler), its forked workers
  keep each other's ends of the task pipe open, so none of them ever reads end-of-file: they
  wait forever, holding the caller's stdout/stderr (a CI step that captures output hangs);
- when the build is interrupted (Ctrl-C, or SIGTERM turned into ``KeyboardInterrupt``), leaving
  the ``with`` block waits for every queued task to finish.

``worker_pool`` closes both: each worker asks the kernel to send it SIGTERM when its parent
dies (``prctl(PR_SET_PDEATHSIG)`` on Linux; elsewhere a thread that watches the parent), ignores
SIGINT (the terminal sends Ctrl-C to the whole process group; the parent decides), and on any
exception in the parent the pool's queued tasks are cancelled and its workers terminated.

On top of it, the two ways the build runs work on every core: ``map_in_order`` (per-document
work, in order, its context sent once to each worker) and ``run_forked`` (tasks run on processes
forked from this one, which inherit what they work on instead of receiving it). The same
per-document map on a Dask cluster is ``distributed.map_in_order``.
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import contextmanager
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_PR_SET_PDEATHSIG = 1
"""From <linux/prctl.h>."""


def die_with_parent(parent: int) -> None:
    """Make this process end when process ``parent`` ends (call it first thing in a worker)."""
    if sys.platform.startswith("linux") and _set_parent_death_signal():
        if os.getppid() != parent:  # the parent died before the request took effect
            os._exit(1)
        return
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="watch-parent").start()


def _set_parent_death_signal() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _start_worker(parent: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker inherits the parent's handler
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    if initializer is not None:
        initializer(*initargs)


@contextmanager
def worker_pool(workers: int, *, initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
                mp_context: Any = None) -> Iterator[ProcessPoolExecutor]:
    """A ``ProcessPoolExecutor`` of ``workers`` processes that end with this process, and at once
    (queued tasks cancelled, workers terminated) when the ``with`` block ends with an exception,
    including ``KeyboardInterrupt`` and a generator being closed."""
    before = set(mp.active_children())
    pool = ProcessPoolExecutor(workers, mp_context=mp_context, initializer=_start_worker,
                               initargs=(os.getpid(), initializer, initargs))
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        stop_children(set(mp.active_children()) - before)
        raise
    pool.shutdown(wait=True)


def stop_children(children: set[Any], grace: float = 2.0) -> None:
    """Terminate processes started from this one; kill those still alive after ``grace`` seconds."""
    for child in children:
        child.terminate()
    deadline = time.monotonic() + grace
    for child in children:
        child.join(max(0.0, deadline - time.monotonic()))
        if child.is_alive():
            child.kill()
            child.join(1.0)


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_CONTEXT: tuple[Callable[[Any, Any], Any], Any] | None = None
"""In a worker of ``map_in_order``: the function and the context it was started with."""


def _set_context(work: Callable[[Any, Any], Any], context: Any, prepare: Callable[[], None] | None) -> None:
    global _CONTEXT
    _CONTEXT = (work, context)
    if prepare is not None:
        prepare()


def _call(item: Any) -> Any:
    assert _CONTEXT is not None
    return _CONTEXT[0](_CONTEXT[1], item)


def map_in_order(work: Callable[[Any, T], R], context: Any, items: Sequence[T], *, jobs: int | None,
                 min_parallel: int = 1, prepare: Callable[[], None] | None = None) -> Iterator[R]:
    """``work(context, item)`` for each item, yielded in order as soon as each is ready: on a pool
    of ``jobs`` processes (default: every core; ``context`` given once to each worker, each item
    sent to one), or in this process when ``jobs`` is 1 or there are fewer than ``min_parallel``
    items (a pool would cost more than it saves). ``work`` is a module-level function.
    ``prepare`` (module-level too), when given, is called in this process before the pool starts,
    so that forked workers inherit what it loads, and in each worker before its first item (where
    it finds that done, unless the worker was not forked)."""
    jobs = jobs or default_jobs()
    if jobs <= 1 or len(items) < min_parallel:
        yield from (work(context, item) for item in items)
        return
    if prepare is not None:
        prepare()
    workers = min(jobs, len(items))
    chunk = max(1, min(8, len(items) // (workers * 8)))  # small chunks: the workers finish together
    with worker_pool(workers, initializer=_set_context, initargs=(work, context, prepare)) as pool:
        yield from pool.map(_call, items, chunksize=chunk)


_FORKED: Sequence[Callable[[], Any]] | None = None
"""What ``run_forked``'s processes run: set before they are forked, so they inherit it as it is
in memory (never pickled)."""


def run_forked(tasks: Sequence[Callable[[], T]], *, jobs: int | None) -> Iterator[T]:
    """Each task's result, yielded as it finishes (not in order), the tasks run on ``jobs``
    processes forked from this one, a few tasks ahead of the caller (so few results wait in
    memory). Without ``fork`` (what the tasks hold would be pickled to each process), or with one
    job, the tasks run in this process, one after the other, each when its result is asked for."""
    global _FORKED
    workers = min(jobs or default_jobs(), len(tasks))
    if workers <= 1 or "fork" not in mp.get_all_start_methods():
        yield from (task() for task in tasks)
        return
    _FORKED = tasks
    try:
        with worker_pool(workers, mp_context=mp.get_context("fork")) as pool:
            todo = iter(range(len(tasks)))
            running = {pool.submit(_run_task, i) for i in islice(todo, 4 * workers)}
            while running:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                running |= {pool.submit(_run_task, i) for i in islice(todo, len(done))}
                for future in done:
                    yield future.result()
    finally:
        _FORKED = None


def _run_task(i: int) -> Any:
    """Task ``i`` of ``run_forked``, in a forked process."""
    assert _FORKED is not None
    return _FORKED[i]()
