"""Source readers: files, directories, feeds, Telegram exports, JSON Lines and URLs -> Documents.

`read_sources(paths)` is the entry point; each format also has its own `read_<format>(source,
data=None)` that raises IngestError with a one-line reason naming the source.
"""

from __future__ import annotations

from .base import Failure, IngestError
from .feed import read_feed
from .html import read_html
from .jsonl import read_jsonl
from .pdf import read_pdf
from .sources import read_file, read_sources
from .telegram import read_telegram
from .txt import decode_text, read_txt
from .web import fetch, read_url

__all__ = [
    "read_sources",
    "read_file",
    "read_url",
    "fetch",
    "Failure",
    "IngestError",
    "decode_text",
    "read_txt",
    "read_html",
    "read_pdf",
    "read_feed",
    "read_telegram",
    "read_jsonl",
]
