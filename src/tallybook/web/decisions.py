"""A reviewer's decision as the review form and the API send it: the fields it corrects, applied.

Shared by the review page (views/review.py) and the API (api.py), so neither imports the other.
"""
from __future__ import annotations

import math

from tallybook.ledger.models import Claim
from tallybook.ledger.review import review_claim

FORM_FIELDS = ("value", "hedge", "speaker", "counted", "measure")


class FormError(ValueError):
    """A form value that cannot be read (a value that is not a number)."""


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
                raise FormError(f"value: not a number ({raw[:40]!r})") from None
            if not math.isfinite(new):
                raise FormError(f"value: not a finite number ({raw[:40]!r})")
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
