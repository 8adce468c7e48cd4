"""Reviewing together: undo, accepting a selection, comments, assignment, recent changes, and
adding documents from the web app."""

from __future__ import annotations

import re

import pytest

from tallybook.ledger.models import Assignment, Claim, Comment, Document, Review

PAGE = (
    '<!DOCTYPE html><html lang="en"><head><title>Raids in Kazan</title></head><body><article>'
    "<p>Police detained 200 migrants in Kazan on Friday, the regional ministry said.</p></article></body></html>"
)


def test_undo_takes_back_the_last_decision(as_user):
    claim = Claim.objects.get(text="500")
    client = as_user("reviewer")
    client.post(f"/claims/{claim.id}/review/", {"decision": "accept"})
    client.post(f"/claims/{claim.id}/review/", {"decision": "correct", "value": "510"})
    assert client.post(f"/claims/{claim.id}/undo/").status_code == 302
    claim.refresh_from_db()
    assert (claim.value, claim.status) == (500, "accepted")
    response = client.post(f"/claims/{claim.id}/undo/", HTTP_HX_REQUEST="true")
    assert 'data-status="new"' in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == "new"
    assert client.post(f"/claims/{claim.id}/undo/").status_code == 400  # nothing left
    assert [r.action for r in Review.objects.filter(claim=claim)] == ["accept", "correct", "undo", "undo"]
    assert as_user("viewer").post(f"/claims/{claim.id}/undo/").status_code == 403


def test_a_selection_is_accepted_at_once(as_user):
    ids = list(Claim.objects.filter(text__in=["500", "12"]).values_list("id", flat=True))
    response = as_user("reviewer").post("/review/bulk/", {"ids": [str(i) for i in ids], "next": "/review/"})
    assert response.status_code == 302 and response["Location"] == "/review/"
    assert sorted(Claim.objects.filter(status="accepted").values_list("id", flat=True)) == sorted(ids)
    html = as_user("reviewer").get("/review/").content.decode()
    assert re.search(r'<b id="remaining">2</b>', html)


def test_the_queue_filters_by_measure_language_document_and_speaker(as_user):
    client = as_user("reviewer")
    doc = Document.objects.get(title="Night raid")
    html = client.get(f"/review/?document={doc.id}").content.decode()
    assert sorted(re.findall(r'data-claim-id="(\d+)"', html)) == sorted(
        str(i) for i in Claim.objects.filter(document=doc).values_list("id", flat=True)
    )
    assert "about 1,500" in client.get("/review/?measure=casualties.daily_average").content.decode()
    assert 'data-claim-id="' not in client.get("/review/?lang=ru").content.decode()
    assert client.get("/review/?document=abc").status_code == 400


def test_comments_and_assignment_show_on_the_claim_and_in_recent_changes(as_user):
    claim = Claim.objects.get(text="500")
    client = as_user("reviewer")
    assert client.post(f"/claims/{claim.id}/comment/", {"text": "Check the ministry's own site."}).status_code == 302
    assert client.post(f"/claims/{claim.id}/assign/", {"user": "reviewer"}).status_code == 302
    assert client.post(f"/claims/{claim.id}/assign/", {"user": "viewer"}).status_code == 400  # not a reviewer
    assert (Comment.objects.get().text, Assignment.objects.get().user.username) == (
        "Check the ministry's own site.",
        "reviewer",
    )
    page = client.get(f"/claims/{claim.id}/").content.decode()
    assert "Check the ministry&#x27;s own site." in page and 'value="reviewer" selected' in page
    assert "data-claim-id" in client.get("/review/?mine=1").content.decode()
    client.post(f"/claims/{claim.id}/review/", {"decision": "reject", "reason": "a date"})
    changes = as_user("viewer").get("/changes/").content.decode()
    kinds = re.findall(r'<li data-kind="(\w+)">', changes)
    assert kinds[:3] == ["review", "assignment", "comment"] and "a date" in changes
    assert as_user("viewer").post(f"/claims/{claim.id}/comment/", {"text": "x"}).status_code == 403


def test_documents_are_added_from_the_web_app(as_user, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = as_user("reviewer")
    assert client.get("/documents/add/").status_code == 200
    assert as_user("viewer").get("/documents/add/").status_code == 403
    files = [
        SimpleUploadedFile("kazan.html", PAGE.encode(), content_type="text/html"),
        SimpleUploadedFile("empty.txt", b"", content_type="text/plain"),
        SimpleUploadedFile("../../notes.docx", b"PK\x03\x04", content_type="application/octet-stream"),
    ]
    html = client.post("/documents/add/", {"files": files, "urls": "/etc/hostname"}).content.decode()
    assert "documents: 1 added, 0 unchanged, 0 replaced, 3 failed" in html
    failures = re.findall(r'<li class="error">(.*?)</li>', html)
    assert "/etc/hostname: not an http(s) URL" in failures  # never a file of the server
    assert any(f.startswith("empty.txt: empty file") for f in failures)
    assert any(f.startswith("notes.docx: unknown file type") for f in failures)
    assert all("/tmp" not in f for f in failures)
    doc = Document.objects.get(title="Raids in Kazan")
    assert doc.source == "upload/kazan.html" and Claim.objects.filter(document=doc, text="200").exists()


@pytest.mark.parametrize("url", ["/changes/", "/ru/changes/"])
def test_recent_changes_is_a_page_for_everyone(as_user, url):
    assert as_user("viewer").get(url).status_code == 200
