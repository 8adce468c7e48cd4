"""Incidents: the filtered list with its facets, the map, one incident with its place, figures,
review and history, and the list's exports (ACLED-style CSV, GeoJSON)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from tallybook.ledger.history import history_of
from tallybook.ledger.incident_query import (
    PRECISIONS,
    IncidentParamError,
    IncidentParams,
    incidents,
)
from tallybook.ledger.incidents import IncidentReviewError
from tallybook.ledger.models import STATUSES, Document, Incident

from .. import labels
from ..decisions import FormError
from ..facets import Spec, facets
from ..incident_decisions import apply_incident_review
from ..incident_exports import incident_acled, incident_geojson  # noqa: F401  (urls name them here)
from ..roles import can_review
from .claims import context_after, context_before
from .common import page_of, querystring

# (filter parameter, title, incident field); the order they are shown in
FACETS: Spec = [
    ("type", _("Type"), "type"),
    ("country", _("Country"), "country"),
    ("region", _("Region"), "region"),
    ("actor", _("Actor"), "actor"),
    ("precision", _("Place precision"), "precision"),
    ("status", _("Status"), "status"),
    ("lang", _("Language"), "lang"),
    ("document", _("Document"), "document_id"),
]


def _names(field: str, raws: list) -> dict:
    """What an incident facet shows for its raw values."""
    shown = {
        "type": labels.incident_type_name,
        "country": labels.country_name,
        "region": labels.region_name,
        "precision": lambda p: str(labels.PRECISIONS.get(p, p)),
        "status": lambda s: str(labels.STATUSES.get(s, s)),
    }
    if field in shown:
        return {raw: shown[field](raw) for raw in raws if raw}
    if field == "document_id":
        docs = Document.objects.filter(id__in=raws).only("id", "title", "source")
        return {d.id: d.title or d.source.rsplit("/", 1)[-1] for d in docs}
    return {}


def _filtered(request):
    """(params, queryset, error) of the request's filters; an empty queryset and the reason when one means nothing."""
    p = IncidentParams.from_query(request.GET)
    try:
        return p, incidents(p), None
    except IncidentParamError as e:
        return p, Incident.objects.none(), str(e)


def _form_context(p: IncidentParams) -> dict:
    params = p.as_dict()
    return {
        "params": params,
        "export_qs": querystring({k: v for k, v in params.items() if k != "sort"}),
        "types": labels.incident_type_choices(),
        "statuses": [(s, labels.STATUSES[s]) for s in STATUSES],
        "precisions": [(s, labels.PRECISIONS[s]) for s in PRECISIONS],
    }


def incident_list(request):
    p, qs, error = _filtered(request)
    page = page_of(qs, request.GET.get("page") if not error else None)
    params = p.as_dict()
    ctx = {
        **_form_context(p),
        "page": page,
        "qs": querystring(params, page=None),
        "error": error,
        "facets": facets(qs, params, FACETS, _names) if not error else [],
    }
    template = "web/incidents/_table.html" if request.headers.get("HX-Request") else "web/incidents/list.html"
    return render(request, template, ctx, status=400 if error else 200)


def incident_map(request):
    p, qs, error = _filtered(request)
    ctx = {**_form_context(p), "error": error}
    if not error:
        base = qs.order_by()
        ctx["total"] = base.count()
        ctx["unplaced"] = base.filter(lat__isnull=True).count()
    return render(request, "web/incidents/map.html", ctx, status=400 if error else 200)


def incident_detail(request, incident_id: int):
    inc = get_object_or_404(Incident.objects.select_related("document"), id=incident_id)
    text = inc.document.text
    s, e = inc.sentence_start, inc.sentence_end
    reviewer = can_review(request.user)
    ctx = {
        "inc": inc,
        "doc": inc.document,
        "before": context_before(text, s),
        "after": context_after(text, e),
        "sentence_before": text[s : inc.start],
        "span": text[inc.start : inc.end],
        "sentence_after": text[inc.end : e],
        "claims": inc.claims.order_by("start", "id"),
        "candidates": inc.candidates or [],
        "history": history_of(inc),
        "reviews": inc.reviews.order_by("-created", "-id"),
        "can_review": reviewer,
        "types": labels.incident_type_choices() if reviewer else [],
        "precisions": [(s, labels.PRECISIONS[s]) for s in PRECISIONS],
        "date_precisions": list(labels.DATE_PRECISIONS.items()),
    }
    return render(request, "web/incidents/detail.html", ctx)


@require_POST
def incident_review(request, incident_id: int):
    if not can_review(request.user):
        raise PermissionDenied("reviewers only")
    inc = get_object_or_404(Incident, id=incident_id)
    try:
        apply_incident_review(request.user, inc, request.POST.get("decision", ""), request.POST)
    except (IncidentReviewError, FormError) as e:
        return HttpResponseBadRequest(str(e), content_type="text/plain; charset=utf-8")
    return redirect("incident", incident_id=inc.id)
