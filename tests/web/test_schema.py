"""schemathesis against the live app's /api/openapi.json, on SQLite and PostgreSQL: every operation,
with a reviewer's token, finds no server error (5xx). 20 examples per operation by default, so it
runs in a minute or two; TALLYBOOK_SCHEMATHESIS_EXAMPLES=150 for the full run.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error

sys.path.insert(0, str(Path(__file__).parent / "browser"))
from liveapp import add_user, api_token, copy_ledger, sample_ledger, serve  # noqa: E402

_spec = importlib.util.spec_from_file_location("ledger_helpers", Path(__file__).parents[1] / "ledger" / "conftest.py")
_ledger = importlib.util.module_from_spec(_spec)  # the ledger tests' PostgreSQL helpers
_spec.loader.exec_module(_ledger)
EXAMPLES = int(os.environ.get("TALLYBOOK_SCHEMATHESIS_EXAMPLES", "20"))
PG_ENV = "TALLYBOOK_TEST_POSTGRES"


def _postgres_copy(sqlite_url: str, base: Path):
    """A new PostgreSQL database holding the SQLite ledger (a JSON Lines backup restored); its URL."""
    name = f"test_schema_{uuid.uuid4().hex[:10]}"
    with _ledger.pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = _ledger.with_dbname(os.environ[PG_ENV], name)
    dump = base / "samples.jsonl"
    for args in (["backup", "--db", sqlite_url, "--format", "jsonl", str(dump)], ["restore", "--db", url, str(dump)]):
        subprocess.run([sys.executable, "-m", "tallybook.cli", *args], check=True, capture_output=True, timeout=600)
    return url, name


@pytest.fixture(
    scope="module",
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"${PG_ENV} not set")),
    ],
)
def api(request, tmp_path_factory):
    """(schema URL, bearer token) of a live app over the samples, with a reviewer user."""
    base = tmp_path_factory.mktemp("api")
    db = copy_ledger(sample_ledger(tmp_path_factory.getbasetemp()), base / "ledger.sqlite3")
    name = None
    if request.param == "postgresql":
        db, name = _postgres_copy(db, base)
    add_user(db, "api-reviewer", "reviewer")
    token = api_token(db, "api-reviewer")
    server = serve(db, base / "serve.log")
    yield server.url, token
    server.stop()
    if name:
        with _ledger.pg_admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def operations(url: str, token: str) -> list:
    """Every operation of the live schema (an invalid one fails the test)."""
    schema = schemathesis.openapi.from_url(
        f"{url}/api/openapi.json", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )
    return [result.ok() for result in schema.get_all_operations()]


def server_errors(operation, token: str) -> str | None:
    """None, or the report of the first 5xx that generated cases of `operation` provoke."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error], timeout=30)

    try:
        run()
    except Exception as e:  # schemathesis's FailureGroup, or the server hanging up
        return f"{operation.method.upper()} {operation.path}: {e}"
    return None


def test_no_operation_gives_a_server_error(api):
    # One loop over the live schema rather than schemathesis.pytest.from_fixture, whose lazy loader
    # sets Function._nodeid, gone in pytest 9 (AttributeError).
    url, token = api
    found = operations(url, token)
    assert {(op.method.upper(), op.path) for op in found} >= {
        ("GET", "/api/claims"),
        ("POST", "/api/claims/{claim_id}/review"),
    }
    errors = [e for e in (server_errors(op, token) for op in found) if e]
    assert not errors, "\n\n".join(errors)
