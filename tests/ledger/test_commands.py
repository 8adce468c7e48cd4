"""The ledger commands, in process: ingest, claims, docs, export, backup, restore, reextract."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from tallybook.cli import main
from tallybook.ledger.models import Claim, Document, Review
from tallybook.ledger.review import review_claim

TEXTS = {
    "a.txt": "Title: Daily losses\nPublished: 2024-11-10\nLanguage: en\n\n"
    "The UK Ministry of Defence said about 1,500 Russian soldiers were killed or wounded each day.\n",
    "b.txt": "Published: 2025-07-08\n\nPolice detained 500 migrants in Moscow on Tuesday, the Interior Ministry said.\n",
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for name, text in TEXTS.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


@pytest.fixture
def ingested(ledger_url, folder):
    assert run("ingest", "--db", ledger_url, str(folder))[:2] == (
        0,
        "documents: 2 added, 0 unchanged, 0 replaced, 0 failed; claims: 2\n",
    )
    return ledger_url


def test_ingest_twice_then_changed(ingested, folder):
    assert run("ingest", "--db", ingested, str(folder))[:2] == (
        0,
        "documents: 0 added, 2 unchanged, 0 replaced, 0 failed; claims: 0\n",
    )
    (folder / "b.txt").write_text(TEXTS["b.txt"].replace("500", "700"), encoding="utf-8")
    assert run("ingest", "--db", ingested, str(folder))[:2] == (
        0,
        "documents: 0 added, 1 unchanged, 1 replaced, 0 failed; claims: 1\n",
    )
    assert sorted(Claim.objects.values_list("text", flat=True)) == ["700", "about 1,500"]


def test_failures_are_listed_and_set_the_exit_status(ledger_url, folder):
    (folder / "empty.txt").write_bytes(b"")
    code, out, err = run("ingest", "--db", ledger_url, str(folder), str(folder / "missing.txt"))
    assert code == 1
    assert out == "documents: 2 added, 0 unchanged, 0 replaced, 2 failed; claims: 2\n"
    lines = [line for line in err.splitlines() if line.startswith("tallybook: ")]
    assert len(lines) == 2
    assert lines[0].startswith(f"tallybook: {folder / 'empty.txt'}: ")
    assert lines[1].startswith(f"tallybook: {folder / 'missing.txt'}: ")
    assert Document.objects.count() == 2


def test_claims_formats(ingested):
    code, out, _ = run("claims", "--db", ingested, "--format", "jsonl")
    recs = [json.loads(line) for line in out.splitlines()]
    assert [(r["id"], r["text"], r["speaker"], r["published"]) for r in recs] == [
        (c.id, c.text, c.speaker, c.document.published) for c in Claim.objects.order_by("document_id")
    ]
    assert [r["source"].rsplit("/", 1)[1] for r in recs] == ["a.txt", "b.txt"]
    rows = list(
        csv.DictReader(io.StringIO(run("claims", "--db", ingested, "--format", "csv", "--search", "migrants")[1]))
    )
    assert [(r["text"], r["value"], r["measure"]) for r in rows] == [("500", "500.0", "raids.detentions@mosco@2025-07")]
    table = run("claims", "--db", ingested, "--speaker", "defence")[1].splitlines()
    assert table[0].split() == [
        "id",
        "published",
        "source",
        "text",
        "value",
        "hedge",
        "counted",
        "speaker",
        "measure",
        "status",
    ]
    assert len(table) == 2 and "about 1,500" in table[1] and "a.txt" in table[1]


def test_docs_filters(ingested):
    out = run("docs", "--db", ingested, "--format", "jsonl", "--since", "2025-01-01")[1]
    (rec,) = [json.loads(line) for line in out.splitlines()]
    assert (rec["id"], rec["title"], rec["published"], rec["claims"]) == (
        Document.objects.get(published="2025-07-08").id,
        None,
        "2025-07-08",
        1,
    )
    assert run("docs", "--db", ingested, "--until", "2023-01-01")[1].splitlines() == [
        "id  source  title  published  lang  claims"
    ]
    assert run("docs", "--db", ingested, "--since", "yesterday")[0] == 2


@pytest.mark.parametrize("what, count", [("claims", 2), ("documents", 2)])
def test_export(ingested, tmp_path, what, count):
    paths = {fmt: tmp_path / f"out.{fmt}" for fmt in ("csv", "jsonl", "parquet")}
    for fmt, path in paths.items():
        code, _, err = run("export", "--db", ingested, "--format", fmt, "--what", what, str(path))
        assert (code, err) == (0, f"export: {count} {what} written to {path}\n")
    from_csv = list(csv.DictReader(paths["csv"].open(encoding="utf-8")))
    from_jsonl = [json.loads(line) for line in paths["jsonl"].read_text(encoding="utf-8").splitlines()]
    table = pq.read_table(paths["parquet"])
    assert table.num_rows == len(from_csv) == len(from_jsonl) == count
    assert table.column("id").to_pylist() == [r["id"] for r in from_jsonl] == [int(r["id"]) for r in from_csv]
    if what == "claims":
        assert table.column("value").to_pylist() == [1500.0, 500.0]
        assert str(table.schema.field("value_max").type) == "double"
    else:
        assert (
            table.column("text").to_pylist()[1]
            == "Police detained 500 migrants in Moscow on Tuesday, the Interior Ministry said.\n"
        )


def test_backup_restore_round_trip(ingested, tmp_path, folder):
    claim = Claim.objects.get(text="500")
    review_claim(claim.id, "correct", "ana", {"value": 510.0})
    out = tmp_path / "ledger.backup"
    code, text, _ = run("backup", "--db", ingested, str(out))
    kind = "sqlite" if ingested.startswith("sqlite") else "jsonl"
    assert (code, text) == (0, f"backup: ledger written to {out} ({kind})\n")
    # after the backup: another document, and the claim corrected again
    (folder / "c.txt").write_text("Officials counted 42 drones over the city.\n", encoding="utf-8")
    run("ingest", "--db", ingested, str(folder / "c.txt"))
    review_claim(claim.id, "correct", "bo", {"value": 520.0})
    assert run("restore", "--db", ingested, str(out))[:2] == (0, f"restore: ledger replaced from {out} ({kind})\n")
    assert sorted(Document.objects.values_list("source", flat=True)) == [str(folder / "a.txt"), str(folder / "b.txt")]
    assert [(r.reviewer, r.changes) for r in Review.objects.all()] == [("ana", {"value": [500.0, 510.0]})]
    assert Claim.objects.get(id=claim.id).value == 510.0
    assert run("claims", "--db", ingested, "--search", "drones")[1].count("\n") == 1  # FTS follows the restore
    run("ingest", "--db", ingested, str(folder / "c.txt"))  # ids go on after the restored ones
    assert Document.objects.get(source=str(folder / "c.txt")).id > claim.document_id


def test_jsonl_backup_restores_into_either_backend(ingested, tmp_path):
    from django.apps import apps

    from tallybook.ledger.backup import _backup_jsonl, restore, tables

    path = tmp_path / "dump.jsonl"
    _backup_jsonl(str(path))
    header, *lines = path.read_text(encoding="utf-8").splitlines()
    assert json.loads(header)["tallybook_backup"] == 1
    tables = [(label, apps.get_model(label).objects.count()) for label in tables()]
    assert [json.loads(line)["model"] for line in lines] == [label for label, rows in tables for _ in range(rows)]
    assert dict(tables)["ledger.claim"] == 2 and dict(tables)["ledger.entity"] >= 2
    Claim.objects.all().delete()
    assert restore(str(path)) == "jsonl"
    assert sorted(Claim.objects.values_list("text", flat=True)) == ["500", "about 1,500"]


def test_restore_refuses_other_files(ingested, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello\n", encoding="utf-8")
    code, _, err = run("restore", "--db", ingested, str(bad))
    assert code == 1
    assert err.startswith(f"Error: restore: {bad}: not a tallybook backup (")
    assert Claim.objects.count() == 2


def test_reextract_command(ingested):
    claim = Claim.objects.get(text="500")
    review_claim(claim.id, "accept", "ana")
    assert run("reextract", "--db", ingested)[:2] == (0, "documents: 2 re-extracted; claims: 1\n")
    assert Claim.objects.get(text="500").id == claim.id
    assert Claim.objects.count() == 2
