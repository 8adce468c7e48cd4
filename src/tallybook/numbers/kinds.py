"""What kind of number a reading is: year, date, time, ordinal, age, identifier, money, percent,
a pronoun "one", or a plain cardinal. Each kind is one named rule; KIND_RULES is their order,
the first rule that names a kind wins, and a reading no rule names stays a cardinal."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .reading import Reading, Vocab, glued_suffix, words_at
from .tokens import Token

DATE_DIGITS = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}$")
YEAR_DIGITS = re.compile(r"(1[89]|20)\d\d")


@dataclass(frozen=True)
class At:
    """A reading in its tokens, with the words around it that the rules look at."""

    v: Vocab
    toks: list[Token]
    r: Reading

    @property
    def prev(self) -> str:
        return self.toks[self.r.i - 1].lower if self.r.i > 0 else ""

    @property
    def prev2(self) -> str:
        return self.toks[self.r.i - 2].lower if self.r.i > 1 else ""

    @property
    def next(self) -> Token | None:
        return self.toks[self.r.j] if self.r.j < len(self.toks) else None

    @property
    def next_word(self) -> str:
        return self.toks[self.r.j].lower if self.r.j < len(self.toks) else ""

    @property
    def single_digits(self) -> bool:
        """One digit group (with at most a glued case ending): "2024", "5-ти"."""
        return self.r.j - self.r.i - self.r.tail == 1 and self.toks[self.r.i].kind == "num"


# A rule gives the kind of the reading at `At`, or None; it may widen the reading to take
# the words that make the kind ("155th" takes "th", "10:30" its minutes).
Rule = Callable[[At], "str | None"]


def date_digits(a: At) -> str | None:
    """ "12.05.2024": a date written in digits (one token: dots, not slashes)."""
    return "date" if a.single_digits and DATE_DIGITS.match(a.toks[a.r.i].text) else None


def ordinal_compound(a: At) -> str | None:
    """ "двадцать пятого" (25th), "twenty-first", "one hundred and first": an ordinal word that
    ends a cardinal in words; a date before a month, a year before «года»."""
    if not a.r.words or not _take_ordinal_word(a):
        return None
    return "date" if a.next_word in a.v.months else "year" if a.next_word in a.v.year_after else "ordinal"


def _take_ordinal_word(a: At) -> bool:
    """Take the ordinal word after `a.r` into it when it fills the places the cardinal leaves
    empty: "сто десятая" is the 110th, but in "пять первых дней" the ordinal is a word of its own."""
    r, toks = a.r, a.toks
    k = r.j + (r.j + 1 < len(toks) and toks[r.j].text in "-‐" and toks[r.j].end == toks[r.j + 1].start)
    k += k + 1 < len(toks) and toks[k].lower in a.v.grammar.and_words  # "one hundred and first"
    if k >= len(toks) or not r.value:
        return False
    value = a.v.ordinal_value(toks[k].lower)
    place = 1
    while r.value % (place * 10) == 0:
        place *= 10
    if value is None or value >= place:
        return False
    r.value += value
    r.j = k + 1
    return True


def ordinal_suffix(a: At) -> str | None:
    """ "155th", "2-й", "3-го": digits with an ordinal suffix glued on."""
    k = glued_suffix(a.toks, a.r.j)
    if k is None or a.toks[k].lower not in a.v.ordinal_suffixes:
        return None
    a.r.j = k + 1
    return "ordinal"


def ordinal_part(a: At) -> str | None:
    """«в первой четверти года», "a second half": a fraction word after an ordinal names a part
    of a period, not a share of a count."""
    r, w = a.r, a.toks[a.r.i].lower
    if not (r.words and r.j - r.i == 1 and (w in a.v.grammar.fractions or w in a.v.grammar.half_words)):
        return None
    return "ordinal" if a.v.ordinal_value(a.prev) is not None else None


def unit_kind(a: At) -> str | None:
    """ "15%" is a percent, "$5", "100 руб." money: the kind of the unit (lexicon [units.KIND])."""
    kind = a.v.unit_kinds.get(a.r.unit or "")
    return kind if kind in ("percent", "money") else None


def clock(a: At) -> str | None:
    """ "10:30": a time of day, minutes included."""
    r, toks = a.r, a.toks
    if a.single_digits and a.next_word == ":" and r.j + 1 < len(toks) and toks[r.j + 1].kind == "num":
        r.j += 2
        return "time"
    return None


def time_word(a: At) -> str | None:
    """ "5 pm", «в 7 утра»: digits before a word of the time of day; before a word of hours only
    in a clock's frame ("at 1800 hours", «в 7 часов», «5 часов утра»): "about 300 hours" is a span."""
    if not a.single_digits:
        return None
    if a.next_word in a.v.time_words:
        return "time"
    if a.next_word not in a.v.clock_hours:
        return None
    after = words_at(a.toks, a.r.j + 1, 1)
    return "time" if a.prev in a.v.clock_before or (after and after[0] in a.v.time_words) else None


def age(a: At) -> str | None:
    """ "aged 35", "a 35-year-old", «35-летний»."""
    if a.prev in a.v.age_before:
        return "age"
    after = [t.lower for t in a.toks[a.r.j : a.r.j + 5] if t.text not in "-‐"]
    return "age" if any(tuple(after[: len(p)]) == tuple(w for w in p if w not in "-") for p in a.v.age_after) else None


