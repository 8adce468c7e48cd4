"""Throughput in one run, on the same texts: characters per second of `extract` against the bare
parses (spaCy for English, natasha for Russian, with language detection on), what `ingest`
reads per document (one parse for claims, names and incidents) against reading them apart, 1
and 2 worker processes with the scaling efficiency and the peak memory of a worker, and the
speed of `tallybook load` (Parquet shards into PostgreSQL, claims per second), with the bound the
server alone sets (claim rows it holds copied into a table with the claims' indexes).

Every timed part starts warm: the one-core parts after each text was read once (the caches as a
long run has them, whichever row comes first), the 1- and 2-worker runs after the same two
documents were read in the process the workers are forked from.

    .venv/bin/python bench/throughput.py [--repeat N] [--docs N] [--pg URL] [--claims N] [--only-load | --one-core]

The one-core figures are characters per CPU-second of this process, every part (the bare
parses too) with one BLAS thread: one core, whatever else the machine runs.

The machine's other load moves every figure: `uptime` is printed first and last.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from extract_speed import bare_natasha, sample_texts
from ingest_speed import corpus
from scratch_db import pg_scratch

import tallybook
from tallybook.extraction.analysis import analyse
from tallybook.nlp.en import pipeline
from tallybook.scale.pool import in_order
from tallybook.scale.work import analyse_document, preload


def rate(fn: Callable[[str], object], texts: list[str]) -> float:
    """Characters per CPU-second of this process."""
    chars = sum(len(t) for t in texts)
    start = time.process_time()
    for t in texts:
        fn(t)
    return chars / (time.process_time() - start)


def show(rows: list[tuple[str, Callable[[str], object]]], texts: list[str], rounds: int) -> None:
    """Each row's rate over `texts`, the rows run in turn `rounds` times (interleaved: a slow
    spell of the machine falls on the rows of one round alike): the median rate, and the median
    of each round's ratio to the round's first row, with their ranges."""
    rates: list[list[float]] = [[] for _ in rows]
    for _ in range(rounds):
        for k, (_, fn) in enumerate(rows):
            rates[k].append(rate(fn, texts))
    for (name, _), got in zip(rows, rates):
        ratios = [g / b for g, b in zip(got, rates[0])]
        print(
            f"  {name:<40} {statistics.median(got):>8,.0f} chars/s ({min(got):,.0f}–{max(got):,.0f})"
            f"  {statistics.median(ratios):.2f}x ({min(ratios):.2f}–{max(ratios):.2f})"
        )


def one_core(rounds: int) -> None:
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        _one_core(rounds)


def _one_core(rounds: int) -> None:
    en, ru = sample_texts("en", 1), sample_texts("ru", 1)
    nlp = pipeline()
    for t in en + ru:  # each text read once before the timing: caches as a long run has them,
        tallybook.extract(t)  # whichever row comes first
        analyse(t)
    bare_natasha(ru[0])
    print(f"English: {len(en)} texts, {sum(map(len, en)):,} characters, medians of {rounds} interleaved rounds")
    rows = [
        ("bare spaCy parse (en_core_web_sm)", nlp),
        ("tallybook.extract, language detected", tallybook.extract),
        ("ingest's reading: analyse (one parse)", analyse),
        ("read + incidents apart (two parses)", lambda t: (tallybook.read(t), tallybook.incidents(t))),
    ]
    show(rows, en, rounds)
    print(f"Russian: {len(ru)} texts, {sum(map(len, ru)):,} characters, medians of {rounds} interleaved rounds")
    rows = [
        ("bare natasha analysis", bare_natasha),
        ("tallybook.extract, language detected", tallybook.extract),
        ("tallybook.extract, --lang ru", lambda t: tallybook.extract(t, lang="ru")),
        ("ingest's reading: analyse (one parse)", analyse),
    ]
    show(rows, ru, rounds)


def workers(n_docs: int) -> None:
    """Documents analysed by 1 and by 2 worker processes; each run in a fresh child process so
    that its workers' peak memory is their own."""
    print(f"Workers: {n_docs} documents (English and Russian), the analysis `ingest` stores")
    results = {}
    for n in (1, 2):
        out = subprocess.run(
            [sys.executable, __file__, "--child-workers", str(n), "--docs", str(n_docs)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        results[n] = (float(out[0]), float(out[1]), float(out[2]), float(out[3]))
    base = results[1][0]
    for n, (chars, peak, parent, per_cpu) in results.items():
        print(
            f"  {n} worker(s): {chars:>10,.0f} chars/s  speed-up {chars / base:.2f}x  "
            f"efficiency {chars / base / n:.2f}  peak memory of a worker {peak:,.0f} MB (parent {parent:,.0f} MB)  "
            f"{per_cpu:,.0f} chars per CPU-second"
        )


def child_workers(n: int, n_docs: int) -> None:
    docs = corpus(n_docs // 2, "en") + corpus(n_docs - n_docs // 2, "ru")
    preload()
    analyse_document(docs[0])  # both languages read once before the timing, whatever n: the
    analyse_document(docs[-1])  # workers are forked from this process after it, as in `ingest`
    cpu_before = cpu_seconds()
    start = time.perf_counter()
    done = list(in_order(analyse_document, docs, n, prepare=preload))
    seconds = time.perf_counter() - start
    cpu = cpu_seconds() - cpu_before  # the workers' too: the pool has ended and been waited for
    assert all(d.error is None for d in done)
    chars = sum(len(d.text) for d in docs)
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(chars / seconds, self_peak if n == 1 else child_peak, self_peak, chars / cpu)


def cpu_seconds() -> float:
    """CPU time of this process and its ended children: what other users' load does not inflate."""
    return sum(
        u.ru_utime + u.ru_stime
        for u in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )


def load_speed(pg: str | None, n_docs: int, claims: int) -> None:
    """`tallybook load` of shards holding `claims` claims or more (n_docs documents analysed once,
    their shards copied under new sources), into PostgreSQL and SQLite, then loaded again; on
    PostgreSQL also without the loaded tables' secondary indexes and with them made again after,
    to show what they cost either way. The CPU time of the loader and of its PostgreSQL backend
    (when the server runs here) is the figure other users of the machine do not move."""
    from tallybook.scale.shards import write_shards

    docs = corpus(n_docs // 2, "en") + corpus(n_docs - n_docs // 2, "ru")
    analysed = [(d, analyse_document(d)) for d in docs]
    per_copy = sum(len(a.reading.claims) for _, a in analysed)
    copies = -(-claims // per_copy)
    with tempfile.TemporaryDirectory() as tmp:
        write_shards(Path(tmp) / "base", 0, analysed)
        replicate(Path(tmp) / "base", Path(tmp) / "shards", copies, per_part=max(1, 1000 // len(docs)))
        print(f"Load: {copies} copies of {len(docs)} documents, {copies * per_copy:,} claims, in partitions of ~1,000")
        runs = [("SQLite", None, False)]
        if pg:
            runs = [("PostgreSQL", pg, False), ("PostgreSQL, no secondary indexes", pg, True), *runs]
        else:
            print("  PostgreSQL: skipped (no --pg URL or $TALLYBOOK_TEST_POSTGRES)")
        for name, server, bare in runs:
            t = timed_load(Path(tmp), server, bare)
            cpu = f"CPU {t.cpu:.1f} s" + (f" + server {t.server:.1f} s" if t.server is not None else "")
            per_cpu = t.first.claims / (t.cpu + (t.server or 0))
            print(
                f"  {name:<34} {t.first.added:,} documents, {t.first.claims:,} claims in {t.seconds:.1f} s: "
                f"{t.first.claims / t.seconds:>8,.0f} claims/s ({cpu}: {per_cpu:,.0f} claims per CPU-second); "
                f"loaded again: {t.second.unchanged:,} unchanged in {t.rerun:.2f} s"
            )
            for line in t.bound:
                print(line)
            if bare:
                print(
                    f"  {'  its indexes made again after':<34} {t.rebuild:.1f} s (server CPU {t.rebuild_cpu:.1f} s): "
                    f"{t.first.claims / (t.seconds + t.rebuild):>8,.0f} claims/s in all"
                )


def replicate(base: Path, out: Path, copies: int, per_part: int) -> None:
    """The shards of `base` copied `copies` times under new document sources, `per_part` copies a partition."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from tallybook.scale.shards import TABLES, shard_name

    tables = {t: pq.read_table(base / t / shard_name(0)) for t in TABLES}
    for part, first in enumerate(range(0, copies, per_part)):
        for t, table in tables.items():
            pieces = []
            for k in range(first, min(copies, first + per_part)):
                source = pc.binary_join_element_wise(table["doc_source"], pa.scalar(f"~{k}"), "")
                copy = table
                for column in ("doc_source", "source") if t == "documents" else ("doc_source",):
                    copy = copy.set_column(copy.column_names.index(column), column, source)
                pieces.append(copy)
            (out / t).mkdir(parents=True, exist_ok=True)
            pq.write_table(pa.concat_tables(pieces), out / t / shard_name(part))


class Timed(NamedTuple):
    first: Any  # the load's Summary
    seconds: float
    cpu: float  # the loader's CPU seconds
    server: float | None  # its PostgreSQL backend's, when the server runs on this machine
    second: Any  # the Summary of loading again
    rerun: float
    rebuild: float = 0.0  # making the dropped indexes again (bare)
    rebuild_cpu: float = 0.0
    bound: list[str] = []  # what the server alone can write (ceiling), lines to print


def timed_load(tmp: Path, pg: str | None, bare: bool) -> Timed:
    """Loading tmp/shards into a scratch ledger, then again (and, `bare`, its dropped indexes made again after)."""
    from tallybook import ledger

    if pg:
        url, drop = pg_scratch(pg)
    else:
        path = tmp / "ledger.sqlite3"
        path.unlink(missing_ok=True)
        url, drop = f"sqlite:///{path}", lambda: None
    try:
        ledger.connect(url)
        from tallybook.extraction.sources import registry
        from tallybook.scale.load import load

        registry()  # loaded once a process (the first new source), not a cost of each claim

        dropped = drop_secondary_indexes() if bare else []
        backend = backend_cpu()
        cpu, server = cpu_seconds(), backend()
        start = time.perf_counter()
        first = load(tmp / "shards")
        seconds = time.perf_counter() - start
        cpu, after = cpu_seconds() - cpu, backend()
        server = None if server is None or after is None else after - server
        start = time.perf_counter()
        second = load(tmp / "shards")
        rerun = time.perf_counter() - start
        assert not first.failures and (second.added, second.replaced) == (0, 0), first.failures[:1]
        rebuild, rebuild_cpu = make_indexes(dropped, backend)
        bound = ceiling(first.claims, backend) if pg and not bare else []
        ledger.disconnect()
    finally:
        drop()
    return Timed(first, seconds, cpu, server, second, rerun, rebuild, rebuild_cpu, bound)


def backend_cpu() -> Callable[[], float | None]:
    """The CPU seconds of this process's PostgreSQL backend so far (None: not a server on this machine)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return lambda: None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    stat = Path(f"/proc/{pid}/stat")

    def seconds() -> float | None:
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    return seconds


def ceiling(claims: int, backend: Callable[[], float | None]) -> list[str]:
    """What the server alone can write: the claim rows it holds, copied by one INSERT ... SELECT
    into a new table with every index of the claims table, without its full-text index, and with
    its key alone. No client, no parsing, no other table: a bound on any load into these indexes."""
    from django.db import connection

    lines = ["  the server copying the claims it holds into a table of their shape (a bound on any load):"]
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE tallybook_ceiling_rows AS SELECT * FROM ledger_claim")
        for name, including, drop in (
            ("with the claims' indexes", "INCLUDING ALL", ""),
            ("without the full-text index", "INCLUDING ALL", "to_tsvector"),
            ("with the key alone", "INCLUDING DEFAULTS", "*"),
        ):
            cursor.execute("DROP TABLE IF EXISTS tallybook_ceiling")
            cursor.execute(f"CREATE TEMPORARY TABLE tallybook_ceiling (LIKE ledger_claim {including})")
            if drop == "*":
                cursor.execute("ALTER TABLE tallybook_ceiling ADD PRIMARY KEY (id)")
            elif drop:
                cursor.execute(
                    "SELECT indexname FROM pg_indexes WHERE tablename = 'tallybook_ceiling' AND indexdef LIKE %s",
                    [f"%{drop}%"],
                )
                for (index,) in cursor.fetchall():
                    cursor.execute(f'DROP INDEX "{index}"')
            cursor.execute("SELECT count(*) FROM pg_indexes WHERE tablename = 'tallybook_ceiling'")
            (indexes,) = cursor.fetchone()
            server, start = backend() or 0.0, time.perf_counter()
            cursor.execute("INSERT INTO tallybook_ceiling SELECT * FROM tallybook_ceiling_rows")
            seconds, cpu = time.perf_counter() - start, (backend() or 0.0) - server
            lines.append(
                f"    {name + f' ({indexes})':<34} {claims / seconds:>9,.0f} claims/s "
                f"(server CPU {cpu:.1f} s: {claims / max(cpu, 1e-9):,.0f} claims per CPU-second)"
            )
        cursor.execute("DROP TABLE tallybook_ceiling, tallybook_ceiling_rows")
    return lines


TABLES = ("ledger_document", "ledger_claim", "ledger_mention", "ledger_incident", "ledger_incident_claims")


def drop_secondary_indexes() -> list[str]:
    """PostgreSQL: drop every index of the loaded tables but their keys and unique constraints; their definitions."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) AND indexdef NOT LIKE 'CREATE UNIQUE%%'",
            [list(TABLES)],
        )
        found = cursor.fetchall()
        for name, _ in found:
            cursor.execute(f'DROP INDEX "{name}"')
    return [definition for _, definition in found]


def make_indexes(definitions: list[str], backend: Callable[[], float | None]) -> tuple[float, float]:
    """Make the dropped indexes again: (seconds, the server's CPU seconds)."""
    from django.db import connection

    start, server = time.perf_counter(), backend() or 0.0
    with connection.cursor() as cursor:
        for definition in definitions:
            cursor.execute(definition)
    return time.perf_counter() - start, (backend() or 0.0) - server


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="interleaved rounds of the one-core rows")
    ap.add_argument("--docs", type=int, default=120)
    ap.add_argument("--pg", default=os.environ.get("TALLYBOOK_TEST_POSTGRES"))
    ap.add_argument("--claims", type=int, default=200_000, help="claims to load (shards copied to reach them)")
    ap.add_argument("--only-load", action="store_true", help="measure the load only")
    ap.add_argument("--one-core", action="store_true", help="measure one core only (no workers, no load)")
    ap.add_argument("--child-workers", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child_workers:
        child_workers(args.child_workers, args.docs)
        return
    print("load:", os.getloadavg())
    if not args.only_load:
        one_core(args.repeat)
    if not (args.only_load or args.one_core):
        workers(args.docs)
    if not args.one_core:
        load_speed(args.pg, args.docs, args.claims)
    print("load:", os.getloadavg())


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
