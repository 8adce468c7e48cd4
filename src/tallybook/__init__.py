"""tallybook: every number in conflict reporting, with who said it, where, and how it changed."""
from __future__ import annotations

from .model import Claim, Number
from .numbers import read_numbers

__version__ = "0.1.0"


def extract(text: str, lang: str | None = None, published: str | None = None, pack: str | None = None) -> list[Claim]:
    """The claims in `text`: numbers that count something, with speaker, hedge and measure."""
    from .extraction.pipeline import extract as _extract

    return _extract(text, lang=lang, published=published, pack=pack)


__all__ = ["extract", "read_numbers", "Claim", "Number"]
