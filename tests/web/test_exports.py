"""Every list view as CSV (UTF-8 with a byte-order mark, title, URL, sentence), JSON and XLSX."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import pytest

from tallybook.ledger.models import Document
from tallybook.ledger.store import ingest_document
from tallybook.model import Document as Doc

_spec = importlib.util.spec_from_file_location("xlsx_reader", Path(__file__).parents[1] / "xlsx.py")
_xlsx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_xlsx)

RU = "Полиция задержала 300 мигрантов в Москве, сообщило МВД."


@pytest.fixture
def ledger(web_ledger):
    ingest_document(
        Doc(RU, "reports/ru.txt", title="Рейды", published="2024-12-03", lang="ru", url="https://www.example.ru/news/1")
    )
    return web_ledger


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("what", ["claims", "documents", "speakers", "measures", "review"])
def test_every_list_has_csv_json_and_xlsx(as_user, ledger, what):
    client = as_user("viewer")
    raw = body(client.get(f"/{what}/export.csv"))
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    records = json.loads(body(client.get(f"/{what}/export.json")))
    sheet = _xlsx.rows(body(client.get(f"/{what}/export.xlsx")))
    assert rows and len(rows) == len(records) == len(sheet) - 1
    assert list(rows[0]) == list(records[0]) == sheet[0]


def test_the_claims_csv_carries_title_url_outlet_and_sentence(as_user, ledger):
    raw = body(as_user("viewer").get("/claims/export.csv?lang=ru"))
    (row,) = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
    assert (row["text"], row["title"], row["url"], row["outlet"], row["sentence"]) == (
        "300",
        "Рейды",
        "https://www.example.ru/news/1",
        "example.ru",
        RU,
    )


def test_exports_follow_the_views_filters(as_user, ledger):
    client = as_user("viewer")
    assert [r["text"] for r in json.loads(body(client.get("/claims/export.json?hedge=approx")))] == ["about 1,500"]
    doc = Document.objects.get(source="reports/ru.txt")
    assert [r["text"] for r in json.loads(body(client.get(f"/review/export.json?document={doc.id}")))] == ["300"]
    assert client.get("/claims/export.xlsx?since=never").status_code == 400
    assert client.get("/nothing/export.csv").status_code == 404
