"""Plain text files: encoding detection (UTF-8, then cp1251 / koi8-r / others) and the header block."""
from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from ..model import Document
from ..reports import split_header
from .base import IngestError, lang_code, load

RUSSIAN_GUESSES = ("cp1251", "koi8_r")
COMMON_RUSSIAN = set("оеаинтсрвл")
SAMPLE = 100_000  # characters scored; enough to tell encodings apart
PLAUSIBLE = 0.5  # Russian prose scores ~0.7; cp1251 read as koi8-r (or back) ~0.3


def read_txt(source: str | Path, data: bytes | None = None, encoding: str | None = None) -> Iterator[Document]:
    """One Document: the body of a text file; character offsets count from the body's start.

    An optional header block ("Title:", "Published:", "Language:", "URL:", "Author:" lines,
    then a blank line) becomes metadata and is left out of the text.
    """
    source = str(source)
    text = decode_text(load(source, data), source, encoding)
    meta, body_start = split_header(text)
    body = text[body_start:].lstrip("\r\n") if meta else text
    if not body.strip():
        raise IngestError(source, "no text" + (" after the header" if meta else " (blank file)"))
    yield Document(body, source, format="txt", url=meta.get("url") or None, title=meta.get("title") or None,
                   author=meta.get("author") or None, published=meta.get("published") or None,
                   lang=lang_code(meta.get("language")))


def decode_text(data: bytes, source: str, encoding: str | None = None) -> str:
    """The text of `data`: a declared encoding, a BOM, UTF-8, plausible Russian, else a detected one."""
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise IngestError(source, "binary file, not text (holds NUL bytes)")
    guess = from_bytes(data).best()
    candidates = [*RUSSIAN_GUESSES, *([guess.encoding] if guess else [])]
    russian = max(_decodings(data, candidates), key=russian_score)
    if russian_score(russian) >= PLAUSIBLE:
        return russian
    if guess is None:
        pos = _first_bad_utf8(data)
        raise IngestError(source, f"unknown text encoding (not UTF-8: byte 0x{data[pos]:02x} at offset {pos})")
    return str(guess)


def _decodings(data: bytes, encodings: list[str]) -> Iterator[str]:
    """`data` decoded by each encoding that accepts it."""
    for encoding in encodings:
        try:
            yield data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue


def russian_score(text: str) -> float:
    """How much `text` looks like Russian prose, 0..1: Cyrillic, mostly lowercase, common letters."""
    non_ascii = [c for c in text[:SAMPLE] if ord(c) > 127]
    cyrillic = [c for c in non_ascii if "\u0400" <= c <= "\u04ff"]
    if not cyrillic:
        return 0.0
    share = len(cyrillic) / len(non_ascii)
    lower = sum(c.islower() for c in cyrillic) / len(cyrillic)
    common = sum(c.lower() in COMMON_RUSSIAN for c in cyrillic) / len(cyrillic)
    return share * (0.8 * common + 0.2 * lower)  # ten letters make up about two thirds of Russian


def _first_bad_utf8(data: bytes) -> int:
    """The offset of the first byte that is not valid UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        return e.start
    return 0
