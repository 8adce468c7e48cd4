"""The Django admin at /admin/: users and groups (roles), the ledger's tables, API tokens."""
from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from simple_history.admin import SimpleHistoryAdmin

from tallybook.ledger.models import Claim, Document, Review

from .models import Token

admin.site.site_header = "tallybook"
for model, model_admin in ((User, UserAdmin), (Group, GroupAdmin)):
    if not admin.site.is_registered(model):
        admin.site.register(model, model_admin)


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("id", "source", "title", "published", "lang")
    search_fields = ("source", "title")


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):  # edits here are kept in the claim's history, with the user
    list_display = ("id", "text", "value", "hedge", "speaker", "measure", "status")
    list_filter = ("status", "lang", "hedge")
    raw_id_fields = ("document",)


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("id", "claim", "action", "reviewer", "created")

    def has_change_permission(self, request, obj=None):
        return False  # reviews are append-only

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Token)
class TokenAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "created", "last_used")
    readonly_fields = ("key_hash",)
