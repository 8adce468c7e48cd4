"""Incidents as ACLED-style rows: ACLED's column order and event / sub-event types (through the
incident pack's mapping), filled from what tallybook knows; what it does not code (actor
types, interaction codes, world region, source scale) is left empty. It is ACLED-*style*: the
events are machine-read from reports, not ACLED's own coding."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from tallybook.extraction.triggers import load_incident_pack
from tallybook.placenames import region_name

# ACLED's export columns, in their order.
COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
# ACLED's disorder type of each of its event types.
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# (event_date from our date, time_precision) by our date precision: ACLED codes a date known to
# the month at the month's middle and marks it 3; a year alone likewise at its middle.
DATE_OF = {
    "day": (lambda d: d, 1),
    "month": (lambda d: f"{d}-15", 3),
    "year": (lambda d: f"{d}-07-01", 3),
}
UNDATED_PRECISION = 2  # the report's publication date: the event came within days before it
GEO_PRECISION = {"exact": 1, "city": 1, "region": 3, "country": 3}
DEATH_TYPES = {"death"}  # the types whose figures are fatalities


@cache
def _types() -> dict[str, tuple[str, str]]:
    """incident type -> (ACLED event type, sub-event type), from the bundled incident pack."""
    return {t.id: (t.acled_event, t.acled_sub_event) for t in load_incident_pack().types.values()}


def _country(code: str | None) -> tuple[int | str, str, str]:
    """(ISO numeric, name, alpha-3) of a country code; empty for none or an unknown one."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code) if code else None
    if country is None:
        return "", "", ""
    return int(country.numeric), getattr(country, "common_name", None) or country.name, country.alpha_3


def _region(code: str | None) -> str:
    return region_name(code, "en") if code else ""


def _date(inc) -> tuple[str, int | str]:
    """(event_date, time_precision): the incident's date, else its document's publication date."""
    if inc.date and inc.date_precision in DATE_OF:
        shape, precision = DATE_OF[inc.date_precision]
        return shape(inc.date), precision
    if inc.date and len(inc.date) == 10:
        return inc.date, 1
    published = inc.published_on or inc.document.published_on
    return (published.isoformat(), UNDATED_PRECISION) if published else ("", "")


def _fatalities(inc) -> int:
    """The largest figure counting a death incident (deaths are a running tally), else 0."""
    if inc.type not in DEATH_TYPES:
        return 0
    return int(max((c.value for c in inc.claims.all()), default=0))


def acled_row(inc) -> dict:
    """One ledger Incident (its document and claims prefetched) as an ACLED-style row."""
    event, sub_event = _types().get(inc.type, ("", inc.acled_sub_event or ""))
    numeric, country, alpha3 = _country(inc.country)
    event_date, time_precision = _date(inc)
    doc = inc.document
    return {
        "event_id_cnty": f"{alpha3 or 'XXX'}{inc.id}",
        "event_date": event_date,
        "year": event_date[:4],
        "time_precision": time_precision,
        "disorder_type": DISORDER.get(event, ""),
        "event_type": event,
        "sub_event_type": sub_event,
        "actor1": inc.actor or "",
        "actor2": inc.affected or "",
        "iso": numeric,
        "country": country,
        "admin1": _region(inc.region),
        "location": inc.place_name or inc.place_raw or "",
        "latitude": "" if inc.lat is None else round(inc.lat, 4),
        "longitude": "" if inc.lon is None else round(inc.lon, 4),
        "geo_precision": GEO_PRECISION.get(inc.precision or "", ""),
        "source": doc.title or doc.url or doc.source.rsplit("/", 1)[-1],
        "notes": inc.sentence_text,
        "fatalities": _fatalities(inc),
        "tags": _tags(inc),
        "timestamp": int(inc.added.timestamp()),
    }


def _tags(inc) -> str:
    """What ACLED has no column for: our type, the toponym as written, precisions, review status."""
    parts = [f"tallybook type={inc.type}", f"status={inc.status}"]
    if inc.place_raw:
        parts.append(f"place as written={inc.place_raw}")
    if inc.precision:
        parts.append(f"place precision={inc.precision}")
    parts.append(f"date precision={inc.date_precision or 'publication date'}")
    return "; ".join(parts)


def acled_rows(incidents: Iterable) -> Iterator[dict]:
    """ACLED-style rows of ledger Incidents, every column present ("" where tallybook has nothing)."""
    for inc in incidents:
        row = acled_row(inc)
        yield {c: row.get(c, "") for c in COLUMNS}
