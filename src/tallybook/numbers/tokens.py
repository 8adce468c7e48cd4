"""Split text into the tokens the number reader walks: digit groups, words, symbols."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
# Digit groups: 30 000 / 30\u00a0000 (space-grouped thousands, not after a letter: "i7 860"),
# then 10,000.5 / 1.5 / 1,5 / .25 / 2½ / ½; a web address is one token of its own.
_TOKEN = re.compile(
    r"(?P<url>\b(?:https?://|www\.)\S+)"
    r"|(?P<num>(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])(?:[.,]\d+(?![ \u00a0\u202f]\d))?"
    rf"|\d+(?:[.,]\d+)*(?:[eE][+-]?\d+\b)?[{VULGAR}]?|(?<![\w.,])\.\d+|[{VULGAR}])"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?\.?)"
    r"|(?P<sym>\S)"
)
_SEPARATOR = re.compile(r"[.,]")

ABBREVIATIONS_WITH_DOT = frozenset(
    "тыс млн млрд трлн руб долл чел г гг ст ч нед мес mln bln bn tn no nr nrs st art vs mr dr".split()
)


@dataclass(frozen=True)
class Token:
    """A token with its character span; `kind` is num, word or sym."""

    text: str
    start: int
    end: int
    kind: str
    lower: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower", self.text.lower().replace("’", "'"))


def tokenize(text: str) -> list[Token]:
    """Tokens of `text`; a word keeps a trailing dot only when it is a known abbreviation."""
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "sym"
        start, end = m.start(), m.end()
        word = m.group()
        if kind == "word" and word.endswith("."):
            if word[:-1].lower() not in ABBREVIATIONS_WITH_DOT:
                tokens.append(Token(word[:-1], start, end - 1, kind))
                tokens.append(Token(".", end - 1, end, "sym"))
                continue
        if kind == "num" and _is_list(word):
            tokens.extend(_list_tokens(word, start))
            continue
        tokens.append(Token(word, start, end, kind))
    return tokens


def _is_list(digits: str) -> bool:
    """ "22,24,26" or "192.168.1.2": one separator used twice or more, not as thousands grouping."""
    seps = _SEPARATOR.findall(digits)
    if (
        len(seps) < 2
        or re.fullmatch(r"\d{1,2}[.]\d{1,2}[.]\d{2,4}", digits)
        or len(set(seps)) > 1
        or "e" in digits.lower()
    ):
        return False
    groups = _SEPARATOR.split(digits)
    return not (all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3)


def _list_tokens(digits: str, start: int) -> list[Token]:
    """The numbers of a list written without spaces, each with its separator after it."""
    out = []
    for m in re.finditer(r"\d+|[.,]", digits):
        out.append(Token(m.group(), start + m.start(), start + m.end(), "num" if m.group()[0].isdigit() else "sym"))
    return out


def digits_value(text: str, decimal: str = ".") -> float:
    """The value of a digit group, read with `decimal` as the decimal mark of its language
    ("." in English, "," in Russian: lexicon numbers.decimal_separator)."""
    s = re.sub(r"[ \u00a0\u202f]", "", text)
    if s[-1] in VULGAR:  # "2½", "¾"
        return (_grouped_value(s[:-1], decimal) if len(s) > 1 else 0.0) + unicodedata.numeric(s[-1])
    if s.startswith("."):
        s = "0" + s
    mantissa, _, exponent = s.lower().partition("e")
    value = _grouped_value(mantissa, decimal)
    return value * 10 ** int(exponent) if exponent else value


def _grouped_value(s: str, decimal_mark: str) -> float:
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        return float(s.replace(thousands, "").replace(decimal, "."))
    sep = "," if commas else "." if dots else ""
    if not sep:
        return float(s)
    groups = s.split(sep)
    all_thousands = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
    if len(groups) > 2:
        return float(s.replace(sep, "")) if all_thousands else float(groups[0])
    # one separator before three digits groups thousands unless it is the language's decimal
    # mark: "10,000" in English, «10.000» in Russian; "1.500" in English is 1.5, «1,500» 1.5.
    if sep != decimal_mark and all_thousands:
        return float(s.replace(sep, ""))
    return float(s.replace(",", "."))
