"""A scratch PostgreSQL database for a benchmark run, dropped afterwards."""

from __future__ import annotations

import uuid


def pg_scratch(url: str):
    """(scratch database URL, drop function) on the server of `url`."""
    import dj_database_url
    import psycopg

    cfg = dj_database_url.parse(url)
    args = dict(
        host=cfg["HOST"] or None,
        port=cfg["PORT"] or None,
        user=cfg["USER"] or None,
        password=cfg["PASSWORD"] or None,
        dbname=cfg["NAME"],
        autocommit=True,
    )
    name = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(**args) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(**args) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return url.rsplit("/", 1)[0] + "/" + name, drop
