"""The ledger's claims as `figures.Figure`s: conflicts, origins and echoes over the whole ledger."""

from __future__ import annotations

from django.db.models import Q

from ..figures import Conflict, Figure, Origin, conflicts, origins, pack_facts
from .models import Claim, SourceKey


def figures(measure: str | None = None) -> list[Figure]:
    """Every claim with a measure (one measure and its scoped keys if given), rejected ones left out."""
    qs = Claim.objects.exclude(measure__isnull=True).exclude(measure="").exclude(status="rejected")
    if measure:
        qs = qs.filter(Q(measure=measure) | Q(measure__startswith=f"{measure}@"))
    qs = qs.select_related("document").only(
        "id",
        "value",
        "value_max",
        "hedge",
        "speaker",
        "speaker_org",
        "speaker_id",
        "via",
        "time_ref",
        "measure",
        "sentence_text",
        "lang",
        "unit",
        "published_on",
        "document__source",
        "document__locator",
    )
    names = entity_names()
    return [figure_of(c, names) for c in qs.order_by("published_on", "id").iterator(chunk_size=2000)]


def entity_names() -> dict[str, str]:
    """Each speaker_id → its Source's name (a reviewer's merge or rename shows at once)."""
    return dict(SourceKey.objects.values_list("key", "source__name"))


def figure_of(c: Claim, entities: dict[str, str] | None = None) -> Figure:
    names, cumulative = pack_facts(c.measure, c.sentence_text, c.lang)
    return Figure(
        c.id,
        str(c.document),
        c.published_on,
        c.measure,
        c.value,
        c.value_max,
        c.hedge,
        c.speaker or c.speaker_org,
        c.time_ref,
        names,
        cumulative,
        c.sentence_text,
        c.lang,
        c.unit,
        c.speaker_id,
        (entities or {}).get(c.speaker_id or ""),
        c.via,
    )


def _side(f: Figure) -> dict:
    return {
        "id": f.id,
        "source": f.doc,
        "published": f.published.isoformat() if f.published else None,
        "value": f.value,
        "value_max": f.value_max,
        "hedge": f.hedge,
        "speaker": f.speaker,
        "speaker_id": f.speaker_id,
        "entity": f.entity,
        "via": f.via,
        "interval": [f.interval[0], None if f.interval[1] == float("inf") else f.interval[1]],
        "time": f.when[0] if f.when else None,
        "sentence": f.sentence,
    }


def conflict_record(c: Conflict) -> dict:
    """A conflict as a flat record: its measure, kind and both sides (each with its claim id)."""
    return {"measure": c.measure, "kind": c.kind, "a": _side(c.a), "b": _side(c.b)}


def origin_record(o: Origin) -> dict:
    return {
        "measure": o.measure,
        "origin": _side(o.origin),
        "echoes": [_side(e) for e in o.echoes],
        "relays": [{"by": r.by, "of": r.of, "credited": r.credited, "claim": r.echo.id} for r in o.relays],
    }


def ledger_conflicts(measure: str | None = None) -> list[Conflict]:
    return conflicts(figures(measure))


def ledger_origins(measure: str | None = None) -> list[Origin]:
    return origins(figures(measure))
