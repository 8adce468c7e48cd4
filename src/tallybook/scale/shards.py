"""Parquet shards: what a partition of documents gave (documents, claims, names, incidents), one
file per table and partition, written whole or not at all, and read back into the values the
ledger stores.

    DIR/documents/part-00003.parquet   one row a document (its key: source, locator)
    DIR/claims/part-00003.parquet      one row a claim: the document's key, its index, its fields
    DIR/names/part-00003.parquet       one row a name
    DIR/incidents/part-00003.parquet   one row an incident (its place as JSON)

A column is a field of the model's dataclass: scalars as they are, tuples as lists, a nested
dataclass (an incident's place) as JSON text. Rewriting a partition replaces its files, so a
partition run twice (a lost worker's, a rerun) leaves one copy.
"""

from __future__ import annotations

import json
import os
import types
from collections.abc import Iterator
from dataclasses import asdict, fields, is_dataclass
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from ..extraction.analysis import Analysis
from ..model import Claim, Document, Incident, Name, Reading

TABLES: dict[str, type] = {"documents": Document, "claims": Claim, "names": Name, "incidents": Incident}
KEY = ("doc_source", "doc_locator")


def shard_name(part: int) -> str:
    return f"part-{part:05d}.parquet"


def write_shards(out: str | Path, part: int, analysed: list[tuple[Document, Analysis]]) -> dict[str, int]:
    """Write one partition's tables under `out`; the rows written per table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for doc, analysis in analysed:
        key = {"doc_source": doc.source, "doc_locator": doc.locator}
        rows["documents"].append({**key, **row_of(doc)})
        for table, values in (
            ("claims", analysis.reading.claims),
            ("names", analysis.reading.names),
            ("incidents", analysis.incidents),
        ):
            rows[table].extend({**key, "index": i, **row_of(v)} for i, v in enumerate(values))
    for table, table_rows in rows.items():
        folder = Path(out) / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / shard_name(part)
        partial = folder / f".{final.name}.{os.getpid()}.partial"
        pq.write_table(pa.Table.from_pylist(table_rows, schema=schema_of(table)), partial)
        os.replace(partial, final)  # whole or not at all
    return {table: len(table_rows) for table, table_rows in rows.items()}


def read_shards(folder: str | Path) -> Iterator[tuple[Document, Analysis]]:
    """Every document of the shards under `folder` with its Analysis, partition by partition."""
    import pyarrow.parquet as pq

    root = Path(folder)
    for path in sorted((root / "documents").glob("part-*.parquet")):
        tables = {t: pq.read_table(root / t / path.name).to_pylist() for t in TABLES}
        by_doc: dict[tuple[str, str], dict[str, list]] = {}
        for table in ("claims", "names", "incidents"):
            for row in sorted(tables[table], key=lambda r: r["index"]):
                by_doc.setdefault((row["doc_source"], row["doc_locator"]), {}).setdefault(table, []).append(row)
        for row in tables["documents"]:
            parts = by_doc.get((row["doc_source"], row["doc_locator"]), {})
            claims = [obj_of(Claim, r) for r in parts.get("claims", [])]
            names = [obj_of(Name, r) for r in parts.get("names", [])]
            incidents = [obj_of(Incident, r) for r in parts.get("incidents", [])]
            yield obj_of(Document, row), Analysis(Reading(claims, names), incidents)


def row_of(value: Any) -> dict[str, Any]:
    """A dataclass value as one flat row: nested dataclasses as JSON text."""
    out: dict[str, Any] = {}
    for f in fields(value):
        v = getattr(value, f.name)
        if is_dataclass(v) and not isinstance(v, type):
            out[f.name] = json.dumps(asdict(v), ensure_ascii=False)
        elif isinstance(v, tuple):
            out[f.name] = list(v)
        else:
            out[f.name] = v
    return out


def obj_of(cls: type, row: dict[str, Any]) -> Any:
    """The dataclass value of a row written by row_of (its type hints say how to read each column)."""
    hints = get_type_hints(cls)
    return cls(**{f.name: _value(hints[f.name], row[f.name]) for f in fields(cls)})


def _value(hint: Any, v: Any) -> Any:
    if v is None:
        return None
    base = _base(hint)
    if isinstance(base, type) and is_dataclass(base):
        return _from_dict(base, json.loads(v) if isinstance(v, str) else v)
    if get_origin(base) is tuple:
        args = [a for a in get_args(base) if a is not Ellipsis]
        return tuple(_value(args[0], x) for x in v) if args else tuple(v)
    return v


def _from_dict(cls: type, d: dict[str, Any]) -> Any:
    hints = get_type_hints(cls)
    return cls(**{f.name: _value(hints[f.name], d[f.name]) for f in fields(cls) if f.name in d})


def _base(hint: Any) -> Any:
    """`X` of `X | None`."""
    if get_origin(hint) in (Union, types.UnionType):
        return next(a for a in get_args(hint) if a is not type(None))
    return hint


def schema_of(table: str) -> Any:
    """The Arrow schema of a table: the key, the row index, then the dataclass's fields."""
    import pyarrow as pa

    cls = TABLES[table]
    hints = get_type_hints(cls)
    cols = [pa.field("doc_source", pa.string()), pa.field("doc_locator", pa.string())]
    if table != "documents":
        cols.append(pa.field("index", pa.int32()))
    cols += [pa.field(f.name, _arrow(hints[f.name])) for f in fields(cls)]
    return pa.schema(cols)


def _arrow(hint: Any) -> Any:
    import pyarrow as pa

    base = _base(hint)
    if get_origin(base) is tuple:
        return pa.list_(_arrow(get_args(base)[0]))
    scalar = {int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if is_dataclass(base):
        return pa.string()
    return scalar.get(base, pa.string())
