"""The documents of the paths a command is given, read by the ingest readers, with their offsets.

`tallybook extract` and `tallybook ingest` read every format the same way. A text report's claims
keep offsets into the whole file (its header block included), as `extract` has always printed
them; other formats' offsets are into the text the reader took out (an HTML page's main text).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Document
from .base import Failure
from .formats import READERS, SUFFIXES, sniff
from .sources import read_sources, walk
from .txt import decode_text

STDIN = "-"


def known_kinds() -> str:
    """The file suffixes the readers know, for help texts and messages: ".txt, .html, ..."."""
    return ", ".join(sorted(SUFFIXES))


def sources_of(paths: Iterable[str], **options) -> Iterator[Document | Failure]:
    """read_sources (with its `options`), plus standard input for "-" and a Failure for a
    directory with nothing to read."""
    for item in map(str, paths):
        if item == STDIN:
            yield from read_stdin()
        elif Path(item).is_dir() and next(walk(Path(item)), None) is None:
            yield Failure(item, f"no files to read in this directory (known: {known_kinds()})")
        else:
            yield from read_sources([item], **options)


def read_stdin() -> Iterator[Document | Failure]:
    """The documents of standard input, read by the reader its first bytes suggest (else as text)."""
    data = sys.stdin.buffer.read()
    if not data.strip():
        yield Failure(STDIN, "empty input")
        return
    kind = sniff(data) or "txt"
    try:
        yield from READERS[kind](STDIN, data)
    except Exception as e:  # the readers' own errors carry the reason
        yield Failure(STDIN, getattr(e, "reason", None) or f"cannot be read ({type(e).__name__}: {e})")


def offset_in_file(doc: Document) -> int:
    """Where `doc`'s text starts in its file: after the header block of a text report, else 0."""
    if doc.format != "txt" or doc.locator or doc.source == STDIN or "://" in doc.source:
        return 0
    try:
        whole = decode_text(Path(doc.source).read_bytes(), doc.source)
    except Exception:
        return 0
    return len(whole) - len(doc.text) if whole.endswith(doc.text) else 0
