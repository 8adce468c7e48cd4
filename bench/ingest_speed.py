"""Documents and claims per second stored in the ledger, on SQLite and on PostgreSQL, against a
baseline measured in the same run: extraction alone, without storing.

The corpus (>= 2,000 documents) is generated from samples/*.txt: each copy has its sentences
shuffled and its figures changed, so every document has its own text and content hash.

    .venv/bin/python bench/ingest_speed.py [--docs 2000] [--lang en|ru|all] [--pg URL]

--pg (or $TALLYBOOK_TEST_POSTGRES) names a server where a scratch database is created and dropped.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

from scratch_db import pg_scratch

import tallybook
from tallybook.model import Document
from tallybook.reports import read_report

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SENTENCE = re.compile(r"(?<=[.!?])\s+")
DIGITS = re.compile(r"\d+")


def corpus(n: int, lang: str, seed: int = 7) -> list[Document]:
    """`n` documents: sample reports with sentences shuffled and numbers changed."""
    rnd = random.Random(seed)
    reports = [read_report(p) for p in sorted(SAMPLES.glob("*.txt")) if lang == "all" or p.name.startswith(lang)]
    docs = []
    for i in range(n):
        r = reports[i % len(reports)]
        sentences = SENTENCE.split(r.text[r.body_start :].strip())
        rnd.shuffle(sentences)
        text = DIGITS.sub(lambda m: str(max(1, int(m.group()) + rnd.randint(-9, 9))), " ".join(sentences))
        docs.append(
            Document(
                text,
                f"bench/{i:05}-{Path(r.path).name}",
                title=r.meta.get("title"),
                published=r.meta.get("published"),
                lang=r.meta.get("language"),
            )
        )
    return docs


def timed(fn) -> tuple[float, float, int]:
    """(seconds, peak RSS MB, result) of fn(), run in a forked child so each phase has its own peak."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()

    def run() -> None:
        start = time.perf_counter()
        result = fn()
        seconds = time.perf_counter() - start
        child.send((seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, result))

    proc = ctx.Process(target=run)
    proc.start()
    got = parent.recv()
    proc.join()
    return got


def extract_only(docs: list[Document]) -> int:
    return sum(len(tallybook.extract(d.text, lang=d.lang, published=d.published)) for d in docs)


def ingest(url: str, docs: list[Document]) -> int:
    from tallybook import ledger

    ledger.connect(url)
    from tallybook.ledger.batch import ingest_all

    summary = ingest_all(docs)
    assert summary.added == len(docs) and not summary.failures, summary
    return summary.claims


def report(label: str, seconds: float, peak: float, docs: int, claims: int, base: float) -> None:
    rate = docs / seconds
    print(
        f"{label:<30} {rate:>8.1f} docs/s {claims / seconds:>9.1f} claims/s  peak RSS {peak:>6.0f} MB  "
        f"{rate / base:.2f}x"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--lang", choices=["en", "ru", "all"], default="en")
    ap.add_argument("--pg", default=os.environ.get("TALLYBOOK_TEST_POSTGRES"))
    args = ap.parse_args()
    docs = corpus(args.docs, args.lang)
    tallybook.extract(docs[0].text, lang=docs[0].lang)  # load models once, outside the timing
    print(f"documents: {len(docs):,} ({args.lang}), characters: {sum(len(d.text) for d in docs):,}")
    seconds, peak, claims = timed(lambda: extract_only(docs))
    base = len(docs) / seconds
    report("extraction alone (baseline)", seconds, peak, len(docs), claims, base)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite3"
        seconds, peak, claims = timed(lambda: ingest(url, docs))
        report("ingest into SQLite", seconds, peak, len(docs), claims, base)
        size = Path(tmp, "bench.sqlite3").stat().st_size + sum(p.stat().st_size for p in Path(tmp).glob("*-wal"))
        print(f"{'':<30} SQLite file {size / 2**20:.1f} MB")
    if args.pg:
        url, drop = pg_scratch(args.pg)
        try:
            seconds, peak, claims = timed(lambda: ingest(url, docs))
            report("ingest into PostgreSQL", seconds, peak, len(docs), claims, base)
        finally:
            drop()
    else:
        print("PostgreSQL: skipped (no --pg URL or $TALLYBOOK_TEST_POSTGRES)")


if __name__ == "__main__":
    sys.exit(main())
