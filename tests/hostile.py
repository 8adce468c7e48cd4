"""A corpus of hostile input, generated on demand in a temporary folder (nothing of it is committed).

`make_corpus(root, outside, url)` writes every case under `root` (and a secret file under
`outside`, which links in the tree point at) and returns the cases: each says what ingest must
do with it, either store some documents or print one failure line holding a given phrase.
`serve_hostile()` runs the HTTP half on 127.0.0.1: a server that trickles bytes, redirects to
ftp:// and in a loop, answers 404, and serves one good page.
"""

from __future__ import annotations

import json
import os
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SECRET = "TOP-SECRET-OUTSIDE-THE-TREE 4,321 passwords"
GOOD = "Police detained {n} migrants in Moscow on Tuesday, the Interior Ministry said."
RUSSIAN = "В понедельник полиция задержала {n} мигрантов в Москве, сообщило МВД."
DEEP = "[" * 50_000 + "]" * 50_000
PAGE = (
    "<!DOCTYPE html><html><head><title>Raid</title></head><body><article><p>"
    + GOOD.format(n=77)
    + "</p></article></body></html>"
)


@dataclass(frozen=True)
class Case:
    """One hostile input: the source name ingest reports, the documents it must store from it,
    and the phrases of the one-line failures it must print for it."""

    name: str
    source: str
    documents: int = 0
    failures: tuple[str, ...] = field(default=())


