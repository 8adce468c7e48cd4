"""tallybook: every number in conflict reporting, with who said it, where, and how it changed."""

from __future__ import annotations

from .model import Claim, Incident, Name, Number, Place, Reading
from .numbers import read_numbers

__version__ = "0.1.0"


def extract(text: str, lang: str | None = None, published: str | None = None, pack: str | None = None) -> list[Claim]:
    """The claims in `text`: numbers that count something, with speaker, hedge and measure."""
    from .extraction.pipeline import extract as _extract

    return _extract(text, lang=lang, published=published, pack=pack)


def read(text: str, lang: str | None = None, published: str | None = None, pack: str | None = None) -> Reading:
    """extract's claims, with the people, organisations and places the text names."""
    from .extraction.pipeline import read as _read

    return _read(text, lang=lang, published=published, pack=pack)


def incidents(
    text: str, lang: str | None = None, published: str | None = None, pack: str | None = None
) -> list[Incident]:
    """The incidents `text` reports: type, words, actor, affected group, place, date, claims."""
    from .extraction.incidents import incidents as _incidents

    return _incidents(text, lang=lang, published=published, pack=pack)


__all__ = ["extract", "read", "read_numbers", "incidents", "Claim", "Incident", "Name", "Number", "Place", "Reading"]
