"""Fetching URLs from a real local server: Content-Type dispatch, limits, timeouts, errors."""

import time

import pytest

from tallybook import __version__
from tallybook.ingest import Failure, IngestError, fetch, read_url

from .conftest import pdf_bytes
from .test_feed import RSS
from .test_html import PAGE
from .texts import EN, RU

HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_html_page_with_polite_user_agent(server):
    server.routes["/news/passports"] = (200, HTML, PAGE.encode())
    (doc,) = read_url(server.url("/news/passports"))
    assert doc.format == "html" and EN in doc.text
    assert doc.url == "https://example.org/news/passports"  # the page's canonical link wins
    assert doc.source == server.url("/news/passports")
    assert server.requests == [("/news/passports", f"tallybook/{__version__} (+offline research tool)")]


@pytest.mark.parametrize(
    "content_type, body, fmt, count",
    [
        ("application/rss+xml", RSS.encode(), "feed", 2),
        ("text/xml", RSS.encode(), "feed", 2),
        ("application/pdf", pdf_bytes([EN]), "pdf", 1),
        ("application/octet-stream", pdf_bytes([EN]), "pdf", 1),  # sniffed
        ("text/plain; charset=koi8-r", RU.encode("koi8_r"), "txt", 1),
        ("text/plain", RU.encode("cp1251"), "txt", 1),  # detected
    ],
)
def test_dispatch_on_content_type(server, content_type, body, fmt, count):
    server.routes["/item"] = (200, {"Content-Type": content_type}, body)
    docs = list(read_url(server.url("/item")))
    assert [d.format for d in docs] == [fmt] * count
    if fmt == "txt":
        assert docs[0].text == RU and docs[0].url == server.url("/item")


def test_redirect_gives_final_url(server):
    server.routes["/old"] = (301, {"Location": "/new.txt"}, b"")
    server.routes["/new.txt"] = (200, {"Content-Type": "text/plain; charset=utf-8"}, EN.encode())
    (doc,) = read_url(server.url("/old"))
    assert (doc.text, doc.source, doc.url) == (EN, server.url("/old"), server.url("/new.txt"))


def test_unknown_type_uses_the_url_suffix(server):
    server.routes["/report.txt"] = (200, {"Content-Type": "application/x-unknown"}, EN.encode())
    (doc,) = read_url(server.url("/report.txt"))
    assert doc.format == "txt"


def test_jsonl_failures_pass_through(server):
    server.routes["/r"] = (200, {"Content-Type": "application/x-ndjson"}, b'{"text": "ok"}\nnope\n')
    items = list(read_url(server.url("/r")))
    assert items[0].text == "ok" and items[0].url == server.url("/r")
    assert items[1] == Failure(server.url("/r"), "line 2: invalid JSON (Expecting value, column 1)")


def stream_without_length(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()
    for _ in range(64):
        handler.wfile.write(b"x" * 1024)


def slow(handler):
    time.sleep(1.5)
    handler.send_response(200)
    handler.end_headers()


@pytest.mark.parametrize(
    "path, route, limit, reason",
    [
        ("/missing", None, 10_000, "HTTP 404 Not Found"),
        (
            "/big",
            (200, {"Content-Type": "text/plain", "Content-Length": str(30 * 1024 * 1024)}, b""),
            20 * 1024 * 1024,
            "too large: 30 MB > 20 MB limit",
        ),
        ("/stream", stream_without_length, 10_000, "too large: over the 10 KB limit"),
        ("/empty", (200, {"Content-Type": "text/plain"}, b""), 10_000, "empty response"),
        (
            "/image",
            (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n"),
            10_000,
            "unsupported content type 'image/png'",
        ),
        ("/slow", slow, 10_000, "timed out after 0.3 s"),
    ],
)
def test_fetch_failures(server, path, route, limit, reason):
    if route is not None:
        server.routes[path] = route
    url = server.url(path)
    with pytest.raises(IngestError) as e:
        list(read_url(url, timeout=0.3, max_bytes=limit))
    assert str(e.value) == f"{url}: {reason}"


def test_connection_refused():
    with pytest.raises(IngestError) as e:
        fetch("http://127.0.0.1:9/", timeout=2)
    assert str(e.value).startswith("http://127.0.0.1:9/: cannot fetch (")


def trickle(handler):
    """A byte every 0.2 s for ever (well, 100 s): each read is quick, the whole fetch is not."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.send_header("Content-Length", "500")
    handler.end_headers()
    try:
        for _ in range(500):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.2)
    except OSError:
        pass  # the client gave up, as it should


def trickled_headers(handler):
    """The status line and headers a byte at a time."""
    try:
        for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Slow: " + b"y" * 400:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(0.05)
    except OSError:
        pass


@pytest.mark.parametrize("route", [trickle, trickled_headers])
def test_deadline_is_for_the_whole_fetch_not_each_read(server, route):
    server.routes["/trickle"] = route
    url = server.url("/trickle")
    started = time.monotonic()
    with pytest.raises(IngestError) as e:
        fetch(url, timeout=1.0)
    assert str(e.value) == f"{url}: timed out after 1 s"
    assert time.monotonic() - started < 3


def redirect_to(target):
    def route(handler):
        handler.send_response(302)
        handler.send_header("Location", target)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


@pytest.mark.parametrize(
    "target, reason",
    [
        ("ftp://127.0.0.1/file.txt", "redirected to a URL that is not http(s): ftp://127.0.0.1/file.txt"),
        ("file:///etc/passwd", "redirected to a URL that is not http(s): file:///etc/passwd"),
        ("/loop", "redirect loop (HTTP 302, more than 10 redirects or the same URL 4 times)"),
    ],
)
def test_redirects_only_to_http_and_a_loop_is_one_line(server, target, reason):
    server.routes["/start"] = redirect_to(target)
    server.routes["/loop"] = redirect_to("/loop")
    url = server.url("/start")
    with pytest.raises(IngestError) as e:
        fetch(url, timeout=5)
    assert str(e.value) == f"{url}: {reason}"
