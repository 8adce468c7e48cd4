"""`tallybook export --what incidents`: ACLED-style CSV, GeoJSON, CSV, JSON Lines and Parquet of the
ledger's incidents, parsed back and checked against the ledger's rows, with the filters."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from tallybook.cli import main
from tallybook.export.acled import COLUMNS
from tallybook.extraction.triggers import load_incident_pack
from tallybook.ledger.models import Incident

TEXTS = {
    "kazan.txt": "Title: Kazan\nPublished: 2025-03-14\nLanguage: en\n\n"
    "Police raided a hostel in Kazan on Tuesday and detained 60 migrants.\n",
    "nsk.txt": "Published: 2025-04-02\nLanguage: ru\n\n"
    "В Новосибирске полиция провела рейд в общежитии и задержала 40 мигрантов, сообщило МВД.\n",
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def ingested(ledger_url, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert run("ingest", "--db", ledger_url, str(folder))[0] == 0
    Incident.objects.filter(type="raid").update(lat=None, lon=None, precision="unknown")  # one without coordinates
    return ledger_url


def test_every_format_holds_every_incident(ingested, tmp_path):
    rows = list(Incident.objects.order_by("id").values("id", "type", "lat", "lon"))
    assert len(rows) >= 3 and {"raid", "detention"} <= {r["type"] for r in rows}
    for fmt, name in (("acled", "a.csv"), ("geojson", "b.geojson"), ("csv", "c.csv"), ("jsonl", "d.jsonl")):
        code, _, err = run("export", "--db", ingested, "--what", "incidents", "--format", fmt, str(tmp_path / name))
        assert (code, err) == (0, f"export: {len(rows)} incidents written to {tmp_path / name}\n")
    acled = list(csv.DictReader((tmp_path / "a.csv").open(encoding="utf-8")))
    assert list(acled[0]) == COLUMNS
    pack = load_incident_pack().types
    by_id = {r["id"]: r for r in rows}
    for row in acled:
        kind = by_id[int(row["event_id_cnty"].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))]["type"]
        assert (row["event_type"], row["sub_event_type"]) == (pack[kind].acled_event, pack[kind].acled_sub_event)
    geo = json.loads((tmp_path / "b.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection"
    assert sorted(f["id"] for f in geo["features"] if f["geometry"] is None) == [
        r["id"] for r in rows if r["lat"] is None
    ]
    placed = [f for f in geo["features"] if f["geometry"]]
    assert all(f["geometry"]["coordinates"] == [by_id[f["id"]]["lon"], by_id[f["id"]]["lat"]] for f in placed)
    from_csv = [int(r["id"]) for r in csv.DictReader((tmp_path / "c.csv").open(encoding="utf-8"))]
    from_jsonl = [json.loads(line)["id"] for line in (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(from_csv) == sorted(from_jsonl) == sorted(by_id)


def test_parquet_and_the_filters(ingested, tmp_path):
    out = tmp_path / "raids.parquet"
    assert run("export", "--db", ingested, "--what", "incidents", "--type", "raid", str(out))[0] == 0
    table = pq.read_table(out)
    assert set(table.column("type").to_pylist()) == {"raid"}
    assert table.num_rows == Incident.objects.filter(type="raid").count()
    assert str(table.schema.field("lat").type) == "double" and isinstance(
        json.loads(table.column("claims").to_pylist()[0]), list
    )
    code, stdout, _ = run("export", "--db", ingested, "--what", "incidents", "--format", "jsonl", "--lang", "ru", "-")
    assert code == 0 and {json.loads(line)["lang"] for line in stdout.splitlines()} == {"ru"}


@pytest.mark.parametrize(
    "args, says",
    [
        (["--what", "incidents", "--country", "Russia", "x.geojson"], "not a country code"),
        (["--what", "incidents", "--type", "riot", "--format", "acled", "-"], "type='riot'"),
        (["--what", "incidents", "--measure", "casualties.killed", "--format", "csv", "-"], "cannot take --measure"),
        (["--what", "incidents", "--format", "xlsx", "-"], "needs a file"),
        (["--format", "acled", "-"], "need --what incidents"),
        (["--type", "raid", "out.csv"], "need --what incidents"),
    ],
)
def test_what_an_incident_export_cannot_do_is_a_usage_error(ingested, args, says):
    code, _, err = run("export", "--db", ingested, *args)
    assert code == 2 and says in err
