"""Incidents in the ledger: stored beside their document's claims, replaced when it is read
again (reviewed ones kept, or marked orphaned), and reviewed with history as claims are."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from tallybook.model import Incident as IncidentValue

from .models import Claim, Document, Incident, IncidentReview

CORRECTABLE = (
    "type",
    "actor",
    "affected",
    "place_raw",
    "place_name",
    "country",
    "region",
    "precision",
    "lat",
    "lon",
    "date",
    "date_precision",
)
# What the ledger keeps of each of a place's candidate readings (`candidates`, as JSON).
CANDIDATE = ("name", "country", "region", "precision", "lat", "lon", "population")
STATUS_OF = {"accept": "accepted", "correct": "corrected", "reject": "rejected"}


class IncidentReviewError(ValueError):
    """A review that cannot be applied; the message says why."""


def incident_row(document: Document, inc: IncidentValue, version: str) -> Incident:
    """An unsaved ledger Incident for an extracted incident of `document`."""
    p = inc.place
    s, e = inc.sentence
    return Incident(
        document=document,
        type=inc.type,
        start=inc.start,
        end=inc.end,
        text=inc.text,
        sentence_start=s,
        sentence_end=e,
        sentence_text=document.text[s:e],
        lang=inc.lang,
        actor=inc.actor,
        affected=inc.affected,
        place_raw=p.raw if p else None,
        place_name=p.name if p else None,
        country=p.country if p else None,
        region=p.region if p else None,
        precision=p.precision if p else None,
        lat=p.lat if p else None,
        lon=p.lon if p else None,
        candidates=[{k: getattr(c, k) for k in CANDIDATE} for c in (p.candidates if p else ())],
        date=inc.date,
        date_precision=inc.date_precision,
        plover=inc.plover,
        acled_sub_event=inc.acled_sub_event,
        naming=inc.naming,
        extractor_version=version,
        published_on=document.published_on,
    )


def replace_incidents(
    document: Document, found: list[IncidentValue], claim_spans: list[tuple[int, int]], version: str
) -> int:
    """Swap `document`'s unreviewed incidents for `found`, keeping reviewed ones (orphaned when
    their words are gone from the text); `claim_spans` are the spans of the claims the
    incidents' `claims` indices point at. Incidents written."""
    changed = Incident.history.filter(document_id=document.id).values("id")
    touched = ~Q(status="new") | Q(reviews__isnull=False) | Q(id__in=changed)
    kept = list(Incident.objects.filter(document=document).filter(touched).distinct())
    for inc in kept:
        orphaned = document.text[inc.start : inc.end] != inc.text
        if orphaned != inc.orphaned:
            inc.orphaned = orphaned
            _save_with_history(
                inc,
                None,
                "orphaned: its words are gone from the changed text" if orphaned else "its words are back in the text",
                ["orphaned"],
            )
    Incident.objects.filter(document=document).exclude(id__in=[i.id for i in kept]).delete()
    held = [(i.start, i.end) for i in kept if not i.orphaned]
    fresh = [i for i in found if not any(i.start < e and s < i.end for s, e in held)]
    rows = Incident.objects.bulk_create([incident_row(document, i, version) for i in fresh])
    by_span = {(c.start, c.end): c.id for c in Claim.objects.filter(document=document).only("id", "start", "end")}
    links = [
        Incident.claims.through(incident_id=row.id, claim_id=by_span[claim_spans[k]])
        for row, inc in zip(rows, fresh)
        for k in inc.claims
        if k < len(claim_spans) and claim_spans[k] in by_span
    ]
    Incident.claims.through.objects.bulk_create(links)
    return len(rows)


def _save_with_history(inc: Incident, user, reason: str, fields: list[str] | None = None) -> None:
    """Save `inc` with a history record naming `user` and `reason`; the first change first
    records the row as the extractor wrote it (bulk inserts have no record)."""
    if not inc.history.exists():
        stored = Incident.objects.get(pk=inc.pk)
        row = {f.attname: getattr(stored, f.attname) for f in Incident._meta.concrete_fields}
        Incident.history.model.objects.create(
            **row,
            history_date=stored.added,
            history_type="+",
            history_user=None,
            history_change_reason=f"as extracted (tallybook {stored.extractor_version})",
        )
    inc._history_user = user
    inc._change_reason = reason
    try:
        inc.save(update_fields=fields)
    finally:
        del inc._history_user, inc._change_reason


def review_incident(
    incident_id: int, action: str, reviewer: str, changes: dict | None = None, note: str = "", user=None
) -> IncidentReview:
    """Accept, correct or reject an incident, kept as an IncidentReview and in its history."""
    if action not in STATUS_OF:
        raise IncidentReviewError(f"review: unknown action {action!r} (accept, correct or reject)")
    changes = changes or {}
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise IncidentReviewError(f"review: cannot correct {', '.join(unknown)}")
    if action == "correct" and not changes:
        raise IncidentReviewError("review: a correction needs at least one changed field")
    with transaction.atomic():
        inc = Incident.objects.select_for_update().filter(id=incident_id).first()
        if inc is None:
            raise IncidentReviewError(f"review: incident {incident_id} is no longer in the ledger")
        diff = {f: [getattr(inc, f), v] for f, v in changes.items() if getattr(inc, f) != v}
        for field, (_, after) in diff.items():
            setattr(inc, field, after)
        inc.status = STATUS_OF[action]
        _save_with_history(inc, user, f"{action}: {note}" if note else action)
        return IncidentReview.objects.create(
            incident=inc, action=action, changes=diff, reviewer=reviewer, user=user, note=note
        )
