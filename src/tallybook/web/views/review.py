"""Reviewing: the keyboard-driven queue of new claims and the review form's POST."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tallybook.ledger.models import Claim
from tallybook.ledger.review import ClaimGone, ReviewError

from ..decisions import FormError, apply_review
from ..roles import can_review

QUEUE_SIZE = 50


def queue(request):
    claims = (Claim.objects.filter(status="new").select_related("document")
              .order_by("published_on", "document_id", "start", "id")[:QUEUE_SIZE])
    return render(request, "web/review/queue.html",
                  {"claims": claims, "total": Claim.objects.filter(status="new").count(),
                   "can_review": can_review(request.user)})


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
