"""Figures in the interface's language: tallybook.display with the page's locale and unit names."""

from __future__ import annotations

from django.utils.translation import get_language

from tallybook import display
from tallybook.display import plain  # noqa: F401  (the templates' `plain` filter)


def _lang() -> str:
    return (get_language() or "en")[:2]


def unit_name(unit: str) -> str:
    """A unit's name in the page's language ("km", «км»); a unit no table names, as it is."""
    from .labels import UNITS

    return str(UNITS.get(unit, unit))


def number(x: float) -> str:
    return display.number(x, _lang())


def figure(value: float, value_max: float | None = None, unit: str | None = None) -> str:
    """Value (or range) with its unit in the page's locale: "27%", «1 500–2 000»."""
    return display.figure(value, value_max, unit, _lang(), unit_name)


def unit_label(unit: str | None) -> str:
    """A unit as a list shows it on its own ("%", "$", "km"; nothing for a head count)."""
    if not unit or unit == "person":
        return ""
    before, after = display.SYMBOLS.get(unit, ("", unit_name(unit)))
    return (before + after).strip()
