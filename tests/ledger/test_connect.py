"""Choosing and opening the ledger database."""

from __future__ import annotations

import pytest
from django.db import connection

from tallybook import ledger
from tallybook.ledger.db import database_settings


def test_url_choice(monkeypatch):
    monkeypatch.delenv("TALLYBOOK_DATABASE_URL", raising=False)
    assert ledger.database_url(None) == "sqlite:///./tallybook.sqlite3"
    monkeypatch.setenv("TALLYBOOK_DATABASE_URL", "sqlite:////tmp/x.sqlite3")
    assert ledger.database_url(None) == "sqlite:////tmp/x.sqlite3"
    assert ledger.database_url("postgresql://u@h/n") == "postgresql://u@h/n"


def test_unsupported_url():
    with pytest.raises(ledger.LedgerError) as e:
        database_settings("mysql://u@h/n")
    assert str(e.value) == "--db mysql://u@h/n: only sqlite:/// and postgresql:// URLs are supported"


def test_schema_is_created_and_search_installed(ledger_url, report):
    tables = set(connection.introspection.table_names())
    assert {
        "ledger_document",
        "ledger_claim",
        "ledger_review",
        "ledger_entity",
        "ledger_mention",
        "auth_user",
    } <= tables
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            assert {"ledger_document_fts", "ledger_claim_fts"} <= tables
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] == 30000
        else:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%%_fts' ORDER BY 1")
            assert [r[0] for r in cursor.fetchall()] == ["ledger_claim_fts", "ledger_document_fts"]
    from tallybook.ledger.models import Claim
    from tallybook.ledger.store import ingest_document

    ingest_document(report)
    ledger.connect(ledger_url)  # a second connect migrates nothing and keeps the data
    assert Claim.objects.count() == 2


def test_unreachable_postgres_is_one_line():
    with pytest.raises(ledger.LedgerError) as e:
        ledger.connect("postgresql://nobody@127.0.0.1:9/none")
    assert str(e.value).startswith("postgresql://nobody@127.0.0.1:9/none: cannot open the ledger (")
    assert "\n" not in str(e.value)
