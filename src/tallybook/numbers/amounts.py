"""An amount at a token: a cardinal with its sign, currency symbol, scale suffix, power,
fraction and ratio; a vague multiple ("dozens"); a multiplier in one word ("threefold")."""

from __future__ import annotations

import re

from .grammar import Cardinal
from .ranges import hedge_before
from .reading import Reading, Vocab, attached, glued_run, glued_suffix
from .tokens import Token, digits_value

SCALE_LETTERS_SPACED = frozenset("KMBGT")  # "1,674.5 G" at the end of a phrase
TIMES = frozenset({"x", "×", "*"})
MINUS_SIGNS = frozenset({"-", "−", "‐"})
YEAR = re.compile(r"(1[89]|20)\d\d")


def amount(v: Vocab, toks: list[Token], i: int) -> Reading | None:
    """A cardinal at token i with its sign, currency symbol and scale suffix."""
    sign, k = _sign(v, toks, i)
    unit = None
    if k < len(toks) and toks[k].text in v.prefix_symbols:
        unit, k = v.prefix_symbols[toks[k].text], k + 1
        if k < len(toks) and toks[k].text == "-" and attached(toks, k) and toks[k].start == toks[k - 1].end:
            sign, k = -sign, k + 1  # "$-99.99"
    elif k + 1 < len(toks) and (toks[k].lower, toks[k + 1].text) in v.symbol_prefixes:
        unit, k = v.symbol_prefixes[(toks[k].lower, toks[k + 1].text)], k + 2  # "US$5"
    if k >= len(toks):
        return None
    card = v.grammar.read(toks, k)
    if card is None or (k > i and card.i != k):
        return None
    r = Reading(i, card.j, sign * card.value, card.words, unit=unit)
    scale_suffix(v, toks, r, card)
    power(v, toks, r)
    fraction_slash(v, toks, r)
    ratio(v, toks, r)
    k2 = glued_suffix(toks, r.j)
    if k2 is not None and toks[k2].lower in v.case_endings:
        r.tail, r.j = k2 + 1 - r.j, k2 + 1
        scale = v.grammar.scales.get(toks[r.j].lower) if r.j < len(toks) and not card.words else None
        if scale:
            r.value, r.j = r.value * scale, r.j + 1  # «2-х тысяч», «5-ти миллионов»
    return r


def _sign(v: Vocab, toks: list[Token], i: int) -> tuple[float, int]:
    """(sign, token after it) of a number at token i: "minus 5", "-5", "- 10 k" opening a text."""
    t = toks[i]
    if t.lower in v.minus and i + 1 < len(toks):
        return -1.0, i + 1
    if t.text == "-" and attached(toks, i) and (i == 0 or toks[i - 1].end < t.start or toks[i - 1].text in "<>=(~"):
        return (-1.0, i + 1) if i == 0 or toks[i - 1].kind != "num" else (1.0, i)
    if t.text == "-" and i == 0 and i + 1 < len(toks) and toks[i + 1].kind == "num":
        return -1.0, i + 1
    return 1.0, i


def scale_suffix(v: Vocab, toks: list[Token], r: Reading, card: Cardinal) -> None:
    """10k, $2bn, 1,5 млн: a scale letter or abbreviation right after digits; "$5-million",
    «150-тысячная»: a scale word or adjective joined to them by a hyphen."""
    if card.words and r.j - r.i > 1 or r.j >= len(toks):
        return
    joined = joined_scale(v, toks, r.j) if card.j - card.i == 1 else 0.0
    if joined:
        r.value *= joined
        r.j += 2
        return
    nxt = toks[r.j]
    glued = nxt.start == toks[r.j - 1].end
    spaced_letter = nxt.text in SCALE_LETTERS_SPACED and (r.j + 1 == len(toks) or toks[r.j + 1].kind != "word")
    if nxt.kind == "word" and nxt.lower in v.suffixes and (glued or nxt.lower in v.spaced_suffixes or spaced_letter):
        if r.j + 1 < len(toks) and toks[r.j + 1].kind == "word" and toks[r.j + 1].start == nxt.end:
            return
        r.value *= v.suffixes[nxt.lower]
        r.j += 1


def joined_scale(v: Vocab, toks: list[Token], j: int) -> float:
    """The scale of a word joined by a hyphen to the number before token j ("$5-million",
    «150-тысячная»), else 0."""
    if j + 1 >= len(toks) or toks[j].text not in MINUS_SIGNS or not glued_run(toks, j - 1, j + 2):
        return 0.0
    w = toks[j + 1].lower
    return v.grammar.scales.get(w) or v.scale_adjectives.get(w) or 0.0


