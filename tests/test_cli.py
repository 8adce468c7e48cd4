"""The extract command, in process (click's CliRunner): output formats, and bad input that never
stops a batch."""

import csv
import io
import json
import subprocess
import sys
from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from tallybook.cli import main

GOOD = "According to the UK Ministry of Defence, about 1,500 Russian soldiers were killed or wounded each day.\n"


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run(*args: str) -> Ran:
    result = CliRunner().invoke(main, ["extract", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout, result.stderr)


def test_the_module_runs_as_a_program():
    out = subprocess.run(
        [sys.executable, "-m", "tallybook.cli", "extract", "--help"], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0 and "Usage: " in out.stdout and "--format" in out.stdout


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_jsonl_has_the_eval_fields(good):
    out = run("--format", "jsonl", str(good))
    assert out.returncode == 0, out.stderr
    (rec,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert rec["doc"] == str(good)
    assert GOOD[rec["start"] : rec["end"]] == "about 1,500"
    assert rec["value"] == 1500 and rec["hedge"] == "approx"
    assert rec["speaker"] == "UK Ministry of Defence"
    assert rec["period"] == "each day"
    for key in ("unit", "speaker_role", "speaker_org", "cue", "time_ref", "measure", "sentence", "confidence"):
        assert key in rec


def test_csv_and_table(good):
    rows = list(csv.DictReader(io.StringIO(run("--format", "csv", str(good)).stdout)))
    assert [r["text"] for r in rows] == ["about 1,500"]
    table = run(str(good)).stdout
    assert "about 1,500" in table and "UK Ministry of Defence" in table


def test_header_block_gives_date_and_offsets_stay_in_the_file(tmp_path):
    path = tmp_path / "report.txt"
    text = "Title: Casualties\nPublished: 2024-06-07\nLanguage: en\n\nToday 500 soldiers died, the ministry said.\n"
    path.write_text(text, encoding="utf-8")
    (rec,) = [json.loads(line) for line in run("--format", "jsonl", str(path)).stdout.splitlines()]
    assert text[rec["start"] : rec["end"]] == "500"
    assert rec["time_ref"] == "2024-06-07"


@pytest.mark.parametrize(
    "name,content,problem",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n", "no text (blank file)"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_bad_file_is_reported_and_the_batch_goes_on(tmp_path, good, name, content, problem):
    bad = tmp_path / name
    bad.write_bytes(content)
    out = run("--format", "jsonl", str(bad), str(good))
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert lines[0].startswith(f"tallybook: {bad}: {problem}")
    assert "\n" not in lines[0] and "Traceback" not in out.stderr
    assert [json.loads(line)["doc"] for line in out.stdout.splitlines()] == [str(good)]


def test_missing_file_and_directory(tmp_path, good):
    out = run("--format", "jsonl", str(tmp_path / "nope.txt"), str(good))
    assert out.returncode == 1 and "nope.txt: no such file" in out.stderr
    assert len(out.stdout.splitlines()) == 1
    out = run("--format", "jsonl", str(tmp_path))  # a directory: its .txt files
    assert out.returncode == 0 and len(out.stdout.splitlines()) == 1


def test_bad_pack_is_one_line(tmp_path, good):
    pack = tmp_path / "pack.toml"
    pack.write_text("[[measure]\nid = ", encoding="utf-8")
    out = run("--pack", str(pack), str(good))
    assert out.returncode != 0 and "not a readable pack" in out.stderr and "Traceback" not in out.stderr


def test_own_pack_gives_own_measure(tmp_path, good):
    pack = tmp_path / "pack.toml"
    pack.write_text('[[measure]]\nid = "mine.casualties"\nen = [["wounded"]]\n', encoding="utf-8")
    (rec,) = [json.loads(line) for line in run("--format", "jsonl", "--pack", str(pack), str(good)).stdout.splitlines()]
    assert rec["measure"] == "mine.casualties"


def test_a_fifo_in_a_directory_is_refused_not_waited_on(tmp_path, good):
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "two\nlines.txt").write_bytes(b"")
    (folder / "report.txt").write_bytes(good.read_bytes())
    out = run("--format", "jsonl", str(folder))
    assert out.returncode == 1
    assert out.stderr.splitlines() == [
        f"tallybook: {folder}/pipe.txt: not a regular file",
        f"tallybook: {folder}/two\\nlines.txt: empty file",
        "tallybook: 2 file(s) failed",
    ]
    assert {json.loads(line)["doc"] for line in out.stdout.splitlines()} == {str(folder / "report.txt")}


def test_extract_explains_each_attribution(tmp_path):
    report = tmp_path / "pointer.txt"
    report.write_text("Police detained 40 men. This was stated by Irina Volk on Monday.\n", encoding="utf-8")
    out = run("--explain", "--format", "jsonl", str(report)).stdout
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert (record["speaker"], record["rule"], record["cue"]) == ("Irina Volk", "pointer_after", "stated")
    assert record["explain"].startswith("Put on Irina Volk by the rule “pointer_after” through the words “stated”")
