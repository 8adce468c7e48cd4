"""Hostile requests and set-ups: a proxy in front, lockout, odd measure ids, NUL and non-finite
numbers, a claim replaced under a reviewer, admin tokens, the schema's readers, CSP, accounts with no role."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from tallybook.ledger.models import Claim, Review
from tallybook.ledger.review import ClaimGone
from tallybook.web import serving
from tallybook.web.decisions import apply_review
from tallybook.web.models import Token

SERVING = (
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "CSRF_TRUSTED_ORIGINS",
    "SECURE_PROXY_SSL_HEADER",
)


@pytest.fixture
def served(web_ledger, monkeypatch):
    """serving.configure for a public host, with the environment a test sets; settings restored after."""
    saved = {name: getattr(settings, name, None) for name in SERVING}
    monkeypatch.setenv("TALLYBOOK_SECRET_KEY", "x" * 50)
    monkeypatch.setenv("TALLYBOOK_ALLOWED_HOSTS", "ledger.example,ledger.internal")

    def configure(**env):
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        serving.configure("0.0.0.0")

    yield configure
    for name, value in saved.items():
        setattr(settings, name, value if value is not None or name != "CSRF_TRUSTED_ORIGINS" else [])


def login_behind_proxy(host: str, **headers) -> int:
    """A browser's login through an HTTPS proxy that forwards to `host`: the POST's status."""
    client = Client(enforce_csrf_checks=True, HTTP_HOST=host, **headers)
    client.get("/accounts/login/")
    token = client.cookies["csrftoken"].value
    return client.post(
        "/accounts/login/",
        {"username": "viewer", "password": "pw-123456", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="https://ledger.example",
        HTTP_REFERER="https://ledger.example/accounts/login/",
    ).status_code


def test_login_behind_an_https_proxy_needs_its_settings(served):
    served()
    assert login_behind_proxy("ledger.example", HTTP_X_FORWARDED_PROTO="https") == 403  # what the proxy broke


def test_forwarded_protocol_header_makes_the_post_pass(served):
    served(TALLYBOOK_PROXY_SSL_HEADER="X-Forwarded-Proto")
    assert settings.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    assert login_behind_proxy("ledger.example", HTTP_X_FORWARDED_PROTO="https") == 302


def test_trusted_origins_make_the_post_pass(served):
    served(TALLYBOOK_TRUSTED_ORIGINS="https://ledger.example, https://other.example/")
    assert settings.CSRF_TRUSTED_ORIGINS == ["https://ledger.example", "https://other.example"]
    assert login_behind_proxy("ledger.internal") == 302


@pytest.mark.parametrize(
    "env, message",
    [
        (
            {"TALLYBOOK_TRUSTED_ORIGINS": "ledger.example"},
            "serve: TALLYBOOK_TRUSTED_ORIGINS: 'ledger.example' is not an origin like https://ledger.example",
        ),
        (
            {"TALLYBOOK_PROXY_SSL_HEADER": "X-Forwarded-Proto: https"},
            "serve: TALLYBOOK_PROXY_SSL_HEADER: 'X-Forwarded-Proto: https' is not a header name like X-Forwarded-Proto",
        ),
    ],
)
def test_bad_proxy_settings_are_one_line(served, env, message):
    with pytest.raises(serving.ServeError) as e:
        served(**env)
    assert str(e.value) == message


def test_lockout_is_one_account_from_one_address(web_ledger):
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        attacker.post("/accounts/login/", {"username": "reviewer", "password": "wrong"})
    assert attacker.post("/accounts/login/", {"username": "reviewer", "password": "pw-123456"}).status_code == 429
    # the same address, another account; the same account, another address: both still log in
    assert (
        Client(REMOTE_ADDR="203.0.113.9")
        .post("/accounts/login/", {"username": "viewer", "password": "pw-123456"})
        .status_code
        == 302
    )
    assert (
        Client(REMOTE_ADDR="198.51.100.4")
        .post("/accounts/login/", {"username": "reviewer", "password": "pw-123456"})
        .status_code
        == 302
    )


@pytest.mark.parametrize("measure", ["a/b", "casualties killed", "../admin", "x?y#z", "Casualties.Killed", "a" * 81])
def test_a_measure_id_must_be_dotted_words(as_user, measure):
    claim = Claim.objects.get(text="500")
    before = claim.measure  # raids.detentions with its scope (issue 13's keys)
    reviewer = as_user("reviewer")
    form = reviewer.post(f"/claims/{claim.id}/review/", {"decision": "correct", "measure": measure})
    assert form.status_code == 400 and "measure must be dotted lower-case words" in form.content.decode()
    api = reviewer.post(
        f"/api/claims/{claim.id}/review", {"decision": "correct", "measure": measure}, content_type="application/json"
    )
    assert api.status_code == 400 and "measure must be dotted lower-case words" in api.json()["detail"]
    assert before.startswith("raids.detentions")
    assert Claim.objects.get(id=claim.id).measure == before and Review.objects.count() == 0


def test_pages_do_not_break_on_an_odd_measure_already_stored(as_user):
    claim = Claim.objects.get(text="500")
    Claim.objects.filter(id=claim.id).update(measure="a/b c?#%")  # as an older ledger may hold
    viewer = as_user("viewer")
    for url in [
        "/",
        "/ru/",
        "/measures/",
        f"/claims/{claim.id}/",
        "/claims/?measure=a/b+c%3F%23%25",
        "/measures/a/b%20c%3F%23%25/",
        "/measures/a/b%20c%3F%23%25/data.json",
    ]:
        assert viewer.get(url).status_code == 200, url
    assert viewer.get("/measures/a/b%20c%3F%23%25/data.json").json()["series"]


@pytest.mark.parametrize(
    "method, url, data",
    [
        ("get", "/claims/?speaker=a%00b", None),
        ("get", "/claims/export.csv?q=%00", None),
        ("get", "/documents/?q=x%00", None),
        ("get", "/speakers/a%00b/", None),
        ("get", "/api/claims?speaker=%00", None),
        ("get", "/api/documents?q=%00", None),
        ("post", "/claims/{id}/review/", {"decision": "reject", "reason": "bad\x00reason"}),
        ("json", "/api/claims/{id}/review", '{"decision": "correct", "speaker": "A\\u0000B"}'),
    ],
)
def test_a_nul_character_is_refused_with_400_on_both_backends(as_user, method, url, data):
    claim = Claim.objects.get(text="500")
    client = as_user("reviewer")
    url = url.format(id=claim.id)
    if method == "get":
        response = client.get(url)
    elif method == "post":
        response = client.post(url, data)
    else:
        response = client.post(url, data, content_type="application/json")
    assert response.status_code == 400
    assert "holds a NUL character" in response.content.decode()
    assert Review.objects.count() == 0


@pytest.mark.parametrize("value", ["nan", "inf", "-Infinity", "1e309"])
def test_a_value_that_is_not_finite_is_refused_with_400(as_user, value):
    claim = Claim.objects.get(text="500")
    reviewer = as_user("reviewer")
    form = reviewer.post(f"/claims/{claim.id}/review/", {"decision": "correct", "value": value})
    assert form.status_code == 400 and form.content.decode() == f"value: not a finite number ({value!r})"
    api = reviewer.post(
        f"/api/claims/{claim.id}/review",
        f'{{"decision": "correct", "value": {value}}}' if value == "1e309" else {"decision": "correct", "value": value},
        content_type="application/json",
    )
    assert api.status_code == 400 and "not a finite number" in api.json()["detail"], api.content
    assert Claim.objects.get(id=claim.id).value == 500.0 and Review.objects.count() == 0


def test_a_claim_replaced_meanwhile_is_a_clear_refusal(as_user):
    claim = Claim.objects.get(text="500")
    Claim.objects.filter(id=claim.id).delete()  # what a concurrent re-ingest does to an unreviewed claim
    with pytest.raises(ClaimGone) as e:
        apply_review(User.objects.get(username="reviewer"), claim, "accept", {})
    assert str(e.value) == (
        f"review: claim {claim.id} is no longer in the ledger (its document was read again); reload the page"
    )
    reviewer = as_user("reviewer")
    assert reviewer.post(f"/claims/{claim.id}/review/", {"decision": "accept"}).status_code == 404
    assert (
        reviewer.post(
            f"/api/claims/{claim.id}/review", {"decision": "accept"}, content_type="application/json"
        ).status_code
        == 404
    )


def test_admin_adds_a_working_token_each_time(as_user):
    admin = as_user("admin")
    viewer = User.objects.get(username="viewer")
    shown = []
    for _ in range(2):
        response = admin.post("/admin/web/token/add/", {"user": viewer.id, "key_hash": ""}, follow=True)
        assert response.status_code == 200
        shown += re.findall(r"shown only this once\): (tb_[\w-]+)", response.content.decode())
    assert len(shown) == 2 and all(key.startswith("tb_") for key in shown)
    assert Token.objects.filter(key_hash="").count() == 0
    assert [Token.user_for(key) for key in shown] == [viewer, viewer]


def test_token_last_used_is_written(as_user):
    key = Token.issue(User.objects.get(username="viewer"))
    assert Token.objects.get().last_used is None
    assert Client().get("/api/claims", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    assert Token.objects.get().last_used is not None


def test_schema_and_docs_are_for_readers_only(as_user):
    key = Token.issue(User.objects.get(username="viewer"))
    for url in ["/api/openapi.json", "/api/docs"]:
        assert Client().get(url).status_code == 401, url
        assert as_user("viewer").get(url).status_code == 200, url
        assert Client().get(url, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200, url


def test_content_security_policy_allows_only_our_scripts(as_user):
    viewer = as_user("viewer")
    for url in ["/", "/accounts/login/", "/api/docs", "/measures/raids.detentions/"]:
        policy = viewer.get(url)["Content-Security-Policy"]
        assert "script-src 'self';" in policy and "'unsafe-eval'" not in policy and "object-src 'none'" in policy
        assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]


def test_an_account_in_no_group_reads_nothing(web_ledger):
    nobody = User.objects.create_user("nobody", password=None)
    client = Client()
    client.force_login(nobody)
    for url in ["/", "/claims/", "/documents/", "/claims/export.csv", "/measures/", "/review/"]:
        assert client.get(url).status_code == 403, url
    assert client.get("/api/claims").status_code == 401
    key = Token.issue(nobody)
    assert Client().get("/api/claims", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401
    assert client.post("/accounts/logout/").status_code == 302
