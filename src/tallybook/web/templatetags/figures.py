"""Template filters for figures: `{{ c|figure }}` (value or range with unit), `{{ x|plain }}` (form fields)."""
from __future__ import annotations

from django import template

from .. import figures

register = template.Library()


@register.filter
def figure(claim) -> str:
    """A claim's value or range with its unit, in the interface's locale."""
    return figures.figure(claim.value, claim.value_max, claim.unit)


@register.filter
def plain(x) -> str:
    """A number for an input field, never in scientific notation."""
    return figures.plain(x)


@register.filter
def unit_label(unit) -> str:
    return figures.unit_label(unit)
