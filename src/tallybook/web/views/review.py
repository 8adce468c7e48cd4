"""Reviewing: the keyboard-driven queue of new claims and the review form's POST."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tallybook.ledger.models import Claim
from tallybook.ledger.review import ReviewError, review_claim

from ..roles import can_review

FORM_FIELDS = ("value", "hedge", "speaker", "counted", "measure")
QUEUE_SIZE = 50


def queue(request):
    claims = (Claim.objects.filter(status="new").select_related("document")
              .order_by("published_on", "document_id", "start", "id")[:QUEUE_SIZE])
    return render(request, "web/review/queue.html",
                  {"claims": claims, "total": Claim.objects.filter(status="new").count(),
                   "can_review": can_review(request.user)})


class FormError(ValueError):
    pass


def changes_from(form, claim: Claim) -> dict:
    """The corrected fields of a review form that differ from the claim (empty text clears a field)."""
    changes = {}
    for name in FORM_FIELDS:
        if name not in form:
            continue
        raw = form.get(name, "").strip()
        if name == "value":
            try:
                new = float(raw.replace(",", "")) if raw else claim.value
            except ValueError:
                raise FormError(f"value: not a number ({raw!r})") from None
        else:
            new = raw or None
            if name == "hedge" and new is None:
                new = claim.hedge
        if new != getattr(claim, name):
            changes[name] = new
    return changes


def apply_review(user, claim: Claim, decision: str, form) -> None:
    """Record a decision by `user`: corrections only with "correct"; raises ReviewError/FormError."""
    changes = changes_from(form, claim) if decision == "correct" else {}
    review_claim(claim.id, decision, user.get_username(), changes, note=form.get("reason", "").strip(), user=user)


@require_POST
def review(request, claim_id: int):
    if not can_review(request.user):
        raise PermissionDenied("reviewers only")
    claim = get_object_or_404(Claim, id=claim_id)
    try:
        apply_review(request.user, claim, request.POST.get("decision", ""), request.POST)
    except (ReviewError, FormError) as e:
        return HttpResponseBadRequest(str(e), content_type="text/plain; charset=utf-8")
    if request.headers.get("HX-Request"):
        claim.refresh_from_db()
        return render(request, "web/review/_done.html", {"claim": claim})
    return redirect("claim", claim_id=claim.id)
