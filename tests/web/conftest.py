"""The web app's tests: Django's test client over a real ledger (the ledger tests' fixtures)."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("ledger_fixtures", Path(__file__).parents[1] / "ledger" / "conftest.py")
_ledger = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ledger)
sqlite_template, pg_template, ledger_url, report = (
    _ledger.sqlite_template,
    _ledger.pg_template,
    _ledger.ledger_url,
    _ledger.report,
)

SECOND = (
    "Kyiv's city administration said 12 drones were shot down overnight. "
    "Officials said up to 40 people were hurt in the strike."
)


@functools.cache
def _hash() -> str:
    """One argon2 hash of the test password (hashing is slow on purpose; do it once)."""
    from django.contrib.auth.hashers import make_password

    return make_password("pw-123456")


@pytest.fixture
def web_ledger(ledger_url, report):
    """A ledger holding two documents' claims, and users admin, reviewer, viewer (password 'pw-123456')."""
    from django.contrib.auth.models import Group, User

    from tallybook.ledger.store import ingest_document
    from tallybook.model import Document
    from tallybook.web.roles import ensure_groups

    ingest_document(report)
    ingest_document(Document(SECOND, "reports/kyiv.txt", title="Night raid", published="2024-12-01", lang="en"))
    ensure_groups()
    User.objects.create_superuser("admin", password=None).__class__.objects.filter(username="admin").update(
        password=_hash()
    )
    for role in ("reviewer", "viewer"):
        user = User.objects.create_user(role, password=None)
        User.objects.filter(id=user.id).update(password=_hash())
        user.groups.add(Group.objects.get(name=role))
    return ledger_url


@pytest.fixture
def as_user(web_ledger):
    """A test client logged in as the named user."""
    from django.contrib.auth.models import User
    from django.test import Client

    def client(name: str, **kwargs) -> Client:
        c = Client(**kwargs)
        c.force_login(User.objects.get(username=name))
        return c

    return client


@pytest.fixture(autouse=True)
def _sync_django_beside_playwright(monkeypatch):
    """The browser tests keep Playwright's event loop open in this thread for the session, and Django
    then refuses ORM calls as "async"; these tests are synchronous, so allow them."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
