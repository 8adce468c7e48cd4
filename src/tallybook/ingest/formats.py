"""Which reader reads what: by file suffix, by media kind, and by sniffing the first bytes."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..model import Document
from .base import Failure
from .feed import read_feed
from .html import read_html
from .jsonl import read_jsonl
from .pdf import read_pdf
from .telegram import read_telegram
from .txt import read_txt
from .warc import read_warc

Reader = Callable[..., Iterator[Document | Failure]]
READERS: dict[str, Reader] = {
    "txt": read_txt,
    "html": read_html,
    "pdf": read_pdf,
    "feed": read_feed,
    "telegram": read_telegram,
    "jsonl": read_jsonl,
    "warc": read_warc,
}
SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".json": "telegram",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
}
FEED_TAGS = (b"<rss", b"<feed", b"<rdf:rdf")


def kind_of_suffix(suffix: str) -> str | None:
    """The kind of reader for a file suffix (".PDF" -> "pdf"), or None."""
    return SUFFIXES.get(suffix.lower())


def sniff(data: bytes) -> str | None:
    """The kind of reader the first bytes suggest: PDF, Telegram JSON, feed or HTML; else None."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith(b"{") and b'"messages"' in head:
        return "telegram"
    if any(tag in head for tag in FEED_TAGS):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return None
