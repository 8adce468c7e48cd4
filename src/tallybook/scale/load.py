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

What goes where, for the new documents of a partition:

    ledger table          its rows from                            written by
    document              documents/ (store.document_fields)       staged; INSERT ... ON CONFLICT DO NOTHING
    claim                 claims/ (schema.CLAIM_COLUMNS), the      staged; INSERT in order, ids back
                          sentence's text from the document's
    source, sourcekey,    the claims' speaker_id, speaker, kind    sources.link_sources (the registry's
    sourcename, history                                            names, kind, org, parent)
    entity                the claims' speakers, names/             entities.entities_for
    mention               entities.found_in, document by document  staged; INSERT
    incident              incidents/ (incidents.incident_row)      staged; INSERT in order, ids back
    incident_claims       each incident's claim indices            staged; INSERT
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from django.db import IntegrityError, connection, transaction

from ..ledger.batch import Summary
from ..ledger.entities import entities_for, found_in, normalised
from ..ledger.incidents import incident_row
from ..ledger.models import Claim, Document, Incident, LoadedShard, Mention
from ..ledger.sources import link_sources
from ..ledger.store import EXTRACTOR_VERSION, content_hash, document_fields, store_document
from ..model import Document as DocumentValue
from ..model import Incident as IncidentValue
from ..model import Name
from ..schema import CLAIM_COLUMNS, FLAT
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
    claims, names, incidents = (_grouped(tables, t, docs, path) for t in ("claims", "names", "incidents"))
    new, known, unchanged = _sorted_out(docs, digests)
    rows = {i: Document(**document_fields(docs[i], digests[i], _first(claims, i, "lang"))) for i in new}
    _insert_documents(list(rows.values()))
    stored = {i: row for i, row in rows.items() if row.id is not None}
    known += [i for i in rows if i not in stored]  # a concurrent writer stored it first
    said = _insert_claims(stored, claims, version)
    link_sources(c for i in stored for c in said[i])
    _insert_mentions(stored, said, names)
    _insert_incidents(stored, said, claims, incidents, version)
    summary = Summary(added=len(stored), unchanged=unchanged, claims=sum(len(c) for c in said.values()))
    keys = {(docs[i].source, docs[i].locator) for i in known}
    for doc, analysis in analysed_of(tables, keys) if keys else ():
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


def _grouped(tables: dict[str, Any], table: str, docs: list[DocumentValue], path: Path) -> dict[int, dict[str, list]]:
    """A shard table's rows by document (its place in `docs`), as columns in index order."""
    cols = tables[table].to_pydict()
    where = {(d.source, d.locator): i for i, d in enumerate(docs)}
    places = [where.get(key, -1) for key in zip(cols["doc_source"], cols["doc_locator"])]
    if -1 in places:
        j = places.index(-1)
        shard = path.parent.parent / table / path.name
        raise ValueError(f"{shard}: a row of {cols['doc_source'][j]}#{cols['doc_locator'][j]}, not in {path}")
    order = sorted(range(len(places)), key=lambda j: (places[j], cols["index"][j]))
    ordered = cols if order == list(range(len(order))) else {n: [v[j] for j in order] for n, v in cols.items()}
    out: dict[int, dict[str, list]] = {}
    start = 0
    for end in range(1, len(order) + 1):
        if end == len(order) or places[order[end]] != places[order[start]]:
            out[places[order[start]]] = {name: values[start:end] for name, values in ordered.items()}
            start = end
    return out


def _first(groups: dict[int, dict[str, list]], i: int, column: str) -> Any:
    values = groups.get(i, {}).get(column)
    return values[0] if values else None


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


