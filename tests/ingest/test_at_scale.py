"""Inputs at scale: glob patterns, gzip-compressed files, and folders holding them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tallybook.ingest import Failure, read_sources
from tallybook.ingest.sources import walk

RECORDS = [
    {"text": "Police detained 40 people at a market.", "title": "Market", "lang": "en"},
    {"text": "The mayor said 300 families had left.", "url": "https://example.org/a"},
]


def jsonl(records: list[dict]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def test_a_jsonl_gz_file_reads_as_its_jsonl(tmp_path):
    (tmp_path / "news.jsonl").write_bytes(jsonl(RECORDS))
    (tmp_path / "news.jsonl.gz").write_bytes(gzip.compress(jsonl(RECORDS)))
    plain = list(read_sources([str(tmp_path / "news.jsonl")]))
    packed = list(read_sources([str(tmp_path / "news.jsonl.gz")]))
    assert [(d.text, d.locator, d.title, d.url) for d in packed] == [(d.text, d.locator, d.title, d.url) for d in plain]
    assert [d.source for d in packed] == [str(tmp_path / "news.jsonl.gz")] * 2


def test_a_broken_gz_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(gzip.compress(jsonl(RECORDS))[:30])
    (failure,) = read_sources([str(bad)])
    assert isinstance(failure, Failure) and failure.source == str(bad)
    assert "not a readable gzip file" in failure.reason


def test_a_gz_file_over_the_limit_uncompressed_is_refused(tmp_path):
    big = tmp_path / "big.txt.gz"
    big.write_bytes(gzip.compress(b"forty " * 2000))
    (failure,) = read_sources([str(big)], max_bytes=1000)
    assert "too large uncompressed" in failure.reason


def test_a_glob_pattern_reads_every_match_and_subfolders(tmp_path):
    (tmp_path / "2024" / "03").mkdir(parents=True)
    (tmp_path / "2024" / "a.txt").write_text("Officials said 12 drones were shot down.", encoding="utf-8")
    (tmp_path / "2024" / "03" / "b.jsonl.gz").write_bytes(gzip.compress(jsonl(RECORDS)))
    (tmp_path / "2024" / "03" / "c.pdf.txt").write_text("Police said 7 men were held.", encoding="utf-8")
    docs = list(read_sources([str(tmp_path / "2024" / "**" / "*.gz"), str(tmp_path / "**" / "a.txt")]))
    assert sorted(d.text for d in docs) == sorted(
        [r["text"] for r in RECORDS] + ["Officials said 12 drones were shot down."]
    )


def test_a_pattern_matching_nothing_is_one_line(tmp_path):
    (failure,) = read_sources([str(tmp_path / "*.warc")])
    assert isinstance(failure, Failure) and failure.reason == "no file matches this pattern"


def test_a_folder_walk_takes_gz_files(tmp_path):
    (tmp_path / "x.jsonl.gz").write_bytes(gzip.compress(jsonl(RECORDS)))
    (tmp_path / "y.bin.gz").write_bytes(gzip.compress(b"\x00\x01"))
    assert [d.locator for d in read_sources([str(tmp_path)])] == ["line/1", "line/2"]


def warc_file(path, pages: list[tuple[str, str, bytes]], gz: bool) -> None:
    """A WARC file of HTTP responses (address, content type, body), written by warcio."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for uri, kind, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers))


PAGE = (
    b"<html><head><title>Night raid</title></head><body><article><h1>Night raid</h1>"
    b"<p>Police detained 63 workers at a building site on the edge of the city on Monday night, "
    b"officials said, and 20 of them were taken to the enlistment office.</p>"
    b"<p>Relatives said the men had lived there for years.</p></article></body></html>"
)


def test_a_warc_file_gives_a_document_per_page(tmp_path):
    for gz in (False, True):
        path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
        pages = [
            ("https://example.org/raid", "text/html; charset=utf-8", PAGE),
            ("https://example.org/logo.png", "image/png", b"\x89PNG"),
            ("https://example.org/note.txt", "text/plain", b"The council said 14 schools were closed."),
        ]
        warc_file(path, pages, gz)
        docs = list(read_sources([str(path)]))
        assert [(d.source, d.locator) for d in docs] == [
            (str(path), "https://example.org/raid"),
            (str(path), "https://example.org/note.txt"),
        ]
        assert "Police detained 63 workers" in docs[0].text and docs[0].title == "Night raid"
        assert docs[1].text == "The council said 14 schools were closed."


def test_a_file_that_is_no_warc_is_one_line(tmp_path):
    bad = tmp_path / "crawl.warc"
    bad.write_bytes(b"this is not an archive at all\n")
    (failure,) = read_sources([str(bad)])
    assert isinstance(failure, Failure) and failure.source == str(bad)


def many_files(folder, n: int) -> list[str]:
    """`n` small reports under `folder`, with names long enough that a directory read fetches a
    few hundred at a time; their names."""
    names = [f"report-{i:05d}-from-the-regional-archive-of-daily-press-releases.txt" for i in range(n)]
    for name in names:
        (folder / name).write_text("Officials said 12 drones were shot down.", encoding="utf-8")
    return names


def test_a_large_folder_is_walked_as_it_is_read_not_listed_first(tmp_path):
    names = many_files(tmp_path, 3000)
    files = walk(tmp_path, run=100)
    first = next(files)
    for name in names:  # the walker has read a run and what the filesystem fetched with it
        (tmp_path / name).unlink()
    rest = list(files)
    assert isinstance(first, Path) and first.parent == tmp_path
    assert 99 <= len(rest) < 2000  # a listing made before the first file would hold all 2,999


def test_a_folder_larger_than_a_run_comes_in_sorted_runs_the_same_each_time(tmp_path):
    names = many_files(tmp_path, 2500)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("The mayor said 300 families had left.", encoding="utf-8")
    walked = [p.name for p in walk(tmp_path, run=1000)]
    assert walked == [p.name for p in walk(tmp_path, run=1000)]
    assert walked[-1] == "a.txt" and sorted(walked[:-1]) == names  # the folder's files, then its subfolder
    falls = sum(a > b for a, b in zip(walked[:-1], walked[1:-1]))
    assert falls <= 2  # at most three runs of entries (the subfolder's among them), each sorted
    assert [p.name for p in walk(tmp_path)] == [*names, "a.txt"]  # under a run: name order
