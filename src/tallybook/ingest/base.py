"""What every reader shares: the error it raises, the failure it yields, loading bytes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..reports import shown

MB = 1024 * 1024


class IngestError(Exception):
    """A source that cannot be read; `str()` is one line naming the source and the problem."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{shown(source)}: {shown(reason)}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True)
class Failure:
    """A source (or part of one) that could not be read, with a one-line reason."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{shown(self.source)}: {shown(self.reason)}"


def load(source: str | Path, data: bytes | None) -> bytes:
    """`data` if given, else the bytes of the file at `source`; never empty."""
    if data is None:
        try:
            data = Path(source).read_bytes()
        except FileNotFoundError:
            raise IngestError(str(source), "no such file") from None
        except IsADirectoryError:
            raise IngestError(str(source), "is a directory") from None
        except OSError as e:
            raise IngestError(str(source), f"cannot be read ({e.strerror or e})") from None
    if not data:
        raise IngestError(str(source), "empty file")
    return data


def size_text(n: int) -> str:
    """A byte count as people say it: "200 MB", "1.5 MB", "12 KB", "300 bytes"."""
    if n >= 10 * MB:
        return f"{n / MB:.0f} MB"
    if n >= MB:
        return f"{n / MB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def lang_code(value: object) -> str | None:
    """ "ru-RU", "en_us", "EN" -> "ru", "en"; None for nothing usable."""
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().replace("_", "-").split("-")[0].lower() or None


def text_or_none(value: object) -> str | None:
    """A stripped non-empty string, or None (numbers become strings)."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None


def brief(error: Exception, limit: int = 80) -> str:
    """The first line of an exception's message, cut to `limit` characters."""
    lines = str(error).strip().splitlines() or [type(error).__name__]
    line = lines[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"
