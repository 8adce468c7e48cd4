"""PDF files: the text layer page by page with pypdf, keeping where each page starts."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, PdfReadError

from ..model import Document
from .base import IngestError, brief, load, text_or_none

PAGE_BREAK = "\n\n"
logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files are reported as Failures instead


def read_pdf(source: str | Path, data: bytes | None = None) -> Iterator[Document]:
    """One Document: page texts joined by a blank line, `pages` the offset where each starts."""
    source = str(source)
    reader = _open(load(source, data), source)
    try:
        texts = [(page.extract_text() or "").strip() for page in reader.pages]
    except (PdfReadError, DependencyError, ValueError, KeyError, TypeError) as e:
        raise IngestError(source, f"truncated or damaged PDF ({brief(e)})") from None
    if not any(texts):
        raise IngestError(source, "no text layer (scanned?)")
    text, starts = join_pages(texts)
    meta: dict = reader.metadata or {}
    yield Document(
        text,
        source,
        format="pdf",
        title=text_or_none(meta.get("/Title")),
        author=text_or_none(meta.get("/Author")),
        published=_created(reader),
        pages=starts,
    )


def _open(data: bytes, source: str) -> PdfReader:
    """A reader for a whole, readable PDF; IngestError for anything else."""
    if not data.startswith(b"%PDF-"):
        raise IngestError(source, f"not a PDF (starts with {_opening(data)})")
    if b"%%EOF" not in data[-1024:]:
        raise IngestError(source, "truncated or damaged PDF (no end-of-file marker)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(source, "encrypted PDF (needs a password)")
        len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as e:
        raise IngestError(source, f"truncated or damaged PDF ({brief(e)})") from None
    except DependencyError:
        raise IngestError(source, "encrypted PDF (AES needs the 'cryptography' package)") from None
    return reader


def join_pages(texts: list[str]) -> tuple[str, tuple[int, ...]]:
    """The page texts joined by PAGE_BREAK, and the offset at which each page starts."""
    starts, pos = [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + len(PAGE_BREAK)
    return PAGE_BREAK.join(texts), tuple(starts)


def _opening(data: bytes) -> str:
    """What a non-PDF starts with, for the error: "<html>", "'PK\\x03\\x04'"."""
    head = data[:64].lstrip()
    tag = re.match(rb"<[!?]?[A-Za-z][^\s>]*", head)
    if tag:
        return tag.group().decode("ascii", "replace").lower() + ">"
    return repr(head[:8])[1:]


def _created(reader: PdfReader) -> str | None:
    """The creation date from the PDF's metadata as ISO 8601, when it holds a valid one."""
    try:
        created = reader.metadata.creation_date if reader.metadata else None
    except (ValueError, TypeError):
        return None
    return created.isoformat() if isinstance(created, datetime) else None
