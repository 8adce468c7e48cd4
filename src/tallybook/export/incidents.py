"""The ledger's incidents written to a file in any export format (`tallybook export --what
incidents`): ACLED-style CSV, GeoJSON, or the records as CSV, JSON Lines, Parquet or XLSX."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO

from tallybook.ledger import export as writers
from tallybook.ledger.incident_query import INCIDENT_COLUMNS, INCIDENT_FIELDS, incident_record

from .acled import COLUMNS, acled_rows
from .geojson import feature_collection

TEXT_FORMATS = ("acled", "geojson", "csv", "jsonl")
FILE_FORMATS = ("parquet", "xlsx")  # need a file, not a stream


def write_text(incidents: Iterable, fmt: str, out: IO[str]) -> int:
    """Write ledger Incidents (documents and claims prefetched) to a text stream; how many."""
    rows = _counted(incidents)
    if fmt == "acled":
        writers.write_csv(acled_rows(rows), out, COLUMNS)
    elif fmt == "geojson":
        for piece in feature_collection(incident_record(i) for i in rows):
            out.write(piece)
    elif fmt == "csv":
        writers.write_csv((incident_record(i) for i in rows), out, INCIDENT_FIELDS)
    else:
        writers.write_jsonl((incident_record(i) for i in rows), out)
    return rows.n


def write_file(incidents: Iterable, fmt: str, path: str) -> int:
    """Write ledger Incidents to a Parquet or XLSX file; how many."""
    records = (_flat(incident_record(i)) for i in incidents)
    if fmt == "parquet":
        types = {name: _kind(kind) for name, kind in INCIDENT_COLUMNS.items()}
        return writers.write_parquet(records, path, types)
    return writers.write_xlsx(records, path, INCIDENT_FIELDS, sheet="incidents")


def _kind(kind: object) -> str:
    """The Parquet column type of a record field's type (a list is stored as JSON text)."""
    if kind is int or kind is bool:
        return kind.__name__
    return "float" if kind in (float, float | None) else "str"


def _flat(record: dict) -> dict:
    """A record with its list of claim ids as JSON text (a column of one type)."""
    return {**record, "claims": json.dumps(record["claims"])}


class _counted:
    """An iterable that counts what passed through it (`n`)."""

    def __init__(self, items: Iterable) -> None:
        self.items, self.n = items, 0

    def __iter__(self) -> Iterator:
        for item in self.items:
            self.n += 1
            yield item
