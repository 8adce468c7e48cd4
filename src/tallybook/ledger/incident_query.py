"""Reading the ledger's incidents: the filters the pages, the API, the exports and the CLI share
(type, country, region, actor, dates...) → a queryset, and each incident as a flat record."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

from django.db.models import F, Prefetch, Q, QuerySet

from tallybook.model import INCIDENT_TYPES

from .models import STATUSES, Document, Incident

PRECISIONS = ("exact", "city", "region", "country", "unknown")
LANGS = ("en", "ru")
NEWEST = ("-published_on", "-document_id", "start", "id")  # served by the index ledger_incident_newest
SORTS: dict[str, tuple] = {
    "-published": NEWEST,
    "published": ("published_on", "document_id", "start", "id"),
    "-date": (F("date").desc(nulls_last=True), "-id"),
    "date": (F("date").asc(nulls_last=True), "id"),
    "type": ("type", "id"),
    "-type": ("-type", "-id"),
    "id": ("id",),
    "-id": ("-id",),
}
COUNTRY = re.compile(r"^[A-Z]{2}$")
REGION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
# What each record holds, with its type: the incident's fields (its place flattened) and where
# it is. The API's schema and every export's columns are derived from this one table.
INCIDENT_COLUMNS: dict[str, object] = {
    "id": int,
    "document_id": int,
    "source": str,
    "published": str | None,
    "type": str,
    "text": str,
    "start": int,
    "end": int,
    "actor": str | None,
    "affected": str | None,
    "place_raw": str | None,
    "place_name": str | None,
    "country": str | None,
    "region": str | None,
    "precision": str | None,
    "lat": float | None,
    "lon": float | None,
    "date": str | None,
    "date_precision": str | None,
    "plover": str | None,
    "acled_sub_event": str | None,
    "naming": str,
    "lang": str,
    "claims": list[int],
    "sentence": str,
    "status": str,
    "orphaned": bool,
    "extractor_version": str,
}
INCIDENT_FIELDS = list(INCIDENT_COLUMNS)


class IncidentParamError(ValueError):
    """An incident filter that means nothing (`type=bogus`, `since=notadate`); the message says which."""


@dataclass(frozen=True)
class IncidentParams:
    """The incident filters; "" means no filter. `since`/`until` take an incident whose date
    (day, month or year) overlaps them; one without a date by its document's publication."""

    type: str = ""
    country: str = ""  # ISO 3166-1 alpha-2 ("RU")
    region: str = ""  # ISO 3166-2 ("RU-TA")
    actor: str = ""  # part of the actor's name, in any case
    since: str = ""
    until: str = ""
    status: str = ""
    precision: str = ""
    lang: str = ""
    document: str = ""  # a document's ledger id
    sort: str = ""

    @classmethod
    def from_query(cls, get) -> IncidentParams:
        """From a QueryDict or dict; unknown keys are ignored, values are stripped, codes upper-cased."""
        values = {f.name: (get.get(f.name) or "").strip() for f in fields(cls)}
        values["country"], values["region"] = values["country"].upper(), values["region"].upper()
        return cls(**values)

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    def check(self) -> IncidentParams:
        """self, or IncidentParamError naming every parameter that is not one the filters know."""
        problems = [f"{name}={value!r}: {why}" for name, value, why in self._problems()]
        if problems:
            raise IncidentParamError("; ".join(problems))
        return self

    def _problems(self):
        if self.document and not self.document.isdigit():
            yield "document", self.document, "not a document id"
        if self.country and not COUNTRY.match(self.country):
            yield "country", self.country, "not a country code (ISO 3166-1 alpha-2, RU)"
        if self.region and not REGION.match(self.region):
            yield "region", self.region, "not a region code (ISO 3166-2, RU-MOW)"
        for name in ("since", "until"):
            value = getattr(self, name)
            if value and _day(value) is None:
                yield name, value, "not a date (YYYY-MM-DD)"
        allowed = (
            ("type", INCIDENT_TYPES),
            ("status", STATUSES),
            ("precision", PRECISIONS),
            ("lang", LANGS),
            ("sort", tuple(SORTS)),
        )
        for name, choices in allowed:
            value = getattr(self, name)
            if value and value not in choices:
                yield name, value, "one of " + ", ".join(choices)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


# Each incident's document, fetched after sorting and slicing, without its text.
WITHOUT_TEXT = Prefetch("document", queryset=Document.objects.defer("text", "pages"))


def incidents(p: IncidentParams = IncidentParams()) -> QuerySet:
    """The incidents `p` asks for, newest documents first (each in text order) unless `sort` says;
    IncidentParamError for a parameter that means nothing."""
    p.check()
    qs = Incident.objects.prefetch_related(WITHOUT_TEXT, "claims")
    exact = {"type": p.type, "country": p.country, "region": p.region, "status": p.status, "lang": p.lang}
    qs = qs.filter(**{k: v for k, v in exact.items() if v})
    if p.precision:
        qs = qs.filter(precision=p.precision)
    if p.document:
        qs = qs.filter(document_id=int(p.document))
    if p.actor:
        qs = qs.filter(_any_case("actor", p.actor))
    if p.since:
        qs = qs.filter(_from(p.since))
    if p.until:
        qs = qs.filter(_to(p.until))
    return qs.order_by(*SORTS.get(p.sort, NEWEST))


def _any_case(field: str, text: str) -> Q:
    """`field` contains `text` as typed, in lower case, capitalised or in capitals: SQLite's own
    LIKE folds ASCII letters only, so «полиция» would not find «Полиция» there otherwise."""
    q = Q()
    for form in {text, text.lower(), text.capitalize(), text.upper()}:
        q |= Q(**{f"{field}__icontains": form})
    return q


def _from(since: str) -> Q:
    """Incidents whose date ends on or after `since`: a day on or after it, a month or a year
    that holds it or comes later; undated ones by their document's publication."""
    return (
        Q(date__gte=since)
        | Q(date_precision="month", date__gte=since[:7])
        | Q(date_precision="year", date__gte=since[:4])
        | Q(date__isnull=True, published_on__gte=since)
    )


def _to(until: str) -> Q:
    """Incidents whose date begins on or before `until` ("2024-12" ≤ "2024-12-01" as text)."""
    return Q(date__lte=until) | Q(date__isnull=True, published_on__lte=until)


def incident_record(inc: Incident) -> dict:
    """An incident as a flat dict of INCIDENT_FIELDS; `claims` the ids of the claims counting it."""
    doc = inc.document
    rec = {name: getattr(inc, name) for name in INCIDENT_FIELDS if hasattr(Incident, name) and name != "claims"}
    rec.update(
        document_id=inc.document_id,
        source=doc.source,
        published=doc.published,
        claims=sorted(c.id for c in inc.claims.all()),
        sentence=inc.sentence_text,
    )
    return {name: rec.get(name) for name in INCIDENT_FIELDS}
