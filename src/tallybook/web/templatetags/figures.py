"""Template filters for figures: `{{ c|figure }}` (value or range with unit), `{{ x|plain }}` (form fields)."""

from __future__ import annotations

from django import template

from .. import figures, labels

register = template.Library()


@register.filter
def figure(claim) -> str:
    """A claim's value or range with its unit, in the interface's locale."""
    return figures.figure(claim.value, claim.value_max, claim.unit)


@register.filter
def figure_of_last(summary: dict) -> str:
    """A measure summary's latest value with its unit ("27%", «2 750 000 ₽»)."""
    return figures.figure(summary["last"], None, summary.get("unit"))


@register.filter
def plain(x) -> str:
    """A number for an input field, never in scientific notation."""
    return figures.plain(x)


@register.filter
def unit_label(unit) -> str:
    return figures.unit_label(unit)


@register.filter
def measure_name(measure) -> str:
    """A measure's name in the page's language."""
    return labels.measure_name(measure)


@register.filter
def hedge_name(hedge) -> str:
    return str(labels.HEDGES.get(hedge, hedge))


@register.filter
def rule_name(rule) -> str:
    """An attribution rule's name in the page's language (its id when unknown)."""
    return str(labels.RULES.get(rule, rule or "—"))


@register.filter
def status_name(status) -> str:
    return str(labels.STATUSES.get(status, status))


@register.filter
def kind_name(kind) -> str:
    return str(labels.KINDS.get(kind, kind or ""))


@register.filter
def outlet(url) -> str:
    """The outlet a URL names ("example.org")."""
    from ..views.exports import outlet_of

    return outlet_of(url) or ""


@register.filter
def shorten(text, size: int = 160) -> str:
    """`text` cut to at most `size` characters at a word's end, with "…" (never mid-word)."""
    text = " ".join(str(text or "").split())
    if len(text) <= size:
        return text
    cut = text[: size - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > size // 2 else cut).rstrip(" ,;:") + "…"


@register.filter
def make_list_of_words(text: str) -> list[str]:
    """ "csv json xlsx" → ["csv", "json", "xlsx"] (a list in a template)."""
    return text.split()
