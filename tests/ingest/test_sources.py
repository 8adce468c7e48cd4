"""A batch of mixed sources: directories, limits, URL lists; failures yielded, never raised."""

import json
import os

import pytest

from tallybook.ingest import Failure, read_file, read_sources
from tallybook.ingest.sources import walk
from tallybook.model import Document

from .conftest import pdf_bytes
from .test_feed import RSS
from .test_html import PAGE
from .test_telegram import EXPORT
from .texts import EN, HEADER, RU

MB = 1024 * 1024


@pytest.fixture
def folder(tmp_path):
    """A folder of saved sources, good and bad, with hidden and unknown files that are skipped."""
    root = tmp_path / "collected"
    files = {
        "a-report.txt": (HEADER + EN).encode(),
        "b-ru-cp1251.txt": RU.encode("cp1251"),
        "pages/page.html": PAGE.encode(),
        "pages/no-body.html": b"<html><head><title>x</title></head></html>",
        "pdf/report.pdf": pdf_bytes([EN, EN]),
        "pdf/truncated.pdf": pdf_bytes([EN])[:600],
        "feeds/news.xml": RSS.encode(),
        "ChatExport/result.json": json.dumps(EXPORT).encode(),
        "ChatExport/photos/1.jpg": b"\xff\xd8\xff",
        "records.jsonl": b'{"text": "one"}\n{broken\n{"text": "three"}\n',
        "empty.txt": b"",
        "notes.docx": b"PK\x03\x04",
        "links.urls": b"http://127.0.0.1:9/never-fetched\n",
        ".hidden.txt": EN.encode(),
        ".git/config.txt": EN.encode(),
    }
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_directory_reads_every_known_format_in_order(folder):
    items = list(read_sources([str(folder)]))
    where = [
        (i.source.removeprefix(str(folder) + "/"), i.locator if isinstance(i, Document) else "FAILED") for i in items
    ]
    assert where == [
        ("a-report.txt", ""),
        ("b-ru-cp1251.txt", ""),
        ("empty.txt", "FAILED"),
        ("records.jsonl", "line/1"),
        ("records.jsonl", "FAILED"),
        ("records.jsonl", "line/3"),
        ("ChatExport/result.json", "post/11"),
        ("ChatExport/result.json", "post/12"),
        ("ChatExport/result.json", "post/15"),
        ("ChatExport/result.json", "message/7"),
        ("feeds/news.xml", "entry/news-101"),
        ("feeds/news.xml", "entry/https://example.org/news/summary"),
        ("pages/no-body.html", "FAILED"),
        ("pages/page.html", ""),
        ("pdf/report.pdf", ""),
        ("pdf/truncated.pdf", "FAILED"),
    ]
    failures = [str(i).removeprefix(str(folder) + "/") for i in items if isinstance(i, Failure)]
    assert failures == [
        "empty.txt: empty file",
        "records.jsonl: line 2: invalid JSON (Expecting property name enclosed in double quotes, column 2)",
        "pages/no-body.html: HTML without a <body>",
        "pdf/truncated.pdf: truncated or damaged PDF (no end-of-file marker)",
    ]
    assert items[1].text == RU


def test_walk_skips_hidden_and_unknown(folder):
    names = [str(p.relative_to(folder)) for p in walk(folder)]
    assert ".hidden.txt" not in names and ".git/config.txt" not in names
    assert not any(n.endswith((".docx", ".jpg", ".urls")) for n in names)


def test_sparse_200_mb_file_is_refused_without_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(200 * MB)
    monkeypatch.setattr("pathlib.Path.read_bytes", lambda self: pytest.fail("read a file over the limit"))
    assert list(read_sources([str(path)])) == [Failure(str(path), "too large: 200 MB > 100 MB limit")]


