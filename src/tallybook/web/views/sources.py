"""Reviewers' corrections of a source (a speaker page's Source): rename, set kind, role,
organisation or parent, merge into another source, split keys off; each kept in its history."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from tallybook.ledger import sources
from tallybook.ledger.models import Source

from ..roles import can_review


def _other(text: str, what: str) -> Source | None:
    """The Source named `text` (any of its names, any case or script); None for ""."""
    text = (text or "").strip()
    if not text:
        return None
    found = sources.named(text)
    if found is None:
        raise sources.SourceError(f"{what}: no source is named {text!r}")
    return found


def _edit(request, source: Source) -> Source:
    """The form's fields that differ from the source's (org and parent by name, "" for none)."""
    post = request.POST
    changes: dict[str, object] = {
        f: post[f] for f in ("name", "kind", "role") if f in post and post[f].strip() != (getattr(source, f) or "")
    }
    for field in ("org", "parent"):
        if field in post:
            current = getattr(source, field)
            if post[field].strip() != (current.name if current else ""):
                changes[field] = _other(post[field], field)
    return sources.edit(source, user=request.user, reason=post.get("reason", ""), **changes)


def _merge(request, source: Source) -> Source:
    into = _other(request.POST.get("into", ""), "merge")
    if into is None:
        raise sources.SourceError("merge: name the source to merge into")
    return sources.merge(source, into, user=request.user, reason=request.POST.get("reason", ""))


def _split(request, source: Source) -> Source:
    post = request.POST
    return sources.split(source, post.getlist("keys"), post.get("name", ""), request.user, post.get("reason", ""))


ACTIONS = {"edit": _edit, "merge": _merge, "split": _split}


@require_POST
def correct(request, source_id: int):
    """One correction (`action` edit, merge or split); then the page of the source it leaves."""
    if not can_review(request.user):
        raise PermissionDenied("reviewers only")
    source = get_object_or_404(Source, id=source_id)
    action = ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        return _bad(f"source: action must be one of {', '.join(ACTIONS)}")
    try:
        result = action(request, source)
    except sources.SourceError as e:
        return _bad(str(e))
    return redirect("source", source_id=result.id)


def _bad(message: str):
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
