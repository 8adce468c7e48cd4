"""Running a batch into the ledger: documents from readers, a progress callback, a summary."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import tallybook
from tallybook.model import Document as DocumentValue
from tallybook.reports import shown
from tallybook.scale.pool import Done, in_order
from tallybook.scale.work import analyse_document, preload

from .store import Read, is_unchanged, reextract, store_document, without_nul


@dataclass
class Summary:
    """Counts of one run and the failures, one line each."""

    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    claims: int = 0
    skipped: int = 0  # partitions of shards `load` had stored before (their documents counted unchanged)
    failures: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def fail(self, line: str, report: Callable[[str], None]) -> None:
        self.failures.append(line)
        report(line)

    def __str__(self) -> str:
        return (
            f"documents: {self.added} added, {self.unchanged} unchanged, {self.replaced} replaced, "
            f"{self.failed} failed; claims: {self.claims}"
            + (f"; partitions loaded before, skipped: {self.skipped}" if self.skipped else "")
        )


def ingest_all(
    items: Iterable,
    read: Read = tallybook.read,
    debug: bool = False,
    step: Callable[[], None] = lambda: None,
    report: Callable[[str], None] = lambda line: None,
    summary: Summary | None = None,
    workers: int = 1,
) -> Summary:
    """Store every Document of `items`; Failures (anything with .source/.reason) are counted.

    Each failure line goes to `report` as it happens; pass your own `summary` to keep the counts
    of a run that is interrupted (Ctrl-C raises out of here, the current document rolled back).
    With `workers` > 1 the documents are read in that many processes (tallybook.scale.pool) and
    stored here, in input order, each in its own transaction as with one.
    """
    summary = Summary() if summary is None else summary
    for done in analysed(items, read, workers):
        item = done.item
        step()
        if not isinstance(item, DocumentValue):
            summary.fail(str(item), report)
            continue
        try:
            if done.error is not None:
                raise done.error
            stored = store_document(item, read, analysis=done.result)
        except Exception as e:  # one bad document never stops the batch; its transaction rolled back
            if debug:
                raise
            summary.fail(f"{_name(item)}: not stored ({type(e).__name__}: {_line(e)})", report)
            continue
        setattr(summary, stored.outcome, getattr(summary, stored.outcome) + 1)
        summary.claims += stored.claims
    return summary


def analysed(items: Iterable, read: Read, workers: int) -> Iterator[Done]:
    """Each item with its Analysis made in `workers` processes (the default extractor only: another
    `read` is called at store time); documents the ledger holds unchanged are not sent."""
    if workers <= 1 or read is not tallybook.read:
        return (Done(item) for item in items)  # each read when it is stored
    clean = (without_nul(item) if isinstance(item, DocumentValue) else item for item in items)
    return in_order(analyse_document, clean, workers, wanted=_worth_reading, prepare=preload)


def _worth_reading(item: object) -> bool:
    """A document worth sending to a worker: not a Failure, and not in the ledger as it is."""
    return isinstance(item, DocumentValue) and not is_unchanged(item)


def reextract_all(read: Read = tallybook.read, step: Callable[[], None] = lambda: None) -> Summary:
    """Rerun the extractor over the whole ledger; every document counts as replaced."""
    summary = Summary()
    for stored in reextract(read):
        step()
        summary.replaced += 1
        summary.claims += stored.claims
    return summary


def _name(doc: DocumentValue) -> str:
    return shown(f"{doc.source}#{doc.locator}" if doc.locator else doc.source)


def _line(e: Exception) -> str:
    text = str(e).strip()
    return shown(text.splitlines()[0][:200]) if text else "no message"
