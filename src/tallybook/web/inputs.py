"""Numbers as people type them in a form: «1,5», "1,500", «1 500», "1.5", read by the interface's locale.

A group separator is a comma, a dot, a space (plain, non-breaking or thin) or an apostrophe; the
decimal mark is a comma or a dot. Text that could be read two ways is read the locale's way
(Russian: «1,500» is one and a half; English: "1,500" is fifteen hundred). Anything else (a word,
"nan", "1,5,0", a group of two digits) is refused with a message, never guessed.
"""

from __future__ import annotations

import re

SPACES = re.compile(r"[ \u00a0\u202f\u2009\u2007']")
MINUS = str.maketrans({"\u2212": "-", "\u2013": "-"})
SHAPE = re.compile(r"-?\d[\d.,]*")
GROUPS = re.compile(r"\d{1,3}(?:X\d{3})*")
DECIMAL_COMMA = {"ru"}  # interface languages whose decimal mark is a comma


class NumberError(ValueError):
    """Text that is not a number in the form's locale; the message quotes it."""


def parse_number(text: str, lang: str = "en") -> float:
    """The number `text` means in a form of interface language `lang`; NumberError when it is none."""
    s = text.strip().translate(MINUS)
    number = _spaced(s) if SPACES.search(s) else _marked(s, lang)
    if number is None:
        raise NumberError(f"value: not a number ({text!r})")
    return number


def _spaced(s: str) -> float | None:
    """«1 500», «1 500,5», "1'500.5": spaces group the whole part, one mark (if any) is decimal."""
    sign, body = ("-", s[1:]) if s.startswith("-") else ("", s)
    parts = re.fullmatch(r"([^.,]*)([.,]?)(.*)", body)
    if parts is None:  # a line break after the decimal mark ("1 5,0\n0"): not a number
        return None
    whole, mark, frac = parts.groups()
    if not GROUPS.fullmatch(SPACES.sub("X", whole)) or (mark and not frac.isdigit()):
        return None
    return float(sign + SPACES.sub("", whole) + ("." + frac if mark else ""))


def _marked(s: str, lang: str) -> float | None:
    """Digits with commas and dots: groups of three by one mark, the other (last, once) decimal."""
    if not SHAPE.fullmatch(s):
        return None
    sign, digits = ("-", s[1:]) if s.startswith("-") else ("", s)
    marks = [c for c in digits if c in ".,"]
    if not marks:
        return float(s)
    if len(set(marks)) == 2:
        decimal = marks[-1]
        if marks.count(decimal) != 1:
            return None
        whole, frac = digits.rsplit(decimal, 1)
        return _grouped(sign, whole, marks[0], frac)
    if len(marks) > 1:
        return _grouped(sign, digits, marks[0], "")
    whole, frac = digits.split(marks[0])
    if not frac:
        return None
    if marks[0] == "," and len(frac) == 3 and len(whole) <= 3 and lang not in DECIMAL_COMMA:
        return float(sign + whole + frac)  # "1,500" in English
    return float(f"{sign}{whole}.{frac}")


def _grouped(sign: str, whole: str, sep: str, frac: str) -> float | None:
    """`whole` in groups of three by `sep`, then the decimal part; None when the groups are wrong."""
    if not GROUPS.fullmatch(whole.replace(sep, "X")):
        return None
    return float(sign + whole.replace(sep, "") + ("." + frac if frac else ""))
