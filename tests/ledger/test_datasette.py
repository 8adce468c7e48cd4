"""The SQLite ledger opens in Datasette as it is: tables, rows and full-text search."""

from __future__ import annotations

import asyncio
import sqlite3

from click.testing import CliRunner
from datasette.app import Datasette

from tallybook.cli import main

REPORTS = {
    "losses.txt": "The UK Ministry of Defence said about 1,500 Russian soldiers were killed or wounded each day.\n",
    "raids.txt": "Police detained 500 migrants in Moscow on Tuesday, the Interior Ministry said.\n",
}


def fetch(path: str, url: str) -> dict | list:
    async def get():
        response = await Datasette([path]).client.get(url)
        assert response.status_code == 200, (url, response.text[:300])
        return response.json()

    return asyncio.run(get())


def test_ledger_file_opens_in_datasette(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp_path / "ledger.sqlite3"
    result = CliRunner().invoke(main, ["ingest", "--db", f"sqlite:///{path}", str(folder)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(path) as db:
        expected = db.execute("SELECT count(*) FROM ledger_claim").fetchone()[0]
    assert expected == 2

    claims = fetch(str(path), "/ledger/ledger_claim.json?_shape=array")
    assert sorted(c["value"] for c in claims) == [500.0, 1500.0]
    found = fetch(str(path), "/ledger/ledger_document.json?_shape=array&_search=migrants")
    assert [d["source"].rsplit("/", 1)[-1] for d in found] == ["raids.txt"]
