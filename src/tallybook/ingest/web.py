"""Fetching http(s) URLs politely: a deadline for the whole fetch, size limit, our user agent,
redirects to http(s) only; dispatch on Content-Type."""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, replace
from email.message import Message
from urllib.parse import urlsplit

from .. import __version__
from ..model import Document
from .base import MB, Failure, IngestError, brief, size_text
from .formats import READERS, kind_of_suffix, sniff

USER_AGENT = f"tallybook/{__version__} (+offline research tool)"
TIMEOUT = 20.0
MAX_BYTES = 20 * MB
CHUNK = 64 * 1024
CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "application/pdf": "pdf",
    "text/plain": "txt",
    "application/json": "telegram",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
}


@dataclass(frozen=True)
class Page:
    """What a server sent: the final URL after redirects, its media type and charset, the body."""

    url: str
    media_type: str
    charset: str | None
    data: bytes


def is_url(text: str) -> bool:
    """Whether `text` is an http(s) URL with a host."""
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def read_url(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Iterator[Document | Failure]:
    """The Documents of a fetched page, feed, PDF or text, each with `url` set to the final URL."""
    page = fetch(url, timeout=timeout, max_bytes=max_bytes)
    kind = CONTENT_TYPES.get(page.media_type) or sniff(page.data) or _suffix_kind(page.url)
    if kind is None:
        raise IngestError(url, f"unsupported content type {page.media_type or '(none)'!r}")
    read = READERS[kind]
    items = read(url, page.data, encoding=page.charset) if kind == "txt" else read(url, page.data)
    for item in items:
        yield replace(item, url=item.url or page.url) if isinstance(item, Document) else item


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Page:
    """The body of `url`, read up to `max_bytes` within `timeout` seconds for the whole fetch
    (connecting, redirects and every byte); IngestError for HTTP errors, timeouts, oversize."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    deadline = Deadline(timeout)
    try:
        with _opener(deadline).open(request, timeout=timeout) as response:
            _check_length(response.headers, url, max_bytes)
            data = _read_body(response, max_bytes, deadline)
            final, headers = response.geturl(), response.headers
    except IngestError as e:  # a redirect refused
        raise IngestError(url, e.reason) from None
    except urllib.error.HTTPError as e:
        raise IngestError(url, f"HTTP {e.code} {brief(Exception(e.reason))}") from None
    except (OSError, http.client.HTTPException, ValueError) as e:
        raise IngestError(url, _fetch_error(e, deadline)) from None
    finally:
        deadline.cancel()
    if deadline.expired:
        raise IngestError(url, f"timed out after {timeout:g} s")
    if len(data) > max_bytes:
        raise IngestError(url, f"too large: over the {size_text(max_bytes)} limit")
    if not data:
        raise IngestError(url, "empty response")
    return Page(final, *_content_type(headers), data)


def _fetch_error(e: Exception, deadline: Deadline) -> str:
    """The one-line reason of a failed fetch: a timeout, or what the connection said."""
    reason = e.reason if isinstance(e, urllib.error.URLError) else e
    if deadline.expired or isinstance(reason, TimeoutError):
        return f"timed out after {deadline.seconds:g} s"
    return f"cannot fetch ({brief(reason) if isinstance(reason, Exception) else reason})"


def _read_body(response, max_bytes: int, deadline: Deadline) -> bytes:
    """Up to `max_bytes + 1` bytes of the body, a chunk at a time, so the deadline is seen."""
    chunks, size = [], 0
    while size <= max_bytes and not deadline.expired:
        chunk = response.read1(min(CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


class Deadline:
    """The end of a whole fetch: when it passes, every socket of the fetch is shut down."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return max(0.01, self.end - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


def _watched(base: type[http.client.HTTPConnection], deadline: Deadline) -> type:
    """`base` whose connections take the time left as their timeout and are shut at the deadline."""

    class Watched(base):
        def connect(self) -> None:
            self.timeout = deadline.remaining()
            super().connect()
            deadline.watch(self.sock)

    return Watched


class _HTTP(urllib.request.HTTPHandler):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self.connection = _watched(http.client.HTTPConnection, deadline)

    def http_open(self, req):
        return self.do_open(self.connection, req)


class _HTTPS(urllib.request.HTTPSHandler):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self.connection = _watched(http.client.HTTPSConnection, deadline)

    def https_open(self, req):
        return self.do_open(self.connection, req, context=self._context)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects to http(s) URLs only, and a loop said in one line."""

    def http_error_302(self, req, fp, code, msg, headers):
        target = urllib.parse.urljoin(req.full_url, headers.get("location") or headers.get("uri") or "")
        if not is_url(target) or self._looping(req, target):
            fp.close()
        if not is_url(target):
            raise IngestError(req.full_url, f"redirected to a URL that is not http(s): {target[:80]}")
        if self._looping(req, target):
            raise IngestError(
                req.full_url,
                f"redirect loop (HTTP {code}, more than {self.max_redirections} redirects or "
                f"the same URL {self.max_repeats} times)",
            )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def _looping(self, req, target: str) -> bool:
        visited = getattr(req, "redirect_dict", {})
        return visited.get(target, 0) >= self.max_repeats or len(visited) >= self.max_redirections


def _opener(deadline: Deadline) -> urllib.request.OpenerDirector:
    """urllib's opener, its connections under `deadline`, with our redirect rules."""
    return urllib.request.build_opener(_HTTP(deadline), _HTTPS(deadline), _Redirects())


def _check_length(headers: Message, url: str, max_bytes: int) -> None:
    """Refuse before reading when the declared length is over the limit."""
    length = headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise IngestError(url, f"too large: {size_text(int(length))} > {size_text(max_bytes)} limit")


def _content_type(headers: Message) -> tuple[str, str | None]:
    """The media type and charset of the Content-Type header ("" and None when there is none)."""
    if not headers.get("Content-Type"):
        return "", None
    return headers.get_content_type(), headers.get_content_charset()


def _suffix_kind(url: str) -> str | None:
    """The reader a URL's path suffix suggests ("/report.pdf" -> "pdf")."""
    path = urlsplit(url).path
    return kind_of_suffix(path[path.rfind(".") :]) if "." in path.rsplit("/", 1)[-1] else None