def test_size_limit_is_a_parameter(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text(EN * 20, encoding="utf-8")
    assert [str(i) for i in read_file(path, max_bytes=1024)] == [f"{path}: too large: 4 KB > 1 KB limit"]
    assert [d.text for d in read_file(path, max_bytes=10 * 1024)] == [EN * 20]


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("notes.docx", b"PK\x03\x04", "unknown file type (.docx)"),
        ("README", b"just words", "unknown file type (no suffix)"),
        ("empty.pdf", b"", "empty file"),
        ("fake.pdf", b"<html><body>Access denied</body></html>", "not a PDF (starts with <html>)"),
    ],
)
def test_explicit_files_that_cannot_be_read(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    assert [str(i) for i in read_sources([str(path)])] == [f"{path}: {reason}"]


def test_missing_file_and_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(EN, encoding="utf-8")
    items = list(read_sources([str(tmp_path / "gone.txt"), str(good)]))
    assert items[0] == Failure(str(tmp_path / "gone.txt"), "no such file")
    assert items[1].text == EN


@pytest.mark.parametrize(
    "name, data, fmt",
    [
        ("export", json.dumps(EXPORT).encode(), "telegram"),
        ("download.bin", pdf_bytes([EN]), "pdf"),
        ("saved-page", PAGE.encode(), "html"),
        ("feed", RSS.encode(), "feed"),
    ],
)
def test_unknown_suffix_is_read_by_content(tmp_path, name, data, fmt):
    path = tmp_path / name
    path.write_bytes(data)
    assert {i.format for i in read_sources([str(path)])} == {fmt}


def test_reader_crash_is_a_failure(tmp_path, monkeypatch):
    def broken(source, data):
        yield Document("first", source)
        raise RuntimeError("something odd\nsecond line")

    monkeypatch.setitem(__import__("tallybook.ingest.formats", fromlist=["READERS"]).READERS, "txt", broken)
    path = tmp_path / "odd.txt"
    path.write_text("x")
    first, failure = read_sources([str(path)])
    assert first.text == "first"
    assert str(failure) == f"{path}: unexpected error (RuntimeError: something odd)"


def test_url_list_and_urls(tmp_path, server):
    server.routes["/a.txt"] = (200, {"Content-Type": "text/plain; charset=utf-8"}, EN.encode())
    server.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, RSS.encode())
    urls = tmp_path / "reading.urls"
    urls.write_text(
        f"# saved links\n{server.url('/a.txt')}\n\nnot a url\n{server.url('/feed')}\n{server.url('/gone')}\n"
    )
    items = list(read_sources([str(urls), server.url("/a.txt")], timeout=5))
    assert [str(i) if isinstance(i, Failure) else i.format for i in items] == [
        "txt",
        f"{urls}: line 4: not an http(s) URL: not a url",
        "feed",
        "feed",
        f"{server.url('/gone')}: HTTP 404 Not Found",
        "txt",
    ]


def test_failure_is_one_line():
    assert str(Failure("report.pdf", "not a PDF (starts with <html>)")) == "report.pdf: not a PDF (starts with <html>)"


@pytest.fixture
def linked(tmp_path):
    """A tree holding a link to a file outside, a link to a folder outside, and a link inside it."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("The secret holds 1,234 numbers.", encoding="utf-8")
    root = tmp_path / "tree"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "own.txt").write_text(EN, encoding="utf-8")
    (root / "passwd.txt").symlink_to(outside / "secret.txt")
    (root / "away").symlink_to(outside, target_is_directory=True)
    (root / "same.txt").symlink_to(root / "sub" / "own.txt")
    (root / "loop").symlink_to(root, target_is_directory=True)
    return root, outside


def test_symlinks_out_of_the_tree_are_refused(linked):
    root, outside = linked
    items = list(read_sources([str(root)]))
    assert [str(i) for i in items if isinstance(i, Failure)] == [
        f"{root}/passwd.txt: symbolic link out of {root} (to {outside}/secret.txt); --follow-symlinks reads it",
        f"{root}/away: symbolic link out of {root} (to {outside}); --follow-symlinks reads it",
    ]
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.source for d in docs] == [f"{root}/same.txt", f"{root}/sub/own.txt"]
    assert not any("secret" in d.text for d in docs)


def test_follow_symlinks_reads_them(linked):
    root, _ = linked
    items = list(read_sources([str(root)], follow_symlinks=True))
    assert not [i for i in items if isinstance(i, Failure)]
    assert sorted(d.source for d in items) == [
        f"{root}/away/secret.txt",
        f"{root}/passwd.txt",
        f"{root}/same.txt",
        f"{root}/sub/own.txt",
    ]


def test_a_fifo_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "after.txt").write_text(EN, encoding="utf-8")
    items = list(read_sources([str(tmp_path)]))
    assert [str(i) for i in items if isinstance(i, Failure)] == [f"{tmp_path}/pipe.txt: not a regular file"]
    assert [i.source for i in items if isinstance(i, Document)] == [f"{tmp_path}/after.txt"]


def test_a_newline_in_a_file_name_stays_one_line(tmp_path):
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"")
    (failure,) = read_sources([str(path)])
    assert str(failure) == f"{tmp_path}/two\\nlines.txt: empty file"
