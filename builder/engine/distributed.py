"""Per-document work on a Dask cluster, for corpora past one machine (``--executor dask``).

``map_in_order`` is ``pool.map_in_order`` over the workers of an existing Dask scheduler
instead of local processes: ``work(context, item)`` for each item, yielded in the items' order
(so the output is byte-identical to a local build), ``context`` sent once to every worker
(``Client.scatter(..., broadcast=True)``), each item sent to one worker. Only a few items per
worker thread are in flight at a time, pulled from ``items`` as results come back, so the
parent never holds the whole corpus (an item may carry a seed's bytes, up to 5 MB).

What runs where (the caller, ``pipeline``, decides what an item is):

- the workers need the same builder code and Python as this process (install this checkout on
  each of them, with ``pip install -e '.[dask]'``); each result says which builder code made it
  (``store.code_fingerprint``), and a result from other code stops the build with
  ``ExecutorError`` (its cache key would name code that did not make it);
- the workers never see this machine's files: the items carry what they work on, and whatever
  is stored (the cache) is stored by this process from what comes back.

Dask is an optional dependency (``pip install -e '.[dask]'``), imported only here and only when
this executor is chosen.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar, cast

from ..errors import BuilderError
from .store import code_fingerprint

T = TypeVar("T")
R = TypeVar("R")

INSTALL = "pip install -e '.[dask]'"
"""How to install the optional extra this executor needs."""

CONNECT_TIMEOUT = 30
"""Seconds to wait for the scheduler before giving up."""

AHEAD = 2
"""Items in flight per worker thread (enough to keep each busy while a result travels back)."""


class ExecutorError(BuilderError):
    """Dask is not installed, the scheduler cannot be reached, or its workers run other code."""


def map_in_order(work: Callable[[Any, T], R], context: Any, items: Iterable[T], *,
                 scheduler: str) -> Iterator[R]:
    """``work(context, item)`` for each item, run on the workers of the Dask scheduler at
    ``scheduler`` (``tcp://host:8786``), yielded in order as soon as each is ready. ``work`` is a
    module-level function of the builder (the workers import it). Raises ``ExecutorError``."""
    try:
        # Lazy: Dask is an optional extra, loaded only when this executor is chosen.
        from distributed import Client
    except ImportError as exc:
        raise ExecutorError(f"--executor dask needs Dask, an optional extra: {INSTALL}") from exc
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ExecutorError(f"cannot reach the Dask scheduler at {scheduler!r}: {exc}") from exc
    with client:
        code = code_fingerprint()
        shared = client.scatter(context, broadcast=True)
        threads = sum(client.nthreads().values()) or 1
        pending = iter(items)
        running: deque[Any] = deque(client.submit(_checked, work, code, shared, item, pure=False)
                                    for item in islice(pending, AHEAD * threads))
        try:
            while running:
                made_by, result = running.popleft().result()
                if made_by != code:
                    raise ExecutorError(f"a Dask worker of {scheduler} runs other builder code (or another Python) "
                                        f"than this one; install this checkout on every worker ({INSTALL})")
                running.extend(client.submit(_checked, work, code, shared, item, pure=False)
                               for item in islice(pending, 1))
                yield cast(R, result)
        finally:
            if running:  # stopped early (an error, Ctrl-C): the rest is not wanted
                client.cancel(list(running))


def _checked(work: Callable[[Any, T], R], code: str, context: Any, item: T) -> tuple[str, R | None]:
    """On a worker: ``work(context, item)`` and the builder code that ran it (nothing is run
    when it is not ``code``, the parent's)."""
    mine = code_fingerprint()
    return (mine, work(context, item)) if mine == code else (mine, None)
