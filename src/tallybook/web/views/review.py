"""Reviewing: the keyboard-driven queue of new claims and the review form's POST."""

from __future__ import annotations

from dataclasses import replace

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tallybook.ledger import query
from tallybook.ledger.models import Claim
from tallybook.ledger.review import ClaimGone, ReviewError

from .. import filters, labels
from ..decisions import FormError, apply_review
from ..roles import can_review
from .common import querystring

QUEUE_SIZE = 50
QUEUE_FILTERS = ("measure", "lang", "document", "speaker", "mine")


def queue_claims(get, user=None):
    """The new claims the queue's filters (measure, language, document, speaker; `mine`: those
    assigned to `user`) leave, oldest documents first; ParamError for a filter that means nothing."""
    p = filters.ClaimParams.from_query({k: get.get(k, "") for k in QUEUE_FILTERS if k != "mine"}).check()
    qs = filters.claims(replace(p, status="new")).select_related("assignment__user")
    if get.get("mine") and user is not None and user.is_authenticated:
        qs = qs.filter(assignment__user=user)
    return qs.order_by("published_on", "document_id", "start", "id")


def queue(request):
    params = {k: (request.GET.get(k) or "").strip() for k in QUEUE_FILTERS if request.GET.get(k)}
    try:
        qs, error = queue_claims(request.GET, request.user), None
    except filters.ParamError as e:
        qs, error = Claim.objects.none(), str(e)
    return render(
        request,
        "web/review/queue.html",
        {
            "claims": qs[:QUEUE_SIZE],
            "total": qs.count(),
            "params": params,
            "error": error,
            "qs": querystring(params),
            "measures": labels.measure_choices(query.measures_in_use()),
            "can_review": can_review(request.user),
        },
        status=400 if error else 200,
    )


@require_POST
def review(request, claim_id: int):
    if not can_review(request.user):
        raise PermissionDenied("reviewers only")
    claim = get_object_or_404(Claim, id=claim_id)
    try:
        apply_review(request.user, claim, request.POST.get("decision", ""), request.POST)
    except ClaimGone as e:  # a re-ingest replaced it since the page was loaded
        return HttpResponse(str(e), status=409, content_type="text/plain; charset=utf-8")
    except (ReviewError, FormError) as e:
        return HttpResponseBadRequest(str(e), content_type="text/plain; charset=utf-8")
    if request.headers.get("HX-Request"):
        claim.refresh_from_db()
        return render(request, "web/review/_done.html", {"claim": claim})
    return redirect("claim", claim_id=claim.id)
