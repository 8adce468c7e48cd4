"""A Dask cluster for archives: documents in partitions, each analysed by a worker whose models
are loaded once (a worker plugin), written as Parquet shards (scale.shards) for `tallybook load`.

The partition function is the same one a plain process pool could run; a task returns counts
only, so the scheduler never holds texts or claims. A partition that a lost worker held is run
again elsewhere by Dask and its shards are rewritten whole, so nothing is lost or doubled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from ..model import Document
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
    analysed: list[tuple[Document, Any]] = []
    failures: list[str] = []
    for item in items:
        if not isinstance(item, Document):
            failures.append(str(item))
            continue
        try:
            analysed.append((item, analyse_document(item)))
        except Exception as e:  # one bad document never stops its partition
            failures.append(f"{item.source}: not analysed ({type(e).__name__}: {str(e).strip()[:200]})")
    counts: dict[str, Any] = dict(write_shards(out, part, analysed))
    return {**counts, "failures": failures}


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
    threads = max(1, sum(client.nthreads().values()))
    summary = Run()
    pending = as_completed()
    for part, chunk in enumerate(partitions(items, size)):
        pending.add(client.submit(analyse_partition, part, chunk, str(out), key=f"tallybook-part-{part}", pure=False))
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
