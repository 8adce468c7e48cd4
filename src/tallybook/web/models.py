"""The web app's own tables: API tokens and a few server settings (the generated secret key)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

LAST_USED_EVERY = timedelta(minutes=1)


def token_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class Token(models.Model):
    """An API token; only its sha256 is stored, the token itself is shown once when made."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    @classmethod
    def issue(cls, user) -> str:
        """A new token for `user`; the returned string is the only copy of it."""
        key = cls.new_key()
        cls.objects.create(user=user, key_hash=token_hash(key))
        return key

    @staticmethod
    def new_key() -> str:
        return "tb_" + secrets.token_urlsafe(32)

    @classmethod
    def user_for(cls, key: str):
        """The active user a token belongs to, else None; the token's `last_used` becomes now
        (written at most once a minute, so a busy client does not write on every request)."""
        token = cls.objects.select_related("user").filter(key_hash=token_hash(key)).first()
        if token is None or not token.user.is_active:
            return None
        now = timezone.now()
        if token.last_used is None or now - token.last_used > LAST_USED_EVERY:
            cls.objects.filter(id=token.id).update(last_used=now)
        return token.user


class Setting(models.Model):
    """A named server setting kept in the ledger (e.g. the generated secret key for loopback)."""

    name = models.CharField(max_length=80, unique=True)
    value = models.TextField()
