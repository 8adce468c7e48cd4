"""Human decisions on claims: accept, correct or reject.

Each decision is kept twice over: as a Review (the decision, append-only) and in the claim's
django-simple-history record (the whole row before and after, who, when and why), which also
catches edits made in the Django admin (see history.py).
"""
from __future__ import annotations

from django.db import transaction

from tallybook.model import HEDGES

from .history import record_history
from .models import Claim, Review

CORRECTABLE = ("value", "value_max", "hedge", "unit", "counted", "speaker", "speaker_role",
               "speaker_org", "measure", "period", "time_ref")
STATUS_OF = {"accept": "accepted", "correct": "corrected", "reject": "rejected"}


class ReviewError(ValueError):
    """A review that cannot be applied (unknown action or field); the message says which."""


def review_claim(claim_id: int, action: str, reviewer: str, changes: dict | None = None,
                 note: str = "", user=None) -> Review:
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
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(id=claim_id)
        diff = {f: [getattr(claim, f), v] for f, v in changes.items() if getattr(claim, f) != v}
        for field, (_, after) in diff.items():
            setattr(claim, field, after)
        claim.status = STATUS_OF[action]
        record_history(claim, user, f"{action}: {note}" if note else action)
        return Review.objects.create(claim=claim, action=action, changes=diff, reviewer=reviewer,
                                     user=user, note=note)

