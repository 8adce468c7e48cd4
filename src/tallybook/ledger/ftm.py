"""The ledger as FollowTheMoney entities for Aleph (the `followthemoney` package's schemata, its
values cleaned and each entity validated by it): sources as Person, Organization or PublicBody
(a person's organisation as a Membership, a unit's body as `parent`), documents as Article,
figures as Documentation linking a document to the source it puts the figure on (a Note on the
document when the figure has no source). One entity a line: {"id", "schema", "properties"}."""

from __future__ import annotations

from collections.abc import Iterator

from .models import Claim, Document, Source

SCHEMATA = {"person": "Person", "org": "Organization", "outlet": "Organization", "government": "PublicBody"}
PREFIX = "tallybook"


def _id(kind: str, *ids: object) -> str:
    return "-".join([PREFIX, kind, *map(str, ids)])


Value = str | list[str] | None


def _entity(schema: str, entity_id: str, **props: Value) -> dict:
    """A FtM entity of `schema` with `props` (a list for several values), cleaned and validated."""
    from followthemoney import model

    proxy = model.make_entity(schema)
    proxy.id = entity_id
    for prop, values in props.items():
        for value in values if isinstance(values, list) else [values]:
            if value:
                proxy.add(prop, value, quiet=False)
    data = proxy.to_dict()
    model.schemata[schema].validate(data)  # type: ignore[arg-type]  # raises InvalidData naming the property
    return {"id": data["id"], "schema": data["schema"], "properties": data["properties"]}


def source_entities() -> Iterator[dict]:
    """Each Source as Person, Organization or PublicBody; a person's organisation as a Membership."""
    for s in Source.objects.prefetch_related("names").order_by("id"):
        aliases = sorted({n.name for n in s.names.all()} - {s.name})
        props: dict[str, Value] = {"name": s.name, "alias": aliases}
        if s.kind == "person":
            props["position"] = s.role
        elif s.parent_id:
            props["parent"] = _id("source", s.parent_id)
        yield _entity(SCHEMATA.get(s.kind, "Organization"), _id("source", s.id), **props)
        if s.kind == "person" and s.org_id:
            member = _id("member", s.id, s.org_id)
            yield _entity(
                "Membership", member, member=_id("source", s.id), organization=_id("source", s.org_id), role=s.role
            )


def document_entities(ids: set[int] | None = None) -> Iterator[dict]:
    """Each document (those of `ids` if given) as an Article with its text."""
    qs = Document.objects.order_by("id")
    if ids is not None:
        qs = qs.filter(id__in=ids)
    for d in qs.iterator(chunk_size=200):
        yield _entity(
            "Article",
            _id("document", d.id),
            title=d.title or str(d),
            author=d.author,
            publishedAt=d.published_on.isoformat() if d.published_on else None,
            sourceUrl=d.url if d.url and d.url.startswith(("http://", "https://")) else None,
            fileName=d.source,
            language=d.lang,
            bodyText=d.text,
        )


def figure_entity(c: Claim, source_of: dict[str, int]) -> dict:
    """One claim: a Documentation of its document and its source, else a Note on its document."""
    figure = f"{c.text} = {c.value:g}" + (f"–{c.value_max:g}" if c.value_max is not None else "")
    described = f"{figure} ({c.hedge}{', ' + c.measure if c.measure else ''}; {c.status})"
    when = (c.time_ref or "")[:10] or (c.published_on.isoformat() if c.published_on else None)
    source = source_of.get(c.speaker_id or "")
    document = _id("document", c.document_id)
    if source is None:
        return _entity("Note", _id("claim", c.id), entity=document, name=figure, description=described)
    return _entity(
        "Documentation",
        _id("claim", c.id),
        document=document,
        entity=_id("source", source),
        role="figure",
        summary=c.sentence_text,
        description=described,
        date=when,
    )


def ftm_entities(reviewed_only: bool = False) -> Iterator[dict]:
    """Sources, then the documents their figures are in, then the figures (rejected ones left out)."""
    from .models import SourceKey

    claims = Claim.objects.exclude(status="rejected")
    if reviewed_only:
        claims = claims.filter(status__in=("accepted", "corrected"))
    yield from source_entities()
    yield from document_entities(set(claims.values_list("document_id", flat=True)))
    source_of = dict(SourceKey.objects.values_list("key", "source_id"))
    for c in claims.order_by("id").iterator(chunk_size=2000):
        yield figure_entity(c, source_of)
