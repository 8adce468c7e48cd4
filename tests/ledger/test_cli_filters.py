"""`claims` and `export` narrow as the claims page does; the table reads as people read figures;
what cannot be answered says so with a non-zero status."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tallybook.cli import main
from tallybook.ingest.formats import SUFFIXES
from tallybook.ledger.models import Claim
from tallybook.ledger.store import ingest_document
from tallybook.model import Document

_spec = importlib.util.spec_from_file_location("xlsx_reader", Path(__file__).parents[1] / "xlsx.py")
_xlsx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_xlsx)
xlsx_rows = _xlsx.rows

TEXT = (
    "The UK Ministry of Defence said about 1,500 Russian soldiers were killed or wounded each day. "
    "Police detained 500 migrants in Moscow on Tuesday, the Interior Ministry said. "
    "Turnout fell by 27% on Sunday. Officials said 30 to 40 people were detained in Minsk."
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def ledger(ledger_url):
    ingest_document(Document(TEXT, "reports/day.txt", title="Day", published="2024-11-10", lang="en"))
    Claim.objects.filter(text="500").update(status="accepted")
    Claim.objects.filter(text="about 1,500").update(value=2_500_000)
    return ledger_url


def jsonl(*args: str) -> list[dict]:
    code, out, err = run("claims", "--format", "jsonl", *args)
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize(
    "args, texts",
    [
        (["--status", "accepted"], ["500"]),
        (["--hedge", "range"], ["30 to 40"]),
        (["--org", "Interior"], ["500"]),  # the body's own claims and its people's
        (["--sort", "-value", "--limit", "2"], ["about 1,500", "500"]),
        (["--sort", "value"], ["30 to 40", "500", "about 1,500", "27%"]),
    ],
)
def test_claims_take_the_pages_filters(ledger, args, texts):
    assert [r["text"] for r in jsonl("--db", ledger, *args)] == texts


def test_the_table_shows_date_counted_units_and_ranges_in_plain_figures(ledger):
    code, out, _ = run("claims", "--db", ledger)
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split()[:5] == ["id", "published", "source", "text", "value"] and "counted" in header
    assert all("2024-11-10" in r for r in rows)
    assert any("2,500,000" in r for r in rows) and "e+06" not in out
    assert any("27%" in r for r in rows) and any("30–40" in r for r in rows)
    assert any("migrants" in r for r in rows)  # the counted phrase


@pytest.mark.parametrize(
    "args, says",
    [
        (["--measure", "casualties.kiled"], "unknown measure 'casualties.kiled'"),
        (["--lang", "de"], "'de' is not one of"),
        (["--sort", "bogus"], "--sort"),
    ],
)
def test_what_means_nothing_says_so(ledger, args, says):
    code, out, err = run("claims", "--db", ledger, *args)
    assert code == 2 and out == "" and says in err


def test_export_takes_the_format_from_the_name_and_the_filters(ledger, tmp_path):
    out = tmp_path / "accepted.csv"
    code, _, err = run("export", "--db", ledger, "--status", "accepted", str(out))
    assert code == 0, err
    assert [r["text"] for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))] == ["500"]
    xlsx = tmp_path / "all.xlsx"
    assert run("export", "--db", ledger, "--sort", "-value", str(xlsx))[0] == 0
    header, first, *_ = xlsx_rows(xlsx)
    assert header[:3] == ["id", "document_id", "source"] and first[header.index("value")] == 2_500_000
    assert first[header.index("text")] == "about 1,500"
    code, _, err = run("export", "--db", ledger, str(tmp_path / "out.txt"))
    assert code == 2 and "cannot tell the format" in err


def test_ingest_help_lists_every_format_and_an_empty_directory_fails(ledger_url, tmp_path):
    code, out, _ = run("ingest", "--help")
    assert code == 0 and all(suffix in out for suffix in SUFFIXES)
    code, out, err = run("ingest", "--db", ledger_url, str(tmp_path))
    assert code == 1 and "no files to read in this directory" in err