def _write(root: Path, name: str, data: bytes | str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _gzip_bomb(piece: bytes, times: int) -> bytes:
    """`piece` repeated `times` times, gzipped a million at a time (a few hundred KB for 300 MB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = piece * 1_000_000
    parts = [packer.compress(b"<html><body>")]
    parts += [packer.compress(block) for _ in range(times // 1_000_000)]
    return b"".join(parts + [packer.compress(b"</body></html>"), packer.flush()])


def _file_cases(root: Path, outside: Path) -> list[Case]:
    """Files that each store documents or fail in one named line."""
    cases: list[Case] = []

    def add(name: str, data: bytes | str, documents: int = 0, *failures: str) -> None:
        path = _write(root, name, data)
        cases.append(Case(name, str(path), documents, failures))

    add("good.txt", GOOD.format(n=100), 1)
    add("empty.txt", b"", 0, "empty file")
    add("blank.txt", b" \n\n\t\n", 0, "no text (blank file)")
    add("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, 0, "binary file")
    add("latin1.txt", ("Le café a fermé : " + GOOD.format(n=101)).encode("latin-1"), 1)
    add("cp1251.txt", RUSSIAN.format(n=102).encode("cp1251"), 1)
    add("koi8.txt", RUSSIAN.format(n=103).encode("koi8_r"), 1)
    add("utf16.txt", GOOD.format(n=104).encode("utf-16"), 1)
    add("neither.txt", "ÀÁÂ ÃÄÅ ÆÇÈ".encode("cp1252"), 0, "cannot tell the text encoding")
    add("nul-in-text.jsonl", json.dumps({"text": GOOD.format(n=105) + "\u0000 end"}) + "\n", 1)
    add(
        "records.jsonl",
        "\n".join(
            [
                json.dumps({"text": GOOD.format(n=106)}),
                '{"text": "x", "n": ' + DEEP + "}",
                "{broken",
                json.dumps({"text": GOOD.format(n=107)}),
            ]
        )
        + "\n",
        2,
        "line 2: JSON nested too deeply",
        "line 3: invalid JSON",
    )
    export = {
        "name": "Channel",
        "username": "chan",
        "messages": [
            {"id": 1, "type": "message", "text": GOOD.format(n=108)},
            "@DEEP@",
            {"id": 3, "type": "message", "text": GOOD.format(n=109)},
        ],
    }
    add(
        "export/result.json",
        json.dumps(export).replace('"@DEEP@"', '{"id": 2, "text": ' + DEEP + "}"),
        2,
        "message 2: JSON nested too deeply",
    )
    add(
        "deep.html",
        "<html><body>" + "<div>" * 600 + f"<p>{GOOD.format(n=110)}</p>" + "</div>" * 600 + "</body></html>",
        1,
    )
    add(
        "entity.html",
        '<!DOCTYPE html [<!ENTITY desk "Tally Desk">]><html><body><p>&desk;: '
        + GOOD.format(n=111)
        + "</p></body></html>",
        1,
    )
    add("no-body.html", "<html><head><title>Nothing</title></head></html>", 0, "HTML without a <body>")
    add("script-only.html", "<html><body><script>var x = 1;</script></body></html>", 0, "no main text")
    add("bomb.html", _gzip_bomb(b"<p>a</p>", 40_000_000), 0, "a compressed file, not HTML")
    add("fake.pdf", b"%PDF-1.4\n" + b"garbage " * 100, 0, "truncated or damaged PDF")
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
        + ']><rss version="2.0"><channel><title>t</title><item><title>&j;</title>'
        "<description>x</description></item></channel></rss>"
    )
    add("laughs.xml", laughs, 1)  # its entities are not expanded: the entry's text alone
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY s SYSTEM "file://' + str(outside / "secret.txt") + '">]>'
        '<rss version="2.0"><channel><title>t</title><item><title>x</title><description>&s; '
        + GOOD.format(n=112)
        + "</description></item></channel></rss>"
    )
    add("xxe.xml", xxe, 1)  # the external entity is not read
    add("line\nbreak.txt", GOOD.format(n=113), 1)
    add("bidi\u202etxt.exe.txt", b"", 0, "empty file")
    long_gap = ("\n\n" + " " * 5_000) * 220
    add("long.txt", GOOD.format(n=114) + long_gap + GOOD.format(n=115), 1)  # 1.1 M characters
    with (root / "sparse.txt").open("wb") as f:
        f.truncate(150 * 1024 * 1024)
    cases.append(Case("sparse.txt", str(root / "sparse.txt"), 0, ("too large",)))
    os.mkfifo(root / "fifo.txt")
    cases.append(Case("fifo.txt", str(root / "fifo.txt"), 0, ("not a regular file",)))
    (root / "passwd.txt").symlink_to(outside / "secret.txt")
    cases.append(Case("passwd.txt", str(root / "passwd.txt"), 0, ("symbolic link out of",)))
    (root / "away").symlink_to(outside, target_is_directory=True)
    cases.append(Case("away", str(root / "away"), 0, ("symbolic link out of",)))
    (root / "loop").symlink_to(root, target_is_directory=True)
    return cases


def make_corpus(root: Path, outside: Path, url: Callable[[str], str]) -> list[Case]:
    """Write the corpus; the URL cases go in `links.urls` and as arguments (see `arguments`)."""
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    root.mkdir(parents=True, exist_ok=True)
    cases = _file_cases(root, outside)
    urls = _write(
        root.parent,
        "links.urls",
        "\n".join(
            [
                "# hostile links",
                url("/trickle"),
                url("/to-ftp"),
                url("/loop"),
                url("/missing"),
                url("/page.html"),
                "ftp://127.0.0.1/file.txt",
                "file:///etc/passwd",
            ]
        )
        + "\n",
    )
    cases += [
        Case("trickle", url("/trickle"), 0, ("timed out after",)),
        Case("to-ftp", url("/to-ftp"), 0, ("redirected to a URL that is not http(s)",)),
        Case("loop", url("/loop"), 0, ("redirect loop",)),
        Case("missing", url("/missing"), 0, ("HTTP 404",)),
        Case("page", url("/page.html"), 1),
        Case("urls-ftp", str(urls), 0, ("line 7: not an http(s) URL", "line 8: not an http(s) URL")),
    ]
    return cases


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        route = {
            "/trickle": self._trickle,
            "/to-ftp": lambda: self._redirect("ftp://127.0.0.1/x.txt"),
            "/loop": lambda: self._redirect("/loop"),
            "/page.html": self._page,
        }.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
        else:
            route()

    def _trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(100_000):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:
            pass

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _page(self) -> None:
        body = PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class HostileServer:
    """The HTTP half of the corpus on 127.0.0.1 (a free port); `stop()` ends it."""

    def __init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
