"""Reading the ledger: filtered claims and documents, and their records as flat dicts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from django.db import connection
from django.db.models import Count, F, Max, Min, Prefetch, Q, QuerySet

from tallybook.schema import CLAIM_COLUMNS, Column

from . import sources
from .fts import search
from .models import STATUSES, Claim, Document
from .names import person_key

# A ledger claim's record: where it is, the columns of model.Claim (one schema), its review state.
CLAIM_PLACE = (
    Column("id", int),
    Column("document_id", int),
    Column("source", str),
    Column("locator", str),
    Column("published", str, nullable=True),
)
CLAIM_STATE = (Column("status", str, choices=STATUSES), Column("orphaned", bool), Column("extractor_version", str))
CLAIM_RECORD = CLAIM_PLACE + CLAIM_COLUMNS + CLAIM_STATE
CLAIM_FIELDS = [c.name for c in CLAIM_RECORD]
DOCUMENT_FIELDS = [
    "id",
    "source",
    "locator",
    "format",
    "url",
    "title",
    "author",
    "published",
    "lang",
    "chars",
    "claims",
    "content_hash",
    "added",
    "updated",
]

_TYPES = {c.name: c.type_name for c in CLAIM_RECORD} | {"chars": "int", "claims": "int"}


def column_types(fields: list[str]) -> dict[str, str]:
    """Each record field's type ("int", "float", "bool", "str"), for typed exports."""
    return {f: _TYPES.get(f, "str") for f in fields}


@dataclass(frozen=True)
class Filters:
    """What `tallybook claims` / `docs` narrow by; None means no filter."""

    measure: str | None = None
    speaker: str | None = None
    lang: str | None = None
    since: date | None = None
    until: date | None = None
    search: str | None = None


# Each claim's document, fetched for the claims at hand (a page, a chunk) after sorting and
# slicing, without its text: a join would drag every matching document's text through the sort.
WITHOUT_TEXT = Prefetch("document", queryset=Document.objects.defer("text", "pages"))


def claims(f: Filters = Filters()) -> QuerySet:
    """Claims matching `f`, in document then text order; dates are the document's publication date
    (which each claim carries as `published_on`)."""
    qs = _filtered(Claim.objects.prefetch_related(WITHOUT_TEXT), f, claim="", document="")
    return qs.order_by("document_id", "start", "id")


