"""Full-text search over documents and claims: SQLite FTS5 or PostgreSQL tsvector, one search().

SQLite: external-content FTS5 tables kept in step by triggers. PostgreSQL: a GIN index over the
same `to_tsvector('simple', ...)` expression the query uses. Both use no stemming, so a query
finds the same rows on either backend. Note: Django rebuilds a SQLite table on some ALTERs,
which drops its triggers; a migration that alters ledger_document or ledger_claim must call
install() again (it is idempotent).
"""
from __future__ import annotations

import re

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

# PostgreSQL refuses a tsvector over 1 MB ("string is too long for tsvector"), which a long
# document's text can make: its search covers the first PG_LIMIT characters (SQLite's, all).
PG_LIMIT = 200_000
# The indexed columns of each table.
COLUMNS = {
    "ledger_document": ("title", "text"),
    "ledger_claim": ("sentence_text", "counted", "speaker", "speaker_org"),
}


def _pg_vector(table: str) -> str:
    joined = " || ' ' || ".join(f"coalesce({c}, '')" for c in COLUMNS[table])
    return f"to_tsvector('simple', left({joined}, {PG_LIMIT}))"


def _sqlite_sql(table: str) -> list[str]:
    cols = COLUMNS[table]
    fts = f"{table}_fts"
    names = ", ".join(cols)
    new = ", ".join(f"new.{c}" for c in cols)
    old = ", ".join(f"old.{c}" for c in cols)
    delete = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new});"
    return [
        # content="…" in double quotes: how Datasette recognises the table's full-text index
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({names}, content=\"{table}\", content_rowid='id')",
        f"CREATE TRIGGER IF NOT EXISTS {table}_fts_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_fts_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_fts_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def _pg_sql(table: str) -> list[str]:
    return [f"CREATE INDEX IF NOT EXISTS {table}_fts ON {table} USING gin (({_pg_vector(table)}))"]


def install(schema_editor) -> None:
    """Create the search tables/triggers (SQLite) or GIN indexes (PostgreSQL); safe to rerun."""
    vendor = schema_editor.connection.vendor
    for table in COLUMNS:
        for sql in _sqlite_sql(table) if vendor == "sqlite" else _pg_sql(table) if vendor == "postgresql" else []:
            schema_editor.execute(sql)


def uninstall(schema_editor) -> None:
    """Drop what install() created."""
    vendor = schema_editor.connection.vendor
    for table in COLUMNS:
        if vendor == "sqlite":
            for suffix in ("ai", "ad", "au"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}_fts")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_fts")


def search(queryset: QuerySet, text: str) -> QuerySet:
    """`queryset` (of Document or Claim) narrowed to rows holding every word of `text`."""
    words = re.findall(r"\w+", text)
    if not words:
        return queryset
    table = queryset.model._meta.db_table
    if connection.vendor == "sqlite":
        match = " ".join('"' + w + '"' for w in words)
        sql = f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH %s"
        return queryset.filter(id__in=RawSQL(sql, [match]))
    sql = f"SELECT id FROM {table} WHERE {_pg_vector(table)} @@ plainto_tsquery('simple', %s)"
    return queryset.filter(id__in=RawSQL(sql, [" ".join(words)]))
