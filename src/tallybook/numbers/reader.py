"""Read every number expression in a text: value, range, hedge, unit and kind."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ..lexicons import Lexicon, lexicon
from ..model import Number
from .grammar import Cardinal, Grammar
from .tokens import Token, digits_value, tokenize

CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "₽": "RUB", "₹": "INR", "¥": "JPY"}
DATE_DIGITS = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}$")
SCALE_LETTERS_SPACED = frozenset("KMBGT")  # "1,674.5 G" at the end of a phrase
TIMES = frozenset({"x", "×", "*"})
MINUS_SIGNS = frozenset({"-", "−", "‐"})
SCALE_SYMBOLS_SPACED = frozenset({"bn", "bln", "mln", "mln.", "tln", "k", "млн", "млрд", "тыс", "тыс.", "млн.", "млрд.", "трлн", "трлн."})


@dataclass
class _Reading:
    """A number being assembled: token span, value, and what the context says of it."""

    i: int
    j: int
    value: float
    words: bool
    unit: str | None = None
    value_max: float | None = None
    hedge: str = "exact"
    kind: str = "cardinal"
    start_tok: int | None = None
    end_tok: int | None = None
    tail: int = 0  # tokens of a glued case ending taken into the span ("5-ти")


class Reader:
    """The number reader of one language."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.grammar = Grammar(lex)
        self.suffixes = lex.values("numbers", "suffixes")
        self.minus = lex.words("numbers", "minus")
        self.hedges_before = lex.phrase_classes("hedges", "before")
        self.hedges_after = lex.phrase_classes("hedges", "after")
        self.units = lex.phrase_classes("units")
        self.months = lex.words("dates", "months")
        self.year_cues = lex.words("dates", "year_cues")
        self.weak_year_cues = lex.words("dates", "weak_year_cues")
        self.year_after = lex.words("dates", "year_after")
        self.plural_nouns = lex.words("dates", "counted_nouns")
        self.time_words = lex.words("dates", "time_words")
        self.age_before = lex.words("ages", "before")
        self.age_after = lex.phrases("ages", "after")
        self.id_before = lex.words("identifiers", "before")
        self.id_after = lex.words("identifiers", "after")
        self.pron_before = lex.words("pronoun", "before")
        self.pron_after = lex.words("pronoun", "after")
        self.pron_words = lex.words("pronoun", "words")
        self.ordinal_words = lex.words("ordinals", "words")
        self.ordinal_suffixes = lex.words("ordinals", "suffixes")
        self.ordinal_stems = lex.values("ordinals", "stems")
        self.ordinal_endings = sorted(lex.words("ordinals", "endings"), key=len, reverse=True)
        self.case_endings = lex.words("numbers", "case_endings")
        self.vague_words = lex.words("vague", "words")
        self.vague_singular = lex.words("vague", "singular_after_hedge")
        self.between = lex.words("ranges", "between")
        self.between_and = lex.words("ranges", "between_and")
        self.range_from = lex.words("ranges", "from")
        self.range_to = lex.words("ranges", "to")
        self.dashes = lex.words("ranges", "dash")
        self.ratio_words = lex.phrases("numbers", "over")
        self.durations = lex.words("durations", "words")

    # -- the walk -------------------------------------------------------------------------
    def read(self, text: str) -> list[Number]:
        toks = tokenize(text)
        readings: list[_Reading] = []
        i = 0
        while i < len(toks):
            r = self.amount(toks, i)
            if r is None:
                vague = self.vague_at(toks, i)
                if vague:
                    readings.append(vague)
                    i = vague.j
                else:
                    i += 1
                continue
            readings.append(r)
            i = r.j
        readings = self.join_ranges(toks, readings)
        numbers, covered = [], 0
        for r in readings:
            if r.i < covered:
                continue  # taken by the reading before it ("10:30" takes "30")
            self.classify(toks, r)
            covered = r.j
            if r.kind == "drop":
                continue
            if r.kind in ("cardinal", "money", "percent", "vague"):
                self.hedge(toks, r)
            numbers.append(self.number(text, toks, r))
        return numbers

    def amount(self, toks: list[Token], i: int) -> _Reading | None:
        """A cardinal at token i with its sign, currency symbol and scale suffix."""
        t = toks[i]
        sign, unit, k = 1.0, None, i
        if t.lower in self.minus and i + 1 < len(toks):
            sign, k = -1.0, i + 1
        elif t.text == "-" and self.attached(toks, i) and (i == 0 or toks[i - 1].end < t.start or toks[i - 1].text in "<>=(~"):
            if i == 0 or toks[i - 1].kind != "num":
                sign, k = -1.0, i + 1
        elif t.text == "-" and i == 0 and i + 1 < len(toks) and toks[i + 1].kind == "num":
            sign, k = -1.0, i + 1  # "- 10 k" opening a text
        if k < len(toks) and toks[k].text in CURRENCY_SYMBOLS:
            unit, k = CURRENCY_SYMBOLS[toks[k].text], k + 1
            if k < len(toks) and toks[k].text == "-" and self.attached(toks, k) and toks[k].start == toks[k - 1].end:
                sign, k = -sign, k + 1  # "$-99.99"
        elif k + 1 < len(toks) and toks[k].lower in ("us", "us$") and toks[k + 1].text == "$":
            unit, k = "USD", k + 2
        if k >= len(toks):
            return None
        card = self.grammar.read(toks, k)
        if card is None:
            return None
        if (k > i) and card.i != k:
            return None
        r = _Reading(i, card.j, sign * card.value, card.words, unit=unit)
        self.scale_suffix(toks, r, card)
        self.power(toks, r)
        self.fraction_slash(toks, r)
        self.ratio(toks, r)
        k = self.glued_suffix(toks, r.j)
        if k is not None and toks[k].lower in self.case_endings:
            r.tail, r.j = k + 1 - r.j, k + 1
        return r

    def glued_suffix(self, toks: list[Token], j: int) -> int | None:
        """The word glued to the digits before token j, directly or by a hyphen ("155th", "2-й")."""
        if j >= len(toks) or toks[j - 1].kind != "num":
            return None
        if toks[j].text in "-‐" and j + 1 < len(toks) and toks[j].start == toks[j - 1].end:
            j += 1
        t = toks[j]
        return j if t.kind == "word" and t.start == toks[j - 1].end else None

    def attached(self, toks: list[Token], i: int) -> bool:
        return i + 1 < len(toks) and toks[i + 1].start == toks[i].end and toks[i + 1].kind == "num"

    def scale_suffix(self, toks: list[Token], r: _Reading, card: Cardinal) -> None:
        """10k, $2bn, 1,5 млн: a scale letter or abbreviation right after digits."""
        if card.words and r.j - r.i > 1 or r.j >= len(toks):
            return
        nxt = toks[r.j]
        glued = nxt.start == toks[r.j - 1].end
        spaced_letter = nxt.text in SCALE_LETTERS_SPACED and (r.j + 1 == len(toks) or toks[r.j + 1].kind != "word")
        if nxt.kind == "word" and nxt.lower in self.suffixes and (glued or nxt.lower in SCALE_SYMBOLS_SPACED or spaced_letter):
            if r.j + 1 < len(toks) and toks[r.j + 1].kind == "word" and toks[r.j + 1].start == nxt.end:
                return
            r.value *= self.suffixes[nxt.lower]
            r.j += 1

    def power(self, toks: list[Token], r: _Reading) -> None:
        """1.1^23, 1.3x10^6, 8x2^10, 2.48×10−5: digits raised to a power, written without spaces."""
        j = r.j
        if r.words or not self.glued_run(toks, r.j - 1, j + 1):
            return
        base, value = None, abs(r.value)
        if toks[j].text in TIMES and self.glued_run(toks, j, j + 3) and toks[j + 1].kind == "num":
            base, j = digits_value(toks[j + 1].text, self.lex.lang), j + 2
            if j < len(toks) and toks[j].text != "^" and base == 10 and toks[j].text in MINUS_SIGNS:
                j -= 1  # ×10−5: the exponent's caret lost, its sign kept
            elif j >= len(toks) or toks[j].text != "^":
                return
        elif toks[j].text != "^":
            return
        k, sign = j + 1, 1.0
        while k < len(toks) and toks[k].text in MINUS_SIGNS | {"+"} and toks[k].start == toks[k - 1].end:
            sign, k = (-sign if toks[k].text != "+" else sign), k + 1
        if k >= len(toks) or toks[k].kind != "num" or toks[k].start != toks[k - 1].end:
            return
        exponent = sign * digits_value(toks[k].text, self.lex.lang)
        try:
            powered = value * base ** exponent if base is not None else value ** exponent
        except (OverflowError, ZeroDivisionError):
            return
        r.value, r.j = (powered if r.value >= 0 else -powered), k + 1

    def glued_run(self, toks: list[Token], i: int, j: int) -> bool:
        """Tokens i..j-1 exist and touch one another."""
        return j <= len(toks) and all(toks[k].start == toks[k - 1].end for k in range(i + 1, j))

    def fraction_slash(self, toks: list[Token], r: _Reading) -> None:
        """3/4 as a fraction, 2 1/4 as a mixed number, unless part of a date or a phone number."""
        j = r.j
        if r.words or (r.i > 0 and toks[r.i - 1].text in "/-" and toks[r.i - 1].end == toks[r.i].start):
            return
        if j + 2 < len(toks) and toks[j].kind == "num" and toks[j + 1].text == "/" and r.value == int(r.value):
            whole = r.value
            if not re.fullmatch(r"\d+", toks[r.j - 1].text) or not self.glued_run(toks, j, j + 3):
                return
            part = _Reading(j, j + 1, digits_value(toks[j].text, self.lex.lang), False)
            self.fraction_slash(toks, part)
            if part.j == j + 3 and 0 < part.value < 1:  # "2 1/4"
                r.value, r.j = whole + part.value if whole >= 0 else whole - part.value, part.j
            return
        if j + 1 < len(toks) and toks[j].text == "/" and toks[j + 1].kind == "num":
            if toks[j].start == toks[j - 1].end and toks[j + 1].start == toks[j].end:
                if j + 2 < len(toks) and toks[j + 2].text in "/-":
                    return
                den = digits_value(toks[j + 1].text, self.lex.lang)
                if den:
                    r.value /= den
                    r.j = j + 2

    def ratio(self, toks: list[Token], r: _Reading) -> None:
        """"one in five", "two out of five hundred", "1 over 3": a proportion."""
        prev = toks[r.i - 1].lower if r.i > 0 else ""
        if r.unit or r.value == 0 or (prev in self.year_cues and re.fullmatch(r"(1[89]|20)\d\d", toks[r.j - 1].text)):
            return  # "in 2022 over 300 people"
        words = [t.lower for t in toks[r.j:r.j + 2]]
        for phrase in self.ratio_words:
            if tuple(words[: len(phrase)]) != phrase:
                continue
            k = r.j + len(phrase)
            den = self.grammar.read(toks, k) if k < len(toks) else None
            if den is None or not den.value:
                return
            if den.j < len(toks) and (toks[den.j].lower in self.durations or toks[den.j].text in ("/", "%")):
                return  # "20 over three days"
            if not den.words and re.fullmatch(r"(1[89]|20)\d\d", toks[k].text):
                return  # "two in 2022"
            if phrase != ("over",) and abs(r.value) >= den.value:
                return
            r.value, r.j = r.value / den.value, den.j
            return

    def vague_at(self, toks: list[Token], i: int) -> _Reading | None:
        """dozens, hundreds of thousands, tens of thousands, десятки тысяч."""
        w = toks[i].lower
        if w not in self.vague_words:
            return None
        g = self.grammar
        base = {"dozens": 12, "scores": 20, "tens": 10}.get(w) or g.dozens.get(w) or g.hundreds.get(w) or g.scales.get(w, 10)
        j = i + 1
        if j + 1 < len(toks) and toks[j].lower in ("of",) and toks[j + 1].lower in self.grammar.scales:
            base *= self.grammar.scales[toks[j + 1].lower]
            j += 2
        elif j < len(toks) and toks[j].lower in self.grammar.scales and self.lex.lang == "ru":
            base *= self.grammar.scales[toks[j].lower]
            j += 1
        if w == "tens" and j == i + 1:
            return None
        one = w in self.vague_singular and self.hedge_before(toks, i) is not None
        return _Reading(i, j, float(base), True, kind="cardinal" if one else "vague")

    # -- ranges and hedges ---------------------------------------------------------------
    def join_ranges(self, toks: list[Token], readings: list[_Reading]) -> list[_Reading]:
        out: list[_Reading] = []
        k = 0
        while k < len(readings):
            a = readings[k]
            b = readings[k + 1] if k + 1 < len(readings) else None
            if b and a.kind != "vague" and b.kind != "vague" and self.is_range(toks, a, b):
                lo, hi = a.value, b.value
                if b.words and not a.words or hi > lo * 100:
                    scale = self.trailing_scale(toks, b)
                    if scale and lo * scale <= hi:
                        lo *= scale
                if lo <= hi:
                    start = a.i - 1 if toks[a.i - 1].lower in self.between | self.range_from and a.i > 0 else a.i
                    out.append(_Reading(start, b.j, lo, a.words or b.words, unit=a.unit or b.unit,
                                        value_max=hi, hedge="range"))
                    k += 2
                    continue
            out.append(a)
            k += 1
        return out

    def is_range(self, toks: list[Token], a: _Reading, b: _Reading) -> bool:
        gap = toks[a.j:b.i]
        unit = self.unit_length(toks, a.j)
        if unit and len(gap) > unit and [t.lower for t in gap[:unit]] == [t.lower for t in toks[b.j:b.j + unit]]:
            gap = gap[unit:]  # "44 mg to 50 mg": both ends carry the same unit
        if len(gap) == 2 and gap[0].kind == "sym" and b.j < len(toks) and toks[b.j].text == gap[0].text:
            gap = gap[1:]  # "15%–20%": the symbol of the high end is the low end's too
        if len(gap) != 1:
            return False
        link = gap[0].lower
        if gap[0].text in "-‐" and self.in_chain(toks, a, b):
            return False
        before = toks[a.i - 1].lower if a.i > 0 else ""
        if before in self.between:
            return link in self.between_and
        if before in self.range_from:
            return link in self.range_to
        return link in self.dashes

    def in_chain(self, toks: list[Token], a: _Reading, b: _Reading) -> bool:
        """"+1-222-2222", "three-nought-four": more than two numbers joined by glued hyphens."""
        def glued_dash(k: int, toward: int) -> bool:
            n = k + toward
            return 0 <= n < len(toks) and 0 <= n + toward < len(toks) and toks[n].text in "-‐" and (
                toks[n + toward].kind == "num" or self.grammar.is_number_word(toks[n + toward].lower)) and (
                toks[n].start == toks[n - 1].end and toks[n + 1].start == toks[n].end)
        return glued_dash(a.i, -1) or glued_dash(b.j - 1, 1)

    def trailing_scale(self, toks: list[Token], r: _Reading) -> float:
        last = toks[r.j - 1].lower
        return self.grammar.scales.get(last) or self.suffixes.get(last) or 0.0

    def hedge(self, toks: list[Token], r: _Reading) -> None:
        if r.hedge == "range":
            return
        before = self.hedge_before(toks, r.i)
        if before is not None:
            r.hedge, r.start_tok = before[0], r.i - before[1]
        j = r.j + (r.j < len(toks) and toks[r.j].lower in self.plural_nouns)  # "30 тысяч человек и более"
        after = [t.lower for t in toks[j:j + 3]]
        for phrase, cls in self.hedges_after:
            n = len(phrase)
            if tuple(after[:n]) == phrase and (before is None or before[0] == "approx" and cls in ("lower", "upper")):
                r.hedge, r.end_tok = cls, j + n  # "about 500 or more": the bound is the firmer word
                break

    def hedge_before(self, toks: list[Token], i: int) -> tuple[str, int] | None:
        """The hedge cue ending right before token i: (class, its length in tokens), or None."""
        words = [t.lower for t in toks[max(0, i - 5):i]]
        for phrase, cls in self.hedges_before:
            n = len(phrase)
            if n <= len(words) and tuple(words[-n:]) == phrase:
                return cls, n
        return None

    # -- kinds -----------------------------------------------------------------------------
    def classify(self, toks: list[Token], r: _Reading) -> None:
        self.read_unit(toks, r)
        if r.kind == "vague":
            return
        first = toks[r.i]
        prev = toks[r.i - 1].lower if r.i > 0 else ""
        prev2 = toks[r.i - 2].lower if r.i > 1 else ""
        nxt = toks[r.j] if r.j < len(toks) else None
        nxt_w = nxt.lower if nxt else ""
        single_digits = r.j - r.i - r.tail == 1 and first.kind == "num"
        suffix = self.glued_suffix(toks, r.j)
        if single_digits and DATE_DIGITS.match(first.text):
            r.kind = "date"
        elif r.words and self.ordinal_after(toks, r):
            nxt_w = toks[r.j].lower if r.j < len(toks) else ""
            r.kind = "date" if nxt_w in self.months else "year" if nxt_w in self.year_after else "ordinal"
        elif suffix is not None and toks[suffix].lower in self.ordinal_suffixes:
            r.kind, r.j = "ordinal", suffix + 1
        elif r.unit == "percent":
            r.kind = "percent"
        elif r.unit in CURRENCY_SYMBOLS.values() or r.unit in ("RUB", "USD", "EUR", "GBP", "INR"):
            r.kind = "money"
        elif single_digits and nxt_w == ":" and r.j + 1 < len(toks) and toks[r.j + 1].kind == "num":
            r.kind, r.j = "time", r.j + 2  # 10:30, minutes included
        elif nxt_w in self.time_words and single_digits:
            r.kind = "time"
        elif self.is_age(toks, r, prev):
            r.kind = "age"
        elif self.is_year(toks, r, prev, nxt):
            r.kind = "year"
        elif (single_digits or r.hedge == "range") and (prev in self.months or nxt_w in self.months) and 1 <= r.value <= 31:
            r.kind = "date"
        elif prev in self.id_before or prev2 in ("no", "no.", "nr") or (prev == "-" and r.i > 1 and toks[r.i - 2].kind == "word" and toks[r.i - 1].start == toks[r.i - 2].end):
            r.kind = "identifier"
        elif r.words and r.j - r.i == 1 and first.lower in self.pron_words:
            if prev in self.pron_before:
                r.kind = "drop"
            elif nxt_w in self.pron_after:
                r.kind = "pronoun"

    def ordinal_after(self, toks: list[Token], r: _Reading) -> bool:
        """Take an ordinal word that ends a compound ("двадцать пятого" = 25th) into `r`.

        It must fill the places the cardinal leaves empty: "сто десятая" is the 110th, but in
        "пять первых дней" the ordinal is a word of its own.
        """
        if r.j >= len(toks) or not r.value:
            return False
        w = toks[r.j].lower
        place = 1
        while r.value % (place * 10) == 0:
            place *= 10
        for e in self.ordinal_endings:
            value = self.ordinal_stems.get(w[: -len(e)]) if w.endswith(e) else None
            if value is not None:
                if value >= place:
                    return False
                r.value += value
                r.j += 1
                return True
        return False

    def is_age(self, toks: list[Token], r: _Reading, prev: str) -> bool:
        if prev in self.age_before:
            return True
        after = [t.lower for t in toks[r.j:r.j + 5] if t.text not in "-‐"]
        return any(tuple(after[: len(p)]) == tuple(w for w in p if w not in "-") for p in self.age_after)

    def is_year(self, toks: list[Token], r: _Reading, prev: str, nxt: Token | None) -> bool:
        t = toks[r.i]
        if r.j - r.i - r.tail != 1 or t.kind != "num" or not re.fullmatch(r"\d{4}", t.text):
            return r.hedge == "range" and self.is_year_range(toks, r)
        if not 1800 <= r.value <= 2100:
            return False
        if prev in self.year_cues or prev in self.months or prev in ("-", "–", "—", "/"):
            return True
        if prev in self.weak_year_cues:  # "до 2025 года" is a year, "до 2000 человек" a count
            return nxt is None or not self.counts_noun(nxt.lower)
        if nxt is None or nxt.kind != "word" or nxt.lower in self.year_after:
            return True
        # "the 2016 presidential election", "a 2005 video" are years; "2000 soldiers" is a count
        return not self.counts_noun(nxt.lower)

    def counts_noun(self, word: str) -> bool:
        """Does `word` look like a counted plural noun ("soldiers", "men", "человек")?"""
        return word in self.plural_nouns or (self.lex.lang == "en" and word.endswith("s") and len(word) > 3)

    def is_year_range(self, toks: list[Token], r: _Reading) -> bool:
        return all(re.fullmatch(r"(1[89]|20)\d\d", toks[k].text) for k in (r.i, r.j - 1) if toks[k].kind == "num") and (
            toks[r.i].kind == "num" or toks[r.i + 1].kind == "num") and r.value >= 1800 and (r.value_max or 0) <= 2100

    def unit_length(self, toks: list[Token], j: int) -> int:
        """How many tokens the unit phrase at token j takes (0 if none)."""
        after = tuple(t.lower for t in toks[j:j + 3])
        return next((len(p) for p, _ in self.units if after[: len(p)] == p), 0)

    def read_unit(self, toks: list[Token], r: _Reading) -> None:
        after = [t.lower for t in toks[r.j:r.j + 3]]
        for phrase, unit in self.units:
            n = len(phrase)
            if tuple(after[:n]) == phrase:
                if unit in ("percent",) or r.unit is None:
                    r.unit = unit
                if unit in ("percent", "USD", "EUR", "GBP", "RUB", "INR") and not phrase[0].isalpha():
                    r.j += n  # symbols belong to the expression: 15%, 100 руб.
                elif unit == "percent":
                    r.j += n
                return

    def number(self, text: str, toks: list[Token], r: _Reading) -> Number:
        start = toks[r.start_tok if r.start_tok is not None else r.i].start
        end = toks[(r.end_tok if r.end_tok is not None else r.j) - 1].end
        return Number(start, end, text[start:end], r.value, r.value_max, r.hedge, r.kind, r.unit)


@cache
def reader(lang: str) -> Reader:
    """The cached reader of `lang`."""
    return Reader(lexicon(lang))