def _insert_claims(
    stored: dict[int, Document], claims: dict[int, dict[str, list]], version: str
) -> dict[int, list[Said]]:
    """Insert the claims of the stored documents, in order; each document's claims as Said."""
    fields = [f for f in Claim._meta.concrete_fields if not f.primary_key]
    template = Claim(extractor_version=version)
    constant = {f.attname: _prepared(template, [f])[0] for f in fields}
    flat = {c.name for c in CLAIM_COLUMNS} - set(FLAT["sentence"])
    published = Claim._meta.get_field("published_on")
    rows: list[tuple] = []
    for i, doc in stored.items():
        got = claims.get(i)
        if not got:
            continue
        n = len(got["sentence"])
        column = {  # what is not the claim's own field: the document's, or the same for every claim
            "document_id": [doc.id] * n,
            "published_on": [published.get_db_prep_save(doc.published_on, connection)] * n,
            "sentence_start": [s for s, _ in got["sentence"]],
            "sentence_end": [e for _, e in got["sentence"]],
            "sentence_text": [doc.text[s:e] for s, e in got["sentence"]],
        }
        values = [
            got[f.attname] if f.attname in flat else column.get(f.attname) or [constant[f.attname]] * n for f in fields
        ]
        rows += zip(range(len(rows), len(rows) + n), *values)
    ids = sorted(i for (i,) in _insert(Claim, [f.column for f in fields], rows, returning="id"))
    said: dict[int, list[Said]] = {}
    at = iter(ids)
    for i in stored:
        got = claims.get(i, {})
        said[i] = [
            Said(next(at), *values)
            for values in zip(
                *(got.get(c, []) for c in ("start", "speaker", "speaker_kind", "speaker_org", "speaker_id"))
            )
        ]
    return said


def _insert_mentions(
    stored: dict[int, Document], said: dict[int, list[Said]], names: dict[int, dict[str, list]]
) -> None:
    """The entities and mentions of the stored documents, as entities.link_entities makes them."""
    found = []
    for i, doc in stored.items():
        speakers = {c.speaker for c in said[i] if c.speaker_kind == "person" and c.speaker}
        got = names.get(i, {})
        named = [Name(*v) for v in zip(*(got.get(c, []) for c in ("start", "end", "text", "kind", "norm")))]
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
    claims: dict[int, dict[str, list]],
    incidents: dict[int, dict[str, list]],
    version: str,
) -> None:
    """The incidents of the stored documents and their links to the claims that count them."""
    fields = [f for f in Incident._meta.concrete_fields if not f.primary_key]
    made: list[tuple[int, IncidentValue]] = []
    rows: list[tuple] = []
    for i, doc in stored.items():
        got = incidents.get(i, {})
        for values in zip(*got.values()):
            inc = obj_of(IncidentValue, dict(zip(got, values)))
            rows.append((len(rows), *_prepared(incident_row(doc, inc, version), fields)))
            made.append((i, inc))
    ids = sorted(i for (i,) in _insert(Incident, [f.column for f in fields], rows, returning="id"))
    links: list[tuple] = []
    for incident_id, (i, inc) in zip(ids, made):
        spans = list(zip(claims.get(i, {}).get("start", []), claims.get(i, {}).get("end", [])))
        by_span = {span: c.id for span, c in zip(spans, said[i])}
        links += [
            (len(links), incident_id, by_span[spans[k]]) for k in inc.claims if k < len(spans) and spans[k] in by_span
        ]
    _insert(Incident.claims.through, ["incident_id", "claim_id"], links)


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


def _insert(model: Any, columns: list[str], rows: list[tuple], tail: str = "", returning: str = "") -> list[tuple]:
    """Insert `rows` (each its place, then `columns`) into `model`'s table in their order, in one
    statement from a temporary staging table; the `returning` columns of the rows inserted."""
    if not rows:
        return []
    q = connection.ops.quote_name
    table = model._meta.db_table
    stage = f"tallybook_stage_{table}"
    names = ", ".join(q(c) for c in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE {stage} AS SELECT 0 AS ord, {names} FROM {table} WHERE 1 = 0")
        _fill(cursor, stage, ["ord", *columns], rows)
        returned = f"RETURNING {returning}" if returning else ""
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM {stage} WHERE 1 = 1 ORDER BY ord {tail} {returned}"
        )
        out = cursor.fetchall() if returning else []
        cursor.execute(f"DROP TABLE {stage}")
    return out


def _fill(cursor: Any, stage: str, columns: list[str], rows: list[tuple]) -> None:
    """Put `rows` into the staging table: PostgreSQL by COPY, SQLite by executemany."""
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {stage} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        cursor.executemany(f"INSERT INTO {stage} ({names}) VALUES ({', '.join(['%s'] * len(columns))})", rows)
