"""Two first runs at once on a new ledger: both create-or-migrate the schema and both land their documents."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
from conftest import BACKENDS, PG_ENV, pg_admin, with_dbname

from tallybook import ledger

N = 12
TEXT = "Police detained {n} migrants in Moscow on Tuesday, the Interior Ministry said.\n"


@pytest.fixture(params=BACKENDS)
def new_ledger(request, tmp_path):
    """The URL of a ledger that does not exist yet (a SQLite path, an empty PostgreSQL database)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'new.sqlite3'}"
        return
    name = f"test_new_{uuid.uuid4().hex[:12]}"
    with pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield with_dbname(os.environ[PG_ENV], name)
    ledger.disconnect()
    with pg_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_two_first_runs_at_once(new_ledger, tmp_path):
    folders = []
    for run in ("a", "b"):
        folder = tmp_path / run
        folder.mkdir()
        for i in range(N):
            (folder / f"{run}-{i:02}.txt").write_text(TEXT.format(n=100 + i), encoding="utf-8")
        folders.append(folder)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tallybook.cli", "ingest", "--db", new_ledger, str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    results = [p.communicate(timeout=600) for p in procs]
    for proc, (out, err) in zip(procs, results):
        assert proc.returncode == 0, err
        assert out == f"documents: {N} added, 0 unchanged, 0 replaced, 0 failed; claims: {N}\n"
        assert "Traceback" not in err
    ledger.connect(new_ledger)
    from tallybook.ledger.models import Document

    assert Document.objects.count() == 2 * N


_HOLDER = """
import sys
from tallybook import ledger
ledger.connect(sys.argv[1])
from tallybook.ledger.models import Document
for line in sys.stdin:
    try:
        print(Document.objects.count(), Document.objects.filter(pk=-1).update(title="x"), flush=True)
    except Exception as e:
        print(type(e).__name__, e, flush=True)
"""


def test_a_ledger_held_open_survives_other_runs(tmp_path):
    """`serve` holds the ledger open while CLI runs come and go: they must never take its -wal and
    -shm files away (the cause of the browser tests' "disk I/O error" cascade)."""
    (tmp_path / "a.txt").write_text(TEXT.format(n=120), encoding="utf-8")
    db = tmp_path / "held.sqlite3"
    url = f"sqlite:///{db}"
    cli = [sys.executable, "-m", "tallybook.cli"]
    subprocess.run([*cli, "ingest", "--db", url, str(tmp_path / "a.txt")], check=True, capture_output=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, url], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        for _ in range(2):
            holder.stdin.write("go\n")
            holder.stdin.flush()
            assert holder.stdout.readline().split() == ["1", "0"]
            subprocess.run([*cli, "claims", "--db", url], check=True, capture_output=True, timeout=300)
            assert {p.name for p in tmp_path.iterdir()} >= {"held.sqlite3-wal", "held.sqlite3-shm"}
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
