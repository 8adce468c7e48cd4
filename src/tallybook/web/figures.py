"""Figures as people read them: "27%", "$4,400", "10–20 km", «1 500 000», «1,5» — never "1e+06"."""
from __future__ import annotations

from django.utils.translation import get_language, pgettext

# unit (as the number reader names it) -> (before the number, after it); "person" is a head count
SYMBOLS = {"percent": ("", "%"), "USD": ("$", ""), "EUR": ("€", ""), "GBP": ("£", ""), "INR": ("₹", ""),
           "RUB": ("", "\u00a0₽"), "person": ("", ""), "°C": ("", "\u00a0°C")}
SEPARATORS = {"ru": ("\u00a0", ","), "en": (",", ".")}  # (group, decimal mark)


def plain(x: float | None) -> str:
    """A number for a form field: digits and a dot, no groups, no exponent (1500000, 1.5)."""
    if x is None:
        return ""
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def number(x: float, lang: str | None = None) -> str:
    """A number grouped and marked in the interface's locale: 1,500.5 / 1 500,5."""
    group, mark = SEPARATORS.get((lang or get_language() or "en")[:2], SEPARATORS["en"])
    whole, _, frac = plain(abs(x)).partition(".")
    digits = f"{int(whole):,}".replace(",", group)
    return ("-" if x < 0 else "") + digits + (mark + frac if frac else "")


def unit_label(unit: str | None) -> str:
    """A unit as a list shows it beside a figure ("%", "$", "km"; nothing for a head count)."""
    if not unit or unit == "person":
        return ""
    before, after = SYMBOLS.get(unit, ("", "\u00a0" + pgettext("unit", unit)))
    return (before + after).strip()


def figure(value: float, value_max: float | None = None, unit: str | None = None, lang: str | None = None) -> str:
    """Value (or range) with its unit: "27%", "$4,400", "10–20\u00a0km", «1\u00a0500–2\u00a0000»."""
    before, after = SYMBOLS.get(unit or "", ("", "\u00a0" + pgettext("unit", unit) if unit else ""))
    shown = number(value, lang) + ("–" + number(value_max, lang) if value_max is not None else "")
    return f"{before}{shown}{after}"
