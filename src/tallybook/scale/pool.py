"""Every core: documents read in worker processes, results handed back in input order.

A worker loads each language's models once (the front-ends' cached loaders) and runs with one
BLAS thread, so N workers use N cores and no more. The caller keeps the writing: `ingest` stores
each result through the one-transaction-per-document path, in input order, so the ledger is the
one a single process makes, and kill -9 leaves whole documents only.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_all_start_methods, get_context
from typing import Any

WINDOW = 4  # documents in flight per worker: enough to keep each busy, few enough to bound memory


@dataclass(frozen=True)
class Done:
    """One input item with what the work gave for it: a result, an error, or neither (not sent:
    a Failure of the readers, or an item the caller did not want worked on)."""

    item: Any
    result: Any = None
    error: BaseException | None = None


class WorkerDied(RuntimeError):
    """The worker process holding a document ended without an answer (killed, out of memory)."""


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_setup() -> None:
    """Run once in each worker: one BLAS thread, Ctrl-C left to the parent, and an end with the
    parent (kill -9 of `ingest` leaves no worker behind)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_parent()
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)


def _end_with_parent() -> None:
    """Ask Linux to send this process SIGTERM when its parent ends (prctl PR_SET_PDEATHSIG)."""
    parent = os.getppid()
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown has to do
        return
    if os.getppid() != parent:  # the parent ended before the request was made
        os._exit(0)


def in_order(
    work: Callable[[Any], Any],
    items: Iterable[Any],
    workers: int,
    wanted: Callable[[Any], bool] = lambda item: True,
    prepare: Callable[[], object] = lambda: None,
) -> Iterator[Done]:
    """`work(item)` for every wanted item, as Done values in the order of `items`. With one worker
    (or one item) all runs in this process; else in `workers` processes, a few items ahead, forked
    after `prepare()` (loading models here once, for every worker to share)."""
    it = iter(items)
    head = [item for _, item in zip(range(2), it)]
    if workers <= 1 or len(head) < 2:
        yield from (_here(work, item, wanted) for items_ in (head, it) for item in items_)
        return
    prepare()
    yield from _pooled(work, [*head], it, workers, wanted)


def _here(work: Callable[[Any], Any], item: Any, wanted: Callable[[Any], bool]) -> Done:
    if not wanted(item):
        return Done(item)
    try:
        return Done(item, work(item))
    except Exception as e:
        return Done(item, error=e)


def _pooled(
    work: Callable[[Any], Any], head: list[Any], rest: Iterator[Any], workers: int, wanted: Callable[[Any], bool]
) -> Iterator[Done]:
    """Items sent to a process pool, at most WINDOW per worker in flight."""
    pool = _Pool(work, workers)
    try:
        for items_ in (head, rest):
            for item in items_:
                pool.send(item, wanted(item))
                while len(pool.pending) >= WINDOW * workers:
                    yield pool.next()
        while pool.pending:
            yield pool.next()
    finally:
        pool.close()


class _Pool:
    """A process pool with its items in flight, in input order. When a worker dies, the pool is
    replaced and the items it held are sent again one at a time: the one that kills a worker again
    comes back as a WorkerDied error, and a document that kills its worker never stops the batch."""

    def __init__(self, work: Callable[[Any], Any], workers: int):
        self.work, self.workers = work, workers
        self.ctx = get_context("fork") if "fork" in get_all_start_methods() else get_context()
        self.executor = self._start()
        self.pending: deque[list[Any]] = deque()  # [item, Future | Done | None]

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self.ctx, initializer=worker_setup)

    def send(self, item: Any, wanted: bool) -> None:
        if not wanted:
            self.pending.append([item, None])
            return
        try:
            self.pending.append([item, self.executor.submit(self.work, item)])
        except BrokenProcessPool:
            self.pending.append([item, Done(item, error=WorkerDied("not sent"))])
            self._recover()

    def next(self) -> Done:
        item, future = self.pending[0]
        if future is not None and not isinstance(future, Done) and _broke(future):
            self._recover()
        item, outcome = self.pending.popleft()
        if outcome is None:
            return Done(item)
        if isinstance(outcome, Done):
            return outcome
        try:
            return Done(item, outcome.result())
        except Exception as e:
            return Done(item, error=e)

    def _recover(self) -> None:
        """A fresh pool, and each item the broken one held worked on alone, so that only the
        item that kills a worker again fails."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()
        for entry in self.pending:
            item, future = entry
            if future is None or (not isinstance(future, Done) and not _broke(future)):
                continue
            if isinstance(future, Done) and not isinstance(future.error, WorkerDied):
                continue
            try:
                entry[1] = Done(item, self.executor.submit(self.work, item).result())
            except BrokenProcessPool:
                entry[1] = Done(item, error=WorkerDied("its worker process died"))
                self.executor.shutdown(wait=False, cancel_futures=True)
                self.executor = self._start()
            except Exception as e:
                entry[1] = Done(item, error=e)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _broke(future: Any) -> bool:
    """Did the future end with its pool broken (waiting for it to end)?"""
    try:
        return isinstance(future.exception(), BrokenProcessPool)
    except CancelledError:
        return True
