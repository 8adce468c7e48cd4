"""The Django admin at /admin/: users and groups (roles), the ledger's tables, API tokens."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from simple_history.admin import SimpleHistoryAdmin

from tallybook.ledger.models import Claim, Document, Review
from tallybook.ledger.review import ReviewError, check_changes

from .models import Token, token_hash

admin.site.site_header = "tallybook"
for model, model_admin in ((User, UserAdmin), (Group, GroupAdmin)):
    if not admin.site.is_registered(model):
        admin.site.register(model, model_admin)


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("id", "source", "title", "published", "lang")
    search_fields = ("source", "title")


class ClaimForm(forms.ModelForm):
    """An admin edit meets the rules a review meets (finite numbers, no NUL, a well-formed measure id)."""

    class Meta:
        model = Claim
        fields = "__all__"

    def clean(self):
        data = super().clean()
        try:
            check_changes({k: v for k, v in data.items() if isinstance(v, (str, float))})
        except ReviewError as e:
            raise forms.ValidationError(str(e).removeprefix("review: ")) from None
        return data


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):  # edits here are kept in the claim's history, with the user
    form = ClaimForm
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
    """Adding a token makes a new one and shows it once; only its hash is kept, never typed in."""

    list_display = ("id", "user", "created", "last_used")
    fields = ("user", "key_hash", "last_used")
    readonly_fields = ("key_hash", "last_used")

    def save_model(self, request, obj, form, change):
        if not change or not obj.key_hash:
            key = Token.new_key()
            obj.key_hash = token_hash(key)
            messages.warning(request, f"The new API token (shown only this once): {key}")
        super().save_model(request, obj, form, change)
