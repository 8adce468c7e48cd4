"""Ranges ("between 10 and 20", "15%–20%") and hedges ("about 500", "10,000 or more")."""

from __future__ import annotations

from ..model import Hedge
from .reading import Reading, Vocab, words_at
from .tokens import Token


def join_ranges(v: Vocab, toks: list[Token], readings: list[Reading]) -> list[Reading]:
    """The readings with each pair of a range's ends joined into one reading."""
    out: list[Reading] = []
    k = 0
    while k < len(readings):
        a = readings[k]
        b = readings[k + 1] if k + 1 < len(readings) else None
        joined = _range_of(v, toks, a, b) if b and a.kind == b.kind == "cardinal" else None
        if joined is not None:
            out.append(joined)
            k += 2
            continue
        out.append(a)
        k += 1
    return out


def _range_of(v: Vocab, toks: list[Token], a: Reading, b: Reading) -> Reading | None:
    """One reading for a range from `a` to `b`, or None when they are no range."""
    if not is_range(v, toks, a, b):
        return None
    lo, hi = a.value, b.value
    if b.words and not a.words or hi > lo * 100:
        scale = trailing_scale(v, toks, b)
        if scale and lo * scale <= hi:
            lo *= scale  # "5 to 10 thousand"
    if lo > hi:
        return None
    start = a.i - 1 if toks[a.i - 1].lower in v.between | v.range_from and a.i > 0 else a.i
    return Reading(start, b.j, lo, a.words or b.words, unit=a.unit or b.unit, value_max=hi, hedge="range")


def is_range(v: Vocab, toks: list[Token], a: Reading, b: Reading) -> bool:
    """Are `a` and `b` the two ends of a range ("10-20", "between 10 and 20", "от 5 до 7")?"""
    gap = toks[a.j : b.i]
    unit = unit_length(v, toks, a.j)
    if unit and len(gap) > unit and [t.lower for t in gap[:unit]] == [t.lower for t in toks[b.j : b.j + unit]]:
        gap = gap[unit:]  # "44 mg to 50 mg": both ends carry the same unit
    if len(gap) == 2 and gap[0].kind == "sym" and b.j < len(toks) and toks[b.j].text == gap[0].text:
        gap = gap[1:]  # "15%–20%": the symbol of the high end is the low end's too
    if len(gap) != 1:
        return False
    link = gap[0].lower
    if gap[0].text in "-‐" and in_chain(v, toks, a, b):
        return False
    before = toks[a.i - 1].lower if a.i > 0 else ""
    if before in v.between:
        return link in v.between_and
    if before in v.range_from:
        return link in v.range_to
    return link in v.dashes


def in_chain(v: Vocab, toks: list[Token], a: Reading, b: Reading) -> bool:
    """ "+1-222-2222", "three-nought-four": more than two numbers joined by glued hyphens."""

    def glued_dash(k: int, toward: int) -> bool:
        n = k + toward
        return (
            0 <= n < len(toks)
            and 0 <= n + toward < len(toks)
            and toks[n].text in "-‐"
            and (toks[n + toward].kind == "num" or v.grammar.is_number_word(toks[n + toward].lower))
            and (toks[n].start == toks[n - 1].end and toks[n + 1].start == toks[n].end)
        )

    return glued_dash(a.i, -1) or glued_dash(b.j - 1, 1)


def trailing_scale(v: Vocab, toks: list[Token], r: Reading) -> float:
    """The scale word or suffix ending `r` ("10 thousand" → 1000), else 0."""
    last = toks[r.j - 1].lower
    return v.grammar.scales.get(last) or v.suffixes.get(last) or 0.0


def unit_length(v: Vocab, toks: list[Token], j: int) -> int:
    """How many tokens the unit phrase at token j takes (0 if none)."""
    after = words_at(toks, j, 3)
    return next((len(u.phrase) for u in v.units if after[: len(u.phrase)] == u.phrase), 0)


def hedge(v: Vocab, toks: list[Token], r: Reading) -> None:
    """Set `r`'s hedge from the cue before it ("about") or after it ("or more")."""
    if r.hedge == "range":
        return
    before = hedge_before(v, toks, r.i)
    if before is not None:
        r.hedge, r.start_tok = before[0], r.i - before[1]
    j = r.j + (r.j < len(toks) and toks[r.j].lower in v.plural_nouns)  # "30 тысяч человек и более"
    after = words_at(toks, j, 3)
    for phrase, cls in v.hedges_after:
        n = len(phrase)
        if after[:n] == phrase and (before is None or before[0] == "approx" and cls in ("lower", "upper")):
            r.hedge, r.end_tok = cls, j + n  # "about 500 or more": the firmer word
            break


def hedge_before(v: Vocab, toks: list[Token], i: int) -> tuple[Hedge, int] | None:
    """The hedge cue ending right before token i: (class, its length in tokens), or None."""
    words = tuple(t.lower for t in toks[max(0, i - 5) : i])
    for phrase, cls in v.hedges_before:
        n = len(phrase)
        if n <= len(words) and words[-n:] == phrase:
            return cls, n
    return None
