"""JSON Lines backups: every table and every time kept; SQLite → PostgreSQL → SQLite gives the same
file but for its header; a damaged backup is one line and changes nothing."""

from __future__ import annotations

import os
import shutil
import uuid
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from conftest import PG_ENV, REPORT, pg_admin, with_dbname

from tallybook import ledger
from tallybook.cli import main
from tallybook.model import Document as DocumentValue

PAST = datetime(2020, 5, 17, 8, 30, 15, 250000, tzinfo=UTC)


def populate() -> None:
    """A ledger with documents, claims, entities, reviews (and history), users in groups, a token, settings."""
    from django.contrib.auth.models import Group, User

    from tallybook.ledger.models import Claim, Document, Review
    from tallybook.ledger.review import review_claim
    from tallybook.ledger.store import ingest_document
    from tallybook.web.models import Setting, Token
    from tallybook.web.roles import ensure_groups

    ingest_document(DocumentValue(REPORT, "reports/mod.txt", title="Daily losses", published="2024-11-10", lang="en"))
    ingest_document(
        DocumentValue("Officials said up to 40 people were hurt in the strike.", "reports/b.txt", lang="en")
    )
    ensure_groups()
    ana = User.objects.create_user("ana", password="pw-123456")
    ana.groups.add(Group.objects.get(name="reviewer"))
    claim = Claim.objects.get(text="500")
    review_claim(
        claim.id,
        "correct",
        "ana",
        {"value": 510.0, "speaker": "Police", "counted": "migrants detained"},
        note="checked",
        user=ana,
    )
    Token.issue(ana)
    Setting.objects.create(name="secret_key", value="k" * 40)
    # times in the past, as a ledger months old holds: a restore must not make them "now"
    Review.objects.update(created=PAST)
    Document.objects.update(added=PAST, updated=PAST)
    Claim.objects.update(added=PAST)
    Token.objects.update(created=PAST, last_used=PAST)


def dump(path) -> list[str]:
    """The backup's lines but the header."""
    from tallybook.ledger.backup import backup

    assert backup(str(path), "jsonl") == "jsonl"
    header, *lines = path.read_text(encoding="utf-8").splitlines()
    assert header.startswith('{"tallybook_backup": 1')
    return lines


@pytest.fixture
def pg_url(pg_template):
    name = f"test_{uuid.uuid4().hex[:12]}"
    with pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    yield with_dbname(os.environ[PG_ENV], name)
    ledger.disconnect()
    with pg_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"${PG_ENV} not set")
def test_sqlite_to_postgresql_to_sqlite_is_byte_identical(sqlite_template, pg_url, tmp_path):
    from tallybook.ledger.backup import restore

    first, second = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    shutil.copy(sqlite_template, first)
    shutil.copy(sqlite_template, second)
    ledger.connect(f"sqlite:///{first}")
    populate()
    a = dump(tmp_path / "a.jsonl")
    ledger.connect(pg_url)
    restore(str(tmp_path / "a.jsonl"))
    b = dump(tmp_path / "b.jsonl")
    ledger.connect(f"sqlite:///{second}")
    restore(str(tmp_path / "b.jsonl"))
    c = dump(tmp_path / "c.jsonl")
    assert a == b == c
    models = {line.split('"model": "', 1)[1].split('"', 1)[0] for line in a}
    assert models >= {
        "auth.user",
        "auth.group",
        "ledger.document",
        "ledger.claim",
        "ledger.review",
        "ledger.historicalclaim",
        "ledger.entity",
        "ledger.mention",
        "web.token",
        "web.setting",
    }
    ledger.disconnect()


def test_every_table_and_time_is_kept(ledger_url, tmp_path):
    from tallybook.ledger.backup import restore
    from tallybook.ledger.models import Claim, Document, Review
    from tallybook.web.models import Setting, Token

    populate()
    before = dump(tmp_path / "a.jsonl")
    Claim.objects.filter(reviews__isnull=True).delete()
    Token.objects.all().delete()
    Setting.objects.all().delete()
    assert restore(str(tmp_path / "a.jsonl")) == "jsonl"
    assert list(Review.objects.values_list("created", flat=True)) == [PAST]
    assert set(Document.objects.values_list("added", "updated")) == {(PAST, PAST)}
    assert (Token.objects.get().created, Token.objects.get().last_used) == (PAST, PAST)
    assert Setting.objects.get().value == "k" * 40
    assert dump(tmp_path / "b.jsonl") == before


@pytest.mark.parametrize(
    "damage",
    [
        lambda lines: lines[:-1] + [lines[-1][: len(lines[-1]) // 2]],  # cut in the middle of the last line
        lambda lines: lines[:3] + ['{"model": "ledger.claim", "pk": 1, "fields": {"document": 999999}}'] + lines[3:],
        lambda lines: lines[:3] + ['{"model": "ledger.nothing", "pk": 1, "fields": {}}'] + lines[3:],
    ],
)
def test_a_damaged_backup_is_one_line_and_changes_nothing(ledger_url, tmp_path, damage):
    from tallybook.ledger.models import Claim

    populate()
    dump(tmp_path / "a.jsonl")
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    (tmp_path / "bad.jsonl").write_text("\n".join(damage(lines)) + "\n", encoding="utf-8")
    claims = sorted(Claim.objects.values_list("id", "value"))
    result = CliRunner().invoke(main, ["restore", "--db", ledger_url, str(tmp_path / "bad.jsonl")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: restore: {tmp_path / 'bad.jsonl'}: ")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert sorted(Claim.objects.values_list("id", "value")) == claims


def test_a_damaged_sqlite_backup_is_one_line(ledger_url, tmp_path):
    if not ledger_url.startswith("sqlite"):
        pytest.skip("a SQLite copy restores into a SQLite ledger only")
    populate()
    good = tmp_path / "copy.sqlite3"
    assert CliRunner().invoke(main, ["backup", "--db", ledger_url, str(good)]).exit_code == 0
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(good.read_bytes()[:4096] + b"\x00garbage" * 2000)
    result = CliRunner().invoke(main, ["restore", "--db", ledger_url, str(bad)])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith(f"Error: restore: {bad}: ")
