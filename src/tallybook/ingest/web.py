"""Fetching http(s) URLs politely: timeout, size limit, our user agent; dispatch on Content-Type."""
from __future__ import annotations

import http.client
import urllib.error
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
CONTENT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed",
    "application/pdf": "pdf", "text/plain": "txt",
    "application/json": "telegram", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
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
    """The body of `url`, read up to `max_bytes`; IngestError for HTTP errors, timeouts, oversize."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            _check_length(response.headers, url, max_bytes)
            data = response.read(max_bytes + 1)
            final, headers = response.geturl(), response.headers
    except urllib.error.HTTPError as e:
        raise IngestError(url, f"HTTP {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        if isinstance(e.reason, TimeoutError):
            raise IngestError(url, f"timed out after {timeout:g} s") from None
        raise IngestError(url, f"cannot fetch ({e.reason})") from None
    except TimeoutError:
        raise IngestError(url, f"timed out after {timeout:g} s") from None
    except (OSError, http.client.HTTPException) as e:
        raise IngestError(url, f"cannot fetch ({brief(e)})") from None
    if len(data) > max_bytes:
        raise IngestError(url, f"too large: over the {size_text(max_bytes)} limit")
    if not data:
        raise IngestError(url, "empty response")
    return Page(final, *_content_type(headers), data)


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
    return kind_of_suffix(path[path.rfind("."):]) if "." in path.rsplit("/", 1)[-1] else None
