"""Reviewing from the claim page and the queue: every decision kept with who, when, before and after."""

from __future__ import annotations

import re

from tallybook.ledger.models import Claim, Review
from tallybook.ledger.store import EXTRACTOR_VERSION


def test_correct_then_accept_shows_history_newest_first(as_user):
    claim = Claim.objects.get(text="500")
    client = as_user("reviewer")
    assert 'form id="review"' in client.get(f"/claims/{claim.id}/").content.decode()
    response = client.post(
        f"/claims/{claim.id}/review/",
        {
            "decision": "correct",
            "value": "510",
            "hedge": "approx",
            "speaker": "Interior Ministry",
            "counted": "migrants",
            "measure": "raids.detentions",
            "reason": "figure updated",
        },
    )
    assert response.status_code == 302 and response["Location"] == f"/claims/{claim.id}/"
    client.post(f"/claims/{claim.id}/review/", {"decision": "accept", "reason": "checked"})
    claim.refresh_from_db()
    assert (claim.value, claim.hedge, claim.counted, claim.status) == (510.0, "approx", "migrants", "accepted")
    html = client.get(f"/claims/{claim.id}/").content.decode()
    items = re.findall(r'<li><b>(\w+)</b>.*?<span class="reason">(.*?)</span>', html.split('<ul id="history">')[1])
    assert items == [
        ("reviewer", "accept: checked"),
        ("reviewer", "correct: figure updated"),
        ("tallybook", f"as extracted (tallybook {EXTRACTOR_VERSION})"),
    ]
    assert (
        "value: <del>500.0</del> → <ins>510.0</ins>" in html and "hedge: <del>exact</del> → <ins>approx</ins>" in html
    )
    assert [(r.action, r.user.username, r.note) for r in Review.objects.filter(claim=claim)] == [
        ("correct", "reviewer", "figure updated"),
        ("accept", "reviewer", "checked"),
    ]


def test_reject_from_the_queue_with_htmx(as_user):
    claim = Claim.objects.get(text="12")
    response = as_user("reviewer").post(
        f"/claims/{claim.id}/review/", {"decision": "reject", "reason": "a date"}, HTTP_HX_REQUEST="true"
    )
    assert (
        response.content.decode().strip() == '<span class="done status-rejected" data-status="rejected">rejected</span>'
    )
    assert Review.objects.get(claim=claim).note == "a date"


def test_bad_reviews_are_refused(as_user):
    claim = Claim.objects.get(text="500")
    client = as_user("reviewer")
    assert client.post(f"/claims/{claim.id}/review/", {"decision": "approve"}).status_code == 400
    assert client.post(f"/claims/{claim.id}/review/", {"decision": "correct", "value": "lots"}).status_code == 400
    assert client.post(f"/claims/{claim.id}/review/", {"decision": "correct", "value": "500"}).status_code == 400
    assert Review.objects.count() == 0
