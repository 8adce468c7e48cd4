"""JSON Lines files of {"text", "url", "published", "title", "author", "lang"} records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..model import Document
from .base import Failure, IngestError, lang_code, load, text_or_none


def read_jsonl(source: str | Path, data: bytes | None = None) -> Iterator[Document | Failure]:
    """One Document per record (locator "line/<n>"); a bad line is a Failure and the rest still reads."""
    source = str(source)
    try:
        text = load(source, data).decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise IngestError(source, f"not UTF-8 (invalid byte at offset {e.start})") from None
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield record_document(line, n, source)


def record_document(line: str, n: int, source: str) -> Document | Failure:
    """The Document of line `n`, or a Failure saying what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        return Failure(source, f"line {n}: invalid JSON ({e.msg}, column {e.colno})")
    except RecursionError:
        return Failure(source, f"line {n}: JSON nested too deeply")
    if not isinstance(record, dict):
        return Failure(source, f"line {n}: not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Failure(source, f'line {n}: no "text"')
    return Document(
        text,
        source,
        locator=f"line/{n}",
        format="jsonl",
        url=text_or_none(record.get("url")),
        title=text_or_none(record.get("title")),
        author=text_or_none(record.get("author")),
        published=text_or_none(record.get("published")),
        lang=lang_code(record.get("lang")),
    )
