"""Telegram Desktop channel exports (result.json): one Document per post."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model import Document
from .base import Failure, IngestError, load, text_or_none
from .jsonscan import ScanError, elements, members


def read_telegram(source: str | Path, data: bytes | None = None) -> Iterator[Document | Failure]:
    """One Document per message with text; locator "post/<id>", url t.me/<username>/<id> when known.

    Service messages and posts without text (photos alone) are skipped; a post without a date
    is kept with `published=None`; a message nested too deeply to parse is a Failure alone.
    """
    source = str(source)
    export = parse_json(load(source, data), source)
    messages = export.get("messages") if isinstance(export, dict) else None
    if not isinstance(messages, list):
        raise IngestError(source, 'not a Telegram channel export (no "messages" list)')
    channel = text_or_none(export.get("name"))
    username = (text_or_none(export.get("username")) or "").lstrip("@") or None
    for n, message in enumerate(messages, 1):
        if isinstance(message, Failure):
            yield message
        elif isinstance(message, dict) and message.get("type", "message") == "message":
            text = message_text(message.get("text")).strip()
            if text:
                yield _document(message, text, n, source, channel, username)


def _document(message: dict, text: str, n: int, source: str, channel: str | None, username: str | None) -> Document:
    """The Document of one post; without an id it is located by its position in the export."""
    post = text_or_none(message.get("id"))
    url = f"https://t.me/{username}/{post}" if username and post else None
    locator = f"post/{post}" if post else f"message/{n}"
    return Document(
        text,
        source,
        locator=locator,
        format="telegram",
        url=url,
        title=channel,
        author=text_or_none(message.get("author")),
        published=text_or_none(message.get("date")),
    )


def message_text(text: object) -> str:
    """The plain text of a message: a string, or a list of strings and {"type", "text"} pieces."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in text if isinstance(p, (str, dict)))
    return ""


def parse_json(data: bytes, source: str) -> Any:
    """The JSON value in `data`; IngestError naming the line and column when it is invalid.

    When it is nested too deeply for Python's parser, the export is read member by member and
    message by message, so only the messages nested too deeply fail (as Failures in the list).
    """
    try:
        text = data.decode("utf-8-sig")
        return json.loads(text)
    except UnicodeDecodeError:
        raise IngestError(source, "not UTF-8 JSON") from None
    except json.JSONDecodeError as e:
        raise IngestError(source, f"invalid JSON ({e.msg} at line {e.lineno}, column {e.colno})") from None
    except RecursionError:
        pass
    try:
        return _piecewise(text, source)
    except (ScanError, json.JSONDecodeError) as e:
        raise IngestError(source, f"invalid JSON ({e.msg if isinstance(e, json.JSONDecodeError) else e})") from None


def _piecewise(text: str, source: str) -> dict:
    """The export's members, each parsed alone; "messages" element by element."""
    export: dict = {}
    for key, start, end in members(text):
        if key == "messages" and text.startswith("[", start):
            export[key] = [_message(text[a:b], n, source) for n, (a, b) in enumerate(elements(text, start, end), 1)]
        else:
            try:
                export[key] = json.loads(text[start:end])
            except RecursionError:
                export[key] = None
    return export


def _message(text: str, n: int, source: str) -> object:
    """One message of the export, or a Failure when it is nested too deeply or broken."""
    try:
        return json.loads(text)
    except RecursionError:
        return Failure(source, f"message {n}: JSON nested too deeply")
    except json.JSONDecodeError as e:
        return Failure(source, f"message {n}: invalid JSON ({e.msg})")
