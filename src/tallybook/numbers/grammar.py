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
        self.vague_bare = lex.words("vague", "words")

    @cached_property
    def all_words(self) -> frozenset[str]:
        return frozenset(self.units) | set(self.tens) | set(self.hundreds) | set(self.scales) | set(
            self.dozens
        ) | set(self.half_words)

    def is_number_word(self, word: str) -> bool:
        return word in self.all_words

    def read(self, toks: list[Token], i: int) -> Cardinal | None:
        """The longest cardinal starting at token i, or None."""
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

    def run(self) -> Cardinal | None:
        j = self.i
        while j < len(self.toks):
            step = self.step(j)
            if step is None:
                break
            j = step
        if not self.started or self.end == self.i:
            return None
        return Cardinal(self.i, self.end, self.total + self.cur, self.words)

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
        if w in g.fractions and self.last in ("unit", "tens", "hundreds_word", "article", "digits_small") and (
            w not in g.fractions_after_one or g.units.get(self.word_at(j - 1)) == 1
        ):
            return self.fraction(j, g.fractions[w])
        if w in g.and_words and self.last in ("hundred", "scale", "unit", "tens", "digits"):
            if self.continues(j + 1, fraction_only=self.last not in ("hundred", "scale")):
                self.last = "and"
                self.piece = 0.0
                return j + 1
            return None
        if w in ("-", "‐") and self.last == "tens" and self.word_at(j + 1) in g.units:
            self.last = "dash"
            return j + 1
        if w in g.articles:
            nxt = self.word_at(j + 1)
            if (not self.started and (nxt in g.hundreds or nxt in g.scales or nxt in g.dozens)) or (
                self.last == "and" and (nxt in g.half_words or nxt in g.fractions)
            ) or (not self.started and (nxt in g.half_words or nxt in g.fractions) and self.i == j):
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
        return None

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
            return True
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
            return self.take(j, "half")
        if self.last == "article":
            # "... and a half": half of the last scale when a scale closed the group
            if self.cur == 0 and self.total:
                self.total += 0.5 * self.last_scale
            else:
                self.add(0.5)
            return self.take(j, "half")
        return None

    def fraction(self, j: int, denominator: float) -> int:
        numerator = self.piece if self.last != "article" else 1.0
        if self.last == "article" and self.cur == 0 and self.total:
            self.total += self.last_scale / denominator  # "one billion and a quarter million"
            return self.take(j, "fraction")
        if self.last == "article":
            self.add(1.0 / denominator)
            return self.take(j, "fraction")
        self.cur = self.cur - self.piece + numerator / denominator
        self.piece = 0.0
        return self.take(j, "fraction")

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
