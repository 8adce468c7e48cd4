"""When a figure holds: a rate period ("each day") and the time it refers to (ISO)."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from ..lexicons import Lexicon
from ..model import Number

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
RU_MONTHS = {stem: i for i, stem in enumerate(
    "январ феврал март апрел ма июн июл август сентябр октябр ноябр декабр".split(), 1)}


@cache
def _period_pattern(lex: Lexicon) -> re.Pattern:
    phrases = sorted(lex.words("periods", "phrases"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, phrases)) + r")(?!\w)")


def period_of(sentence: str, lex: Lexicon) -> str | None:
    """The first rate phrase of the sentence ("each day", "в сутки"), if any."""
    m = _period_pattern(lex).search(sentence.lower())
    return m.group(1) if m else None


def month_number(word: str) -> int | None:
    w = word.lower()
    if w in MONTHS:
        return MONTHS[w]
    for stem, i in RU_MONTHS.items():
        if w.startswith(stem) and (stem != "ма" or w in ("мая", "май", "мае")):
            return i
    return None


def time_ref_of(sentence: str, numbers: list[Number], published: date | None) -> str | None:
    """The date a sentence refers to: a stated year (with month), else the publication date."""
    for n in numbers:
        if n.kind == "year":
            year = int(n.value)
            before = sentence[: max(0, sentence.find(n.text))].split()
            month = month_number(before[-1]) if before else None
            return f"{year:04d}-{month:02d}" if month else f"{year:04d}"
    low = sentence.lower()
    if published is not None:
        if "yesterday" in low or "вчера" in low:
            return (published - timedelta(days=1)).isoformat()
        return published.isoformat()
    return None
