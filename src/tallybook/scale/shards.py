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

import hashlib
import json
import os
import types
from collections.abc import Callable, Iterator
from dataclasses import asdict, fields, is_dataclass
from functools import cache
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
    for path in partitions(folder):
        yield from analysed_of(read_partition(path))


def partitions(folder: str | Path) -> list[Path]:
    """The documents file of each partition under `folder`, in order."""
    return sorted((Path(folder) / "documents").glob("part-*.parquet"))


class ShardError(ValueError):
    """A shard file that cannot be read; the message names it."""


def partition_digest(documents: Path) -> str:
    """The sha256 of the partition's files, table by table: what `load` knows a partition by."""
    digest = hashlib.sha256()
    for table in TABLES:
        path = documents.parent.parent / table / documents.name
        try:
            data = path.read_bytes()
        except OSError as e:
            raise ShardError(f"{path}: cannot be read ({type(e).__name__}: {e.strerror or e})") from None
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def partition_size(documents: Path) -> tuple[int, int]:
    """(documents, claims) of a partition, from its files' footers."""
    import pyarrow.parquet as pq

    def rows(table: str) -> int:
        return pq.read_metadata(documents.parent.parent / table / documents.name).num_rows

    return rows("documents"), rows("claims")


def read_partition(documents: Path) -> dict[str, Any]:
    """The Arrow tables of the partition whose documents file is `documents`."""
    import pyarrow.parquet as pq

    tables = {}
    for table in TABLES:
        path = documents.parent.parent / table / documents.name
        try:
            schema = schema_of(table)
            tables[table] = pq.read_table(path).select(schema.names).cast(schema)
        except Exception as e:  # missing, truncated, or without the table's columns
            raise ShardError(f"{path}: cannot be read ({type(e).__name__}: {str(e).strip()[:200]})") from None
    return tables


def analysed_of(
    tables: dict[str, Any], wanted: set[tuple[str, str]] | None = None
) -> Iterator[tuple[Document, Analysis]]:
    """The documents of a partition's tables (those whose key is `wanted`, else all) with their Analysis."""
    by_doc: dict[tuple[str, str], dict[str, list]] = {}
    for table in ("claims", "names", "incidents"):
        for row in sorted(tables[table].to_pylist(), key=lambda r: r["index"]):
            by_doc.setdefault((row["doc_source"], row["doc_locator"]), {}).setdefault(table, []).append(row)
    for row in tables["documents"].to_pylist():
        key = (row["doc_source"], row["doc_locator"])
        if wanted is not None and key not in wanted:
            continue
        parts = by_doc.get(key, {})
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
    return cls(
        **{name: v if read is None or v is None else read(v) for name, read in _readers(cls) for v in (row[name],)}
    )


def _from_dict(cls: type, d: dict[str, Any]) -> Any:
    return cls(
        **{
            name: d[name] if read is None or d[name] is None else read(d[name])
            for name, read in _readers(cls)
            if name in d
        }
    )


@cache
def _readers(cls: type) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Each field of a dataclass with what reads its column (None: the value as it is), made once."""
    hints = get_type_hints(cls)
    return tuple((f.name, _reader(hints[f.name])) for f in fields(cls))


def _reader(hint: Any) -> Callable[[Any], Any] | None:
    base = _base(hint)
    if isinstance(base, type) and is_dataclass(base):
        return lambda v: _from_dict(base, json.loads(v) if isinstance(v, str) else v)
    if get_origin(base) is tuple:
        args = [a for a in get_args(base) if a is not Ellipsis]
        item = _reader(args[0]) if args else None
        return tuple if item is None else lambda v: tuple(None if x is None else item(x) for x in v)
    return None


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
