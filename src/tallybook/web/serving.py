"""What only a running server needs: its secret key, hosts, DEBUG, cookie security, a first admin."""

from __future__ import annotations

import os
import secrets

from django.conf import settings

SECRET_ENV = "TALLYBOOK_SECRET_KEY"
HOSTS_ENV = "TALLYBOOK_ALLOWED_HOSTS"
ORIGINS_ENV = "TALLYBOOK_TRUSTED_ORIGINS"  # "https://a.example,https://b.example": where forms are posted from
PROXY_ENV = "TALLYBOOK_PROXY_SSL_HEADER"  # "X-Forwarded-Proto": the header the HTTPS proxy sets to "https"
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


class ServeError(Exception):
    """A reason `serve` will not start; the CLI prints it on one line."""


def is_loopback(host: str) -> bool:
    return host in LOOPBACK


def secret_key(host: str) -> str:
    """$TALLYBOOK_SECRET_KEY; else, on loopback only, a key generated once and kept in the ledger."""
    key = os.environ.get(SECRET_ENV)
    if key:
        return key
    if not is_loopback(host):
        raise ServeError(
            f"serve: --host {host} is beyond loopback; set {SECRET_ENV} to a long random "
            "secret first (the generated key is for 127.0.0.1 only)"
        )
    from .models import Setting

    setting, _ = Setting.objects.get_or_create(name="secret_key", defaults={"value": secrets.token_urlsafe(50)})
    return setting.value


def configure(host: str, debug: bool = False) -> None:
    """Set the serving settings for `host` (call after ledger.connect)."""
    settings.SECRET_KEY = secret_key(host)
    settings.DEBUG = debug
    local = is_loopback(host)
    hosts = os.environ.get(HOSTS_ENV)
    if hosts:
        settings.ALLOWED_HOSTS = [h.strip() for h in hosts.split(",") if h.strip()]
    elif not local:
        settings.ALLOWED_HOSTS = ["*"] if host in ("0.0.0.0", "::") else [host]
    settings.SESSION_COOKIE_SECURE = not local
    settings.CSRF_COOKIE_SECURE = not local
    settings.CSRF_TRUSTED_ORIGINS = trusted_origins(os.environ.get(ORIGINS_ENV, ""))
    settings.SECURE_PROXY_SSL_HEADER = proxy_header(os.environ.get(PROXY_ENV, ""))


def trusted_origins(value: str) -> list[str]:
    """The origins of $TALLYBOOK_TRUSTED_ORIGINS (comma-separated, each scheme://host[:port])."""
    origins = [o.strip().rstrip("/") for o in value.split(",") if o.strip()]
    for origin in origins:
        scheme, _, host = origin.partition("://")
        if scheme not in ("http", "https") or not host or "/" in host:
            raise ServeError(f"serve: {ORIGINS_ENV}: {origin!r} is not an origin like https://ledger.example")
    return origins


def proxy_header(value: str) -> tuple[str, str] | None:
    """Django's SECURE_PROXY_SSL_HEADER for a header name ("X-Forwarded-Proto"): requests that carry
    it set to "https" count as HTTPS. Set it only behind a proxy that always sets that header."""
    name = value.strip()
    if not name:
        return None
    if not all(c.isalnum() or c == "-" for c in name):
        raise ServeError(f"serve: {PROXY_ENV}: {name!r} is not a header name like X-Forwarded-Proto")
    return "HTTP_" + name.upper().replace("-", "_"), "https"


def first_admin() -> tuple[str, str] | None:
    """Create the role groups, and the admin account when there are no users: (username, password) or None."""
    from django.contrib.auth import get_user_model

    from .roles import ensure_groups

    ensure_groups()
    User = get_user_model()
    if User.objects.exists():
        return None
    password = secrets.token_urlsafe(12)
    User.objects.create_superuser("admin", email="", password=password)
    return "admin", password
