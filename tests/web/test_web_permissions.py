"""Roles and protections: login for every page, reviewers only review, CSRF, login rate limiting."""

from __future__ import annotations

import pytest
from django.test import Client

from tallybook.ledger.models import Claim, Review


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/documents/",
        "/claims/",
        "/claims/export.csv",
        "/speakers/",
        "/measures/",
        "/review/",
        "/ru/claims/",
        "/admin/",
    ],
)
def test_anonymous_is_sent_to_login(web_ledger, url):
    response = Client().get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")


def test_anonymous_cannot_write(web_ledger):
    claim = Claim.objects.get(text="500")
    assert Client().post(f"/claims/{claim.id}/review/", {"decision": "accept"}).status_code == 302
    assert (
        Client()
        .post(f"/api/claims/{claim.id}/review", {"decision": "accept"}, content_type="application/json")
        .status_code
        == 401
    )
    assert Review.objects.count() == 0


def test_viewer_cannot_review(as_user):
    claim = Claim.objects.get(text="500")
    assert as_user("viewer").post(f"/claims/{claim.id}/review/", {"decision": "accept"}).status_code == 403
    assert Review.objects.count() == 0


def test_forged_csrf_post_is_refused(as_user):
    claim = Claim.objects.get(text="500")
    client = as_user("reviewer", enforce_csrf_checks=True)
    assert client.post(f"/claims/{claim.id}/review/", {"decision": "accept"}).status_code == 403
    client.cookies["csrftoken"] = "a" * 32
    forged = client.post(f"/claims/{claim.id}/review/", {"decision": "accept", "csrfmiddlewaretoken": "b" * 32})
    assert forged.status_code == 403
    assert Review.objects.count() == 0


def test_login_with_argon2_and_lockout(web_ledger):
    from django.contrib.auth.models import User

    assert User.objects.get(username="viewer").password.startswith("argon2")
    client = Client()
    page = client.get("/accounts/login/").content.decode()
    assert all(s in page for s in ('id="id_username"', 'id="id_password"', 'button type="submit"'))
    assert client.post("/accounts/login/", {"username": "viewer", "password": "pw-123456"}).status_code == 302
    other = Client()
    for _ in range(5):
        other.post("/accounts/login/", {"username": "reviewer", "password": "wrong"})
    locked = other.post("/accounts/login/", {"username": "reviewer", "password": "pw-123456"})
    assert locked.status_code == 429  # axes: too many failures


def test_logout_is_post(as_user):
    client = as_user("viewer")
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/claims/").status_code == 302
