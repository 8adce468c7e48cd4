"""Helpers the page modules share: pagination, the querystring of a filtered view, the chart's bounds."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Page, Paginator

from ..filters import PER_PAGE


def page_of(qs, number: str | None) -> Page:
    """Page `number` (1 when missing or bad) of `qs`, PER_PAGE rows each."""
    return Paginator(qs, PER_PAGE).get_page(number)


def querystring(params: dict, **changes) -> str:
    """`params` with `changes` applied (None drops a key), url-encoded."""
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return urlencode(merged)


def interval(value: float, value_max: float | None, hedge: str) -> tuple[float, float]:
    """The span a hedged figure covers on a chart: a range as given, approx ±10 %, lower/upper 25 % open side."""
    if value_max is not None:
        return value, value_max
    factors = {"approx": (0.9, 1.1), "lower": (1, 1.25), "upper": (0.75, 1)}.get(hedge, (1, 1))
    return round(value * factors[0], 6), round(value * factors[1], 6)
