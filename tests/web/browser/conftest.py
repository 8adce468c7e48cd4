"""One live `tallybook serve` over the sample reports for the session, and headless Debian chromium.

Playwright never downloads a browser here: it launches /usr/bin/chromium (CI installs it).
"""
from __future__ import annotations

import os

import pytest

from liveapp import CHROMIUM, CHROMIUM_ARGS, PASSWORD, add_user, claims_of_ledger, copy_ledger, sample_ledger, serve

TIMEOUT_MS = 30_000  # a loaded 2-core machine can be slow; waits end as soon as the page is ready


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    """The running app (url, db); users "reviewer" and "viewer" share live.PASSWORD."""
    base = tmp_path_factory.mktemp("webapp")
    db = copy_ledger(sample_ledger(tmp_path_factory.getbasetemp()), base / "ledger.sqlite3")
    add_user(db, "reviewer", "reviewer")
    add_user(db, "viewer", "viewer")
    server = serve(db, base / "serve.log")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def ledger_claims(app) -> list[dict]:
    """The ledger's claims as the CLI lists them (read before any test changes them)."""
    return claims_of_ledger(app.db)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=TIMEOUT_MS * 2)
        yield chromium
        chromium.close()


def _page(browser, app):
    context = browser.new_context(base_url=app.url, locale="en-US")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS * 2)
    return context, context.new_page()


def login(page, name: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("button[type=submit]")


@pytest.fixture
def anonymous(browser, app):
    context, page = _page(browser, app)
    yield page
    context.close()


@pytest.fixture
def reviewer(browser, app):
    context, page = _page(browser, app)
    login(page, "reviewer")
    yield page
    context.close()


@pytest.fixture
def viewer(browser, app):
    context, page = _page(browser, app)
    login(page, "viewer")
    yield page
    context.close()
