"""Reviewing together: undo a decision, accept a selection at once, comment on a claim, assign it
to a reviewer, and the recent changes of everyone (outside /admin/)."""

from __future__ import annotations

from itertools import islice

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tallybook.ledger.models import Assignment, Claim, Comment, DocumentVersion, Review, Source
from tallybook.ledger.review import ReviewError, review_claim, undo_review

from ..roles import REVIEWER, can_review

RECENT = 100
BULK_MAX = 500


def _reviewer_only(request) -> None:
    if not can_review(request.user):
        raise PermissionDenied("reviewers only")


def _bad(message: str):
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


@require_POST
def undo(request, claim_id: int):
    """Take back the claim's latest decision (the queue's `u`, the claim page's button)."""
    _reviewer_only(request)
    claim = get_object_or_404(Claim, id=claim_id)
    try:
        undo_review(claim.id, request.user.get_username(), user=request.user)
    except ReviewError as e:
        return _bad(str(e))
    if request.headers.get("HX-Request"):
        claim.refresh_from_db()
        return render(request, "web/review/_done.html", {"claim": claim})
    return redirect("claim", claim_id=claim.id)


@require_POST
def bulk_accept(request):
    """Accept every selected claim still new, each with its own record; back to the queue."""
    _reviewer_only(request)
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()][:BULK_MAX]
    if not ids:
        return _bad("bulk: no claims selected")
    note = request.POST.get("reason", "").strip()
    with transaction.atomic():
        new = list(Claim.objects.filter(id__in=ids, status="new").values_list("id", flat=True))
        for claim_id in new:
            review_claim(claim_id, "accept", request.user.get_username(), note=note, user=request.user)
    back = request.POST.get("next") or reverse("review")
    return redirect(back if back.startswith("/") and not back.startswith("//") else reverse("review"))


@require_POST
def comment(request, claim_id: int):
    """Add a comment to a claim (reviewers)."""
    _reviewer_only(request)
    claim = get_object_or_404(Claim, id=claim_id)
    text = request.POST.get("text", "").strip()
    if not text:
        return _bad("comment: the comment is empty")
    Comment.objects.create(claim=claim, author=request.user.get_username(), user=request.user, text=text[:5000])
    return redirect(reverse("claim", args=[claim.id]) + "#comments")


@require_POST
def assign(request, claim_id: int):
    """Give a claim to a reviewer to review, or take it back ("" as the user)."""
    _reviewer_only(request)
    claim = get_object_or_404(Claim, id=claim_id)
    name = request.POST.get("user", "").strip()
    if not name:
        Assignment.objects.filter(claim=claim).delete()
    else:
        user = reviewers().filter(username=name).first()
        if user is None:
            return _bad(f"assign: {name!r} is not a reviewer")
        Assignment.objects.update_or_create(claim=claim, defaults={"user": user, "by": request.user.get_username()})
    return redirect(reverse("claim", args=[claim.id]) + "#assignment")


def reviewers():
    """The users who may review: the reviewer group, staff and superusers."""
    from django.db.models import Q

    return (
        get_user_model()
        .objects.filter(Q(groups__name=REVIEWER) | Q(is_staff=True) | Q(is_superuser=True), is_active=True)
        .distinct()
        .order_by("username")
    )


def recent_changes(request):
    """Decisions, comments, assignments and new document versions, newest first."""
    events = []
    for r in Review.objects.select_related("claim").order_by("-created", "-id")[:RECENT]:
        events.append(
            {
                "when": r.created,
                "who": r.reviewer,
                "kind": "review",
                "action": r.action,
                "claim": r.claim,
                "note": r.note,
                "changes": [(f, b, a) for f, (b, a) in r.changes.items()],
            }
        )
    for c in Comment.objects.select_related("claim").order_by("-created", "-id")[:RECENT]:
        events.append({"when": c.created, "who": c.author, "kind": "comment", "claim": c.claim, "note": c.text})
    for a in Assignment.objects.select_related("claim", "user").order_by("-created", "-id")[:RECENT]:
        events.append(
            {"when": a.created, "who": a.by, "kind": "assignment", "claim": a.claim, "note": a.user.get_username()}
        )
    for v in DocumentVersion.objects.select_related("document").defer("text").order_by("-replaced", "-id")[:RECENT]:
        events.append({"when": v.replaced, "who": "tallybook", "kind": "version", "document": v.document})
    events += source_events()
    events.sort(key=lambda e: e["when"], reverse=True)
    return render(request, "web/changes.html", {"events": list(islice(events, RECENT))})


def source_events() -> list[dict]:
    """Reviewers' corrections of sources (renames, kinds, parents, merges, splits), newest first."""
    records = Source.history.filter(history_user__isnull=False).select_related("history_user")
    live = set(Source.objects.values_list("id", flat=True))
    return [
        {
            "when": r.history_date,
            "who": r.history_user.get_username(),
            "kind": "source",
            "source_id": r.id if r.id in live else None,
            "name": r.name,
            "note": r.history_change_reason or "",
        }
        for r in records.order_by("-history_date", "-history_id")[:RECENT]
    ]
