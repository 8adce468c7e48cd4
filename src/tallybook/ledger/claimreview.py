"""Reviewed claims as schema.org ClaimReview (JSON-LD): the figure's value, interval and hedge as
PropertyValue, and where it first appeared and was echoed (figures.origins)."""

from __future__ import annotations

import math

from ..figures import Figure, Origin, origins
from .figures import figures
from .models import Claim

REVIEWED = ("accepted", "corrected")


def _work(f: Figure) -> dict:
    """A document the figure appears in, as a schema.org CreativeWork."""
    work = {"@type": "CreativeWork", "url": f.doc}
    if f.published:
        work["datePublished"] = f.published.isoformat()
    return work


def _properties(f: Figure) -> list[dict]:
    lo, hi = f.interval
    interval = {"@type": "PropertyValue", "name": "interval", "minValue": lo}
    if not math.isinf(hi):
        interval["maxValue"] = hi
    value = {"@type": "PropertyValue", "name": "value", "value": f.value}
    if f.unit:
        value["unitText"] = f.unit
    return [value, interval, {"@type": "PropertyValue", "name": "hedge", "value": f.hedge}]


def claim_review(c: Claim, f: Figure, chain: Origin | None) -> dict:
    """One reviewed claim as a ClaimReview node."""
    item = {"@type": "Claim", "text": c.sentence_text, "about": _properties(f), "appearance": [_work(f)]}
    if f.speaker:
        item["author"] = {"@type": "Person" if c.speaker_kind == "person" else "Organization", "name": f.speaker}
    if chain:
        item["firstAppearance"] = _work(chain.origin)
        item["appearance"] = [_work(x) for x in (chain.origin, *chain.echoes)]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": c.text,
        "reviewRating": {"@type": "Rating", "alternateName": c.status},
        "author": {"@type": "Organization", "name": "tallybook"},
        "itemReviewed": item,
        "identifier": str(c.id),
    }


def claim_reviews() -> list[dict]:
    """Every accepted or corrected claim of the ledger as ClaimReview JSON-LD."""
    by_id = {f.id: f for f in figures()}
    chain_of = {f.id: o for o in origins(list(by_id.values())) for f in (o.origin, *o.echoes)}
    out = []
    for c in Claim.objects.filter(status__in=REVIEWED).select_related("document").order_by("id"):
        f = by_id.get(c.id) or _figure(c)
        out.append(claim_review(c, f, chain_of.get(c.id)))
    return out


def _figure(c: Claim) -> Figure:
    from .figures import figure_of

    return figure_of(c)
