"""The ledger: documents, claims, reviews and entities in SQLite or PostgreSQL, via Django's ORM.

    from tallybook import ledger
    ledger.connect("sqlite:///ledger.sqlite3")      # or None: $TALLYBOOK_DATABASE_URL, ./tallybook.sqlite3
    from tallybook.ledger.store import ingest_document

Only this package imports Django; the extraction core runs without it.
"""

from __future__ import annotations

from .db import DEFAULT_URL, ENV_VAR, LedgerError, connect, database_url, disconnect, setup

__all__ = ["connect", "setup", "disconnect", "database_url", "LedgerError", "DEFAULT_URL", "ENV_VAR"]
