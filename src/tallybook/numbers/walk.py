"""The walk that reads a cardinal, as a state machine: `State` names the class of the last atom
taken, AFTER says after which states each atom may come, and STEPS is the ordered table of atoms
a token is tried as ("3 hundred and 2 hundred" is two numbers: the walk goes back to its Tally
before "and")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from .grammar import Cardinal, Grammar
from .tokens import Token, digits_value

DASHES = ("-", "‐")


class State(Enum):
    """The class of the last atom the walk took."""

    START = "start"
    DIGITS = "digits"  # "4"
    UNIT = "unit"  # "four", «четыре»
    TENS = "tens"  # "forty"
    HUNDRED = "hundred"  # "hundred" multiplying the count before it
    HUNDREDS_WORD = "hundreds_word"  # «двести»: a hundreds word that starts a group
    SCALE = "scale"  # "thousand", «тысяч», "dozen"
    AND = "and"  # "and", or a grouping comma
    DASH = "dash"  # "forty-" before "four"
    ARTICLE = "article"  # "a" before "hundred", "half", "fifth"
    FRACTION = "fraction"  # "fifths", "quarter"
    HALF = "half"  # "half"
    DECIMAL = "decimal"  # "point five", «три десятых»


S = State
# After which states each atom may be taken (the other conditions are in its step).
AFTER: dict[str, frozenset[State]] = {
    "digits": frozenset({S.START, S.SCALE, S.HUNDRED, S.AND}),
    "unit": frozenset({S.START, S.HUNDRED, S.SCALE, S.AND, S.HUNDREDS_WORD}),
    "small_unit": frozenset({S.START, S.HUNDRED, S.SCALE, S.AND, S.HUNDREDS_WORD, S.TENS, S.DASH}),
    "compound_denominator": frozenset({S.UNIT, S.TENS, S.HUNDRED, S.SCALE, S.ARTICLE}),
    "hundred": frozenset({S.START, S.UNIT, S.TENS, S.DIGITS, S.ARTICLE}),
    "hundreds_word": frozenset({S.START, S.SCALE, S.AND}),
    "dozen": frozenset({S.START, S.UNIT, S.TENS, S.DIGITS, S.ARTICLE, S.HALF}),
    "fraction": frozenset({S.UNIT, S.TENS, S.HUNDREDS_WORD, S.ARTICLE, S.HUNDRED, S.SCALE}),
    "and": frozenset({S.HUNDRED, S.SCALE, S.UNIT, S.TENS, S.DIGITS}),
    "group_comma": frozenset({S.SCALE}),
    "dash_unit": frozenset({S.TENS}),
    "dash_fraction": frozenset({S.UNIT, S.TENS, S.HUNDRED, S.SCALE}),
    "whole": frozenset({S.UNIT, S.TENS, S.HUNDREDS_WORD, S.DIGITS}),
    "point": frozenset({S.UNIT, S.TENS, S.DIGITS, S.HUNDRED}),
}
PASS = -1  # a step's answer: this token is not this atom, try the next row of STEPS


@dataclass(frozen=True)
class Tally:
    """The sums of a walk at one point, kept to go back to ("3 hundred and 2 hundred" is two
    numbers: the walk returns to the tally before "and")."""

    total: float = 0.0  # closed groups (above the last scale)
    cur: float = 0.0  # the open group
    piece: float = 0.0  # the part of the open group since the last "and"
    state: State = S.START
    last_scale: float = 0.0
    end: int = 0
    whole: float | None = None  # "five billion and three quarters": the part before "and"
    whole_scale: float = 1.0  # the scale that closed the whole part: the fraction is of it
    scaled: bool = False  # the fraction took a scale of its own ("and a half million")


class Walk:
    """One left-to-right read: the tally so far, and the flags of the whole read."""

    def __init__(self, g: Grammar, toks: list[Token], i: int):
        self.g, self.toks, self.i = g, toks, i
        self.total = 0.0
        self.cur = 0.0
        self.piece = 0.0
        self.state = S.START
        self.last_scale = 0.0
        self.end = i
        self.whole: float | None = None
        self.whole_scale = 1.0
        self.scaled = False
        self.words = False
        self.started = False
        self.fraction_done = False
        self.undo: Tally | None = None  # the tally before the last "and" or grouping comma
        self.mixed_undo: Tally | None = None

    def snapshot(self) -> Tally:
        return Tally(
            self.total,
            self.cur,
            self.piece,
            self.state,
            self.last_scale,
            self.end,
            self.whole,
            self.whole_scale,
            self.scaled,
        )

    def restore(self, t: Tally) -> None:
        """Go back to the tally `t` and stop there ("3 hundred and 2 hundred" is two numbers)."""
        (
            self.total,
            self.cur,
            self.piece,
            self.state,
            self.last_scale,
            self.end,
            self.whole,
            self.whole_scale,
            self.scaled,
        ) = (t.total, t.cur, t.piece, t.state, t.last_scale, t.end, t.whole, t.whole_scale, t.scaled)

    def run(self) -> Cardinal | None:
        j = self.i
        while j < len(self.toks):
            nxt = self.step(j)
            if nxt is None:
                break
            j = nxt
        if self.whole is not None and not self.fraction_done and self.mixed_undo:
            self.restore(self.mixed_undo)
        if not self.started or self.end == self.i:
            return None
        value = self.total + self.cur
        if self.whole is not None:
            value = self.whole + value * (1.0 if self.scaled else self.whole_scale)
        return Cardinal(self.i, self.end, value, self.words)

    def step(self, j: int) -> int | None:
        """The token after the atom taken at token j, or None where the number ends."""
        t = self.toks[j]
        for matches, take in STEPS:
            if matches(self.g, t):
                k = take(self, j)
                if k != PASS:
                    return k
        return None

    # -- helpers of the steps --------------------------------------------------------------
    def after(self, atom: str) -> bool:
        """May `atom` follow the current state?"""
        return self.state in AFTER[atom]

    def word_at(self, j: int) -> str:
        return self.toks[j].lower if j < len(self.toks) else ""

    def take(self, j: int, state: State, words: bool = True) -> int:
        self.state, self.started = state, True
        self.words = self.words or words
        self.end = j + 1
        return j + 1

    def add(self, v: float) -> None:
        self.cur += v
        self.piece += v

    def back(self) -> None:
        """Return to the tally before the last "and" and end the number there."""
        assert self.undo is not None
        self.restore(self.undo)

    # -- the steps, one per atom -------------------------------------------------------------
    def digits(self, j: int) -> int | None:
        """ "4", "1,5" as an atom: at the start, after a scale, "hundred" or "and"."""
        if not self.after("digits") or (self.state is S.START and self.started):
            return None
        value = digits_value(self.toks[j].text, self.g.decimal)
        if self.state is S.HUNDRED and self.cur % 100 == 0 and value >= 100:
            return None
        self.add(value)
        return self.take(j, S.DIGITS, words=False)

    def compound(self, j: int) -> int | None:
        """ "three twenty-fifths": a tens word that opens a compound denominator."""
        if not self.after("compound_denominator"):
            return PASS
        comp = self.compound_denominator(j)
        return PASS if comp is None else self.fraction(comp[1] - 1, comp[0])

    def unit_or_tens(self, j: int) -> int | None:
        """ "four", "forty", "forty-four", «двести пять»."""
        g, w = self.g, self.toks[j].lower
        v = g.units.get(w, g.tens.get(w))
        assert v is not None
        small = w in g.units and v < 10
        if self.state is S.HUNDREDS_WORD and self.piece % 100:
            return None
        if not self.after("small_unit" if small else "unit"):
            return None
        if self.state in (S.TENS, S.DASH) and self.cur % 10:
            return None
        self.add(v)
        return self.take(j, S.TENS if w in g.tens else S.UNIT)

    def hundreds_step(self, j: int) -> int | None:
        """ "three hundred" (a multiplier) or «двести» (a word of its own)."""
        g, w = self.g, self.toks[j].lower
        if w not in g.multipliers:
            if not self.after("hundreds_word"):
                return None
            self.add(g.hundreds[w])
            return self.take(j, S.HUNDREDS_WORD)
        if self.state is S.START and w in g.vague_bare:
            return None
        if not self.after("hundred"):
            return None
        if self.undo and self.cur - self.piece >= 100:
            self.back()  # "3 hundred and 2 hundred"
            return None
        base = self.piece or 1
        self.cur = self.cur - self.piece + base * 100
        self.piece = self.cur
        return self.take(j, S.HUNDRED)

    def scale(self, j: int) -> int | None:
        """ "thousand", «тысяч», "lakh crore": a scale word closes the open group."""
        g, w = self.g, self.toks[j].lower
        s = g.scales[w]
        if self.undo and self.undo.last_scale and s >= self.undo.last_scale:
            self.back()  # "two thousand and five thousand"
            return None
        if self.whole is not None and self.state in (S.FRACTION, S.HALF):
            return self.fraction_scale(j, s)
        if self.state is S.SCALE and self.cur == 0 and s > self.last_scale:
            self.total *= s  # "three lakh crore"
            self.last_scale = s
            return self.take(j, S.SCALE)
        if not self.started and self.state is S.START:
            if w in g.bare_plurals:
                return None  # "millions", "thousands": vague, not a value
            self.cur = 1.0  # "thousand" alone, "hundred thousand dollars"
        elif self.state in (S.AND, S.DASH):
            return None
        elif self.cur == 0 and self.state is not S.ARTICLE:
            return None
        base = self.cur if self.cur else 1.0
        if self.total and s > self.last_scale:
            self.total = (self.total + base) * s
        else:
            self.total += base * s
        self.cur = self.piece = 0.0
        self.last_scale = s
        return self.take(j, S.SCALE)

    def dozen(self, j: int) -> int | None:
        """ "two dozen", «три сотни», "a dozen"."""
        g, w = self.g, self.toks[j].lower
        if not self.after("dozen"):
            return PASS
        if self.state is S.START and w in g.vague_bare:
            return None  # "dozens", "сотни людей": vague, not a value
        base = self.piece or 1.0
        self.cur = self.cur - self.piece + base * g.dozens[w]
        self.piece = 0
        return self.take(j, S.SCALE)

    def fraction_word(self, j: int) -> int | None:
        """ "three fifths", "a quarter million", «треть» (one part by itself)."""
        g, w = self.g, self.toks[j].lower
        if self.fraction_allowed(w):
            return self.fraction(j, g.fractions[w])
        if not self.started and self.word_at(j + 1) in g.scales:
            self.cur = self.piece = 1.0 / g.fractions[w]  # "quarter million"
            return self.take(j, S.FRACTION)
        if not self.started and w in g.fractions_alone:
            self.started, self.state = True, S.ARTICLE  # «треть» is «одна треть»
            return self.fraction(j, g.fractions[w])
        return PASS

    def and_word(self, j: int) -> int | None:
        return self.and_at(j) if self.after("and") else PASS

    def comma(self, j: int) -> int | None:
        """ "three million, two hundred and forty": a comma after a scale word, before more."""
        g = self.g
        glued = self.toks[j].start == self.toks[j - 1].end
        if not (
            self.after("group_comma") and glued and (self.word_at(j + 1) in g.units or self.word_at(j + 1) in g.tens)
        ):
            return PASS
        self.undo = self.snapshot()
        self.state, self.piece = S.AND, 0.0
        return j + 1

    def dash(self, j: int) -> int | None:
        """ "forty-four", "one-eighth", "five hundred-fifths"."""
        nxt = self.word_at(j + 1)
        if self.after("dash_unit") and nxt in self.g.units:
            self.state = S.DASH
            return j + 1
        if self.after("dash_fraction") and nxt in self.g.fractions:
            return j + 1
        return PASS

    def article(self, j: int) -> int | None:
        """ "a hundred", "a half", "and a half", "a fifth", "a twenty-fifth"."""
        g, nxt = self.g, self.word_at(j + 1)
        opens = not self.started and (nxt in g.hundreds or nxt in g.scales or nxt in g.dozens)
        halves = nxt in g.half_words or nxt in g.fractions
        first = not self.started and self.i == j
        if (
            opens
            or (self.state is S.AND and halves)
            or (first and halves)
            or (first and self.compound_denominator(j + 1) is not None)
        ):
            self.started = True
            self.state = S.ARTICLE
            return j + 1
        return None

    def whole_word(self, j: int) -> int | None:
        """«две целых три десятых»: the whole part, then its fraction."""
        if not self.after("whole"):
            return PASS
        end = self.fraction_part(j + 1)
        return PASS if end is None else end

    def point(self, j: int) -> int | None:
        """ "two point five", "point zero two"."""
        if self.after("point") and self.started:
            return self.decimals(j)
        if not self.started and self.i == j and self.is_digit_word(self.word_at(j + 1)):
            self.started = self.words = True  # "point zero two"
            return self.decimals(j)
        return None

    # -- the parts of a step -------------------------------------------------------------------
    def is_digit_word(self, w: str) -> bool:
        return w in self.g.decimal_zero or (w in self.g.units and self.g.units[w] < 10)

    def and_at(self, j: int) -> int | None:
        """After "and": a fraction of a mixed number, or the rest of a cardinal, or the end."""
        if self.whole is None and self.fraction_follows(j + 1):
            self.undo = self.mixed_undo = self.snapshot()
            self.whole = self.total + self.cur
            self.whole_scale = self.last_scale if self.state is S.SCALE else 1.0
            self.total = self.cur = self.piece = self.last_scale = 0.0
            self.state = S.AND
            return j + 1
        if self.continues(j + 1, fraction_only=self.state not in (S.HUNDRED, S.SCALE)) or (
            self.state in (S.UNIT, S.TENS) and self.whole is None and self.and_chain(j + 1)
        ):
            self.undo = self.snapshot()
            self.state = S.AND
            self.piece = 0.0
            return j + 1
        return None

    def fraction_follows(self, k: int) -> bool:
        """Does a fraction start at token k ("a half", "three fifths", "fifty-four hundredths")?"""
        g, k0 = self.g, k
        if self.word_at(k) in g.articles:
            k += 1
        while k - k0 < 6 and (
            self.word_at(k) in g.units or self.word_at(k) in g.tens or (k > k0 and self.word_at(k) in DASHES)
        ):
            k += 1
        w = self.word_at(k)
        return k > k0 and (w in g.half_words or w in g.fractions)

    def and_chain(self, k: int) -> bool:
        """ "twenty and three and three fifths": number words, then "and" and a fraction."""
        g, k0 = self.g, k
        while self.word_at(k) in g.units or self.word_at(k) in g.tens or (k > k0 and self.word_at(k) in DASHES):
            k += 1
        return k > k0 and self.word_at(k) in g.and_words and self.fraction_follows(k + 1)

    def compound_denominator(self, j: int) -> tuple[float, int] | None:
        """ "twenty-fifths" at token j: (25, the end of it); a singular one only before "of" or the end."""
        g = self.g
        if not g.compound_ones or self.word_at(j) not in g.tens:
            return None
        k = j + 1 + (self.word_at(j + 1) in DASHES)
        ones = self.word_at(k)
        if ones not in g.compound_ones:
            return None
        if ones in g.fractions_after_one:
            after = self.toks[k + 1] if k + 1 < len(self.toks) else None
            if after is not None and after.kind == "word" and after.lower not in g.of_words:
                return None
            if self.started and self.state is not S.ARTICLE and self.total + self.cur != 1:
                return None
        return g.tens[self.word_at(j)] + g.compound_ones[ones], k + 1

    def fraction_allowed(self, w: str) -> bool:
        if not self.after("fraction"):
            return False
        return w not in self.g.fractions_after_one or self.state is S.ARTICLE or self.total + self.cur == 1

    def fraction_scale(self, j: int, scale: float) -> int:
        """A scale after the fraction of a mixed number: "two and a half million", "one billion and a half million"."""
        if self.whole_scale == 1.0:
            self.total, self.cur = ((self.whole or 0.0) + self.cur) * scale, 0.0
            self.whole = None
        else:
            self.cur *= scale
            self.scaled = True
        self.last_scale = scale
        return self.take(j, S.SCALE)

    def fraction_part(self, k: int) -> int | None:
        """After a whole word: "(и) три десятых" adds 0.3; the end of the read, or None."""
        if self.word_at(k) in self.g.and_words:
            k += 1
        part = self.g.read(self.toks, k) if k < len(self.toks) else None
        if part is None or self.toks[part.j - 1].lower not in self.g.fractions:
            return None
        self.add(part.value)
        self.end, self.state = part.j, S.DECIMAL
        return part.j

    def continues(self, j: int, fraction_only: bool = False) -> bool:
        """Does a number atom (or "a half") follow at token j?"""
        g = self.g
        if j >= len(self.toks):
            return False
        t = self.toks[j]
        w = t.lower
        if not fraction_only and (t.kind == "num" or w in g.units or w in g.tens or w in g.hundreds):
            return (digits_value(t.text, g.decimal) if t.kind == "num" else g.units.get(w)) != 0  # not "and 0"
        if w in g.articles or w in g.fraction_one:
            nxt = self.word_at(j + 1)
            return nxt in g.half_words or nxt in g.fractions
        return False

    def half(self, j: int) -> int | None:
        g = self.g
        nxt, after = self.word_at(j + 1), self.word_at(j + 2)
        if not self.started or self.state is S.ARTICLE and self.total == 0 and self.cur == 0:
            # "half a million", "half million", "half a dozen", "a half"
            if nxt in g.articles and (after in g.scales or after in g.dozens):
                self.cur, self.piece = 0.5, 0.5
                self.take(j, S.HALF)
                self.state = S.ARTICLE
                return j + 2
            self.cur, self.piece = 0.5, 0.5
            self.fraction_done = True
            return self.take(j, S.HALF)
        if self.state is S.ARTICLE:
            self.add(0.5)  # "... and a half"
            self.fraction_done = True
            return self.take(j, S.HALF)
        if self.state is S.UNIT and self.total + self.cur == 1:
            return self.fraction(j, 2.0)  # "one half"
        return None

    def fraction(self, j: int, denominator: float) -> int:
        """The number read so far over `denominator` ("three fifths", "a hundred trillionths")."""
        numerator = 1.0 if self.state is S.ARTICLE and not (self.total + self.cur) else self.total + self.cur
        self.total, self.last_scale = 0.0, 0.0
        self.cur = self.piece = numerator / denominator
        self.fraction_done = True
        k = self.take(j, S.FRACTION)
        m = k + 1 + (self.word_at(k + 1) in self.g.articles)
        scale = self.word_at(m)
        if (
            self.word_at(k) in self.g.of_words
            and self.whole is None
            and scale in self.g.scales
            and (scale not in self.g.bare_plurals)
        ):
            self.cur *= self.g.scales[scale]  # "two thirds of a million"
            return self.take(m, S.SCALE)
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
        self.state = S.DECIMAL
        return k


# Which atom a token is tried as, in order: the first step that takes it (or ends the number)
# decides; a step that answers PASS hands the token to the next row.
Step = Callable[[Walk, int], "int | None"]
STEPS: tuple[tuple[Callable[[Grammar, Token], bool], Step], ...] = (
    (lambda g, t: t.kind == "num", Walk.digits),
    (lambda g, t: t.lower in g.tens, Walk.compound),
    (lambda g, t: t.lower in g.units or t.lower in g.tens, Walk.unit_or_tens),
    (lambda g, t: t.lower in g.hundreds, Walk.hundreds_step),
    (lambda g, t: t.lower in g.scales, Walk.scale),
    (lambda g, t: t.lower in g.dozens, Walk.dozen),
    (lambda g, t: t.lower in g.half_words, Walk.half),
    (lambda g, t: t.lower in g.fractions, Walk.fraction_word),
    (lambda g, t: t.lower in g.and_words, Walk.and_word),
    (lambda g, t: t.lower in g.group_comma, Walk.comma),
    (lambda g, t: t.lower in DASHES, Walk.dash),
    (lambda g, t: t.lower in g.articles, Walk.article),
    (lambda g, t: t.lower in g.whole_words, Walk.whole_word),
    (lambda g, t: t.lower in g.point_words, Walk.point),
)
