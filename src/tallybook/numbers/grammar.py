"""Compose a cardinal value from number words and digit groups, for any language lexicon.

The grammar is the usual additive-multiplicative one: small values add up ("forty seven"),
"hundred" multiplies what stands before it, a scale word ("thousand", "тысяч") closes a group.
Digit groups take part as atoms ("4 thousand 3 hundred and 21", "1,5 млн").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..lexicons import Lexicon
from .tokens import Token, digits_value


@dataclass(frozen=True)
class Cardinal:
    """A value read from tokens [i, j); `words` tells whether any number word took part."""

    i: int
    j: int
    value: float
    words: bool


class Grammar:
    """Number words of one language, and the walk that reads them."""

    def __init__(self, lex: Lexicon):
        self.lang = lex.lang
        self.units = lex.values("numbers", "units")
        self.tens = lex.values("numbers", "tens")
        self.hundreds = lex.values("numbers", "hundreds")
        self.scales = lex.values("numbers", "scales")
        self.dozens = lex.values("numbers", "dozens")
        self.fractions = lex.values("numbers", "fractions")
        self.fractions_after_one = lex.words("numbers", "fraction_after_one")
        self.half_words = lex.words("numbers", "half")
        self.and_words = lex.words("numbers", "and")
        self.articles = lex.words("numbers", "article")
        self.point_words = lex.words("numbers", "point")
        self.whole_words = lex.words("numbers", "whole")
        self.decimal_zero = lex.words("numbers", "decimal_zero")
        self.compound_ones = lex.values("numbers", "compound_ones")
        self.group_comma = lex.words("numbers", "group_comma")
        self.vague_bare = lex.words("vague", "words")

    @cached_property
    def all_words(self) -> frozenset[str]:
        return frozenset(self.units) | set(self.tens) | set(self.hundreds) | set(self.scales) | set(
            self.dozens
        ) | set(self.half_words)

    @cached_property
    def starters(self) -> frozenset[str]:
        """Words a cardinal can begin with."""
        return self.all_words | set(self.articles) | set(self.point_words) | set(self.fractions)

    def is_number_word(self, word: str) -> bool:
        return word in self.all_words

    def read(self, toks: list[Token], i: int) -> Cardinal | None:
        """The longest cardinal starting at token i, or None."""
        if toks[i].kind != "num" and toks[i].lower not in self.starters:
            return None  # most words start no number: skip the walk
        walk = _Walk(self, toks, i)
        return walk.run()


class _Walk:
    """State of one left-to-right read; `last` names the class of the last atom taken."""

    def __init__(self, g: Grammar, toks: list[Token], i: int):
        self.g, self.toks, self.i = g, toks, i
        self.total = 0.0  # closed groups (above the last scale)
        self.cur = 0.0  # the open group
        self.piece = 0.0  # the part of the open group since the last "and"
        self.last: str | None = None
        self.last_scale = 0.0
        self.end = i
        self.words = False
        self.started = False
        self.whole: float | None = None  # "five billion and three quarters": the part before "and"
        self.whole_scale = 1.0  # the scale that closed the whole part: the fraction is of it
        self.scaled = False  # the fraction took a scale of its own ("and a half million")
        self.fraction_done = False
        self.undo: tuple | None = None  # the state before the last "and" or grouping comma
        self.mixed_undo: tuple | None = None

    def snapshot(self) -> tuple:
        return (self.total, self.cur, self.piece, self.last, self.last_scale, self.end, self.whole,
                self.whole_scale, self.scaled)

    def restore(self, state: tuple) -> None:  # noqa: D401
        """Go back to `state` and stop there ("3 hundred and 2 hundred" is two numbers)."""
        (self.total, self.cur, self.piece, self.last, self.last_scale, self.end, self.whole,
         self.whole_scale, self.scaled) = state

    def run(self) -> Cardinal | None:
        j = self.i
        while j < len(self.toks):
            step = self.step(j)
            if step is None:
                break
            j = step
        if self.whole is not None and not self.fraction_done and self.mixed_undo:
            self.restore(self.mixed_undo)
        if not self.started or self.end == self.i:
            return None
        value = self.total + self.cur
        if self.whole is not None:
            value = self.whole + value * (1.0 if self.scaled else self.whole_scale)
        return Cardinal(self.i, self.end, value, self.words)

    def word_at(self, j: int) -> str:
        return self.toks[j].lower if j < len(self.toks) else ""

    def take(self, j: int, cls: str, words: bool = True) -> int:
        self.last, self.started = cls, True
        self.words = self.words or words
        self.end = j + 1
        return j + 1

    def add(self, v: float) -> None:
        self.cur += v
        self.piece += v

    def step(self, j: int) -> int | None:
        g, t, w = self.g, self.toks[j], self.toks[j].lower
        if t.kind == "num":
            if self.last in (None, "scale", "hundred", "and") and not (self.last is None and self.started):
                if self.last == "hundred" and self.cur % 100 == 0 and digits_value(t.text, g.lang) >= 100:
                    return None
                self.add(digits_value(t.text, g.lang))
                return self.take(j, "digits", words=False)
            return None
        if w in g.tens and self.last in ("unit", "tens", "hundred", "scale", "article"):
            comp = self.compound_denominator(j)
            if comp is not None:
                return self.fraction(comp[1] - 1, comp[0])
        if w in g.units or w in g.tens:
            v = g.units.get(w, g.tens.get(w))
            small = w in g.units and v < 10
            allowed = {None, "hundred", "scale", "and", "hundreds_word"} | ({"tens", "dash"} if small else set())
            if g.lang == "ru" and self.last == "hundreds_word" and self.piece % 100:
                return None
            if self.last not in allowed:
                return None
            if self.last in ("tens", "dash") and self.cur % 10:
                return None
            self.add(v)
            return self.take(j, "tens" if w in g.tens else "unit")
        if w in g.hundreds:
            v = g.hundreds[w]
            if v == 100 and w in ("hundred", "hundreds"):
                if self.last is None and w in g.vague_bare:
                    return None
                if self.last in ("unit", "tens", "digits") or self.last is None or self.last == "article":
                    if self.undo and self.cur - self.piece >= 100:
                        return self.restore(self.undo)  # "3 hundred and 2 hundred"
                    base = self.piece or 1
                    self.cur = self.cur - self.piece + base * 100
                    self.piece = self.cur
                    return self.take(j, "hundred")
                return None
            # Russian "двести", "сто": a hundreds word starts a group
            if self.last in (None, "scale", "and"):
                self.add(v)
                return self.take(j, "hundreds_word")
            return None
        if w in g.scales:
            if self.undo and self.undo[4] and g.scales[w] >= self.undo[4]:
                return self.restore(self.undo)  # "two thousand and five thousand"
            if self.whole is not None and self.last in ("fraction", "half"):
                return self.fraction_scale(j, g.scales[w])
            if self.last in ("scale",) and self.cur == 0 and g.scales[w] > self.last_scale:
                self.total *= g.scales[w]  # "three lakh crore"
                self.last_scale = g.scales[w]
                return self.take(j, "scale")
            if not self.started and self.last is None:
                if w.endswith("s") or w in g.vague_bare:
                    return None  # "millions", "thousands": vague, not a value
                self.cur = 1.0  # "thousand" alone, "hundred thousand dollars"
            elif self.last in ("and", "dash"):
                return None
            elif self.cur == 0 and self.last != "article":
                return None
            s = g.scales[w]
            base = self.cur if self.cur else 1.0
            if self.total and s > self.last_scale:
                self.total = (self.total + base) * s
            else:
                self.total += base * s
            self.cur = self.piece = 0.0
            self.last_scale = s
            return self.take(j, "scale")
        if w in g.dozens and self.last in (None, "unit", "tens", "digits", "article", "half"):
            if self.last is None and w in g.vague_bare:
                return None  # "dozens", "сотни людей": vague, not a value
            base = self.piece or 1.0
            self.cur = self.cur - self.piece + base * g.dozens[w]
            self.piece = 0
            return self.take(j, "scale")
        if w in g.half_words:
            return self.half(j)
        if w in g.fractions and self.fraction_allowed(w):
            return self.fraction(j, g.fractions[w])
        if w in g.fractions and not self.started and self.word_at(j + 1) in g.scales:
            self.cur = self.piece = 1.0 / g.fractions[w]  # "quarter million"
            return self.take(j, "fraction")
        if w in g.and_words and self.last in ("hundred", "scale", "unit", "tens", "digits"):
            return self.and_at(j)
        if w in g.group_comma and self.last == "scale" and t.start == self.toks[j - 1].end and (
            self.word_at(j + 1) in g.units or self.word_at(j + 1) in g.tens
        ):
            self.undo = self.snapshot()  # "three million, two hundred and forty"
            self.last, self.piece = "and", 0.0
            return j + 1
        if w in ("-", "‐") and self.last == "tens" and self.word_at(j + 1) in g.units:
            self.last = "dash"
            return j + 1
        if w in ("-", "‐") and self.last in ("unit", "tens", "hundred", "scale") and self.word_at(j + 1) in g.fractions:
            return j + 1  # "one-eighth", "five hundred-fifths"
        if w in g.articles:
            nxt = self.word_at(j + 1)
            if (not self.started and (nxt in g.hundreds or nxt in g.scales or nxt in g.dozens)) or (
                self.last == "and" and (nxt in g.half_words or nxt in g.fractions)
            ) or (not self.started and (nxt in g.half_words or nxt in g.fractions) and self.i == j) or (
                not self.started and self.i == j and self.compound_denominator(j + 1) is not None
            ):
                if not self.started:
                    self.started = True
                    self.last = "article"
                else:
                    self.last = "article"
                self.piece = 0.0 if self.last == "and" else self.piece
                return j + 1
            return None
        if w in g.whole_words and self.last in ("unit", "tens", "hundreds_word", "digits"):
            end = self.fraction_part(j + 1)
            if end is not None:
                return end
        if w in g.point_words and self.last in ("unit", "tens", "digits", "hundred") and self.started:
            return self.decimals(j)
        if w in g.point_words and not self.started and self.i == j and self.is_digit_word(self.word_at(j + 1)):
            self.started = self.words = True  # "point zero two"
            return self.decimals(j)
        return None

    def is_digit_word(self, w: str) -> bool:
        return w in self.g.decimal_zero or (w in self.g.units and self.g.units[w] < 10)

    def and_at(self, j: int) -> int | None:
        """After "and": a fraction of a mixed number, or the rest of a cardinal, or the end."""
        if self.whole is None and self.fraction_follows(j + 1):
            self.undo = self.mixed_undo = self.snapshot()
            self.whole = self.total + self.cur
            self.whole_scale = self.last_scale if self.last == "scale" else 1.0
            self.total = self.cur = self.piece = self.last_scale = 0.0
            self.last = "and"
            return j + 1
        if self.continues(j + 1, fraction_only=self.last not in ("hundred", "scale")) or (
            self.last in ("unit", "tens") and self.whole is None and self.and_chain(j + 1)
        ):
            self.undo = self.snapshot()
            self.last = "and"
            self.piece = 0.0
            return j + 1
        return None

    def fraction_follows(self, k: int) -> bool:
        """Does a fraction start at token k ("a half", "three fifths", "fifty-four hundredths")?"""
        g, k0 = self.g, k
        if self.word_at(k) in g.articles:
            k += 1
        while k - k0 < 6 and (self.word_at(k) in g.units or self.word_at(k) in g.tens or (
                k > k0 and self.word_at(k) in ("-", "‐"))):
            k += 1
        w = self.word_at(k)
        return k > k0 and (w in g.half_words or w in g.fractions)

    def and_chain(self, k: int) -> bool:
        """"twenty and three and three fifths": number words, then "and" and a fraction."""
        g, k0 = self.g, k
        while self.word_at(k) in g.units or self.word_at(k) in g.tens or (k > k0 and self.word_at(k) in ("-", "‐")):
            k += 1
        return k > k0 and self.word_at(k) in g.and_words and self.fraction_follows(k + 1)

    def compound_denominator(self, j: int) -> tuple[float, int] | None:
        """"twenty-fifths" at token j: (25, the end of it); a singular one only before "of" or the end."""
        g = self.g
        if not g.compound_ones or self.word_at(j) not in g.tens:
            return None
        k = j + 1 + (self.word_at(j + 1) in ("-", "‐"))
        ones = self.word_at(k)
        if ones not in g.compound_ones:
            return None
        if ones in g.fractions_after_one:
            after = self.toks[k + 1] if k + 1 < len(self.toks) else None
            if after is not None and after.kind == "word" and after.lower != "of":
                return None
            if self.started and self.last != "article" and self.total + self.cur != 1:
                return None
        return g.tens[self.word_at(j)] + g.compound_ones[ones], k + 1

    def fraction_allowed(self, w: str) -> bool:
        if self.last not in ("unit", "tens", "hundreds_word", "article", "hundred", "scale"):
            return False
        return w not in self.g.fractions_after_one or self.last == "article" or self.total + self.cur == 1

    def fraction_scale(self, j: int, scale: float) -> int:
        """A scale after the fraction of a mixed number: "two and a half million", "one billion and a half million"."""
        if self.whole_scale == 1.0:
            self.total, self.cur = (self.whole + self.cur) * scale, 0.0
            self.whole = None
        else:
            self.cur *= scale
            self.scaled = True
        self.last_scale = scale
        return self.take(j, "scale")

    def fraction_part(self, k: int) -> int | None:
        """After a whole word: "(и) три десятых" adds 0.3; the end of the read, or None."""
        if self.word_at(k) in self.g.and_words:
            k += 1
        part = self.g.read(self.toks, k) if k < len(self.toks) else None
        if part is None or self.toks[part.j - 1].lower not in self.g.fractions:
            return None
        self.add(part.value)
        self.end, self.last = part.j, "decimal"
        return part.j

    def continues(self, j: int, fraction_only: bool = False) -> bool:
        """Does a number atom (or "a half") follow at token j?"""
        g = self.g
        if j >= len(self.toks):
            return False
        t = self.toks[j]
        w = t.lower
        if not fraction_only and (t.kind == "num" or w in g.units or w in g.tens or w in g.hundreds):
            return (digits_value(t.text, g.lang) if t.kind == "num" else g.units.get(w)) != 0  # not "and 0"
        if w in g.articles or w in ("one",):
            nxt = self.word_at(j + 1)
            return nxt in g.half_words or nxt in g.fractions
        return False

    def half(self, j: int) -> int | None:
        g = self.g
        nxt, after = self.word_at(j + 1), self.word_at(j + 2)
        if not self.started or self.last == "article" and self.total == 0 and self.cur == 0:
            # "half a million", "half million", "half a dozen", "a half"
            if nxt in g.articles and (after in g.scales or after in g.dozens):
                self.cur, self.piece = 0.5, 0.5
                self.take(j, "half")
                self.last = "article"
                return j + 2
            self.cur, self.piece = 0.5, 0.5
            self.fraction_done = True
            return self.take(j, "half")
        if self.last == "article":
            self.add(0.5)  # "... and a half"
            self.fraction_done = True
            return self.take(j, "half")
        if self.last == "unit" and self.total + self.cur == 1:
            return self.fraction(j, 2.0)  # "one half"
        return None

    def fraction(self, j: int, denominator: float) -> int:
        """The number read so far over `denominator` ("three fifths", "a hundred trillionths")."""
        numerator = 1.0 if self.last == "article" and not (self.total + self.cur) else self.total + self.cur
        self.total, self.last_scale = 0.0, 0.0
        self.cur = self.piece = numerator / denominator
        self.fraction_done = True
        k = self.take(j, "fraction")
        m = k + 1 + (self.word_at(k + 1) in self.g.articles)
        if self.word_at(k) == "of" and self.whole is None and self.word_at(m) in self.g.scales and not self.word_at(m).endswith("s"):
            self.cur *= self.g.scales[self.word_at(m)]  # "two thirds of a million"
            return self.take(m, "scale")
        return k

    def decimals(self, j: int) -> int | None:
        g = self.g
        digits = ""
        k = j + 1
        while k < len(self.toks):
            w = self.toks[k].lower
            if self.toks[k].kind == "num" and not digits:
                digits = self.toks[k].text
                k += 1
                break
            if w in g.decimal_zero:
                digits += "0"
                k += 1
                continue
            if w in g.units and g.units[w] < 10:
                digits += str(int(g.units[w]))
                k += 1
                continue
            if (w in g.tens or w in g.units) and not digits:
                v = int(g.units.get(w, g.tens.get(w, 0)))
                if w in g.tens and self.word_at(k + 1) == "-" and self.word_at(k + 2) in g.units:
                    v += int(g.units[self.word_at(k + 2)])
                    k += 2
                digits = str(v)
                k += 1
            break
        if not digits:
            return None
        self.add(float("0." + digits))
        self.end = k
        self.last = "decimal"
        return k
