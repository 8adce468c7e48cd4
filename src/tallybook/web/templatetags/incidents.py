"""Template filters for incidents: a type's, country's, region's and precision's name in the page's language."""

from __future__ import annotations

from django import template

from .. import labels

register = template.Library()


@register.filter
def incident_type(type_id) -> str:
    return labels.incident_type_name(type_id)


@register.filter
def country_name(code) -> str:
    return labels.country_name(code)


@register.filter
def region_name(code) -> str:
    return labels.region_name(code)


@register.filter
def precision_name(precision) -> str:
    return str(labels.PRECISIONS.get(precision, precision or ""))


@register.filter
def date_precision_name(precision) -> str:
    return str(labels.DATE_PRECISIONS.get(precision, precision or ""))


@register.filter
def grouped(n) -> str:
    """A whole number grouped in the page's locale (40,000,000; «40 000 000»)."""
    from django.utils.translation import get_language

    from tallybook.display import number

    return "" if n in (None, "") else number(float(n), (get_language() or "en")[:2])
