"""One claim schema: every writer has every field of model.Claim, with its type.

These tests list no field by hand: they compare each writer against `dataclasses.fields(Claim)`,
so a field added to model.Claim fails here until it reaches the writer (and, for the ledger,
has its column and migration).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import fields

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from tallybook.cli import main
from tallybook.ledger import query
from tallybook.ledger.models import Claim as Row
from tallybook.model import HEDGES, Claim
from tallybook.schema import CLAIM_COLUMNS, RECORD_FIELDS

TEXT = "According to the UK Ministry of Defence, about 1,500 Russian soldiers were killed or wounded each day.\n"
DJANGO_TYPES = {
    "IntegerField": int,
    "BigIntegerField": int,
    "FloatField": float,
    "BooleanField": bool,
    "TextField": str,
    "CharField": str,
}


def claim_names() -> list[str]:
    return [f.name for f in fields(Claim)]


def flat_names() -> list[str]:
    return [
        n for name in claim_names() for n in (("sentence_start", "sentence_end") if name == "sentence" else (name,))
    ]


def invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "mod.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_columns_are_the_claim_fields():
    assert [c.name for c in CLAIM_COLUMNS] == flat_names()
    assert list(RECORD_FIELDS) == claim_names()
    hedge = next(c for c in CLAIM_COLUMNS if c.name == "hedge")
    assert hedge.choices == HEDGES and not hedge.nullable
    kind = next(c for c in CLAIM_COLUMNS if c.name == "speaker_kind")
    assert kind.choices == ("person", "org") and kind.nullable


def test_extract_jsonl_and_csv_have_every_field(report):
    (rec,) = [json.loads(line) for line in invoke("extract", "--format", "jsonl", str(report)).splitlines()]
    assert list(rec) == ["doc", *claim_names()]
    rows = list(csv.DictReader(io.StringIO(invoke("extract", "--format", "csv", str(report)))))
    assert list(rows[0]) == ["doc", *claim_names()]
    assert rows[0]["speaker_kind"] == rec["speaker_kind"] == "org"
    assert rows[0]["sentence"] == f"{rec['sentence'][0]}-{rec['sentence'][1]}"


def test_ledger_has_a_column_of_each_field_with_its_type():
    for column in CLAIM_COLUMNS:
        field = Row._meta.get_field(column.name)
        assert DJANGO_TYPES[field.get_internal_type()] is column.type, column.name
        assert field.null == column.nullable, column.name
        if column.choices and field.max_length:
            assert max(map(len, column.choices)) <= field.max_length, column.name


def test_record_fields_and_types():
    assert query.CLAIM_FIELDS[5:-3] == flat_names()
    types = query.column_types(query.CLAIM_FIELDS)
    assert {c.name: types[c.name] for c in CLAIM_COLUMNS} == {c.name: c.type.__name__ for c in CLAIM_COLUMNS}


def test_api_schema_is_the_record():
    from tallybook.web.api import ClaimOut

    schema = ClaimOut.model_json_schema()
    assert list(schema["properties"]) == query.CLAIM_FIELDS
    assert schema["properties"]["hedge"]["enum"] == list(HEDGES)
    assert set(schema["required"]) == set(query.CLAIM_FIELDS)


def test_every_ledger_writer_round_trips_every_field(ledger_url, report, tmp_path):
    invoke("ingest", "--db", ledger_url, str(report))
    (rec,) = [json.loads(line) for line in invoke("claims", "--db", ledger_url, "--format", "jsonl").splitlines()]
    assert list(rec) == query.CLAIM_FIELDS
    assert rec["speaker_kind"] == "org" and rec["hedge"] == "approx"
    (row,) = csv.DictReader(io.StringIO(invoke("claims", "--db", ledger_url, "--format", "csv")))
    assert list(row) == query.CLAIM_FIELDS and row["speaker_kind"] == "org"
    out = tmp_path / "claims.parquet"
    invoke("export", "--db", ledger_url, "--format", "parquet", str(out))
    table = pq.read_table(out)
    assert table.column_names == query.CLAIM_FIELDS
    assert table.to_pylist()[0] == rec
