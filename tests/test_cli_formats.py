"""`tallybook extract` reads every format by the readers `ingest` uses, standard input too,
and says so when there is nothing to read."""

from __future__ import annotations

import json
import subprocess
import sys

ARTICLE = (
    "British defence intelligence put average Russian losses at about 1,200 killed or wounded "
    "a day during the spring, a figure Moscow did not comment on."
)
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><title>Losses in spring</title>
<link rel="canonical" href="https://example.org/news/losses">
<script>var slots = [300, 250, 728, 90]; window.ads = {{"width": 970, "height": 250}};</script>
<style>.col {{ width: 33%; }}</style></head>
<body><nav><a href="/">Home</a> <a href="/top-100">Top 100</a></nav>
<article><h1>Losses in spring</h1><p>{ARTICLE}</p></article>
<footer>© 2024 Example News · 12 Fleet Street · call 020 7946 0000 · 24 hours a day</footer>
</body></html>"""


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tallybook.cli", "extract", "--format", "jsonl", *args],
        capture_output=True,
        input=stdin,
        timeout=300,
    )


def records(out: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in out.stdout.decode().splitlines()]


def test_an_html_page_gives_the_article_figures_only(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    out = run(str(page))
    assert out.returncode == 0, out.stderr
    assert [(r["text"], r["value"]) for r in records(out)] == [("about 1,200", 1200.0)]


def test_a_cp1251_report_is_read_as_ingest_reads_it(tmp_path):
    path = tmp_path / "cp1251.txt"
    path.write_bytes("Около 10 000 мигрантов задержали в Москве, сообщила полиция.".encode("cp1251"))
    out = run(str(path))
    assert out.returncode == 0, out.stderr
    assert [(r["text"], r["value"]) for r in records(out)] == [("Около 10 000", 10000.0)]


def test_standard_input_is_read_as_a_file(tmp_path):
    out = run("-", stdin=PAGE.encode())
    assert out.returncode == 0, out.stderr
    assert [(r["doc"], r["value"]) for r in records(out)] == [("-", 1200.0)]
    text = f"Published: 2024-06-07\n\n{ARTICLE}\n".encode()
    (rec,) = records(run("-", stdin=text))
    assert rec["value"] == 1200.0 and rec["doc"] == "-"


def test_an_empty_directory_says_so(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    out = run(str(tmp_path))
    assert out.returncode == 1 and out.stdout == b""
    assert f"tallybook: {tmp_path}: no files to read in this directory" in out.stderr.decode()


def test_a_directory_gives_every_format(tmp_path):
    (tmp_path / "a.txt").write_text(f"Title: A\nSource: our own notes\n\n{ARTICLE}\n", encoding="utf-8")
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    recs = records(run(str(tmp_path)))
    assert sorted(r["doc"].rsplit("/", 1)[-1] for r in recs) == ["a.txt", "b.html"]
    whole = (tmp_path / "a.txt").read_text(encoding="utf-8")
    (txt,) = [r for r in recs if r["doc"].endswith("a.txt")]
    assert whole[txt["start"] : txt["end"]] == "about 1,200"  # offsets into the whole file, header included