def measures_in_use() -> list[str]:
    """The distinct measures of the ledger's claims, sorted: a walk down the measure index (one
    lookup per measure) rather than a scan of every claim."""
    table = Claim._meta.db_table
    sql = (
        f"WITH RECURSIVE m(v) AS (SELECT MIN(measure) FROM {table} WHERE measure > '' "
        f"UNION ALL SELECT (SELECT MIN(measure) FROM {table} WHERE measure > m.v) FROM m WHERE m.v IS NOT NULL) "
        f"SELECT v FROM m WHERE v IS NOT NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [row[0] for row in cursor.fetchall()]


def documents(f: Filters = Filters()) -> QuerySet:
    """Documents matching `f`; measure and speaker pick documents with such a claim."""
    ids = _filtered(Document.objects.all(), f, claim="claims__", document="").values("id")
    # a subquery keeps the joins of the filters from multiplying the counts below
    return Document.objects.filter(id__in=ids).annotate(n_claims=Count("claims")).order_by("id")


def _filtered(qs: QuerySet, f: Filters, claim: str, document: str) -> QuerySet:
    """`qs` narrowed by `f`; `claim` and `document` are the lookup paths from qs's model to the
    claim and the document ("" for the model itself). Language is the queried model's own."""
    if f.measure:  # a measure and its scoped keys ("raids.detentions" takes "raids.detentions@moskv")
        qs = qs.filter(Q(**{f"{claim}measure": f.measure}) | Q(**{f"{claim}measure__startswith": f"{f.measure}@"}))
    if f.speaker:
        qs = qs.filter(sources.by_speaker(f.speaker, claim) | sources.by_org(f.speaker, claim)).distinct()
    if f.lang:
        qs = qs.filter(lang=f.lang)
    if f.since:
        qs = qs.filter(**{f"{document}published_on__gte": f.since})
    if f.until:
        qs = qs.filter(**{f"{document}published_on__lte": f.until})
    if f.search:
        qs = search(qs, f.search)
    return qs


@dataclass(frozen=True)
class Speaker:
    """Someone figures are put on: a person, or a body (as speaker or as a speaker's organisation)."""

    name: str
    kind: str  # person | org
    claims: int
    first: date | None  # publication dates of the first and last documents
    last: date | None
    also: tuple[str, ...] = ()  # the same person's name in the other script ("Александр Бастрыкин")


def speakers(qs: QuerySet) -> list[Speaker]:
    """The speakers and speakers' organisations of the claims `qs`, most claims first."""

    def counted(rows):
        return rows.annotate(n=Count("id"), first=Min("published_on"), last=Max("published_on"))

    qs = qs.order_by()
    found: dict[tuple[str, str], Speaker] = {}
    for r in counted(qs.exclude(speaker__isnull=True).exclude(speaker="").values("speaker", "speaker_kind")):
        _add(found, Speaker(r["speaker"], r["speaker_kind"] or "person", r["n"], r["first"], r["last"]))
    orgs = qs.exclude(speaker_org__isnull=True).exclude(speaker_org="").exclude(speaker_org=F("speaker"))
    for r in counted(orgs.values("speaker_org")):
        _add(found, Speaker(r["speaker_org"], "org", r["n"], r["first"], r["last"]))
    return sorted(_same_people(found.values()), key=lambda s: (-s.claims, s.name, s.kind))


def names_of_person(name: str) -> list[str]:
    """`name` and every speaker name in the ledger that person_key takes for the same person."""
    key = person_key(name)
    if key is None:
        return [name]
    speakers = Claim.objects.filter(speaker_kind="person").values_list("speaker", flat=True).distinct()
    return sorted({name} | {s for s in speakers if person_key(s) == key})


def _same_people(found) -> list[Speaker]:
    """The names of one Source (ledger/sources.py) as one row, named as the Source is; other
    people of the same person_key as one row, named by the form with the most claims."""
    entity = sources.entity_names()
    groups: dict[object, list[Speaker]] = {}
    for s in found:
        key = entity.get(sources.folded(s.name)) or (person_key(s.name) if s.kind == "person" else None)
        groups.setdefault(key or (s.name, s.kind), []).append(s)
    merged = []
    for key, group in groups.items():
        group.sort(key=lambda s: (-s.claims, s.name))
        if isinstance(key, tuple) and key[0] == "source":  # the Source's own name first
            group.sort(key=lambda s: s.name != key[2])
        first = group[0]
        for other in group[1:]:
            first = _merged(first, other)
        merged.append(replace(first, also=tuple(s.name for s in group[1:])))
    return merged


def _add(found: dict[tuple[str, str], Speaker], s: Speaker) -> None:
    """Merge `s` into `found` (an organisation both speaks and employs speakers)."""
    old = found.get((s.name, s.kind))
    found[(s.name, s.kind)] = s if old is None else _merged(old, s)


def _merged(a: Speaker, b: Speaker) -> Speaker:
    """`a` with `b`'s claims and dates added."""
    dates = [d for d in (a.first, a.last, b.first, b.last) if d]
    return replace(a, claims=a.claims + b.claims, first=min(dates, default=None), last=max(dates, default=None))


def claim_record(c: Claim) -> dict:
    """A claim as a flat dict (CLAIM_FIELDS), with its ledger id and document."""
    rec = {name: getattr(c, name) for name in CLAIM_FIELDS if hasattr(Claim, name) or name == "document_id"}
    rec.update(id=c.id, source=c.document.source, locator=c.document.locator, published=c.document.published)
    return {name: rec[name] for name in CLAIM_FIELDS}


def document_record(d: Document, with_text: bool = False) -> dict:
    """A document as a flat dict (DOCUMENT_FIELDS, and its text when asked)."""
    rec = {name: getattr(d, name) for name in DOCUMENT_FIELDS if name not in ("chars", "claims")}
    rec["chars"] = len(d.text)
    rec["claims"] = getattr(d, "n_claims", None)
    rec["added"] = d.added.isoformat()
    rec["updated"] = d.updated.isoformat()
    rec = {name: rec[name] for name in DOCUMENT_FIELDS}
    if with_text:
        rec["text"] = d.text
    return rec
