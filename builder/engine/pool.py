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
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

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
