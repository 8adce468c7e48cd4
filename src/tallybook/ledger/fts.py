"""Full-text search over documents and claims, with stems: SQLite FTS5 or PostgreSQL tsvector, one search().

Both stem in English and Russian (stems.py), so «мигранты» finds «мигрантов» and "migrant"
finds "migrants"; a query stem of four letters or more is also a prefix ("India" finds "Indian").
SQLite: external-content FTS5 tables over the columns as they are (what Datasette searches), and
beside each a `<table>_stems` FTS5 table of their Snowball stems, both kept in step by triggers.
PostgreSQL: a GIN index over the same `to_tsvector('russian', ...)` expression the query uses
(the `russian` configuration stems Latin words with its English stemmer). Note: Django rebuilds a SQLite table on some ALTERs,
which drops its triggers; a migration that alters ledger_document or ledger_claim must call
install() again (it is idempotent).
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from .stems import PREFIX_FROM, query_terms, stem

# PostgreSQL refuses a tsvector over 1 MB ("string is too long for tsvector"), which a long
# document's text can make: its search covers the first PG_LIMIT characters (SQLite's, all).
PG_LIMIT = 200_000
# The indexed columns of each table.
COLUMNS = {
    "ledger_document": ("title", "text"),
    "ledger_claim": ("sentence_text", "counted", "speaker", "speaker_org"),
}


CONFIG = "russian"  # PostgreSQL: Russian stems, and English stems for words in Latin letters


def _joined(table: str, row: str = "") -> str:
    return " || ' ' || ".join(f"coalesce({row}{c}, '')" for c in COLUMNS[table])


def _pg_vector(table: str) -> str:
    return f"to_tsvector('{CONFIG}', left({_joined(table)}, {PG_LIMIT}))"


def _sqlite_stems_sql(table: str) -> list[str]:
    """The stems table, its triggers, and its rows for what the table holds (rebuilt)."""
    stems = f"{table}_stems"
    insert = f"INSERT INTO {stems}(rowid, stems) VALUES (new.id, tallybook_stems({_joined(table, 'new.')}));"
    delete = f"DELETE FROM {stems} WHERE rowid = old.id;"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {stems} USING fts5(stems)",
        f"CREATE TRIGGER IF NOT EXISTS {table}_stems_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_stems_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_stems_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
        f"DELETE FROM {stems}",
        f"INSERT INTO {stems}(rowid, stems) SELECT id, tallybook_stems({_joined(table)}) FROM {table}",
    ]


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
        *_sqlite_stems_sql(table),
    ]


def _pg_sql(table: str) -> list[str]:
    return [
        f"DROP INDEX IF EXISTS {table}_fts",  # an index over another expression (no stems)
        f"CREATE INDEX IF NOT EXISTS {table}_fts ON {table} USING gin (({_pg_vector(table)}))",
    ]


def install(schema_editor) -> None:
    """Create the search tables/triggers (SQLite) or GIN indexes (PostgreSQL); safe to rerun."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        from .stems import register

        register(None, schema_editor.connection)
    for table in COLUMNS:
        for sql in _sqlite_sql(table) if vendor == "sqlite" else _pg_sql(table) if vendor == "postgresql" else []:
            schema_editor.execute(sql)


def uninstall(schema_editor) -> None:
    """Drop what install() created."""
    vendor = schema_editor.connection.vendor
    for table in COLUMNS:
        if vendor == "sqlite":
            for name in ("fts", "stems"):
                for suffix in ("ai", "ad", "au"):
                    schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_{name}_{suffix}")
                schema_editor.execute(f"DROP TABLE IF EXISTS {table}_{name}")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_fts")


def search(queryset: QuerySet, text: str) -> QuerySet:
    """`queryset` (of Document or Claim) narrowed to rows holding every word of `text`, by stem."""
    terms = query_terms(text)
    if not terms:
        return queryset
    table = queryset.model._meta.db_table
    if connection.vendor == "sqlite":
        match = " ".join(f'"{s}"' + ("*" if prefix else "") for s, prefix in terms)
        sql = f"SELECT rowid FROM {table}_stems WHERE {table}_stems MATCH %s"
        return queryset.filter(id__in=RawSQL(sql, [match]))
    words = " & ".join(w + (":*" if prefix else "") for w, prefix in _pg_terms(text))
    sql = f"SELECT id FROM {table} WHERE {_pg_vector(table)} @@ to_tsquery('{CONFIG}', %s)"
    return queryset.filter(id__in=RawSQL(sql, [words]))


def _pg_terms(text: str) -> list[tuple[str, bool]]:
    """The words of a search as PostgreSQL stems them itself, prefix as for SQLite (by our stem)."""
    return [(w, len(stem(w)) >= PREFIX_FROM) for w in re.findall(r"\w+", text)]
