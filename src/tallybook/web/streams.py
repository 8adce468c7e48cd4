"""Streamed response bodies shared by the pages' and the API's exports."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

BOM = "\ufeff"


def csv_stream(rows: Iterable[dict], fields: list[str]) -> Iterator[str]:
    """CSV lines one at a time, a byte-order mark first (spreadsheets then read UTF-8)."""

    class Echo:
        def write(self, value):
            return value

    writer = csv.DictWriter(Echo(), fieldnames=fields, extrasaction="ignore")
    yield BOM + writer.writeheader()
    for rec in rows:
        yield writer.writerow(rec)
