"""Plain text files: encoding detection (UTF-8, then cp1251 / koi8-r or Western Latin-1 told
apart, then others) and the header block."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from ..model import Document
from ..reports import split_header
from .base import IngestError, lang_code, load

RUSSIAN_GUESSES = ("cp1251", "koi8_r")
COMMON_RUSSIAN = set("оеаинтсрвл")
SAMPLE = 100_000  # characters scored; enough to tell encodings apart
PLAUSIBLE = 0.5  # Russian prose scores ~0.7; cp1251 read as koi8-r (or back) ~0.3
WESTERN = ("cp1252", "latin-1")
WORD = re.compile(r"[^\W\d_]{2,}")  # runs of two letters or more
MIXED = 0.2  # Russian words hold no Latin letters; Latin-1 read as cp1251 makes "CafИ", "Mьller"
LATIN = 0.5  # Western words with accents hold plain letters too ("café"); cp1251 read as Latin-1 does not


def read_txt(source: str | Path, data: bytes | None = None, encoding: str | None = None) -> Iterator[Document]:
    """One Document: the body of a text file; character offsets count from the body's start.

    An optional header block ("Title:", "Published:", "Source:", "Language:", "URL:", "Author:" lines,
    then a blank line) becomes metadata and is left out of the text.
    """
    source = str(source)
    text = decode_text(load(source, data), source, encoding)
    meta, body_start = split_header(text)
    body = text[body_start:].lstrip("\r\n") if meta else text
    if not body.strip():
        raise IngestError(source, "no text" + (" after the header" if meta else " (blank file)"))
    yield Document(
        body,
        source,
        format="txt",
        url=meta.get("url") or None,
        title=meta.get("title") or None,
        author=meta.get("author") or None,
        published=meta.get("published") or None,
        lang=lang_code(meta.get("language")),
        source_note=meta.get("source") or None,
    )


def decode_text(data: bytes, source: str, encoding: str | None = None) -> str:
    """The text of `data`: a declared encoding, a BOM, UTF-8, else Russian or Western single-byte text,
    whichever reads as words (IngestError when neither or both do)."""
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
    russian = max(_decodings(data, list(RUSSIAN_GUESSES)), key=russian_score)
    western = next(_decodings(data, list(WESTERN)))
    is_russian = russian_score(russian) >= PLAUSIBLE and script_mixing(russian) < MIXED
    is_western = western_score(western) >= LATIN
    if is_russian == is_western:
        pos = _first_bad_utf8(data)
        raise IngestError(
            source,
            f"cannot tell the text encoding (not UTF-8: byte 0x{data[pos]:02x} at offset {pos}; "
            "neither Russian cp1251/koi8-r nor Western Latin-1 reads as words): save it as UTF-8",
        )
    return russian if is_russian else western


def script_mixing(text: str) -> float:
    """The share of words holding Cyrillic letters that also hold Latin ones (0 for Russian prose)."""
    words = [w for w in WORD.findall(text[:SAMPLE]) if any("\u0400" <= c <= "\u04ff" for c in w)]
    return sum(any("a" <= c.lower() <= "z" for c in w) for w in words) / len(words) if words else 0.0


def western_score(text: str) -> float:
    """The share of words with accented letters that also hold plain ones, 0..1 (1 with no accents)."""
    words = [w for w in WORD.findall(text[:SAMPLE]) if not w.isascii()]
    return sum(any(c.isascii() for c in w) for w in words) / len(words) if words else 1.0


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
