"""Real files and a real local HTTP server for the reader tests."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FONT_PLACES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
]


def cyrillic_font() -> str | None:
    """A TrueType font with Cyrillic glyphs on this machine (fpdf2's core fonts have none)."""
    for place in FONT_PLACES:
        if Path(place).is_file():
            return place
    fonts = Path("/usr/share/fonts")
    found = sorted(fonts.rglob("DejaVuSans.ttf")) if fonts.is_dir() else []
    return str(found[0]) if found else None


def pdf_bytes(pages: list[str | None], *, font: str | None = None, encrypt: dict | None = None) -> bytes:
    """A real PDF with one page per entry (None: a page with a drawing and no text)."""
    from fpdf import FPDF

    pdf = FPDF()
    if font:
        pdf.add_font("Body", fname=font)
        pdf.set_font("Body", size=12)
    else:
        pdf.set_font("helvetica", size=12)
    pdf.set_title("Recruitment figures")
    pdf.set_author("Tally Desk")
    pdf.set_creation_date(datetime(2024, 6, 20, 12, 0, tzinfo=UTC))
    for text in pages:
        pdf.add_page()
        if text is None:
            pdf.rect(20, 20, 80, 40)
        else:
            pdf.multi_cell(0, 8, text)
    if encrypt:
        pdf.set_encryption(**encrypt)
    return bytes(pdf.output())


@pytest.fixture
def font() -> str:
    """Path of a Cyrillic TrueType font, or skip."""
    path = cyrillic_font()
    if path is None:
        pytest.skip("no TrueType font with Cyrillic glyphs found (install fonts-dejavu-core)")
    return path


Route = tuple[int, dict[str, str], bytes] | Callable[[BaseHTTPRequestHandler], None]


class Server:
    """A threaded HTTP server on 127.0.0.1 serving `routes`; records the requests it saw."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str]] = []  # (path, user agent)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                server.requests.append((self.path, self.headers.get("User-Agent", "")))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                elif callable(route):
                    route(self)
                else:
                    status, headers, body = route
                    self.send_response(status)
                    for key, value in {"Content-Length": str(len(body)), **headers}.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        return Handler


@pytest.fixture
def server():
    """A running local server; add routes with `server.routes[path] = (status, headers, body)`."""
    s = Server()
    s.thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()
