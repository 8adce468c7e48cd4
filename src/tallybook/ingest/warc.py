"""WARC web archives (`.warc`, `.warc.gz`, as crawlers and archive.org write them): each HTTP
response of an HTML page or plain text is one Document, its locator the page's address."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..model import Document
from .base import Failure, IngestError, brief, load
from .html import read_html
from .txt import read_txt

KINDS = {"text/html": read_html, "application/xhtml+xml": read_html, "text/plain": read_txt}


def read_warc(source: str | Path, data: bytes | None = None) -> Iterator[Document | Failure]:
    """One Document per HTML or text response of the archive; a record that cannot be read is a
    Failure naming its address, and the rest still reads."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(source)
    stream = io.BytesIO(load(source, data))
    found = False
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
            reader = KINDS.get(kind)
            if reader is None:
                continue
            found = True
            yield from _documents(source, record.rec_headers.get_header("WARC-Target-URI") or "", reader, record)
    except ArchiveLoadFailed as e:
        raise IngestError(source, f"not a WARC file ({brief(e)})") from None
    if not found:
        raise IngestError(source, "no HTML or text responses in this WARC file")


def _documents(source: str, uri: str, reader, record) -> Iterator[Document | Failure]:
    try:
        body = record.content_stream().read()
        for doc in reader(uri or source, body):
            if isinstance(doc, Document):
                yield replace(doc, source=source, locator=uri, url=doc.url or uri or None)
            else:
                yield doc
    except IngestError as e:
        yield Failure(source, f"{uri}: {e.reason}")
