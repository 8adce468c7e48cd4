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
