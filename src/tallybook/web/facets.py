"""Facets of a claims view: for each field, its commonest values in the view with their counts,
each a link that narrows the view to it (as Datasette's facets do)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from tallybook.ledger.models import Document

from . import labels
from .figures import unit_label
from .filters import NO_UNIT
from .views.common import querystring

SHOWN = 8  # values a facet lists


@dataclass(frozen=True)
class Value:
    label: str
    count: int
    qs: str  # the view's querystring narrowed to this value
    selected: bool


@dataclass(frozen=True)
class Facet:
    param: str
    title: str
    values: list[Value]
    clear_qs: str | None  # the querystring without this filter, when it is set


Spec = list[tuple[str, object, str]]  # (filter parameter, title, field of the model)
Names = Callable[[str, list], dict]  # (field, raw values) -> what the facet shows for each

# (filter parameter, title, claim field); the order they are shown in
FACETS: Spec = [
    ("speaker", _("Speaker"), "speaker"),
    ("measure", _("Measure"), "measure"),
    ("hedge", _("Hedge"), "hedge"),
    ("unit", _("Unit"), "unit"),
    ("lang", _("Language"), "lang"),
    ("status", _("Status"), "status"),
    ("document", _("Document"), "document_id"),
]


def facets(qs: QuerySet, params: dict[str, str], spec: Spec | None = None, names: Names | None = None) -> list[Facet]:
    """The facets of `qs` (already filtered by `params`): the claims' by default, or those of
    `spec` with what `names` shows for their values (incidents.py)."""
    base = qs.order_by()
    out = []
    for param, title, field in spec if spec is not None else FACETS:
        rows = list(base.values(field).annotate(n=Count("id")).order_by("-n", field)[:SHOWN])
        shown = (names or _names)(field, [r[field] for r in rows])
        found = (_value(param, r[field], r["n"], shown, params) for r in rows)
        values = [v for v in found if v is not None]
        clear = querystring(params, **{param: None, "page": None}) if params.get(param) else None
        if values or clear is not None:
            out.append(Facet(param, str(title), values, clear))
    return out


def _value(param: str, raw, n: int, names: dict, params: dict[str, str]) -> Value | None:
    """One facet value; None for a value the filter cannot select (no speaker, no measure)."""
    if raw in (None, "") and param not in ("unit",):
        return None
    key = NO_UNIT if param == "unit" and raw in (None, "") else str(raw)
    label = names.get(raw, str(raw))
    return Value(label, n, querystring(params, **{param: key, "page": None}), params.get(param) == key)


def _names(field: str, raws: list) -> dict:
    """What a facet shows for its raw values: measure and hedge names, document titles, units."""
    if field == "measure":
        return {m: labels.measure_name(m) for m in raws if m}
    if field == "hedge":
        return {h: str(labels.HEDGES.get(h, h)) for h in raws}
    if field == "status":
        return {s: str(labels.STATUSES.get(s, s)) for s in raws}
    if field == "unit":
        return {u: str(labels.HEAD_COUNT) if u == "person" else unit_label(u) or "—" for u in raws}
    if field == "document_id":
        docs = Document.objects.filter(id__in=raws).only("id", "title", "source")
        return {d.id: d.title or d.source.rsplit("/", 1)[-1] for d in docs}
    return {}
