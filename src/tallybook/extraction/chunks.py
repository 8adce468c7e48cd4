"""Cutting a long text into pieces the parsers take: spaCy refuses a text over 1,000,000
characters (E088) and needs about 1 GB a 100,000 characters, so a long report is read a piece
at a time, each cut at a paragraph break, else a sentence end, else a space."""

from __future__ import annotations

import re
from collections.abc import Iterator

CHUNK = 100_000  # characters a piece at most; memory stays that of one piece's parse
# Where to cut, best first; each match's end is where the next piece starts.
BREAKS = (
    re.compile(r"\n[ \t\r]*\n\s*"),  # a blank line: between paragraphs
    re.compile(r"[.!?…][\"»”')\]]*\s+"),  # a sentence end
    re.compile(r"\s+"),  # a space
)


def chunks(text: str, size: int = CHUNK) -> Iterator[tuple[int, int]]:
    """(start, end) of pieces of at most `size` characters that cover `text` in order."""
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        yield start, end
        start = end
    if start < len(text):
        yield start, len(text)


def _cut(text: str, start: int, limit: int) -> int:
    """The best place to end the piece text[start:limit]: the last break in its second half."""
    window = text[start:limit]
    for pattern in BREAKS:
        last = None
        for last in pattern.finditer(window, len(window) // 2):  # noqa: B007 - the last match is kept
            pass
        if last is not None and last.end() < len(window):
            return start + last.end()
    return limit
