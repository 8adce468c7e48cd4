"""/api/sources: the sources (one per real person or body) with their keys, names and history;
reviewers rename, set kind, role, organisation or parent, merge and split them (ledger/sources.py)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError

from tallybook.ledger import sources
from tallybook.ledger.models import Source

from .roles import can_review

router = Router(tags=["sources"])
LIST_MAX = 500


class SourceOut(Schema):
    id: int
    name: str
    kind: str
    role: str | None
    org: int | None  # a person's organisation (a source id)
    parent: int | None  # the body a unit belongs to (a source id)
    keys: list[str]  # the extractor's speaker_ids it answers for
    names: list[str]  # every name it is written by


class SourceChangeOut(Schema):
    when: str
    user: str | None
    reason: str
    fields: list[list[str | int | None]]  # [field, before, after]


class SourceDetailOut(SourceOut):
    claims: int
    history: list[SourceChangeOut]  # newest first


class EditIn(Schema):
    """Fields left out stay as they are; `org` or `parent` null clears it."""

    name: str | None = None
    kind: str | None = None
    role: str | None = None
    org: int | None = None
    parent: int | None = None
    reason: str = ""


class MergeIn(Schema):
    into: int  # the source that takes this one's keys and names
    reason: str = ""


class SplitIn(Schema):
    keys: list[str]  # the keys that go to the new source
    name: str
    reason: str = ""


def _record(s: Source) -> dict:
    return {
        "id": s.id,
        "name": s.name,
        "kind": s.kind,
        "role": s.role,
        "org": s.org_id,
        "parent": s.parent_id,
        "keys": sorted(k.key for k in s.keys.all()),
        "names": sorted(n.name for n in s.names.all()),
    }


def _detail(s: Source) -> dict:
    changes = [
        {
            "when": c.when.isoformat(),
            "user": c.user,
            "reason": c.reason,
            "fields": [list(map(_plain, f)) for f in c.fields],
        }
        for c in sources.history(s)
    ]
    return _record(s) | {"claims": sources.claims_of(s).count(), "history": changes}


def _plain(value):
    return value if value is None or isinstance(value, int | str) else str(value)


def _reviewer(request) -> None:
    if not can_review(request.user):
        raise HttpError(403, "reviewers only")


def _source(source_id: int) -> Source:
    return get_object_or_404(Source, id=source_id)


def _made(action):
    """`action()`'s Source as a detail record; 400 with the reason when it cannot be done."""
    try:
        return _detail(action())
    except sources.SourceError as e:
        raise HttpError(400, str(e)) from None


@router.get("", response=list[SourceOut])
def list_sources(request, q: str = ""):
    """Sources any of whose names holds `q` (any case, either script), by name; at most 500."""
    qs = sources.matching(q) if q.strip() else Source.objects.all()
    qs = qs.prefetch_related("keys", "names").order_by("name", "id")[:LIST_MAX]
    return [_record(s) for s in qs]


@router.get("/{source_id}", response=SourceDetailOut)
def get_source(request, source_id: int):
    return _detail(_source(source_id))


@router.post("/{source_id}/edit", response=SourceDetailOut)
def edit_source(request, source_id: int, body: EditIn):
    _reviewer(request)
    source = _source(source_id)
    sent = body.dict(exclude_unset=True)
    reason = sent.pop("reason", "")
    changes = {k: (_source(v) if v is not None else None) if k in ("org", "parent") else v for k, v in sent.items()}
    if changes.get("kind", "") is None or changes.get("name", "") is None:
        raise HttpError(400, "edit: name and kind cannot be null")
    return _made(lambda: sources.edit(source, user=request.user, reason=reason, **changes))


@router.post("/{source_id}/merge", response=SourceDetailOut)
def merge_source(request, source_id: int, body: MergeIn):
    _reviewer(request)
    source, into = _source(source_id), _source(body.into)
    return _made(lambda: sources.merge(source, into, user=request.user, reason=body.reason))


@router.post("/{source_id}/split", response=SourceDetailOut)
def split_source(request, source_id: int, body: SplitIn):
    _reviewer(request)
    source = _source(source_id)
    return _made(lambda: sources.split(source, body.keys, body.name, user=request.user, reason=body.reason))
