"""Human decisions on claims: accept, correct or reject.

Each decision is kept twice over: as a Review (the decision, append-only) and in the claim's
django-simple-history record (the whole row before and after, who, when and why), which also
catches edits made in the Django admin (see history.py).
"""

from __future__ import annotations

import math

from django.db import transaction

from tallybook.extraction.measures import is_measure_id
from tallybook.model import HEDGES

from .history import record_history
from .models import Claim, Review

CORRECTABLE = (
    "value",
    "value_max",
    "hedge",
    "unit",
    "counted",
    "speaker",
    "speaker_kind",
    "speaker_role",
    "speaker_org",
    "measure",
    "period",
    "time_ref",
)
STATUS_OF = {"accept": "accepted", "correct": "corrected", "reject": "rejected"}


class ReviewError(ValueError):
    """A review that cannot be applied (unknown action or field); the message says which."""


class ClaimGone(ReviewError):
    """The claim is no longer in the ledger: a re-ingest of its document replaced it meanwhile."""


def check_changes(changes: dict) -> None:
    """Raise ReviewError for a value no backend can store alike: a non-finite number, a NUL
    character, a measure id that is not dotted lower-case words."""
    for field, value in changes.items():
        if isinstance(value, float) and not math.isfinite(value):
            raise ReviewError(f"review: {field} must be a finite number, not {value!r}")
        if isinstance(value, str) and "\x00" in value:
            raise ReviewError(f"review: {field} holds a NUL character")
    measure = changes.get("measure")
    if measure is not None and not is_measure_id(measure):
        raise ReviewError(f"review: measure must be dotted lower-case words (casualties.killed), not {measure[:80]!r}")


def review_claim(
    claim_id: int, action: str, reviewer: str, changes: dict | None = None, note: str = "", user=None
) -> Review:
    """Apply a decision to a claim and record it with the fields' values before and after."""
    if action not in STATUS_OF:
        raise ReviewError(f"review: unknown action {action!r} (accept, correct or reject)")
    changes = changes or {}
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise ReviewError(f"review: cannot correct {', '.join(unknown)}")
    if "hedge" in changes and changes["hedge"] not in HEDGES:
        raise ReviewError(f"review: hedge must be one of {', '.join(HEDGES)}, not {changes['hedge']!r}")
    if action == "correct" and not changes:
        raise ReviewError("review: a correction needs at least one changed field")
    check_changes(changes)
    if "\x00" in note:
        raise ReviewError("review: the reason holds a NUL character")
    with transaction.atomic():
        claim = Claim.objects.select_for_update().filter(id=claim_id).first()
        if claim is None:
            raise ClaimGone(
                f"review: claim {claim_id} is no longer in the ledger (its document was read again); reload the page"
            )
        diff = {f: [getattr(claim, f), v] for f, v in changes.items() if getattr(claim, f) != v}
        for field, (_, after) in diff.items():
            setattr(claim, field, after)
        claim.status = STATUS_OF[action]
        record_history(claim, user, f"{action}: {note}" if note else action)
        return Review.objects.create(claim=claim, action=action, changes=diff, reviewer=reviewer, user=user, note=note)


def standing(reviews: list[Review]) -> list[Review]:
    """The decisions still in force, oldest first: each undo takes back the latest one left."""
    stack: list[Review] = []
    for r in reviews:
        if r.action == "undo":
            if stack:
                stack.pop()
        else:
            stack.append(r)
    return stack


def undo_review(claim_id: int, reviewer: str, user=None, note: str = "") -> Review:
    """Take back the claim's latest decision still in force: its fields and its status return to
    what they were before it; recorded as a Review "undo" and in the claim's history."""
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(id=claim_id)
        left = standing(list(claim.reviews.order_by("created", "id")))
        if not left:
            raise ReviewError("review: nothing to undo on this claim")
        last = left.pop()
        diff = {
            f: [getattr(claim, f), before]
            for f, (before, _after) in last.changes.items()
            if getattr(claim, f) != before
        }
        for field, (_, before) in diff.items():
            setattr(claim, field, before)
        claim.status = STATUS_OF[left[-1].action] if left else "new"
        why = f"undo {last.action}" + (f": {note}" if note else "")
        record_history(claim, user, why)
        return Review.objects.create(
            claim=claim, action="undo", changes=diff, reviewer=reviewer, user=user, note=note or f"undo {last.action}"
        )
