"""Pointing Django at one ledger database: configure once per process, switch when asked."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

import dj_database_url

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # Windows: no flock; concurrent first runs there are not guarded
    fcntl = None

DEFAULT_URL = "sqlite:///./tallybook.sqlite3"
ENV_VAR = "TALLYBOOK_DATABASE_URL"


class LedgerError(Exception):
    """A ledger problem a user can act on; the CLI prints it on one line."""


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, else $TALLYBOOK_DATABASE_URL, else ./tallybook.sqlite3."""
    return url or os.environ.get(ENV_VAR) or DEFAULT_URL


def database_settings(url: str) -> dict:
    """Django's DATABASES["default"] for a URL; SQLite gets WAL, a busy timeout, IMMEDIATE writes."""
    try:
        config = dj_database_url.parse(url)
    except Exception as e:  # dj-database-url raises several kinds for a bad URL
        raise LedgerError(f"--db {url}: not a database URL ({e})") from None
    engine = config["ENGINE"]
    if engine == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        }
    elif engine != "django.db.backends.postgresql":
        raise LedgerError(f"--db {url}: only sqlite:/// and postgresql:// URLs are supported")
    return dict(config)


def connect(url: str | None = None, migrate: bool = True) -> str:
    """Point the ledger at `url` (see database_url), create or migrate its schema; the URL used.

    Django's settings are configured on the first call; later calls switch the default
    database of this process (tests use this to run one suite against SQLite and PostgreSQL).
    """
    from django.conf import settings

    url = database_url(url)
    config = database_settings(url)
    if not settings.configured:
        _configure(config)
    else:
        _switch(config)
    if migrate:
        _migrate(url)
    return url


def setup(url: str | None = None) -> None:
    """Configure Django for the ledger without opening a database, so models can be imported."""
    from django.conf import settings

    if not settings.configured:
        _configure(database_settings(database_url(url)))


def _configure(config: dict) -> None:
    import django
    from django.conf import settings

    from ..settings import django_settings

    settings.configure(DATABASES={"default": config}, **django_settings())
    django.setup()


def _switch(config: dict) -> None:
    """Close every connection and make `config` the default database of this thread."""
    from django.conf import settings
    from django.db import connections

    connections.close_all()
    settings.DATABASES = {"default": config}
    connections._settings = connections.configure_settings(settings.DATABASES)
    connections.__dict__["settings"] = connections._settings
    for alias in ("default",):
        try:
            del connections[alias]
        except AttributeError:
            pass


def _migrate(url: str) -> None:
    """Create or migrate the schema, one process at a time (two first runs on a new ledger at once)."""
    from django.core.management import call_command
    from django.db import DatabaseError

    try:
        with _schema_lock():
            call_command("migrate", verbosity=0, interactive=False)
    except DatabaseError as e:
        raise LedgerError(f"{_safe(url)}: cannot open the ledger ({_first_line(e)})") from None


MIGRATE_LOCK = 0x7A11B00C  # PostgreSQL advisory lock key: "tallybook migrates"


@contextmanager
def _schema_lock() -> Iterator[None]:
    """Hold a lock that other tallybook processes migrating the same ledger wait for: a PostgreSQL
    advisory lock, or an flock on the SQLite file's folder.

    Never on the SQLite file itself: closing any descriptor of that file drops every POSIX lock this
    process holds on it, SQLite's included, and the next process to close the ledger then thinks it
    is the last, checkpoints and deletes the -wal and -shm files under a running `serve` (whose
    requests then fail with "disk I/O error").
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATE_LOCK])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATE_LOCK])
        return
    name = str(connection.settings_dict.get("NAME") or "")
    folder = os.path.dirname(os.path.abspath(name)) if name else ""
    if fcntl is None or not name or name == ":memory:" or name.startswith("file:") or not os.path.isdir(folder):
        yield  # nothing to lock (SQLite itself says when the folder is missing)
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing it releases the flock


def _first_line(e: Exception) -> str:
    lines = str(e).strip().splitlines() or [type(e).__name__]
    return lines[0][:200]


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}@{host}"
    return url


def disconnect() -> None:
    """Close this thread's database connections (before copying or replacing a SQLite file)."""
    from django.db import connections

    connections.close_all()
