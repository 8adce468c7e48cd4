"""Compose a cardinal value from number words and digit groups, for any language lexicon.

The grammar is the usual additive-multiplicative one: small values add up ("forty seven"),
"hundred" multiplies what stands before it, a scale word ("thousand", "тысяч") closes a group.
Digit groups take part as atoms ("4 thousand 3 hundred and 21", "1,5 млн"). Grammar holds the
number words of one language; the walk over them is the state machine of walk.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..lexicons import Lexicon
from .tokens import Token


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
        self.decimal = lex.text("numbers", "decimal_separator")
        self.units = lex.values("numbers", "units")
        self.tens = lex.values("numbers", "tens")
        self.hundreds = lex.values("numbers", "hundreds")
        self.multipliers = lex.words("numbers", "hundred_multipliers")
        self.scales = lex.values("numbers", "scales")
        self.dozens = lex.values("numbers", "dozens")
        self.fractions = lex.values("numbers", "fractions")
        self.fractions_after_one = lex.words("numbers", "fraction_after_one")
        self.fraction_one = lex.words("numbers", "fraction_one")
        self.fractions_alone = lex.words("numbers", "fraction_alone")
        self.of_words = lex.words("numbers", "of")
        self.half_words = lex.words("numbers", "half")
        self.and_words = lex.words("numbers", "and")
        self.articles = lex.words("numbers", "article")
        self.point_words = lex.words("numbers", "point")
        self.whole_words = lex.words("numbers", "whole")
        self.decimal_zero = lex.words("numbers", "decimal_zero")
        self.compound_ones = lex.values("numbers", "compound_ones")
        self.group_comma = lex.words("numbers", "group_comma")
        self.vague_bare = lex.words("vague", "words")
        plural = lex.text("dates", "plural_suffix")
        # "millions", "сотни людей": plural scale words with no count before them are vague
        self.bare_plurals = self.vague_bare | {w for w in self.scales if plural and w.endswith(plural)}

    @cached_property
    def all_words(self) -> frozenset[str]:
        return (
            frozenset(self.units)
            | set(self.tens)
            | set(self.hundreds)
            | set(self.scales)
            | set(self.dozens)
            | set(self.half_words)
        )

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
        from .walk import Walk

        return Walk(self, toks, i).run()