def power(v: Vocab, toks: list[Token], r: Reading) -> None:
    """1.1^23, 1.3x10^6, 8x2^10, 2.48×10−5: digits raised to a power, written without spaces."""
    j = r.j
    if r.words or not glued_run(toks, r.j - 1, j + 1):
        return
    base, value = None, abs(r.value)
    if toks[j].text in TIMES and glued_run(toks, j, j + 3) and toks[j + 1].kind == "num":
        base, j = digits_value(toks[j + 1].text, v.decimal), j + 2
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
    exponent = sign * digits_value(toks[k].text, v.decimal)
    try:
        powered = value * base**exponent if base is not None else value**exponent
    except (OverflowError, ZeroDivisionError):
        return
    r.value, r.j = (powered if r.value >= 0 else -powered), k + 1


def fraction_slash(v: Vocab, toks: list[Token], r: Reading) -> None:
    """3/4 as a fraction, 2 1/4 as a mixed number, unless part of a date or a phone number."""
    j = r.j
    if r.words or (r.i > 0 and toks[r.i - 1].text in "/-" and toks[r.i - 1].end == toks[r.i].start):
        return
    if j + 2 < len(toks) and toks[j].kind == "num" and toks[j + 1].text == "/" and r.value == int(r.value):
        whole = r.value
        if not re.fullmatch(r"\d+", toks[r.j - 1].text) or not glued_run(toks, j, j + 3):
            return
        part = Reading(j, j + 1, digits_value(toks[j].text, v.decimal), False)
        fraction_slash(v, toks, part)
        if part.j == j + 3 and 0 < part.value < 1:  # "2 1/4"
            r.value, r.j = whole + part.value if whole >= 0 else whole - part.value, part.j
        return
    if j + 1 < len(toks) and toks[j].text == "/" and toks[j + 1].kind == "num":
        if toks[j].start == toks[j - 1].end and toks[j + 1].start == toks[j].end:
            if j + 2 < len(toks) and toks[j + 2].text in "/-":
                return
            den = digits_value(toks[j + 1].text, v.decimal)
            if den:
                r.value /= den
                r.j = j + 2


def ratio(v: Vocab, toks: list[Token], r: Reading) -> None:
    """ "one in five", "two out of five hundred", "1 over 3": a proportion."""
    prev = toks[r.i - 1].lower if r.i > 0 else ""
    if r.unit or r.value == 0 or (prev in v.year_cues and YEAR.fullmatch(toks[r.j - 1].text)):
        return  # "in 2022 over 300 people"
    words = [t.lower for t in toks[r.j : r.j + 2]]
    for phrase in v.ratio_words:
        if tuple(words[: len(phrase)]) != phrase:
            continue
        k = r.j + len(phrase)
        den = v.grammar.read(toks, k) if k < len(toks) else None
        if den is None or not den.value:
            return
        if den.j < len(toks) and (toks[den.j].lower in v.durations or toks[den.j].text in ("/", "%")):
            return  # "20 over three days"
        if not den.words and YEAR.fullmatch(toks[k].text):
            return  # "two in 2022"
        if phrase != ("over",) and abs(r.value) >= den.value:
            return
        r.value, r.j = r.value / den.value, den.j
        return


def multiplier_at(v: Vocab, toks: list[Token], i: int) -> Reading | None:
    """ "a threefold rise", «выросло вдвое»: a multiplier in one word (numbers.multipliers)."""
    value = v.multipliers.get(toks[i].lower)
    return Reading(i, i + 1, value, True) if value else None


def vague_at(v: Vocab, toks: list[Token], i: int) -> Reading | None:
    """dozens, hundreds of thousands, tens of thousands, десятки тысяч; after a hedge, a form
    that is also a singular counts one group ("около тысячи" is one thousand)."""
    w = toks[i].lower
    if w not in v.vague_words:
        return None
    g = v.grammar
    base = v.vague_values.get(w) or g.dozens.get(w) or g.hundreds.get(w) or g.scales.get(w, 10)
    j = i + 1
    if v.vague_link:  # "tens of thousands"
        if j + 1 < len(toks) and toks[j].lower in v.vague_link and toks[j + 1].lower in g.scales:
            base *= g.scales[toks[j + 1].lower]
            j += 2
    elif j < len(toks) and toks[j].lower in g.scales:  # «десятки тысяч»
        base *= g.scales[toks[j].lower]
        j += 1
    if w in v.vague_need_scale and j == i + 1:
        return None
    one = w in v.vague_singular and hedge_before(v, toks, i) is not None
    return Reading(i, j, float(base), True, kind="cardinal" if one else "vague")
