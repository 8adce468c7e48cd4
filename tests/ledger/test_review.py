"""Reviews: every decision kept with before and after, never overwritten."""
from __future__ import annotations

import pytest

from tallybook.ledger.models import Claim, Review
from tallybook.ledger.review import ReviewError, review_claim
from tallybook.ledger.store import ingest_document


def test_history_is_kept(ledger_url, report):
    ingest_document(report)
    claim = Claim.objects.get(start=110)
    review_claim(claim.id, "correct", "ana", {"value": 510.0, "speaker": "Interior Ministry"})
    review_claim(claim.id, "correct", "bo", {"value": 520.0}, note="updated figure")
    review_claim(claim.id, "accept", "cy")
    history = [(r.action, r.reviewer, r.changes, r.note) for r in Review.objects.filter(claim=claim)]
    assert history == [("correct", "ana", {"value": [500.0, 510.0]}, ""),
                       ("correct", "bo", {"value": [510.0, 520.0]}, "updated figure"),
                       ("accept", "cy", {}, "")]
    claim.refresh_from_db()
    assert (claim.value, claim.status) == (520.0, "accepted")


@pytest.mark.parametrize("action, changes, message", [
    ("approve", None, "review: unknown action 'approve' (accept, correct or reject)"),
    ("correct", {"text": "x"}, "review: cannot correct text"),
    ("correct", None, "review: a correction needs at least one changed field"),
])
def test_bad_reviews_change_nothing(ledger_url, report, action, changes, message):
    ingest_document(report)
    claim = Claim.objects.get(start=110)
    with pytest.raises(ReviewError) as e:
        review_claim(claim.id, action, "ana", changes)
    assert str(e.value) == message
    assert Review.objects.count() == 0


def test_reviewed_claims_cannot_be_deleted(ledger_url, report):
    from django.db.models import ProtectedError

    ingest_document(report)
    claim = Claim.objects.get(start=110)
    review_claim(claim.id, "reject", "ana")
    with pytest.raises(ProtectedError):
        claim.document.delete()
