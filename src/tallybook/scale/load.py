"""`tallybook load DIR`: the documents of Parquet shards (scale.shards) into the ledger, many to a
transaction, each through the store path of `ingest` (an unchanged document is skipped, a
changed one replaced, reviewed claims kept), so loading twice changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from pathlib import Path

from django.db import transaction

from ..ledger.batch import Summary
from ..ledger.store import store_document
from .shards import read_shards

BATCH = 500  # documents a transaction: one commit for many, and a kill -9 loses one batch at most


def load(folder: str | Path, step: Callable[[], None] = lambda: None, batch: int = BATCH) -> Summary:
    """Store every document of the shards under `folder`; the counts of the run."""
    summary = Summary()
    shards = read_shards(folder)
    while chunk := list(islice(shards, batch)):
        with transaction.atomic():
            for doc, analysis in chunk:
                _store(doc, analysis, summary)
                step()
    return summary


def _store(doc, analysis, summary: Summary) -> None:
    try:
        with transaction.atomic():  # one document fails alone: its savepoint rolled back
            stored = store_document(doc, analysis=analysis)
    except Exception as e:
        summary.failures.append(f"{doc.source}: not stored ({type(e).__name__}: {str(e).strip()[:200]})")
        return
    setattr(summary, stored.outcome, getattr(summary, stored.outcome) + 1)
    summary.claims += stored.claims