def year(a: At) -> str | None:
    """ "in 2024", "2022 года", "the 2016 election", "2014–2015"; not "2000 soldiers"."""
    return "year" if _is_year(a) else None


def _is_year(a: At) -> bool:
    r, t, nxt = a.r, a.toks[a.r.i], a.next
    if r.j - r.i - r.tail != 1 or t.kind != "num" or not re.fullmatch(r"\d{4}", t.text):
        return r.hedge == "range" and _is_year_range(a)
    if not 1800 <= r.value <= 2100:
        return False
    if a.prev in a.v.year_cues or a.prev in a.v.months or a.prev in ("-", "–", "—", "/"):
        return True
    if a.prev in a.v.weak_year_cues:  # "до 2025 года" is a year, "до 2000 человек" a count
        return nxt is None or not _counts_noun(a.v, nxt.lower)
    if nxt is None or nxt.kind != "word" or nxt.lower in a.v.year_after:
        return True
    # "the 2016 presidential election", "a 2005 video" are years; "2000 soldiers" is a count
    return not _counts_noun(a.v, nxt.lower)


def _counts_noun(v: Vocab, word: str) -> bool:
    """Does `word` look like a counted plural noun ("soldiers", "men", "человек")?"""
    return word in v.plural_nouns or bool(v.plural_suffix and word.endswith(v.plural_suffix) and len(word) > 3)


def _is_year_range(a: At) -> bool:
    r, toks = a.r, a.toks
    return (
        all(YEAR_DIGITS.fullmatch(toks[k].text) for k in (r.i, r.j - 1) if toks[k].kind == "num")
        and (toks[r.i].kind == "num" or toks[r.i + 1].kind == "num")
        and r.value >= 1800
        and (r.value_max or 0) <= 2100
    )


def day_of_month(a: At) -> str | None:
    """ "5 June", "June 5", "5–7 June": a day beside a month name."""
    if not (a.single_digits or a.r.hedge == "range") or not 1 <= a.r.value <= 31:
        return None
    return "date" if a.prev in a.v.months or a.next_word in a.v.months else None


def identifier_before(a: At) -> str | None:
    """ "article 105", "No. 5", «статья 328», "MH-17": a number that names, after its noun."""
    toks, i = a.toks, a.r.i
    glued_code = a.prev == "-" and i > 1 and toks[i - 2].kind == "word" and toks[i - 1].start == toks[i - 2].end
    return "identifier" if a.prev in a.v.id_before or a.prev2 in a.v.id_two_before or glued_code else None


def unit_number(a: At) -> str | None:
    """ "the 155 brigade fought", «105 УК РФ»: digits before the noun of a unit or a code that they
    name (in English after a determiner: "155 brigades" and "a 155 brigade push" stay counts)."""
    if not a.single_digits or (a.v.id_determiners and a.prev not in a.v.id_determiners):
        return None
    after = words_at(a.toks, a.r.j, 3)
    return "identifier" if any(after[: len(p)] == p for p in a.v.id_after) else None


def pronoun_one(a: At) -> str | None:
    """ "one of them", "one another" is a pronoun; "no one", "the one" is no number at all."""
    r, first = a.r, a.toks[a.r.i]
    if not (r.words and r.j - r.i == 1 and first.lower in a.v.pron_words):
        return None
    if a.prev in a.v.pron_before:
        return "drop"
    return "pronoun" if a.next_word in a.v.pron_after else None


# The order in which the kinds are tried: the first that names one wins.
KIND_RULES: tuple[tuple[str, Rule], ...] = (
    ("date_digits", date_digits),
    ("ordinal_compound", ordinal_compound),
    ("ordinal_suffix", ordinal_suffix),
    ("ordinal_part", ordinal_part),
    ("unit_kind", unit_kind),
    ("clock", clock),
    ("time_word", time_word),
    ("age", age),
    ("year", year),
    ("day_of_month", day_of_month),
    ("identifier_before", identifier_before),
    ("unit_number", unit_number),
    ("pronoun_one", pronoun_one),
)


def classify(v: Vocab, toks: list[Token], r: Reading) -> None:
    """Read `r`'s unit and set its kind by the first rule of KIND_RULES that names one."""
    read_unit(v, toks, r)
    if r.kind != "cardinal":
        return  # a vague multiple is known from the walk
    at = At(v, toks, r)
    for _name, rule in KIND_RULES:
        kind = rule(at)
        if kind is not None:
            r.kind = kind
            return


def read_unit(v: Vocab, toks: list[Token], r: Reading) -> None:
    """The unit named after the number ("300 people", "5 km", "15%"); a symbol, and a percent
    in words, belong to the expression."""
    after = words_at(toks, r.j, 3)
    for u in v.units:
        n = len(u.phrase)
        if after[:n] != u.phrase:
            continue
        if u.kind == "percent" or r.unit is None:
            r.unit = u.unit
        if u.kind in ("percent", "money") and u.is_symbol or u.kind == "percent":
            r.j += n  # symbols belong to the expression: 15%, 100 руб.
        return
