"""Reading number expressions: `read_numbers(text, lang)`."""
from __future__ import annotations

from ..model import Number
from .reader import reader


def read_numbers(text: str, lang: str = "en") -> list[Number]:
    """Every number expression in `text` (years, dates, ordinals included, marked by kind)."""
    return reader("ru" if lang == "ru" else "en").read(text)


__all__ = ["read_numbers", "Number"]
