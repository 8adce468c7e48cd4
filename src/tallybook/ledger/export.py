"""Writing ledger records as CSV, JSON Lines or Parquet, streaming in batches."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO

BATCH = 5000


def write_jsonl(records: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def write_csv(records: Iterable[dict], out: IO[str], fields: list[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for rec in records:
        writer.writerow(rec)
        n += 1
    return n


def write_parquet(records: Iterable[dict], path: str, types: dict[str, str]) -> int:
    """Parquet with one column per field of `types` ({"name": "int"|"float"|"bool"|"str"})."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string()}
    schema = pa.schema([(name, arrow[kind]) for name, kind in types.items()])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in _batches(records, BATCH):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def _batches(records: Iterable[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for rec in records:
        batch.append(rec)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


XLSX_CELL = 32_767  # the most characters a spreadsheet cell holds


def write_xlsx(records: Iterable[dict], out, fields: list[str], sheet: str = "tallybook") -> int:
    """An Excel workbook (a path or a binary stream): a header row, then one row a record; numbers
    stay numbers, text longer than a cell holds is cut. Written row by row (constant memory)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(
        out,
        {
            "constant_memory": True,
            "in_memory": not isinstance(out, str),
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    ws = book.add_worksheet(sheet[:31])
    bold = book.add_format({"bold": True})
    ws.write_row(0, 0, fields, bold)
    ws.freeze_panes(1, 0)
    n = 0
    for n, rec in enumerate(records, 1):
        ws.write_row(n, 0, [_cell(rec.get(f)) for f in fields])
    book.close()
    return n


def _cell(value):
    if value is None or isinstance(value, (bool, int, float)):
        return value
    text = (
        value
        if isinstance(value, str)
        else json.dumps(value, ensure_ascii=False, default=str)
        if isinstance(value, (dict, list))
        else str(value)
    )
    return text[:XLSX_CELL]
