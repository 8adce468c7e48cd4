"""Incidents as a GeoJSON FeatureCollection: a Point (longitude, latitude) each, and a null
geometry (RFC 7946 §3.2) for a place without coordinates, kept, never dropped."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator


def feature(record: dict) -> dict:
    """One incident record (ledger.incident_query.incident_record) as a GeoJSON Feature."""
    lat, lon = record.get("lat"), record.get("lon")
    geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "id": record["id"], "geometry": geometry, "properties": record}


def feature_collection(records: Iterable[dict]) -> Iterator[str]:
    """The FeatureCollection of `records`, as text, one feature at a time (constant memory)."""
    yield '{"type": "FeatureCollection", "features": ['
    for i, rec in enumerate(records):
        yield ("," if i else "") + "\n" + json.dumps(feature(rec), ensure_ascii=False, default=str)
    yield "\n]}\n"
