"""The claims and documents a page or API call asks for: GET parameters → a queryset."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from django.db.models import Case, F, Q, QuerySet, Value, When

from tallybook.ledger import query, sources
from tallybook.ledger.models import STATUSES

NEWEST = ("-published_on", "-document_id", "start", "id")  # served by the index ledger_claim_newest
# Figures sort within their unit: head counts (no unit, "person") first, then each unit apart, so
# 27% never sorts among 27 people.
UNIT_GROUP = Case(When(Q(unit__isnull=True) | Q(unit="") | Q(unit="person"), then=Value("")), default=F("unit"))
SORTS = {
    "value": (UNIT_GROUP.asc(), "value", "id"),
    "-value": (UNIT_GROUP.asc(), "-value", "-id"),
    "published": ("published_on", "document_id", "start", "id"),
    "-published": NEWEST,
    "measure": ("measure", "id"),
    "-measure": ("-measure", "-id"),
    "speaker": ("speaker", "id"),
    "-speaker": ("-speaker", "-id"),
    "id": ("id",),
    "-id": ("-id",),
}
HEDGES = ("exact", "approx", "lower", "upper", "average", "range")
LANGS = ("en", "ru")
NO_UNIT = "none"
PER_PAGE = 50


class ParamError(ValueError):
    """A query parameter that means nothing (`since=notadate`, `sort=bogus`); the message says which."""


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
    document: str = ""  # a document's ledger id
    unit: str = ""  # as the number reader names it ("percent", "USD"); "none" for no unit

    @classmethod
    def from_query(cls, get) -> ClaimParams:
        """From a QueryDict or dict; unknown keys are ignored, values are stripped."""
        return cls(**{f.name: (get.get(f.name) or "").strip() for f in fields(cls)})

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    def ordering(self) -> tuple:
        """The order_by of `sort` (newest documents first when there is none)."""
        return SORTS.get(self.sort, NEWEST)

    def check(self) -> ClaimParams:
        """self, or ParamError naming every parameter that is not one the filters know."""
        problems = [f"{name}={value!r}: {why}" for name, value, why in self._problems()]
        if problems:
            raise ParamError("; ".join(problems))
        return self

    def _problems(self):
        if self.document and not self.document.isdigit():
            yield "document", self.document, "not a document id"
        for name in ("since", "until"):
            value = getattr(self, name)
            if value and _date(value) is None:
                yield name, value, "not a date (YYYY-MM-DD)"
        for name, allowed in (("sort", tuple(SORTS)), ("status", STATUSES), ("hedge", HEDGES), ("lang", LANGS)):
            value = getattr(self, name)
            if value and value not in allowed:
                yield name, value, "one of " + ", ".join(allowed)


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def day(text: str) -> date | None:
    """YYYY-MM-DD as a date, None for no date; `ClaimParams.check` refuses anything else first."""
    return _date(text) if text else None


def claims(p: ClaimParams) -> QuerySet:
    """The claims `p` asks for, sorted as asked (default: newest documents first, each in text order);
    ParamError for a parameter that means nothing."""
    p.check()
    qs = query.claims(
        query.Filters(
            measure=p.measure or None, lang=p.lang or None, since=day(p.since), until=day(p.until), search=p.q or None
        )
    )
    if p.speaker:  # by source: any of its names, any case, either script
        qs = qs.filter(sources.by_speaker(p.speaker))
    if p.org:  # the body's claims, its units' and its people's
        qs = qs.filter(sources.by_org(p.org))
    if p.hedge:
        qs = qs.filter(hedge=p.hedge)
    if p.status in STATUSES:
        qs = qs.filter(status=p.status)
    if p.document:
        qs = qs.filter(document_id=int(p.document))
    if p.unit:
        qs = qs.filter(Q(unit__isnull=True) | Q(unit="")) if p.unit == NO_UNIT else qs.filter(unit=p.unit)
    return qs.order_by(*p.ordering())


def documents(get) -> QuerySet:
    """Documents filtered by q, measure, speaker, lang, since, until; newest first (ParamError as claims)."""
    p = ClaimParams.from_query(get).check()
    f = query.Filters(
        measure=p.measure or None,
        speaker=p.speaker or None,
        lang=p.lang or None,
        since=day(p.since),
        until=day(p.until),
        search=p.q or None,
    )
    return query.documents(f).order_by("-published_on", "-id")
