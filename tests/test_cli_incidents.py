"""The incidents command: the eval's JSON Lines fields, CSV, a table, and bad input."""

import csv
import io
import json
import subprocess
import sys

REPORT = (
    "Title: A raid\nPublished: 2025-03-14\n\nOn Wednesday police raided a hostel in Kazan and detained 60 migrants.\n"
)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tallybook.cli", "incidents", *args], capture_output=True, text=True, timeout=300
    )


def test_jsonl_has_the_eval_fields_with_offsets_into_the_file(tmp_path):
    path = tmp_path / "raid.txt"
    path.write_text(REPORT, encoding="utf-8")
    out = run("--format", "jsonl", str(path))
    assert out.returncode == 0, out.stderr
    recs = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["type"] for r in recs] == ["raid", "detention"]
    raid, detention = recs
    assert REPORT[raid["start"] : raid["end"]] == "raided a hostel"
    assert (raid["place_name"], raid["country"], raid["precision"], raid["date"]) == (
        "Kazan",
        "RU",
        "city",
        "2025-03-12",
    )
    assert raid["actor"] == "police" and raid["plover"] == "COERCE" and raid["acled_sub_event"] == "Arrests"
    assert detention["figures"] == ["60"] and detention["affected"] == "migrants"
    for key in ("doc", "end", "lat", "lon", "place_name", "claims", "date_precision", "sentence"):
        assert key in raid


def test_csv_and_table_and_a_bad_file_that_does_not_stop_the_batch(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(REPORT, encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\xff\xfe bad")
    out = run("--format", "csv", str(bad), str(good))
    assert out.returncode == 1
    assert "b.txt: not UTF-8" in out.stderr and out.stderr.count("\n") == 2
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [r["type"] for r in rows] == ["raid", "detention"]
    table = run(str(good))
    assert table.returncode == 0 and "Kazan" in table.stdout and "raid" in table.stdout
