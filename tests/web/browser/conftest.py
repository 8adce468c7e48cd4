"""A live `tallybook serve` over the sample reports, and headless Debian chromium, per test module.

Playwright never downloads a browser here: it launches /usr/bin/chromium (CI installs it).
"""

from __future__ import annotations

import os

import pytest
from liveapp import CHROMIUM, CHROMIUM_ARGS, add_user, claims_of_ledger, copy_ledger, login, sample_ledger, serve

TIMEOUT_MS = 30_000  # a loaded 2-core machine can be slow; waits end as soon as the page is ready


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """The running app (url, db); users "reviewer" and "viewer" share liveapp.PASSWORD."""
    base = tmp_path_factory.mktemp("webapp")
    db = copy_ledger(sample_ledger(tmp_path_factory.getbasetemp()), base / "ledger.sqlite3")
    add_user(db, "reviewer", "reviewer")
    add_user(db, "viewer", "viewer")
    server = serve(db, base / "serve.log")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def ledger_claims(app) -> list[dict]:
    """The ledger's claims as the CLI lists them (read before any test changes them)."""
    return claims_of_ledger(app.db)


@pytest.fixture(scope="module")
def browser():
    """Chromium for one test module: Playwright's event loop is closed again before other modules'
    in-process Django tests run (Django refuses sync ORM calls beside a running loop)."""
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


PAGES = ("anonymous", "reviewer", "viewer")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failed browser test: the page's screenshot and HTML beside its tmp files, and the
    server's log tail in the report (a cascade shows its first cause there)."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    out = item.config._tmp_path_factory.mktemp("failed-" + item.name[:40])
    for name in PAGES:
        page = item.funcargs.get(name)
        if page is None or page.is_closed():
            continue
        try:
            page.screenshot(path=str(out / f"{name}.png"), full_page=True)
            (out / f"{name}.html").write_text(page.content(), encoding="utf-8")
        except Exception as e:  # the page may be the broken part: say so, keep the report
            report.sections.append(("browser", f"no screenshot of {name}: {e}"))
        else:
            report.sections.append(("browser", f"{name} at {page.url}: {out / name}.png, .html"))
    app = item.funcargs.get("app")
    if app is not None:
        report.sections.append(("tallybook serve log (tail)", app.log_tail()))
