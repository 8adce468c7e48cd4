"""The date of an incident: a date the sentence states, resolved against the publication date,
with its precision (day, month, year)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from .when import month_number

EN_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
RU_MONTH = r"(январ[а-яё]*|феврал[а-яё]*|март[а-яё]*|апрел[а-яё]*|ма[йяе]|июн[а-яё]*|июл[а-яё]*|август[а-яё]*|сентябр[а-яё]*|октябр[а-яё]*|ноябр[а-яё]*|декабр[а-яё]*)"
YEAR = r"((?:19|20)\d{2})"

# (pattern, groups): each names which group holds the day, month and year; the first rule of
# the list that matches at a position wins, so the most precise shape comes first.
RULES: dict[str, tuple[tuple[str, tuple[int | None, int | None, int | None]], ...]] = {
    "en": (
        (rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{EN_MONTH}(?:,?\s+{YEAR})?", (1, 2, 3)),
        (rf"\b{EN_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{YEAR})?", (2, 1, 3)),
        (rf"\b{EN_MONTH}(?:\s+(?:of\s+)?{YEAR})?\b", (None, 1, 2)),
        (rf"\b(?:in|since|during|of|from|by|until)\s+(?:early\s+|late\s+|mid-)?{YEAR}\b", (None, None, 1)),
    ),
    "ru": (
        (rf"(?<!\d)(\d{{1,2}})\s+{RU_MONTH}(?:\s+{YEAR})?", (1, 2, 3)),
        (rf"(?<!\w)(?:в|с|до|по)\s+(?:начале\s+|конце\s+|середине\s+)?{RU_MONTH}(?:\s+{YEAR})?", (None, 1, 2)),
        (rf"{YEAR}\s+(?:год|г\.)", (None, None, 1)),
    ),
}


@dataclass(frozen=True)
class When:
    """A date as precise as the text allows: "2024-10-11", "2024-10" or "2024"."""

    value: str
    precision: str  # day | month | year
    start: int  # offset in the sentence


@cache
def _compiled(lang: str) -> tuple[tuple[re.Pattern, tuple], ...]:
    flags = re.IGNORECASE if lang == "ru" else 0
    return tuple((re.compile(p, flags), g) for p, g in RULES[lang])


def dates_in(
    sentence: str, lang: str, published: date | None, words: dict[str, tuple[str, ...]], year: int | None = None
) -> list[When]:
    """Every date `sentence` states, in text order, resolved against `published` (else a month
    or day without its year takes `year`, the latest the document states); a range ("from
    October 1999 to December 2002", «с 19 сентября по 2 октября») is as precise as its two ends
    agree."""
    found: list[tuple[When, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern, groups in _compiled(lang):
        for m in pattern.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            w = _resolve(m, groups, published, sentence, lang, words, year)
            if w is not None:
                taken.append(m.span())
                found.append((w, m.end()))
    found.sort(key=lambda we: we[0].start)
    out = _join_ranges(sentence, found, words.get("range", ()))
    out.extend(_relative(sentence, published, words))
    return sorted(out, key=lambda w: w.start)


def _join_ranges(sentence: str, found: list[tuple[When, int]], joins: tuple[str, ...]) -> list[When]:
    """Dates with their ranges joined: two dates with a range word between them ("to", «по»)
    and one before the first ("from", «с») become the part of the date they share."""
    out: list[When] = []
    k = 0
    while k < len(found):
        w, end = found[k]
        if k + 1 < len(found) and _is_range(sentence, w.start, end, found[k + 1][0].start, joins):
            shared = _shared(w.value, found[k + 1][0].value)
            if shared:
                out.append(When(shared, PRECISION[len(shared.split("-"))], w.start))
            k += 2
            continue
        out.append(w)
        k += 1
    return out


PRECISION = {1: "year", 2: "month", 3: "day"}
OPENERS = ("from", "between", "с", "со")


def _is_range(sentence: str, start: int, end: int, next_start: int, joins: tuple[str, ...]) -> bool:
    between = re.sub(r"^(года|году|г\.)\s*", "", sentence[end:next_start].strip().lower())
    nxt = sentence[next_start:].lower().split()
    if not between and nxt and nxt[0] in joins:
        between = nxt[0]  # the second date's rule took its preposition («по декабрь 2002 года»)
    before = sentence[max(0, start - 12) : start].lower().split()
    own = sentence[start:].lower().split()
    opens = bool(before) and before[-1] in OPENERS or bool(own) and own[0] in OPENERS
    return opens and between in joins


def _shared(a: str, b: str) -> str:
    """The leading parts two ISO dates share ("2024-09-19", "2024-10-02" → "2024")."""
    parts = []
    for x, y in zip(a.split("-"), b.split("-")):
        if x != y:
            break
        parts.append(x)
    return "-".join(parts)


def _resolve(
    m: re.Match,
    groups: tuple,
    published: date | None,
    sentence: str,
    lang: str,
    words: dict[str, tuple[str, ...]],
    doc_year: int | None = None,
) -> When | None:
    d_g, m_g, y_g = groups
    day = int(m.group(d_g)) if d_g and m.group(d_g) else None
    month = month_number(m.group(m_g)) if m_g and m.group(m_g) else None
    year = int(m.group(y_g)) if y_g and m.group(y_g) else None
    if m_g and month is None:
        return None
    if month is not None and year is None:
        after = sentence[m.end() : m.end() + 20].lower()
        if any(after.strip().startswith(w) for w in words.get("last_year", ())):
            year = published.year - 1 if published else None
        elif published is not None:
            year = published.year if month <= published.month else published.year - 1
        else:
            year = doc_year
        if year is None:
            return None
    if day is not None and not 1 <= day <= 31:
        return None
    if day is not None:
        return When(f"{year:04d}-{month:02d}-{day:02d}", "day", m.start())
    if month is not None:
        return When(f"{year:04d}-{month:02d}", "month", m.start())
    return When(f"{year:04d}", "year", m.start())


def _relative(sentence: str, published: date | None, words: dict[str, tuple[str, ...]]) -> list[When]:
    """ "yesterday", "last month", a weekday: dates only the publication date resolves."""
    if published is None:
        return []
    low = sentence.lower()
    out: list[When] = []
    shifts = {"today": (published, "day"), "yesterday": (published - timedelta(days=1), "day")}
    for kind, (day, precision) in shifts.items():
        for w in words.get(kind, ()):
            k = _find_word(low, w)
            if k >= 0:
                out.append(When(day.isoformat(), precision, k))
    for w in words.get("last_month", ()):
        k = _find_word(low, w)
        if k >= 0:
            first = published.replace(day=1) - timedelta(days=1)
            out.append(When(f"{first.year:04d}-{first.month:02d}", "month", k))
    for w in words.get("weekdays", ()):
        k = _find_word(low, w)
        if k >= 0:
            back = (published.weekday() - list(words["weekdays"]).index(w)) % 7
            out.append(When((published - timedelta(days=back)).isoformat(), "day", k))
    return out


def _find_word(low: str, word: str) -> int:
    m = re.search(rf"(?<!\w){re.escape(word)}", low)
    return m.start() if m else -1


def latest_year(text: str, lang: str, words: dict[str, tuple[str, ...]]) -> int | None:
    """The latest year the text states in a date ("in May 2024", «в 2023 году»): a report's
    time when its publication date is unknown."""
    years = [int(w.value[:4]) for w in dates_in(text, lang, None, words)]
    return max(years, default=None)


def date_near(dates: list[When], pos: int) -> When | None:
    """The date of `dates` stated nearest to offset `pos` of the sentence."""
    return min(dates, key=lambda w: abs(w.start - pos), default=None)
