"""Figures as people read them, without Django: "27%", "$4,400", "10–20 km", «1 500 000», «1,5».

Never scientific notation ("1e+06"). The web app and the CLI table both format through here.
"""

from __future__ import annotations

from collections.abc import Callable

# unit (as the number reader names it) -> (before the number, after it); "person" is a head count
SYMBOLS = {
    "percent": ("", "%"),
    "USD": ("$", ""),
    "EUR": ("€", ""),
    "GBP": ("£", ""),
    "INR": ("₹", ""),
    "RUB": ("", "\u00a0₽"),
    "person": ("", ""),
    "°C": ("", "\u00a0°C"),
}
SEPARATORS = {"ru": ("\u00a0", ","), "en": (",", ".")}  # (group, decimal mark)


def plain(x: float | None) -> str:
    """A number for a form field or a file: digits and a dot, no groups, no exponent (1500000, 1.5)."""
    if x is None:
        return ""
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def number(x: float, lang: str = "en") -> str:
    """A number grouped and marked in a locale: 1,500.5 (en) / 1 500,5 (ru)."""
    group, mark = SEPARATORS.get(lang[:2], SEPARATORS["en"])
    whole, _, frac = plain(abs(x)).partition(".")
    digits = f"{int(whole):,}".replace(",", group)
    return ("-" if x < 0 else "") + digits + (mark + frac if frac else "")


def figure(
    value: float,
    value_max: float | None = None,
    unit: str | None = None,
    lang: str = "en",
    unit_name: Callable[[str], str] = str,
) -> str:
    """Value (or range) with its unit: "27%", "$4,400", "10–20 km", «1 500–2 000»."""
    before, after = SYMBOLS.get(unit or "", ("", "\u00a0" + unit_name(unit) if unit else ""))
    shown = number(value, lang) + ("–" + number(value_max, lang) if value_max is not None else "")
    return f"{before}{shown}{after}"
