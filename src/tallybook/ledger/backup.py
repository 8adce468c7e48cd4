"""Backup and restore: SQLite's backup API for a SQLite ledger, JSON Lines of every table otherwise.

A JSON Lines dump (Django's serializer, one object a line) restores into either backend.
"""
from __future__ import annotations

import json
import os
import sqlite3
from itertools import groupby
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, transaction

from .db import LedgerError

SQLITE_MAGIC = b"SQLite format 3\x00"
# Dependency order: what a row points at comes first.
MODELS = ["auth.group", "auth.user", "ledger.document", "ledger.entity", "ledger.claim",
          "ledger.mention", "ledger.review", "ledger.historicalclaim", "ledger.documentversion",
          "ledger.comment", "ledger.assignment"]


def backup(path: str) -> str:
    """Write the ledger to `path`: a SQLite copy (SQLite ledger) or JSON Lines; the kind written."""
    tmp = f"{path}.partial"
    if os.path.exists(tmp):
        os.remove(tmp)
    kind = _backup_sqlite(tmp) if connection.vendor == "sqlite" else _backup_jsonl(tmp)
    os.replace(tmp, path)
    return kind


def restore(path: str) -> str:
    """Replace the ledger's contents with the backup at `path`; the kind read."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError as e:
        raise LedgerError(f"restore: {path}: {e.strerror}") from None
    if head == SQLITE_MAGIC:
        if connection.vendor != "sqlite":
            raise LedgerError(f"restore: {path}: a SQLite backup restores into a SQLite ledger only")
        return _restore_sqlite(path)
    return _restore_jsonl(path)


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
    with open(path, "w", encoding="utf-8") as out:
        for label in MODELS:
            model = apps.get_model(label)
            rows = model.objects.order_by("pk").iterator(chunk_size=2000)
            serializers.serialize("jsonl", rows, stream=out, use_natural_foreign_keys=True)
    return "jsonl"


def _restore_jsonl(path: str) -> str:
    _check_jsonl(path)
    models = [apps.get_model(label) for label in MODELS]
    with open(path, encoding="utf-8") as f, transaction.atomic():
        _flush(models)
        try:
            objects = serializers.deserialize("jsonl", f, handle_forward_references=True)
            for model, group in groupby(objects, key=lambda o: type(o.object)):
                _load(model, group)
        except serializers.base.DeserializationError as e:
            reason = str(e.__cause__ or e).strip().splitlines() or [type(e).__name__]
            raise LedgerError(f"restore: {path}: not a tallybook backup ({reason[0][:200]})") from None
        _reset_sequences(models)
    return "jsonl"


def _check_jsonl(path: str) -> None:
    """Refuse, before anything is replaced, a file whose first line is not a ledger dump line."""
    try:
        with open(path, encoding="utf-8") as f:
            line = f.readline()
        if not line.strip():
            return  # the dump of an empty ledger
        first = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise LedgerError(f"restore: {path}: not a tallybook backup (first line: {e})") from None
    if not isinstance(first, dict) or first.get("model") not in MODELS:
        raise LedgerError(f"restore: {path}: not a tallybook backup (first line is not a ledger record)")


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
