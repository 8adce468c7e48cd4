"""Reading number expressions: `read_numbers(text, lang)`."""

from __future__ import annotations

from ..languages import language
from ..model import Number


def read_numbers(text: str, lang: str = "en") -> list[Number]:
    """Every number expression in `text` (years, dates, ordinals included, marked by kind)."""
    return language(lang).read_numbers(text)


__all__ = ["read_numbers", "Number"]
