"""The claims and documents a page or API call asks for: GET parameters → a queryset."""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from django.db.models import QuerySet

from tallybook.ledger import query, sources
from tallybook.ledger.models import STATUSES

NEWEST = ("-published_on", "-document_id", "start", "id")  # served by the index ledger_claim_newest
SORTS = {"value": ("value", "id"), "-value": ("-value", "-id"),
         "published": ("published_on", "document_id", "start", "id"), "-published": NEWEST,
         "measure": ("measure", "id"), "-measure": ("-measure", "-id"),
         "speaker": ("speaker", "id"), "-speaker": ("-speaker", "-id"),
         "id": ("id",), "-id": ("-id",)}
HEDGES = ("exact", "approx", "lower", "upper", "average", "range")
PER_PAGE = 50


@dataclass(frozen=True)
class ClaimParams:
    """The claims filters shared by the pages, the CSV export and the API; "" means no filter."""

    q: str = ""
    measure: str = ""
    speaker: str = ""
    org: str = ""
    lang: str = ""
    hedge: str = ""
    since: str = ""
    until: str = ""
    status: str = ""
    sort: str = ""

    @classmethod
    def from_query(cls, get) -> "ClaimParams":
        """From a QueryDict or dict; unknown keys are ignored, values are stripped."""
        return cls(**{f.name: (get.get(f.name) or "").strip() for f in fields(cls)})

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def day(text: str) -> date | None:
    """YYYY-MM-DD as a date; anything else means no date (a filter form may send rubbish)."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def claims(p: ClaimParams) -> QuerySet:
    """The claims `p` asks for, sorted as asked (default: newest documents first, each in text order)."""
    qs = query.claims(query.Filters(measure=p.measure or None, lang=p.lang or None, since=day(p.since),
                                    until=day(p.until), search=p.q or None))
    if p.speaker:  # by source: any of its names, any case, either script
        qs = qs.filter(sources.by_speaker(p.speaker))
    if p.org:  # the body's claims, its units' and its people's
        qs = qs.filter(sources.by_org(p.org))
    if p.hedge:
        qs = qs.filter(hedge=p.hedge)
    if p.status in STATUSES:
        qs = qs.filter(status=p.status)
    order = SORTS.get(p.sort, NEWEST)
    return qs.order_by(*order)


def documents(get) -> QuerySet:
    """Documents filtered by q, measure, speaker, lang, since, until; newest first."""
    p = ClaimParams.from_query(get)
    f = query.Filters(measure=p.measure or None, speaker=p.speaker or None, lang=p.lang or None,
                      since=day(p.since), until=day(p.until), search=p.q or None)
    return query.documents(f).order_by("-published_on", "-id")
