"""Reading report files from disk: checks that name the file and the problem."""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path

# control characters, line separators and bidirectional overrides: what could break or disguise a line
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
HEADER_LINE = re.compile(r"^(Title|Published|Source|Language|URL|Author):[ \t]*(.*)$")


class InputError(Exception):
    """A file that cannot be read as a report; the message names the file and the problem."""


@dataclass(frozen=True)
class Report:
    """A report's text with the metadata of its optional header block."""

    path: str
    text: str
    body_start: int
    meta: dict[str, str]


def read_report(path: str | Path) -> Report:
    """Read a UTF-8 text report; raise InputError with a one-line reason when it cannot be.

    Only regular files are read: a FIFO or a device named *.txt would block or never end.
    """
    p = Path(path)
    name = shown(str(path))
    try:
        if not stat.S_ISREG(p.stat().st_mode):
            raise InputError(f"{name}: " + ("is a directory" if p.is_dir() else "not a regular file"))
        raw = p.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e})") from None
    if not raw.strip():
        raise InputError(f"{name}: empty file")
    if b"\x00" in raw[:4096]:
        raise InputError(f"{name}: binary file, not text (holds NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not UTF-8 (invalid byte 0x{raw[e.start]:02x} at offset {e.start})") from None
    meta, body_start = split_header(text)
    return Report(str(path), text, body_start, meta)


def shown(name: str) -> str:
    """A file name as one printable line: control characters (a newline in a name) escaped."""
    return CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), name)


def split_header(text: str) -> tuple[dict[str, str], int]:
    """The "Key: value" header block at the top of a sample report, and where the body starts."""
    meta: dict[str, str] = {}
    pos = 0
    for line in text.splitlines(keepends=True):
        m = HEADER_LINE.match(line.rstrip("\r\n"))
        if not m:
            break
        meta[m.group(1).lower()] = m.group(2).strip()
        pos += len(line)
    if not meta:
        return {}, 0
    return meta, pos


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; directories replaced by the .txt files under them, sorted."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(str(f) for f in sorted(path.rglob("*.txt")))
        else:
            out.append(p)
    return out
