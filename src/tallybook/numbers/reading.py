"""A number being read (its token span, value and what the context says of it), the vocabulary
the reader looks up, and the token tests its parts share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from ..lexicons import Lexicon, LexiconError
from ..model import HEDGES, Hedge
from .grammar import Grammar
from .tokens import Token


@dataclass
class Reading:
    """A number being assembled: token span, value, and what the context says of it."""

    i: int
    j: int
    value: float
    words: bool
    unit: str | None = None
    value_max: float | None = None
    hedge: Hedge = "exact"
    kind: str = "cardinal"  # a model.Kind, or "drop" for a reading that is no number
    start_tok: int | None = None
    end_tok: int | None = None
    tail: int = 0  # tokens of a glued case ending taken into the span ("5-ти")


class Vocab:
    """The lexicon of one language as the reader's parts look it up (built once per language)."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.grammar = Grammar(lex)
        self.decimal = self.grammar.decimal
        self.suffixes = lex.values("numbers", "suffixes")
        self.scale_adjectives = lex.values("numbers", "scale_adjectives")
        self.multipliers = lex.values("numbers", "multipliers")
        self.spaced_suffixes = lex.words("numbers", "spaced_suffixes")
        self.minus = lex.words("numbers", "minus")
        self.case_endings = lex.words("numbers", "case_endings")
        self.ratio_words = lex.phrases("numbers", "over")
        self.hedges_before = hedge_cues(lex, "before")
        self.hedges_after = hedge_cues(lex, "after")
        self.units = lex.units()
        self.unit_kinds = lex.unit_kinds()
        self.prefix_symbols = {
            u.phrase[0]: u.unit for u in self.units if u.kind == "money" and u.is_symbol and len(u.phrase[0]) == 1
        }
        # "US$": the letters of a money word that ends in a symbol, before that symbol
        self.symbol_prefixes = {
            (u.phrase[0][:-1], u.phrase[0][-1]): u.unit
            for u in self.units
            if u.kind == "money"
            and len(u.phrase) == 1
            and len(u.phrase[0]) > 1
            and u.phrase[0][:-1].isalpha()
            and u.phrase[0][-1] in self.prefix_symbols
        }
        self.months = lex.words("dates", "months")
        self.year_cues = lex.words("dates", "year_cues")
        self.weak_year_cues = lex.words("dates", "weak_year_cues")
        self.year_after = lex.words("dates", "year_after")
        self.plural_nouns = lex.words("dates", "counted_nouns")
        self.plural_suffix = lex.text("dates", "plural_suffix")
        self.time_words = lex.words("dates", "time_words")
        self.clock_hours = lex.words("dates", "clock_hours")
        self.clock_before = lex.words("dates", "clock_before")
        self.age_before = lex.words("ages", "before")
        self.age_after = lex.phrases("ages", "after")
        self.id_before = lex.words("identifiers", "before")
        self.id_two_before = lex.words("identifiers", "two_before")
        self.id_after = lex.phrases("identifiers", "after")
        self.id_determiners = lex.words("identifiers", "determiners")
        self.pron_before = lex.words("pronoun", "before")
        self.pron_after = lex.words("pronoun", "after")
        self.pron_words = lex.words("pronoun", "words")
        self.ordinal_words = lex.values("ordinals", "words")
        self.ordinal_suffixes = lex.words("ordinals", "suffixes")
        self.ordinal_stems = lex.values("ordinals", "stems")
        self.ordinal_endings = sorted(lex.words("ordinals", "endings"), key=len, reverse=True)
        self.vague_words = lex.words("vague", "words")
        self.vague_values = lex.values("vague", "values")
        self.vague_singular = lex.words("vague", "singular_after_hedge")
        self.vague_link = lex.words("vague", "scale_link")
        self.vague_need_scale = lex.words("vague", "need_scale")
        self.between = lex.words("ranges", "between")
        self.between_and = lex.words("ranges", "between_and")
        self.range_from = lex.words("ranges", "from")
        self.range_to = lex.words("ranges", "to")
        self.dashes = lex.words("ranges", "dash")
        self.durations = lex.words("durations", "words")

    def ordinal_value(self, word: str) -> float | None:
        """The value of an ordinal word: whole ("first") or stem and ending ("двадцат|ого")."""
        if word in self.ordinal_words:
            return self.ordinal_words[word]
        for e in self.ordinal_endings:
            if word.endswith(e) and word[: -len(e)] in self.ordinal_stems:
                return self.ordinal_stems[word[: -len(e)]]
        return None


def hedge_cues(lex: Lexicon, side: str) -> list[tuple[tuple[str, ...], Hedge]]:
    """The (phrase, hedge) cues of `hedges.SIDE`, longest first; a class that is no hedge is an error."""
    cues = lex.phrase_classes("hedges", side)
    wrong = sorted({cls for _, cls in cues} - set(HEDGES))
    if wrong:
        raise LexiconError(f"lexicon {lex.path.name}: hedges.{side}.{wrong[0]}: not a hedge ({', '.join(HEDGES)})")
    return cast(list[tuple[tuple[str, ...], Hedge]], cues)


def glued_suffix(toks: list[Token], j: int) -> int | None:
    """The word glued to the digits before token j, directly or by a hyphen ("155th", "2-й")."""
    if j >= len(toks) or toks[j - 1].kind != "num":
        return None
    if toks[j].text in "-‐" and j + 1 < len(toks) and toks[j].start == toks[j - 1].end:
        j += 1
    t = toks[j]
    return j if t.kind == "word" and t.start == toks[j - 1].end else None


def glued_run(toks: list[Token], i: int, j: int) -> bool:
    """Tokens i..j-1 exist and touch one another."""
    return j <= len(toks) and all(toks[k].start == toks[k - 1].end for k in range(i + 1, j))


def attached(toks: list[Token], i: int) -> bool:
    """Is token i glued to digits right after it ("-5")?"""
    return i + 1 < len(toks) and toks[i + 1].start == toks[i].end and toks[i + 1].kind == "num"


def words_at(toks: list[Token], j: int, n: int) -> tuple[str, ...]:
    """The lower-cased words of tokens j..j+n-1 (fewer at the end of the text)."""
    return tuple(t.lower for t in toks[j : j + n])
