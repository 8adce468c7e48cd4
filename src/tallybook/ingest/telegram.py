"""Telegram Desktop channel exports (result.json): one Document per post."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..model import Document
from .base import IngestError, load, text_or_none


def read_telegram(source: str | Path, data: bytes | None = None) -> Iterator[Document]:
    """One Document per message with text; locator "post/<id>", url t.me/<username>/<id> when known.

    Service messages and posts without text (photos alone) are skipped; a post without a date
    is kept with `published=None`.
    """
    source = str(source)
    export = parse_json(load(source, data), source)
    messages = export.get("messages") if isinstance(export, dict) else None
    if not isinstance(messages, list):
        raise IngestError(source, 'not a Telegram channel export (no "messages" list)')
    channel = text_or_none(export.get("name"))
    username = (text_or_none(export.get("username")) or "").lstrip("@") or None
    for n, message in enumerate(messages, 1):
        if isinstance(message, dict) and message.get("type", "message") == "message":
            text = message_text(message.get("text")).strip()
            if text:
                yield _document(message, text, n, source, channel, username)


def _document(message: dict, text: str, n: int, source: str, channel: str | None, username: str | None) -> Document:
    """The Document of one post; without an id it is located by its position in the export."""
    post = text_or_none(message.get("id"))
    url = f"https://t.me/{username}/{post}" if username and post else None
    locator = f"post/{post}" if post else f"message/{n}"
    return Document(text, source, locator=locator, format="telegram", url=url, title=channel,
                    author=text_or_none(message.get("author")), published=text_or_none(message.get("date")))


def message_text(text: object) -> str:
    """The plain text of a message: a string, or a list of strings and {"type", "text"} pieces."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in text if isinstance(p, (str, dict)))
    return ""


def parse_json(data: bytes, source: str) -> object:
    """The JSON value in `data`; IngestError naming the line and column when it is invalid."""
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise IngestError(source, "not UTF-8 JSON") from None
    except json.JSONDecodeError as e:
        raise IngestError(source, f"invalid JSON ({e.msg} at line {e.lineno}, column {e.colno})") from None
