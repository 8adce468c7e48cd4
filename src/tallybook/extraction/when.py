"""When a figure holds: a rate period ("each day") and the time it refers to (ISO)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from ..languages import LANGUAGES
from ..lexicons import Lexicon, lexicon
from ..model import Number


@cache
def _period_pattern(lex: Lexicon) -> re.Pattern:
    phrases = sorted(lex.words("periods", "phrases"), key=len, reverse=True)
    # "a year earlier", "a week ago" name a point in time, not a rate
    return re.compile(
        r"(?<!\w)(" + "|".join(map(re.escape, phrases)) + r")(?!\w)(?!\s+(?:earlier|later|ago|before|after)\b)"
    )


def period_of(sentence: str, lex: Lexicon) -> str | None:
    """The first rate phrase of the sentence ("each day", "в сутки"), if any."""
    m = _period_pattern(lex).search(sentence.lower())
    return m.group(1) if m else None


def month_number(word: str) -> int | None:
    """The month a month name of any registered language stands for ("June", «июня»), or None."""
    w = word.lower()
    for code in LANGUAGES:
        month = lexicon(code).values("dates", "month_numbers").get(w)
        if month is not None:
            return int(month)
    return None


def time_ref_of(sentence: str, numbers: list[Number], published: date | None, lex: Lexicon) -> str | None:
    """The date a sentence refers to: a stated year (with month), else the publication date."""
    months = lex.values("dates", "month_numbers")
    for n in numbers:
        if n.kind == "year":
            year = int(n.value)
            before = sentence[: max(0, sentence.find(n.text))].split()
            month = months.get(before[-1].lower()) if before else None
            return f"{year:04d}-{int(month):02d}" if month else f"{year:04d}"
    if published is None:
        return None
    low = sentence.lower()
    if any(word in low for word in lex.words("dates", "yesterday")):
        return (published - timedelta(days=1)).isoformat()
    return published.isoformat()
