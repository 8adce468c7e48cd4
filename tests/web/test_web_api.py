"""The REST API: token auth, the same filters as the pages, review with history, the schema and docs."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tallybook.ledger.models import Claim
from tallybook.web.models import Token


@pytest.fixture
def bearer(web_ledger):
    def headers(name: str) -> dict:
        return {"HTTP_AUTHORIZATION": f"Bearer {Token.issue(User.objects.get(username=name))}"}

    return headers


def test_token_is_required(web_ledger):
    assert Client().get("/api/claims").status_code == 401
    assert Client().get("/api/claims", HTTP_AUTHORIZATION="Bearer tb_nonsense").status_code == 401


def test_claims_with_filters(bearer):
    client, auth = Client(), bearer("viewer")
    body = client.get("/api/claims?speaker=ministry&sort=value", **auth).json()
    assert (body["count"], body["page"], body["per_page"]) == (2, 1, 50)
    assert [(c["text"], c["speaker"], c["status"]) for c in body["items"]] == [
        ("500", "Interior Ministry", "new"),
        ("about 1,500", "UK Ministry of Defence", "new"),
    ]
    assert [c["text"] for c in client.get("/api/claims?q=drones", **auth).json()["items"]] == ["12"]


def test_one_claim_and_documents_measures_speakers(bearer):
    client, auth = Client(), bearer("viewer")
    cid = Claim.objects.get(text="500").id
    claim = client.get(f"/api/claims/{cid}", **auth).json()
    assert (claim["id"], claim["value"], claim["history"]) == (cid, 500.0, [])
    assert claim["sentence"] == "Police detained 500 migrants in Moscow on Tuesday, the Interior Ministry said."
    assert client.get("/api/claims/999", **auth).status_code == 404
    docs = client.get("/api/documents?since=2024-11-20", **auth).json()
    assert [(d["title"], d["claims"]) for d in docs["items"]] == [("Night raid", 2)]
    assert client.get("/api/measures", **auth).json() == [
        {"measure": "casualties.daily_average", "claims": 1},
        {"measure": "raids.detentions@mosco@2024-11", "claims": 1},
        {"measure": "~strikes", "claims": 1},
    ]
    speakers = client.get("/api/speakers", **auth).json()
    assert {"name": "Interior Ministry", "kind": "org", "claims": 1, "also": []} in speakers


def test_review_through_the_api(bearer):
    cid = Claim.objects.get(text="500").id
    url = f"/api/claims/{cid}/review"
    viewer = Client().post(url, {"decision": "accept"}, content_type="application/json", **bearer("viewer"))
    assert viewer.status_code == 403
    auth = bearer("reviewer")
    done = Client().post(
        url, {"decision": "correct", "value": 520, "reason": "update"}, content_type="application/json", **auth
    )
    assert done.status_code == 200
    body = done.json()
    assert (body["value"], body["status"]) == (520.0, "corrected")
    assert [(h["action"], h["reviewer"], h["changes"], h["note"]) for h in body["history"]] == [
        ("correct", "reviewer", {"value": [500.0, 520.0]}, "update")
    ]
    newest, extracted = body["changes"]
    assert (extracted["user"], extracted["fields"]) == (None, [])
    assert (newest["user"], newest["reason"]) == ("reviewer", "correct: update")
    assert sorted((f["field"], f["before"], f["after"]) for f in newest["fields"]) == [
        ("status", "new", "corrected"),
        ("value", 500.0, 520.0),
    ]
    bad = Client().post(url, {"decision": "maybe"}, content_type="application/json", **auth)
    assert bad.status_code == 400


def test_schema_and_offline_docs(as_user):
    client = as_user("viewer")
    schema = client.get("/api/openapi.json").json()
    assert {
        "/api/claims",
        "/api/claims/{claim_id}",
        "/api/claims/{claim_id}/review",
        "/api/documents",
        "/api/measures",
        "/api/speakers",
    } <= set(schema["paths"])
    docs = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()


def test_conflicts_and_origins(bearer, as_user):
    """Two sources, one day, figures apart: a conflict whose sides are the claims' ids, listed on
    /conflicts/ with a link to each claim's page (and so its sentence)."""
    from tallybook.ledger.store import ingest_document
    from tallybook.model import Document

    ingest_document(
        Document(
            "Kyiv said 15,000 Russian soldiers had been killed.", "reports/k.txt", published="2022-03-02", lang="en"
        )
    )
    ingest_document(
        Document(
            "Moscow said 498 Russian soldiers had been killed.", "reports/m.txt", published="2022-03-02", lang="en"
        )
    )
    client, auth = Client(), bearer("viewer")
    (c,) = client.get("/api/conflicts?measure=casualties.killed", **auth).json()
    assert (c["kind"], c["a"]["value"], c["b"]["value"]) == ("disagree", 15000, 498)
    for side in (c["a"], c["b"]):
        assert client.get(f"/api/claims/{side['id']}", **auth).json()["sentence"] == side["sentence"]
    assert client.get("/api/origins?measure=casualties.killed", **auth).json()[0]["echoes"] == []
    page = as_user("viewer").get("/conflicts/").content.decode()
    assert f'href="/claims/{c["a"]["id"]}/"' in page and f'href="/claims/{c["b"]["id"]}/"' in page
