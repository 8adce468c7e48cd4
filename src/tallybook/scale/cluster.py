"""A Dask cluster for archives: documents in partitions, each analysed by a worker whose models
are loaded once (a worker plugin), written as Parquet shards (scale.shards) for `tallybook load`.

The partition function is the same one a plain process pool could run; a task returns counts
only, so the scheduler never holds texts or claims. A partition that a lost worker held is run
again elsewhere by Dask and its shards are rewritten whole, so nothing is lost or doubled.

`in_order` is pool.in_order on a cluster (what `extract --dask` prints): each partition's results
come back to the caller, as Done values in input order.
"""

from __future__ import annotations

import pickle
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from ..model import Document
from .pool import Done, WorkerDied
from .shards import write_shards
from .work import analyse_document

PARTITION = 1000  # documents a task: enough to make its shards worth a file
IN_FLIGHT = 2  # partitions queued per worker thread


@dataclass
class Run:
    """What a cluster run did: documents and rows written, and the failures, one line each."""

    partitions: int = 0
    documents: int = 0
    claims: int = 0
    incidents: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, counts: dict[str, Any]) -> None:
        self.partitions += 1
        self.documents += counts["documents"]
        self.claims += counts["claims"]
        self.incidents += counts["incidents"]
        self.failures.extend(counts["failures"])

    def __str__(self) -> str:
        return (
            f"partitions: {self.partitions}; documents: {self.documents} analysed, {len(self.failures)} failed; "
            f"claims: {self.claims}; incidents: {self.incidents}"
        )


def analyse_partition(part: int, items: list[Any], out: str) -> dict[str, Any]:
    """Analyse a partition's documents and write its shards; the counts, and one line per
    failure (a reader's Failure, or a document the extractor could not read)."""
    docs = [item for item in items if isinstance(item, Document)]
    analysed: list[tuple[Document, Any]] = []
    failures = [str(item) for item in items if not isinstance(item, Document)]
    for doc, (analysis, error) in zip(docs, work_partition(analyse_document, docs)):
        if error is None:
            analysed.append((doc, analysis))
        else:
            failures.append(f"{doc.source}: not analysed ({type(error).__name__}: {str(error).strip()[:200]})")
    counts: dict[str, Any] = dict(write_shards(out, part, analysed))
    return {**counts, "failures": failures}


def work_partition(work: Callable[[Any], Any], items: list[Any]) -> list[tuple[Any, BaseException | None]]:
    """(work(item), None) or (None, its error) for each item: one bad item never stops its
    partition. An error that cannot travel back (not picklable) comes as a RuntimeError naming it."""
    out: list[tuple[Any, BaseException | None]] = []
    for item in items:
        try:
            out.append((work(item), None))
        except Exception as e:
            out.append((None, _portable(e)))
    return out


def _portable(e: Exception) -> BaseException:
    try:
        pickle.loads(pickle.dumps(e))
    except Exception:
        return RuntimeError(f"{type(e).__name__}: {e}")
    return e


class LoadModels(WorkerPlugin):
    """A Dask worker plugin: one BLAS thread, and each language's models loaded once per worker
    process, before its first task."""

    name = "tallybook-models"

    def setup(self, worker: Any = None) -> None:
        from threadpoolctl import threadpool_limits

        from ..nlp import en, ru

        threadpool_limits(limits=1)
        en.pipeline()
        ru.pipeline()


def partitions(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """`items` in lists of `size`, read lazily."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def in_order(
    client: Any,
    work: Callable[[Any], Any],
    items: Iterable[Any],
    wanted: Callable[[Any], bool] = lambda item: True,
    size: int = PARTITION,
) -> Iterator[Done]:
    """pool.in_order on the cluster of `client`: `work(item)` for every wanted item, sent in
    partitions of `size` (a few per worker thread in flight), as Done values in the order of
    `items`, a partition's as soon as it and those before it are done. The caller keeps each
    partition's items until its results come (at most the partitions in flight). A partition Dask
    gives up on (its worker lost again and again) fails each of its items with WorkerDied."""
    client.register_plugin(LoadModels())
    cap, run_id = IN_FLIGHT * threads_of(client), uuid.uuid4().hex[:12]
    flight: deque[tuple[list[Any], list[bool], Any]] = deque()
    for part, chunk in enumerate(partitions(items, size)):
        flags = [wanted(item) for item in chunk]
        sent = [item for item, flag in zip(chunk, flags) if flag]
        future = client.submit(work_partition, work, sent, key=f"tallybook-work-{run_id}-{part}", pure=False)
        flight.append((chunk, flags, future))
        if len(flight) >= cap:
            yield from _results(*flight.popleft())
    while flight:
        yield from _results(*flight.popleft())


def _results(chunk: list[Any], flags: list[bool], future: Any) -> Iterator[Done]:
    """The Done values of a partition, in its order (waiting for its task)."""
    try:
        outcomes = iter(future.result())
    except Exception as e:  # KilledWorker, or the task itself could not run
        error = WorkerDied(f"its partition failed on the cluster ({type(e).__name__}: {str(e).strip()[:200]})")
        outcomes = iter([(None, error)] * sum(flags))
    finally:
        future.release()
    for item, flag in zip(chunk, flags):
        if not flag:
            yield Done(item)
            continue
        result, error = next(outcomes)
        yield Done(item, result, error)


def threads_of(client: Any) -> int:
    """The worker threads of the cluster (one, if none has joined yet)."""
    return max(1, sum(client.nthreads().values()))


def run(
    client: Any,
    items: Iterable[Any],
    out: str | Path,
    size: int = PARTITION,
    done: Callable[[int, dict[str, Any]], None] = lambda part, counts: None,
) -> Run:
    """Analyse `items` on the cluster of `client` into shards under `out`: a few partitions per
    worker thread in flight, `done(part, counts)` called as each one ends."""
    from distributed import as_completed

    client.register_plugin(LoadModels())
    threads, run_id = threads_of(client), uuid.uuid4().hex[:12]  # a run's own keys: two never share results
    summary = Run()
    pending = as_completed()
    for part, chunk in enumerate(partitions(items, size)):
        pending.add(
            client.submit(analyse_partition, part, chunk, str(out), key=f"tallybook-part-{run_id}-{part}", pure=False)
        )
        while pending.count() >= IN_FLIGHT * threads:
            _finish(next(pending), summary, done)
    for future in pending:
        _finish(future, summary, done)
    return summary


def _finish(future: Any, summary: Run, done: Callable[[int, dict[str, Any]], None]) -> None:
    counts = future.result()
    summary.add(counts)
    done(int(future.key.rsplit("-", 1)[1]), counts)
    future.release()
