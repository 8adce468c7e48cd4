"""Read every number expression in a text: value, range, hedge, unit and kind.

The walk (here) finds amounts (amounts.py), joins ranges and sets hedges (ranges.py), and
names each reading's kind (kinds.py); the vocabulary of each step comes from the lexicon.
"""

from __future__ import annotations

from functools import cache
from typing import cast

from ..lexicons import Lexicon, lexicon
from ..model import CLAIM_KINDS, Kind, Number
from .amounts import amount, multiplier_at, vague_at
from .kinds import classify
from .ranges import hedge, join_ranges
from .reading import Reading, Vocab
from .tokens import Token, tokenize


class Reader:
    """The number reader of one language."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.v = Vocab(lex)

    def read(self, text: str) -> list[Number]:
        """Every number expression of `text`, in text order."""
        toks = tokenize(text)
        readings = join_ranges(self.v, toks, self.readings(toks))
        numbers, covered = [], 0
        for r in readings:
            if r.i < covered:
                continue  # taken by the reading before it ("10:30" takes "30")
            classify(self.v, toks, r)
            covered = r.j
            if r.kind == "drop":
                continue
            if r.kind in CLAIM_KINDS:
                hedge(self.v, toks, r)
            numbers.append(self.number(text, toks, r))
        return numbers

    def readings(self, toks: list[Token]) -> list[Reading]:
        """The amounts, vague multiples and multipliers of the tokens, left to right."""
        found: list[Reading] = []
        i = 0
        while i < len(toks):
            r = amount(self.v, toks, i) or vague_at(self.v, toks, i) or multiplier_at(self.v, toks, i)
            if r is None:
                i += 1
                continue
            found.append(r)
            i = r.j
        return found

    def number(self, text: str, toks: list[Token], r: Reading) -> Number:
        """The Number of a classified reading (its kind one of model.KINDS)."""
        start = toks[r.start_tok if r.start_tok is not None else r.i].start
        end = toks[(r.end_tok if r.end_tok is not None else r.j) - 1].end
        kind = cast(Kind, r.kind)
        return Number(start, end, text[start:end], r.value, r.value_max, r.hedge, kind, r.unit)


@cache
def reader(lang: str) -> Reader:
    """The cached reader of `lang`."""
    return Reader(lexicon(lang))
