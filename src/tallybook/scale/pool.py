"""Every core: documents read in worker processes, results handed back in input order.

A worker loads each language's models once (the front-ends' cached loaders) and runs with one
BLAS thread, so N workers use N cores and no more. The caller keeps the writing: `ingest` stores
each result through the one-transaction-per-document path, in input order, so the ledger is the
one a single process makes, and kill -9 leaves whole documents only.
"""

from __future__ import annotations

import os
import queue
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, ProcessPoolExecutor, wait
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
    """`work(item)` for every wanted item, as Done values in the order of `items`, each as soon
    as it and those before it are done. With one worker all runs in this process; else in
    `workers` processes forked after `prepare()` (models loaded here once, for every worker to
    share), while a thread reads the items (a slow fetch holds no finished result back)."""
    if workers <= 1:
        yield from (_here(work, item, wanted) for item in items)
        return
    prepare()
    pool = _Pool(work, workers)
    feed = _Feed(items, WINDOW * workers)
    try:
        yield from _pooled(pool, feed, wanted, WINDOW * workers)
    finally:
        pool.close()


def _here(work: Callable[[Any], Any], item: Any, wanted: Callable[[Any], bool]) -> Done:
    if not wanted(item):
        return Done(item)
    try:
        return Done(item, work(item))
    except Exception as e:
        return Done(item, error=e)


def _pooled(pool: _Pool, feed: _Feed, wanted: Callable[[Any], bool], cap: int) -> Iterator[Done]:
    """Send items as the feed has them (at most `cap` in flight); yield the first in order as
    soon as it is done."""
    while True:
        while not feed.ended and len(pool.pending) < cap:
            took, item = feed.take(wait=not pool.pending)
            if not took:
                break
            pool.send(item, wanted(item))
        if not pool.pending:
            if feed.ended:
                return
            continue
        if feed.ended or len(pool.pending) >= cap or pool.head_done(0.05):
            yield pool.next()


class _Feed:
    """The items, read by a thread into a bounded queue."""

    END = object()

    def __init__(self, items: Iterable[Any], size: int):
        self.queue: queue.Queue[Any] = queue.Queue(size)
        self.ended = False
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._read, args=(items,), daemon=True, name="tallybook-feed")
        self.thread.start()

    def _read(self, items: Iterable[Any]) -> None:
        try:
            for item in items:
                self.queue.put(item)
        except BaseException as e:  # raised again in the reading thread's consumer
            self.error = e
        self.queue.put(self.END)

    def take(self, wait: bool) -> tuple[bool, Any]:
        """(True, the next item), or (False, None) when none is ready (and `wait` is false) or
        the items have ended."""
        try:
            item = self.queue.get(block=wait)
        except queue.Empty:
            return False, None
        if item is self.END:
            self.ended = True
            if self.error is not None:
                raise self.error
            return False, None
        return True, item


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
        """A pool with all its workers started (forked now, not later beside the feed thread)."""
        executor = ProcessPoolExecutor(self.workers, mp_context=self.ctx, initializer=worker_setup)
        for f in [executor.submit(os.getpid) for _ in range(self.workers)]:
            f.result()
        return executor

    def head_done(self, timeout: float) -> bool:
        """Is the first item in flight done (waiting up to `timeout` seconds)?"""
        outcome = self.pending[0][1]
        if outcome is None or isinstance(outcome, Done):
            return True
        return bool(wait([outcome], timeout=timeout).done)

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
