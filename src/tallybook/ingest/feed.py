"""RSS and Atom feeds with feedparser: one Document per entry."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import feedparser

from ..model import Document
from .base import IngestError, brief, lang_code, load, text_or_none
from .html import html_to_text


def read_feed(source: str | Path, data: bytes | None = None) -> Iterator[Document]:
    """One Document per entry with text: title, link, published (ISO, UTC), author; locator "entry/<id>"."""
    source = str(source)
    feed = feedparser.parse(load(source, data))
    if not feed.version:
        reason = brief(feed.bozo_exception) if feed.get("bozo_exception") else "no <rss> or <feed> element"
        raise IngestError(source, f"not an RSS/Atom feed ({reason})")
    if not feed.entries:
        raise IngestError(source, "feed has no entries")
    lang = lang_code(feed.feed.get("language"))
    for entry in feed.entries:
        text = entry_text(entry)
        if text:
            yield _document(entry, text, source, lang)


def _document(entry: dict, text: str, source: str, lang: str | None) -> Document:
    """The Document of one feed entry."""
    link = text_or_none(entry.get("link"))
    key = text_or_none(entry.get("id")) or link or text_or_none(entry.get("title")) or "?"
    return Document(
        text,
        source,
        locator=f"entry/{key}",
        format="feed",
        url=link,
        title=text_or_none(entry.get("title")),
        author=text_or_none(entry.get("author")),
        published=published(entry),
        lang=lang_code(entry.get("language")) or lang,
    )


def entry_text(entry: dict) -> str:
    """Plain text of an entry: its full content if given, else its summary."""
    contents = [c.get("value", "") for c in entry.get("content", [])]
    html = max(contents, key=len, default="") or entry.get("summary", "")
    return html_to_text(html) if html else ""


def published(entry: dict) -> str | None:
    """The entry's publication (else update) time as ISO 8601 in UTC."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()
