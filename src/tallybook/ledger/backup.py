"""Backup and restore: SQLite's backup API for a SQLite ledger, JSON Lines of every table otherwise.

A JSON Lines dump (a header line, then Django's serializer, one object a line, keys sorted)
restores into either backend with every row as it was, times included: a backup of the restored
ledger is the same file but for its header.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import groupby
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, transaction

from .db import LedgerError

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER = "tallybook_backup"  # the key of the header line
# Tables a backup leaves out: made by migrate (content types, permissions), or passing state
# (sessions, login attempts and lockouts).
LEFT_OUT = {
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "axes.accessattemptexpiration",
}


def tables() -> list[str]:
    """Every model kept in a backup, in dependency order (what a row points at comes first)."""
    app_list = [(config, None) for config in apps.get_app_configs()]
    ordered = serializers.sort_dependencies(app_list, allow_cycles=True)
    return [
        m._meta.label_lower
        for m in ordered
        if m._meta.label_lower not in LEFT_OUT and m._meta.managed and not m._meta.proxy
    ]


def backup(path: str, kind: str = "auto") -> str:
    """Write the ledger to `path`: a SQLite copy (SQLite ledger, kind "auto" or "sqlite") or JSON
    Lines (any ledger); the kind written."""
    if kind == "sqlite" and connection.vendor != "sqlite":
        raise LedgerError(f"backup: {path}: a SQLite copy needs a SQLite ledger (use --format jsonl)")
    tmp = f"{path}.partial"
    if os.path.exists(tmp):
        os.remove(tmp)
    sqlite = kind == "sqlite" or (kind == "auto" and connection.vendor == "sqlite")
    written = _backup_sqlite(tmp) if sqlite else _backup_jsonl(tmp)
    os.replace(tmp, path)
    return written


def restore(path: str) -> str:
    """Replace the ledger's contents with the backup at `path`; the kind read."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError as e:
        raise LedgerError(f"restore: {path}: {e.strerror}") from None
    try:
        if head == SQLITE_MAGIC:
            if connection.vendor != "sqlite":
                raise LedgerError(f"restore: {path}: a SQLite backup restores into a SQLite ledger only")
            return _restore_sqlite(path)
        return _restore_jsonl(path)
    except LedgerError:
        raise
    except Exception as e:  # a damaged backup: one line, and the ledger as it was (rolled back)
        raise LedgerError(
            f"restore: {path}: damaged backup, nothing restored ({type(e).__name__}: {_first_line(e)})"
        ) from None


def _first_line(e: BaseException) -> str:
    lines = str(e.__cause__ or e).strip().splitlines() or [type(e).__name__]
    return lines[0][:200]


def _backup_sqlite(path: str) -> str:
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    return "sqlite"


def _restore_sqlite(path: str) -> str:
    source = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "ledger_document" not in tables:
            raise LedgerError(f"restore: {path}: not a tallybook ledger (no ledger_document table)")
        connection.ensure_connection()
        source.backup(connection.connection)
    finally:
        source.close()
    return "sqlite"


def _backup_jsonl(path: str) -> str:
    header = {HEADER: 1, "made": datetime.now(UTC).isoformat(timespec="seconds"), "from": connection.vendor}
    with open(path, "w", encoding="utf-8") as out:
        out.write(json.dumps(header) + "\n")
        for label in tables():
            model = apps.get_model(label)
            rows = model.objects.order_by("pk").iterator(chunk_size=2000)
            # sort_keys: PostgreSQL's jsonb reorders keys, SQLite keeps them; the dump must not differ
            serializers.serialize("jsonl", rows, stream=out, use_natural_foreign_keys=True, sort_keys=True)
    return "jsonl"


def _restore_jsonl(path: str) -> str:
    has_header = _check_jsonl(path)
    models = [apps.get_model(label) for label in tables()]
    with open(path, encoding="utf-8") as f, transaction.atomic(), _times_kept(models):
        if has_header:
            f.readline()
        _flush(models)
        try:
            objects = serializers.deserialize("jsonl", f, handle_forward_references=True)
            for model, group in groupby(objects, key=lambda o: type(o.object)):
                _load(model, group)
        except serializers.base.DeserializationError as e:
            raise LedgerError(f"restore: {path}: not a tallybook backup ({_first_line(e)})") from None
        _reset_sequences(models)
    return "jsonl"


@contextmanager
def _times_kept(models) -> Iterator[None]:
    """auto_now / auto_now_add switched off while rows are loaded, so their times stay as backed up."""
    switched = [
        f
        for m in models
        for f in m._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in switched]
    for f in switched:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, now, add in saved:
            f.auto_now, f.auto_now_add = now, add


def _check_jsonl(path: str) -> bool:
    """Refuse, before anything is replaced, a file whose first line is neither a backup header nor
    a ledger record; whether it has a header (backups before headers have none)."""
    try:
        with open(path, encoding="utf-8") as f:
            line = f.readline()
        if not line.strip():
            return False  # the dump of an empty ledger
        first = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise LedgerError(f"restore: {path}: not a tallybook backup (first line: {_first_line(e)})") from None
    if isinstance(first, dict) and HEADER in first:
        return True
    if not isinstance(first, dict) or first.get("model") not in tables():
        raise LedgerError(f"restore: {path}: not a tallybook backup (first line is not a ledger record)")
    return False


def _load(model, objects) -> None:
    batch = []
    for obj in objects:
        if obj.m2m_data:
            obj.save()
            continue
        batch.append(obj.object)
        if len(batch) >= 2000:
            model.objects.bulk_create(batch)
            batch = []
    model.objects.bulk_create(batch)


def _tables(models) -> list[str]:
    tables = [m._meta.db_table for m in models]
    tables += [f.remote_field.through._meta.db_table for m in models for f in m._meta.local_many_to_many]
    return tables


def _flush(models) -> None:
    sql = connection.ops.sql_flush(no_style(), _tables(models), reset_sequences=True, allow_cascade=True)
    connection.ops.execute_sql_flush(sql)


def _reset_sequences(models) -> None:
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
