"""`tallybook serve` and `tallybook token`: the refusals and the one-time admin, without serving forever."""

from __future__ import annotations

from click.testing import CliRunner

from tallybook.cli import main


def test_serve_refuses_beyond_loopback_without_a_secret(ledger_url, monkeypatch):
    monkeypatch.delenv("TALLYBOOK_SECRET_KEY", raising=False)
    result = CliRunner().invoke(main, ["serve", "--db", ledger_url, "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: serve: --host 0.0.0.0 is beyond loopback; set TALLYBOOK_SECRET_KEY to a long "
        "random secret first (the generated key is for 127.0.0.1 only)\n"
    )


def test_first_serve_creates_one_admin(ledger_url, monkeypatch):
    import waitress
    from django.conf import settings
    from django.contrib.auth.models import User

    served = []
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: served.append(kw))
    monkeypatch.delenv("TALLYBOOK_SECRET_KEY", raising=False)
    first = CliRunner().invoke(main, ["serve", "--db", ledger_url, "--port", "8123"])
    assert first.exit_code == 0, first.output
    assert "serve: created the admin account: username admin  password " in first.output
    password = first.output.split("password ", 1)[1].split()[0]
    assert User.objects.get(username="admin").check_password(password)
    key = settings.SECRET_KEY
    again = CliRunner().invoke(main, ["serve", "--db", ledger_url])
    assert "password" not in again.output and settings.SECRET_KEY == key  # the generated key is kept
    assert served[0]["host"] == "127.0.0.1" and served[0]["port"] == 8123
    assert settings.DEBUG is False and settings.SESSION_COOKIE_SECURE is False
    token = CliRunner().invoke(main, ["token", "--db", ledger_url, "admin"])
    assert token.exit_code == 0 and token.output.startswith("tb_")
    assert CliRunner().invoke(main, ["token", "--db", ledger_url, "nobody"]).exit_code == 1
