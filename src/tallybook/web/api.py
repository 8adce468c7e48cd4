"""The REST API under /api/ (django-ninja): read the ledger, review claims and incidents; token or session auth.

Send `Authorization: Bearer <token>` (make one with `tallybook token USERNAME`); a logged-in
browser session works too. Ids are the ledger ids `tallybook claims --format jsonl` prints.
"""

from __future__ import annotations

import functools
from dataclasses import fields

from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth
from pydantic import create_model

from tallybook.ledger import query
from tallybook.ledger.history import history_of
from tallybook.ledger.incident_query import (
    INCIDENT_COLUMNS,
    IncidentParamError,
    IncidentParams,
    incident_record,
    incidents,
)
from tallybook.ledger.incidents import IncidentReviewError
from tallybook.ledger.models import Claim, Incident
from tallybook.ledger.review import ClaimGone, ReviewError

from . import filters
from .decisions import FormError, apply_review
from .incident_decisions import apply_incident_review
from .incident_exports import incident_acled, incident_geojson
from .models import Token
from .roles import can_read, can_review
from .sources_api import router as sources_router


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>` of an active user with a role (viewer at least)."""

    def authenticate(self, request, token):
        user = Token.user_for(token)
        if user is None or not can_read(user):
            return None
        request.user = user
        return user


class ReaderSession(SessionAuth):
    """A logged-in browser session of a user with a role (an account in no group reads nothing)."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return user if user and can_read(user) else None


def readers_only(view):
    """The schema and its docs page for readers only (a token or a session), else 401."""

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        reader = can_read(request.user) or (
            scheme.lower() == "bearer" and BearerToken().authenticate(request, token.strip())
        )
        if not reader:
            return JsonResponse({"detail": "Unauthorized"}, status=401)
        return view(request, *args, **kwargs)

    return guarded


api = NinjaAPI(
    title="tallybook",
    version="1",
    auth=[BearerToken(), ReaderSession()],
    urls_namespace="api",
    description=__doc__,
    docs_decorator=readers_only,
)


# The query parameters: the filters of the pages (filters.ClaimParams, one definition), and a page.
ClaimFilters = create_model(
    "ClaimFilters", __base__=Schema, page=(int, 1), **{f.name: (str, "") for f in fields(filters.ClaimParams)}
)


# A claim as the API gives it: query.CLAIM_RECORD, itself derived from model.Claim (one schema).
ClaimOut = create_model("ClaimOut", __base__=Schema, **{c.name: (c.annotation, ...) for c in query.CLAIM_RECORD})


class ReviewOut(Schema):
    action: str
    reviewer: str
    changes: dict
    note: str
    created: str


class FieldChangeOut(Schema):
    field: str
    before: bool | int | float | str | None
    after: bool | int | float | str | None


class ChangeOut(Schema):
    when: str
    user: str | None  # None: tallybook itself (as extracted; moved or orphaned by a re-ingest)
    reason: str
    fields: list[FieldChangeOut]


class ClaimDetailOut(ClaimOut):
    sentence: str
    history: list[ReviewOut]  # the review decisions, newest first
    changes: list[ChangeOut]  # every recorded change of the claim's row, newest first


class ClaimPage(Schema):
    count: int
    page: int
    per_page: int
    items: list[ClaimOut]


class DocumentOut(Schema):
    id: int
    source: str
    locator: str
    format: str
    url: str | None
    title: str | None
    author: str | None
    published: str | None
    lang: str | None
    chars: int
    claims: int | None
    content_hash: str
    added: str
    updated: str


class DocumentPage(Schema):
    count: int
    page: int
    per_page: int
    items: list[DocumentOut]


class MeasureOut(Schema):
    measure: str
    claims: int


class FigureOut(Schema):
    id: int
    source: str
    published: str | None
    value: float
    value_max: float | None
    hedge: str
    speaker: str | None
    speaker_id: str | None  # the source entity's key
    entity: str | None  # the source entity's name
    via: str | None  # who relayed the speaker's figure
    interval: list[float | None]
    time: str | None
    sentence: str


class ConflictOut(Schema):
    measure: str
    kind: str
    a: FigureOut
    b: FigureOut


class RelayOut(Schema):
    by: str  # the relaying outlet (the echo's `via`) or document
    of: str | None  # the source it repeated
    credited: bool  # the echo names that source
    claim: int  # the echo's claim id


class OriginOut(Schema):
    measure: str
    origin: FigureOut
    echoes: list[FigureOut]
    relays: list[RelayOut]  # who repeated whom, one per echo


class SpeakerOut(Schema):
    name: str
    kind: str
    claims: int
    also: list[str]  # the same person's name in the other script


class ReviewIn(Schema):
    """A decision; fields left out stay as they are, "" clears a text field. An accept that
    changes a field is recorded as a correction; a new measure needs `new_measure: true`."""

    decision: str
    value: float | None = None
    value_max: float | None = None
    hedge: str | None = None
    unit: str | None = None
    speaker: str | None = None
    speaker_kind: str | None = None
    speaker_role: str | None = None
    speaker_org: str | None = None
    counted: str | None = None
    measure: str | None = None
    new_measure: bool = False
    period: str | None = None
    time_ref: str | None = None
    reason: str = ""


def _page(qs, page: int, record) -> dict:
    page = max(1, min(page, 10**6))
    start = (page - 1) * filters.PER_PAGE
    items = [record(x) for x in qs[start : start + filters.PER_PAGE]]
    return {"count": qs.count(), "page": page, "per_page": filters.PER_PAGE, "items": items}


def _params(f: ClaimFilters) -> filters.ClaimParams:
    """The filters of `f`; 400 with the reason for a parameter that means nothing."""
    try:
        return filters.ClaimParams.from_query(f.dict()).check()
    except filters.ParamError as e:
        raise HttpError(400, str(e)) from None


@api.get("/claims", response=ClaimPage)
def list_claims(request, f: Query[ClaimFilters]):
    return _page(filters.claims(_params(f)), f.page, query.claim_record)


@api.get("/claims/{claim_id}", response=ClaimDetailOut)
def get_claim(request, claim_id: int):
    claim = get_object_or_404(Claim.objects.select_related("document"), id=claim_id)
    return _detail(claim)


def _detail(claim: Claim) -> dict:
    rec = query.claim_record(claim)
    rec["sentence"] = claim.document.text[claim.sentence_start : claim.sentence_end]
    rec["history"] = [
        {
            "action": r.action,
            "reviewer": r.reviewer,
            "changes": r.changes,
            "note": r.note,
            "created": r.created.isoformat(),
        }
        for r in claim.reviews.order_by("-created", "-id")
    ]
    rec["changes"] = [
        {
            "when": c.when.isoformat(),
            "user": c.user,
            "reason": c.reason,
            "fields": [{"field": f, "before": b, "after": a} for f, b, a in c.fields],
        }
        for c in history_of(claim)
    ]
    return rec


@api.post("/claims/{claim_id}/review", response=ClaimDetailOut)
def review(request, claim_id: int, body: ReviewIn):
    if not can_review(request.user):
        raise HttpError(403, "reviewers only")
    claim = get_object_or_404(Claim, id=claim_id)
    form = {k: v for k, v in body.dict().items() if v is not None}
    try:
        apply_review(request.user, claim, body.decision, form)
    except ClaimGone as e:  # a re-ingest replaced it meanwhile
        raise HttpError(409, str(e)) from None
    except (ReviewError, FormError) as e:
        raise HttpError(400, str(e)) from None
    claim = Claim.objects.select_related("document").filter(id=claim_id).first()
    if claim is None:
        raise HttpError(409, f"review: claim {claim_id} is no longer in the ledger (its document was read again)")
    return _detail(claim)


@api.get("/documents", response=DocumentPage)
def list_documents(request, f: Query[ClaimFilters]):
    return _page(filters.documents(_params(f).as_dict()), f.page, query.document_record)


@api.get("/measures", response=list[MeasureOut])
def list_measures(request):
    rows = (
        Claim.objects.exclude(measure__isnull=True)
        .exclude(measure="")
        .values("measure")
        .annotate(n=Count("id"))
        .order_by("measure")
    )
    return [{"measure": r["measure"], "claims": r["n"]} for r in rows]


@api.get("/conflicts", response=list[ConflictOut])
def list_conflicts(request, measure: str | None = None):
    """Figures of one measure that disagree (`tallybook conflicts`); each side's id is its claim's."""
    from tallybook.ledger.figures import conflict_record, ledger_conflicts

    return [conflict_record(c) for c in ledger_conflicts(measure or None)]


@api.get("/origins", response=list[OriginOut])
def list_origins(request, measure: str | None = None):
    """Each figure's origin (first document to state it) and its echoes (later ones restating it)."""
    from tallybook.ledger.figures import ledger_origins, origin_record

    return [origin_record(o) for o in ledger_origins(measure or None)]


@api.get("/speakers", response=list[SpeakerOut])
def list_speakers(request, f: Query[ClaimFilters]):
    """People and organisations figures are put on (an organisation also counts its people's claims)."""
    return [
        {"name": s.name, "kind": s.kind, "claims": s.claims, "also": list(s.also)}
        for s in query.speakers(filters.claims(_params(f)))
    ]


# Incidents: the list with the pages' filters (ledger.incident_query.IncidentParams), one with its
# place's candidates, decisions and history, their review, and the ACLED-style and GeoJSON exports.
IncidentFilters = create_model(
    "IncidentFilters", __base__=Schema, page=(int, 1), **{f.name: (str, "") for f in fields(IncidentParams)}
)
IncidentOut = create_model(
    "IncidentOut", __base__=Schema, **{name: (kind, ...) for name, kind in INCIDENT_COLUMNS.items()}
)


class CandidateOut(Schema):
    name: str
    country: str | None
    region: str | None
    precision: str
    lat: float | None
    lon: float | None
    population: int | None = None


class IncidentDetailOut(IncidentOut):
    candidates: list[CandidateOut]  # the gazetteer's readings of the place, best first
    history: list[ReviewOut]  # the review decisions, newest first
    changes: list[ChangeOut]  # every recorded change of the incident's row, newest first


class IncidentPage(Schema):
    count: int
    page: int
    per_page: int
    items: list[IncidentOut]


class IncidentReviewIn(Schema):
    """A decision on an incident; fields left out stay as they are, "" clears a text field. An
    accept that changes a field is recorded as a correction; `affected` must be a group, never
    a person's name."""

    decision: str
    type: str | None = None
    actor: str | None = None
    affected: str | None = None
    place_raw: str | None = None
    place_name: str | None = None
    country: str | None = None
    region: str | None = None
    precision: str | None = None
    lat: float | None = None
    lon: float | None = None
    date: str | None = None
    date_precision: str | None = None
    reason: str = ""


def _incident_params(f) -> IncidentParams:
    """The filters of `f`; 400 with the reason for a parameter that means nothing."""
    try:
        return IncidentParams.from_query(f.dict()).check()
    except IncidentParamError as e:
        raise HttpError(400, str(e)) from None


@api.get("/incidents", response=IncidentPage)
def list_incidents(request, f: Query[IncidentFilters]):
    """Incidents filtered by type, country, region, actor, since/until (the incident's date), status..."""
    return _page(incidents(_incident_params(f)), f.page, incident_record)


def _incident_detail(inc: Incident) -> dict:
    rec = incident_record(inc)
    rec["candidates"] = inc.candidates or []
    rec["history"] = [
        {
            "action": r.action,
            "reviewer": r.reviewer,
            "changes": r.changes,
            "note": r.note,
            "created": r.created.isoformat(),
        }
        for r in inc.reviews.order_by("-created", "-id")
    ]
    rec["changes"] = [
        {
            "when": c.when.isoformat(),
            "user": c.user,
            "reason": c.reason,
            "fields": [{"field": f, "before": b, "after": a} for f, b, a in c.fields],
        }
        for c in history_of(inc)
    ]
    return rec


@api.get("/incidents/{incident_id}", response=IncidentDetailOut)
def get_incident(request, incident_id: int):
    return _incident_detail(get_object_or_404(Incident.objects.select_related("document"), id=incident_id))


@api.post("/incidents/{incident_id}/review", response=IncidentDetailOut)
def review_an_incident(request, incident_id: int, body: IncidentReviewIn):
    if not can_review(request.user):
        raise HttpError(403, "reviewers only")
    inc = get_object_or_404(Incident, id=incident_id)
    form = {k: v for k, v in body.dict().items() if v is not None}
    try:
        apply_incident_review(request.user, inc, body.decision, form)
    except (IncidentReviewError, FormError) as e:
        raise HttpError(400, str(e)) from None
    return _incident_detail(Incident.objects.select_related("document").get(id=incident_id))


@api.get("/incidents-export/acled-style.csv")
def export_incidents_acled(request, f: Query[IncidentFilters]):
    """The filtered incidents as ACLED-style CSV (ACLED's column order and event types)."""
    _incident_params(f)
    return incident_acled(request)


@api.get("/incidents-export/incidents.geojson")
def export_incidents_geojson(request, f: Query[IncidentFilters]):
    """The filtered incidents as a GeoJSON FeatureCollection (null geometry for a place without coordinates)."""
    _incident_params(f)
    return incident_geojson(request)


api.add_router("/sources", sources_router)  # the sources and reviewers' corrections of them
