"""One fresh ledger per test, on SQLite always and on PostgreSQL when $TALLYBOOK_TEST_POSTGRES is set.

Each backend migrates a template once per session; a test gets a copy (a SQLite file in tmp_path,
or `CREATE DATABASE ... TEMPLATE` on PostgreSQL, dropped afterwards).
"""

from __future__ import annotations

import os
import shutil
import uuid
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
import pytest

from tallybook import ledger
from tallybook.model import Document

ledger.setup()  # test modules import the ledger's models

PG_ENV = "TALLYBOOK_TEST_POSTGRES"
BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"${PG_ENV} not set")),
]


def with_dbname(url: str, name: str) -> str:
    """`url` pointing at database `name` instead."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + quote(name)))


def pg_admin() -> psycopg.Connection:
    import dj_database_url

    cfg = dj_database_url.parse(os.environ[PG_ENV])
    return psycopg.connect(
        host=cfg["HOST"] or None,
        port=cfg["PORT"] or None,
        user=cfg["USER"] or None,
        password=cfg["PASSWORD"] or None,
        dbname=cfg["NAME"],
        autocommit=True,
    )


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("template") / "ledger.sqlite3"
    ledger.connect(f"sqlite:///{path}")
    ledger.disconnect()
    return str(path)


@pytest.fixture(scope="session")
def pg_template():
    name = f"tallybook_tpl_{uuid.uuid4().hex[:10]}"
    with pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    ledger.connect(with_dbname(os.environ[PG_ENV], name))
    ledger.disconnect()
    yield name
    with pg_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def ledger_url(request, tmp_path):
    """The URL of a fresh, migrated ledger, already connected in this process."""
    if request.param == "sqlite":
        path = tmp_path / "ledger.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
        ledger.connect(url)
        yield url
        ledger.disconnect()
        return
    template = request.getfixturevalue("pg_template")
    name = f"test_{uuid.uuid4().hex[:12]}"
    with pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    url = with_dbname(os.environ[PG_ENV], name)
    ledger.connect(url)
    yield url
    ledger.disconnect()
    with pg_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


REPORT = (
    "The UK Ministry of Defence said about 1,500 Russian soldiers were killed or wounded each day. "
    "Police detained 500 migrants in Moscow on Tuesday, the Interior Ministry said."
)


@pytest.fixture
def report() -> Document:
    return Document(REPORT, "reports/mod.txt", title="Daily losses", published="2024-11-10", lang="en")
