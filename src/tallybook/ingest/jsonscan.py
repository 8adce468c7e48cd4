"""Finding where JSON values end without parsing them, so one part of a file can fail alone.

Python's json module recurses once per level of nesting: a value nested a few thousand levels
deep raises RecursionError and takes the whole file with it. `members` walks a top-level object
and `elements` an array with a flat loop, so each member or element is parsed on its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

WHITESPACE = " \t\r\n"
_STRING = json.decoder.scanstring


class ScanError(ValueError):
    """JSON that is not well formed where the scan looked; the message says where."""


def skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in WHITESPACE:
        pos += 1
    return pos


def value_end(text: str, pos: int) -> int:
    """The index just past the JSON value starting at `pos` (nesting counted, not recursed)."""
    if text.startswith('"', pos):
        return _STRING(text, pos + 1)[1]
    if not text.startswith(("[", "{"), pos):  # a number, true, false or null
        while pos < len(text) and text[pos] not in ",]}" + WHITESPACE:
            pos += 1
        return pos
    depth = 0
    while pos < len(text):
        c = text[pos]
        if c == '"':
            pos = _STRING(text, pos + 1)[1]
            continue
        pos += 1
        if c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
            if depth == 0:
                return pos
    raise ScanError("the file ends inside a value")


def members(text: str) -> Iterator[tuple[str, int, int]]:
    """(key, start, end) of each member of the top-level object of `text`."""
    pos = skip_space(text, 0)
    if not text.startswith("{", pos):
        raise ScanError("not a JSON object")
    pos = skip_space(text, pos + 1)
    while pos < len(text) and text[pos] != "}":
        if text[pos] != '"':
            raise ScanError(f"expected a key at offset {pos}")
        key, pos = _STRING(text, pos + 1)
        pos = skip_space(text, pos)
        if not text.startswith(":", pos):
            raise ScanError(f"expected ':' at offset {pos}")
        start = skip_space(text, pos + 1)
        end = value_end(text, start)
        yield key, start, end
        pos = _after_item(text, end, "}")


def elements(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each element of the array text[start:end]."""
    if not text.startswith("[", start):
        raise ScanError(f"expected an array at offset {start}")
    pos = skip_space(text, start + 1)
    while pos < end - 1:
        item_end = value_end(text, pos)
        yield pos, item_end
        pos = _after_item(text, item_end, "]")


def _after_item(text: str, pos: int, close: str) -> int:
    """The start of the next item after a comma, or the position of the closing bracket."""
    pos = skip_space(text, pos)
    if text.startswith(",", pos):
        return skip_space(text, pos + 1)
    if text.startswith(close, pos):
        return pos
    raise ScanError(f"expected ',' or {close!r} at offset {pos}")
