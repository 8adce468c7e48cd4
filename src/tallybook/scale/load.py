"""`tallybook load DIR`: the Parquet shards of `ingest --dask` (scale.shards) into the ledger, one
partition a transaction, with the rows `ingest` writes for the same documents.

A document the ledger does not hold (by source and locator, nor by URL) is bulk-loaded: each
table's rows are made for the whole partition, staged in a temporary table (PostgreSQL: COPY;
SQLite: executemany) and inserted from it in one statement, in the order `ingest` stores them, so
the rows and their ids are the ones `ingest` gives. A document held with the same text is
skipped; one held with another text, or found twice, goes through store_document as in `ingest`
(its text before kept as a version, reviewed claims kept). Each partition stored is recorded
by the digest of its files (LoadedShard), in the transaction of its rows: loading it again
skips it, reading nothing of it but its files, and a partition rewritten with other contents is
loaded again. A kill loses the partition being loaded, never part of it; loading again changes
nothing; a bad shard fails its partition alone, with a line naming the file.

Staging: PostgreSQL takes Arrow's CSV of a table by COPY (claims and incidents: no Python value
made per row but the document's), SQLite executemany. What the time goes on, on PostgreSQL, is
the server keeping the tables' indexes, the full-text ones most (to_tsvector of every document
and claim sentence). Dropping the secondary indexes for a load and making them again after was
measured (bench/throughput.py): nothing saved at 40k claims, 18% of the server's time at 200k into
an empty ledger; they are kept, as a restore of dropped indexes after a kill is not built.

What goes where, for the new documents of a partition:

    ledger table          its rows from                            written by
    document              documents/ (store.document_fields)       staged; INSERT ... ON CONFLICT DO NOTHING
    claim                 claims/ (schema.CLAIM_COLUMNS) as        staged (Arrow columns); INSERT in order,
                          they are; the document's id, date and    the same values for every row bound
                          sentence text                            once; ids back
    source, sourcekey,    the claims' speaker_id, speaker, kind    sources.link_sources (the registry's
    sourcename, history                                            names, kind, org, parent)
    entity                the claims' speakers, names/             entities.entities_for
    mention               entities.found_in, document by document  staged; INSERT
    incident              incidents/ as claims/; the place's JSON  as claims
                          as the columns incident_row makes
    incident_claims       each incident's claim indices            staged; INSERT
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from django.db import IntegrityError, connection, transaction

from ..ledger.batch import Summary
from ..ledger.entities import entities_for, found_in, normalised
from ..ledger.incidents import CANDIDATE
from ..ledger.models import Claim, Document, Incident, LoadedShard, Mention
from ..ledger.sources import link_sources
from ..ledger.store import EXTRACTOR_VERSION, content_hash, document_fields, store_document
from ..model import Document as DocumentValue
from ..model import Name
from .shards import analysed_of, obj_of, partition_digest, partition_size, partitions, read_partition

Key = tuple[str, str]  # a document's (source, locator)


class Said(NamedTuple):
    """What the sources and entities of a stored claim are made from."""

    id: int
    start: int
    speaker: str | None
    speaker_kind: str | None
    speaker_org: str | None
    speaker_id: str | None


def load(folder: str | Path, step: Callable[[int], None] = lambda n: None) -> Summary:
    """Load every partition of the shards under `folder`; the counts of the run, a failure line
    for each partition that could not be loaded (the others are)."""
    summary = Summary()
    for path in partitions(folder):
        try:
            digest = partition_digest(path)
            if LoadedShard.objects.filter(digest=digest).exists():
                done = _skipped(path)  # no transaction, nothing read but the files' footers
            else:
                with transaction.atomic():
                    done = load_partition(path, digest)
        except Exception as e:  # one bad partition never stops the others; its transaction rolled back
            summary.failures.append(_failure(path, e))
            continue
        for name in ("added", "unchanged", "replaced", "claims", "skipped"):
            setattr(summary, name, getattr(summary, name) + getattr(done, name))
        step(done.added + done.unchanged + done.replaced)
    return summary


def _failure(path: Path, e: Exception) -> str:
    text = " ".join(str(e).split())[:200] or type(e).__name__
    return text if text.startswith(str(path.parent.parent)) else f"{path}: not loaded ({type(e).__name__}: {text})"


def load_partition(path: Path, digest: str, version: str = EXTRACTOR_VERSION) -> Summary:
    """Store the documents of one partition (its documents file `path`, its files' `digest`) and
    record it as loaded; call inside a transaction. A partition recorded before is skipped."""
    if not _recorded(path, digest):
        return _skipped(path)
    tables = {name: _without_nul(table) for name, table in read_partition(path).items()}
    docs = [obj_of(DocumentValue, row) for row in tables["documents"].to_pylist()]
    digests = [content_hash(d.text) for d in docs]
    claims, names, incidents = (_placed(tables, t, path) for t in ("claims", "names", "incidents"))
    new, known, unchanged = _sorted_out(docs, digests)
    lang = {i: (claims.of(i, "lang") or [None])[0] for i in new}
    rows = {i: Document(**document_fields(docs[i], digests[i], lang[i])) for i in new}
    _insert_documents(list(rows.values()))
    stored = {i: row for i, row in rows.items() if row.id is not None}
    known += [i for i in rows if i not in stored]  # a concurrent writer stored it first
    said = _insert_claims(stored, claims, version)
    link_sources(c for i in stored for c in said[i])
    _insert_mentions(stored, said, names)
    _insert_incidents(stored, said, claims, incidents, version)
    summary = Summary(added=len(stored), unchanged=unchanged, claims=sum(len(c) for c in said.values()))
    left = Counter((docs[i].source, docs[i].locator) for i in known)  # how many times each is to be stored
    for doc, analysis in analysed_of(tables, set(left)) if left else ():
        if not left[doc.source, doc.locator]:
            continue  # a document twice in the partition, the first copy bulk-loaded
        left[doc.source, doc.locator] -= 1
        outcome = store_document(doc, analysis=analysis, version=version)
        setattr(summary, outcome.outcome, getattr(summary, outcome.outcome) + 1)
        summary.claims += outcome.claims
    return summary


def _skipped(path: Path) -> Summary:
    """A partition loaded before: its documents held, unchanged."""
    return Summary(unchanged=partition_size(path)[0], skipped=1)


def _recorded(path: Path, digest: str) -> bool:
    """Record the partition as loaded (in the transaction of its rows); False when it was before
    (a concurrent loader's record: waited for until its transaction ends)."""
    try:
        with transaction.atomic():
            LoadedShard.objects.create(digest=digest, path=str(path))
    except IntegrityError:
        return False
    return True


def _without_nul(table: Any) -> Any:
    """`table` with each NUL character of its text columns made U+FFFD, as store.without_nul does."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for k, field in enumerate(table.schema):
        if pa.types.is_string(field.type) and pc.any(pc.match_substring(table.column(k), "\x00")).as_py():
            table = table.set_column(k, field, pc.replace_substring(table.column(k), "\x00", "\ufffd"))
    return table


def _sorted_out(docs: list[DocumentValue], digests: list[str]) -> tuple[list[int], list[int], int]:
    """(new, known, unchanged): the documents the ledger does not hold (by key, nor by URL, nor
    earlier in the partition), the others that store_document must look at, and how many it
    holds as they are."""
    held, urls = _held(docs)
    new: list[int] = []
    known: list[int] = []
    unchanged = 0
    seen_keys: set[Key] = set()
    seen_urls: set[str] = set()
    for i, doc in enumerate(docs):
        key = (doc.source, doc.locator)
        if held.get(key) == digests[i] and key not in seen_keys:
            unchanged += 1
        elif key in held or key in seen_keys or (doc.url and (doc.url in urls or doc.url in seen_urls)):
            known.append(i)
        else:
            new.append(i)
        seen_keys.add(key)
        if doc.url:
            seen_urls.add(doc.url)
    return new, known, unchanged


def _held(docs: list[DocumentValue]) -> tuple[dict[Key, str], set[str]]:
    """The content hash of each document of `docs` the ledger holds by key, and the URLs of
    `docs` it holds: one join with the partition's keys, staged."""
    stage = "tallybook_stage_keys"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE {stage} (ord integer, source text, locator text, url text)")
        _fill(
            cursor,
            stage,
            ["ord", "source", "locator", "url"],
            [(i, d.source, d.locator, d.url) for i, d in enumerate(docs)],
        )
        cursor.execute(
            f"SELECT d.source, d.locator, d.content_hash FROM {stage} s JOIN ledger_document d "
            "ON d.source = s.source AND d.locator = s.locator"
        )
        held = {(s, loc): h for s, loc, h in cursor.fetchall()}
        urls: set[str] = set()
        if any(d.url for d in docs):
            cursor.execute(f"SELECT DISTINCT d.url FROM {stage} s JOIN ledger_document d ON d.url = s.url")
            urls = {u for (u,) in cursor.fetchall()}
        cursor.execute(f"DROP TABLE {stage}")
    return held, urls


PLACE = "doc_place"  # the column of a row's document: its place in the partition


class Placed:
    """A shard table's rows sorted by document (its place in the partition) and index, as Arrow
    columns; each document's rows (lo, hi) and, on demand, a column as a Python list."""

    def __init__(self, table: Any, places: list[int]) -> None:
        self.table = table
        self.places = places
        self.spans: dict[int, tuple[int, int]] = {}
        lo = 0
        for hi in range(1, len(places) + 1):
            if hi == len(places) or places[hi] != places[lo]:
                self.spans[places[lo]] = (lo, hi)
                lo = hi
        self._lists: dict[str, list] = {}

    def column(self, name: str) -> list:
        if name not in self._lists:
            self._lists[name] = self.table.column(name).to_pylist()
        return self._lists[name]

    def of(self, place: int, name: str) -> list:
        lo, hi = self.spans.get(place, (0, 0))
        return self.column(name)[lo:hi]


def _placed(tables: dict[str, Any], table: str, path: Path) -> Placed:
    """A shard table's rows by document: each row's document found by its key among the
    partition's (a row of another document fails the partition, naming the file)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    def keys(t: Any) -> Any:  # no NUL is left in the text columns (_without_nul): a safe separator
        return pc.binary_join_element_wise(t["doc_source"], t["doc_locator"], "\x00")

    rows = tables[table]
    place = pc.index_in(keys(rows), value_set=keys(tables["documents"]))
    if place.null_count:
        j = pc.index(pc.is_null(place), True).as_py()
        shard = path.parent.parent / table / path.name
        raise ValueError(f"{shard}: a row of {rows['doc_source'][j]}#{rows['doc_locator'][j]}, not in {path}")
    rows = rows.append_column(PLACE, place.cast(pa.int64()))
    rows = rows.sort_by([(PLACE, "ascending"), ("index", "ascending")])
    places = rows.column(PLACE).to_pylist()
    if len(set(places)) < len(rows) and pc.count_distinct(keys(tables["documents"])).as_py() < len(places):
        # a document twice in the partition (an input listed twice): its rows once, not each copy's
        at = list(zip(places, rows.column("index").to_pylist()))
        once = [k for k in range(len(at)) if k == 0 or at[k] != at[k - 1]]
        if len(once) < len(at):
            rows, places = rows.take(once), [places[k] for k in once]
    return Placed(rows, places)


# --- one table at a time: the rows, staged and inserted --------------------------------------------


def _insert_documents(rows: list[Document]) -> None:
    """Insert new document rows; each inserted one gets its id (a key held meanwhile: none)."""
    fields = [f for f in Document._meta.concrete_fields if not f.primary_key]
    got = _insert(
        Document,
        [f.column for f in fields],
        [(k, *_prepared(row, fields)) for k, row in enumerate(rows)],
        tail="ON CONFLICT (source, locator) DO NOTHING",
        returning="id, source, locator",
    )
    ids = {(s, loc): i for i, s, loc in got}
    for row in rows:
        row.id = ids.get((row.source, row.locator))


def _insert_claims(stored: dict[int, Document], claims: Placed, version: str) -> dict[int, list[Said]]:
    """Insert the claims of the stored documents, in order; each document's claims as Said."""
    ids = iter(_insert_rows(Claim, claims, stored, version))
    fields = ("start", "speaker", "speaker_kind", "speaker_org", "speaker_id")
    return {i: [Said(next(ids), *values) for values in zip(*(claims.of(i, c) for c in fields))] for i in stored}


def _insert_rows(
    model: Any, rows: Placed, stored: dict[int, Document], version: str, made: Callable[[Any], dict] | None = None
) -> list[int]:
    """Insert the shard rows (claims, incidents) of the stored documents into `model`'s table, in
    order; their ids, in that order. A field of the model that is a column of the shard goes to the
    staging table as it is (Arrow, no Python value per row); what is the document's (its id, date,
    the sentence's text) and the columns `made` makes of the rows are made here; the fields the
    same in every row (the extractor's version, the review state, the time) are bound once."""
    import pyarrow as pa
    import pyarrow.compute as pc

    spans = [rows.spans[i] for i in stored if i in rows.spans]
    if not spans:
        return []
    table = pa.concat_tables([rows.table.slice(lo, hi - lo) for lo, hi in spans])
    places = table.column(PLACE).to_pylist()
    first, last = (pc.list_element(table.column("sentence"), k) for k in (0, 1))
    dates = {i: row.published_on.isoformat() if row.published_on else None for i, row in stored.items()}
    columns = {  # the document's
        "document_id": pa.array([stored[p].id for p in places], pa.int64()),
        "published_on": pa.array([dates[p] for p in places], pa.string()),
        "sentence_start": first,
        "sentence_end": last,
        "sentence_text": pa.array(
            [stored[p].text[s:e] for p, s, e in zip(places, first.to_pylist(), last.to_pylist())], pa.string()
        ),
        **(made(table) if made else {}),
    }
    for name in set(table.column_names) - set(columns):
        columns[name] = table.column(name)
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    staged = {f.column: columns[f.attname] for f in fields if f.attname in columns}
    template = model(extractor_version=version)
    same = {f.column: _prepared(template, [f])[0] for f in fields if f.column not in staged}
    return sorted(i for (i,) in _insert(model, list(staged), pa.table(staged), returning="id", same=same))


def _insert_mentions(stored: dict[int, Document], said: dict[int, list[Said]], names: Placed) -> None:
    """The entities and mentions of the stored documents, as entities.link_entities makes them."""
    found = []
    for i, doc in stored.items():
        speakers = {c.speaker for c in said[i] if c.speaker_kind == "person" and c.speaker}
        named = [Name(*v) for v in zip(*(names.of(i, c) for c in ("start", "end", "text", "kind", "norm")))]
        found += [(doc.id, f) for f in found_in(doc.text, said[i], named, speakers)]
    entities = entities_for([(kind, name) for _, (kind, name, _, _, _) in found])
    rows = [
        (k, entities[kind, normalised(name)].id, doc_id, claim.id if claim else None, start, end)
        for k, (doc_id, (kind, name, start, end, claim)) in enumerate(found)
    ]
    _insert(Mention, ["entity_id", "document_id", "claim_id", "start", "end"], rows)


def _insert_incidents(
    stored: dict[int, Document],
    said: dict[int, list[Said]],
    claims: Placed,
    incidents: Placed,
    version: str,
) -> None:
    """The incidents of the stored documents and their links to the claims that count them."""
    ids = iter(_insert_rows(Incident, incidents, stored, version, made=_place_columns))
    links: list[tuple] = []
    for i in stored:
        spans = list(zip(claims.of(i, "start"), claims.of(i, "end")))
        by_span = {span: c.id for span, c in zip(spans, said[i])}
        for counted in incidents.of(i, "claims"):
            incident_id = next(ids)
            links += [
                (len(links), incident_id, by_span[spans[k]]) for k in counted if k < len(spans) and spans[k] in by_span
            ]
    _insert(Incident.claims.through, ["incident_id", "claim_id"], links)


def _place_columns(table: Any) -> dict[str, Any]:
    """An incident's place (JSON in the shard) as the ledger's columns, as incidents.incident_row makes them."""
    import pyarrow as pa

    places = [json.loads(p) if p else {} for p in table.column("place").to_pylist()]
    out = {
        f"place_{k}" if k in ("raw", "name") else k: pa.array([p.get(k) for p in places])
        for k in ("raw", "name", "country", "region", "precision", "lat", "lon")
    }
    out["candidates"] = pa.array(
        [json.dumps([{k: c[k] for k in CANDIDATE} for c in p.get("candidates", ())]) for p in places], pa.string()
    )
    return out


ADAPTED = ("JSONField", "DateField", "DateTimeField")  # the fields whose values Django adapts to the database


def _prepared(row: Any, fields: Sequence[Any]) -> list[Any]:
    """The values Django would write for `fields` of the unsaved `row` (auto_now set); the
    other fields' values are written as they are (numbers, text, booleans, ids)."""
    return [
        f.get_db_prep_save(f.pre_save(row, True), connection)
        if f.get_internal_type() in ADAPTED
        else getattr(row, f.attname)
        for f in fields
    ]


def _insert(
    model: Any,
    columns: list[str],
    rows: Any,
    tail: str = "",
    returning: str = "",
    same: dict[str, Any] | None = None,
) -> list[tuple]:
    """Insert `rows` into `model`'s table in their order, in one statement from a temporary staging
    table: a list of tuples (each its place, then `columns`) or an Arrow table of `columns`; the
    columns of `same` take its values in every row. The `returning` columns of the rows inserted."""
    if not len(rows):
        return []
    q = connection.ops.quote_name
    table = model._meta.db_table
    stage = f"tallybook_stage_{table}"
    names = ", ".join(q(c) for c in columns)
    same = same or {}
    into = ", ".join([names, *(q(c) for c in same)])
    values = ", ".join([names, *(["%s"] * len(same))])
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE {stage} AS SELECT 0 AS ord, {names} FROM {table} WHERE 1 = 0")
        _fill(cursor, stage, ["ord", *columns], rows)
        returned = f"RETURNING {returning}" if returning else ""
        cursor.execute(
            f"INSERT INTO {table} ({into}) SELECT {values} FROM {stage} WHERE 1 = 1 ORDER BY ord {tail} {returned}",
            list(same.values()),
        )
        out = cursor.fetchall() if returning else []
        cursor.execute(f"DROP TABLE {stage}")
    return out


def _fill(cursor: Any, stage: str, columns: list[str], rows: Any) -> None:
    """Put `rows` (tuples, or an Arrow table without its places) into the staging table:
    PostgreSQL by COPY (an Arrow table as CSV, written by Arrow), SQLite by executemany."""
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    arrow = not isinstance(rows, list)
    if arrow:
        import pyarrow as pa

        rows = rows.add_column(0, "ord", pa.array(range(len(rows)), pa.int64()))
    if connection.vendor == "postgresql":
        if arrow:
            import io

            import pyarrow.csv as csv

            text = io.BytesIO()
            csv.write_csv(rows, text, csv.WriteOptions(include_header=False))
            with cursor.cursor.copy(f"COPY {stage} ({names}) FROM STDIN (FORMAT csv)") as copy:
                copy.write(text.getbuffer())
            return
        with cursor.cursor.copy(f"COPY {stage} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    if arrow:
        rows = list(zip(*(column.to_pylist() for column in rows.columns)))
    cursor.executemany(f"INSERT INTO {stage} ({names}) VALUES ({', '.join(['%s'] * len(columns))})", rows)
