"""Reviews: every decision kept with before and after, never overwritten."""

from __future__ import annotations

import pytest

from tallybook.ledger.models import Claim, Review
from tallybook.ledger.review import ReviewError, review_claim
from tallybook.ledger.store import EXTRACTOR_VERSION, ingest_document


def test_history_is_kept(ledger_url, report):
    ingest_document(report)
    claim = Claim.objects.get(start=110)
    review_claim(claim.id, "correct", "ana", {"value": 510.0, "speaker": "Interior Ministry"})
    review_claim(claim.id, "correct", "bo", {"value": 520.0}, note="updated figure")
    review_claim(claim.id, "accept", "cy")
    history = [(r.action, r.reviewer, r.changes, r.note) for r in Review.objects.filter(claim=claim)]
    assert history == [
        ("correct", "ana", {"value": [500.0, 510.0]}, ""),
        ("correct", "bo", {"value": [510.0, 520.0]}, "updated figure"),
        ("accept", "cy", {}, ""),
    ]
    claim.refresh_from_db()
    assert (claim.value, claim.status) == (520.0, "accepted")


@pytest.mark.parametrize(
    "action, changes, message",
    [
        ("approve", None, "review: unknown action 'approve' (accept, correct or reject)"),
        ("correct", {"text": "x"}, "review: cannot correct text"),
        ("correct", None, "review: a correction needs at least one changed field"),
    ],
)
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


def test_the_claim_history_keeps_the_row_before_and_after_each_change(ledger_url, report):
    from django.contrib.auth.models import User

    from tallybook.ledger.history import history_of

    ingest_document(report)
    claim = Claim.objects.get(start=110)
    assert history_of(claim) == []  # as extracted, nothing has changed yet
    ana = User.objects.create_user("ana")
    review_claim(claim.id, "correct", "ana", {"value": 510.0, "hedge": "approx"}, note="ministry update", user=ana)
    review_claim(claim.id, "reject", "bo", note="duplicate")
    newest, middle, oldest = history_of(claim)
    assert (
        oldest.user is None and oldest.reason == f"as extracted (tallybook {EXTRACTOR_VERSION})" and oldest.fields == []
    )
    assert oldest.when == claim.added
    assert (middle.user, middle.reason) == ("ana", "correct: ministry update")
    assert sorted(middle.fields) == [
        ("hedge", "exact", "approx"),
        ("status", "new", "corrected"),
        ("value", 500.0, 510.0),
    ]
    assert (newest.user, newest.reason, newest.fields) == (
        None,
        "reject: duplicate",
        [("status", "corrected", "rejected")],
    )


def test_an_admin_edit_is_history_too_and_keeps_the_claim_through_reingest(ledger_url, report):
    from dataclasses import replace

    from tallybook.ledger.history import history_of

    ingest_document(report)
    claim = Claim.objects.get(start=110)
    claim.speaker = "Ministry of Internal Affairs"
    claim.save()  # as the Django admin does, with no review
    edit, extracted = history_of(claim)
    assert extracted.reason == f"as extracted (tallybook {EXTRACTOR_VERSION})"
    assert edit.fields == [("speaker", "Interior Ministry", "Ministry of Internal Affairs")]
    ingest_document(replace(report, text="Update.\n" + report.text))
    moved = Claim.objects.get(id=claim.id)
    assert (moved.start, moved.speaker) == (118, "Ministry of Internal Affairs")
    latest = history_of(moved)[0]
    assert (latest.reason, sorted(f for f, _, _ in latest.fields)) == (
        "moved with its sentence (+8 characters)",
        ["end", "sentence_end", "sentence_start", "start"],
    )


def test_a_claim_reviewed_before_history_was_kept_is_not_called_as_extracted(ledger_url, report):
    from tallybook.ledger.history import history_of

    ingest_document(report)
    claim = Claim.objects.get(start=110)
    Claim.objects.filter(id=claim.id).update(value=510.0, status="corrected")  # as an older tallybook left it
    Review.objects.create(claim=claim, action="correct", changes={"value": [500.0, 510.0]}, reviewer="ana")
    review_claim(claim.id, "accept", "bo")
    latest, first = history_of(claim)
    assert first.reason == f"as stored before history was kept (tallybook {EXTRACTOR_VERSION})"
    assert latest.fields == [("status", "corrected", "accepted")]
