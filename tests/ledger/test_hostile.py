"""The hostile-input corpus (tests/hostile.py) through `tallybook ingest`, on both backends: each bad
case is one line naming it, every good document lands, the ledger is whole, nothing from outside
the tree is stored, in bounded time and memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

sys.path.insert(0, str(Path(__file__).parents[1]))
from hostile import SECRET, HostileServer, make_corpus  # noqa: E402

from tallybook.ledger.models import Claim, Document  # noqa: E402
from tallybook.reports import shown  # noqa: E402

MAX_SECONDS = 300  # the whole corpus: most of it is the 1.1 M character text and the deep page
MAX_RSS_MB = 1500


@pytest.fixture
def hostile():
    server = HostileServer()
    yield server
    server.stop()


def run_ingest(url: str, args: list[str], tmp_path: Path) -> tuple[int, str, str, float, float]:
    """(exit status, stdout, stderr, seconds, peak RSS in MB) of `tallybook ingest`."""
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    started = time.monotonic()
    with out.open("w") as o, err.open("w") as e:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tallybook.cli", "ingest", "--db", url, "--timeout", "2", *args],
            stdout=o,
            stderr=e,
            text=True,
        )
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            if proc.poll() is None:
                proc.kill()
        proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    return proc.returncode, out.read_text(), err.read_text(), seconds, usage.ru_maxrss / 1024


def integrity() -> None:
    """The database's own check, the search index's, and every claim's span reading its text."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            assert cursor.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            for table in ("ledger_document", "ledger_claim"):
                cursor.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('integrity-check')")
        else:
            cursor.execute(
                "SELECT count(*) FROM ledger_claim c LEFT JOIN ledger_document d ON d.id = c.document_id "
                "WHERE d.id IS NULL"
            )
            assert cursor.fetchone()[0] == 0
    for claim in Claim.objects.select_related("document"):
        assert claim.document.text[claim.start : claim.end] == claim.text, claim.document.source


def test_every_hostile_case_through_ingest(ledger_url, tmp_path, hostile):
    root, outside = tmp_path / "tree", tmp_path / "outside"
    cases = make_corpus(root, outside, hostile.url)
    code, out, err, seconds, rss = run_ingest(ledger_url, [str(root), str(tmp_path / "links.urls")], tmp_path)

    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("tallybook: ")]
    expected_failures = sum(len(c.failures) for c in cases)
    expected_documents = sum(c.documents for c in cases)
    assert code == 1
    assert out == (
        f"documents: {expected_documents} added, 0 unchanged, 0 replaced, {expected_failures} failed; "
        f"claims: {Claim.objects.count()}\n"
    )
    assert len(lines) == expected_failures, "\n".join(lines)
    for case in cases:
        mine = [line for line in lines if line.startswith(f"tallybook: {shown(case.source)}: ")]
        assert len(mine) == len(case.failures), (case.name, mine)
        for phrase, line in zip(case.failures, mine):
            assert phrase in line, (case.name, line)
        assert Document.objects.filter(source=case.source).count() == case.documents, case.name

    integrity()
    assert not Document.objects.filter(text__contains=SECRET.split()[0]).exists()
    assert not Document.objects.filter(text__contains="root:").exists()
    sources = set(Document.objects.values_list("source", flat=True))
    assert all(s.startswith(str(root) + "/") or s.startswith(hostile.url("/")) for s in sources), sources
    assert Document.objects.get(source=str(root / "nul-in-text.jsonl")).text.endswith("\ufffd end")
    assert len(Document.objects.get(source=str(root / "long.txt")).text) > 1_000_000
    print(f"hostile corpus: {len(cases)} cases, {seconds:.0f} s, peak RSS {rss:.0f} MB")
    assert seconds < MAX_SECONDS and rss < MAX_RSS_MB, (seconds, rss)
