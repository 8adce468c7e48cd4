"""Measures: each one's claims as a timeline (value against date, a series per speaker), each
source's latest figure, the conflicts and each figure's origin with its echoes."""

from __future__ import annotations

import csv
from collections import defaultdict

from django.db.models import Count
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render

from tallybook.figures import conflicts, latest_by_source, origins
from tallybook.ledger.figures import entity_names, figures
from tallybook.ledger.models import Claim

from .common import interval

TREND_POINTS = 12


def measure_summaries() -> list[dict]:
    """Each measure with its number of claims and its last values by date (the small trend)."""
    rows = (
        Claim.objects.exclude(measure__isnull=True)
        .exclude(measure="")
        .exclude(status="rejected")
        .values("measure")
        .annotate(n=Count("id"))
        .order_by("measure")
    )
    out = []
    for row in rows:
        points = list(  # newest first
            Claim.objects.filter(measure=row["measure"], published_on__isnull=False)
            .exclude(status="rejected")
            .order_by("-published_on", "-id")
            .values_list("value", "unit")[:TREND_POINTS]
        )
        values = [value for value, _ in reversed(points)]
        out.append(
            {
                "measure": row["measure"],
                "n": row["n"],
                "trend": _sparkline(values),
                "last": values[-1] if values else None,
                "unit": points[0][1] if points else None,
            }
        )
    return out


def _sparkline(values: list[float], width: int = 100, height: int = 24) -> str:
    """SVG polyline points for `values` in a width × height box ("" for fewer than two)."""
    if len(values) < 2:
        return ""
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1
    step = width / (len(values) - 1)
    return " ".join(f"{i * step:.1f},{height - (v - lo) / span * height:.1f}" for i, v in enumerate(values))


def measure_list(request):
    return render(request, "web/measures/list.html", {"measures": measure_summaries()})


def _claims(measure: str):
    qs = (
        Claim.objects.filter(measure=measure, published_on__isnull=False)
        .exclude(status="rejected")
        .select_related("document")
        .order_by("published_on", "id")
    )
    return qs


def measure_detail(request, measure: str):
    if not Claim.objects.filter(measure=measure).exists():
        raise Http404("no such measure")
    qs = _claims(measure)
    figs = [f for f in figures(measure) if f.measure == measure]
    latest = sorted(latest_by_source(figs).items(), key=lambda kv: kv[0])
    return render(
        request,
        "web/measures/detail.html",
        {
            "measure": measure,
            "n_points": qs.count(),
            "claims": qs[:200],
            "latest": latest,
            "conflicts": conflicts(figs),
            "origins": [o for o in origins(figs) if o.echoes],
        },
    )


def measure_csv(request, measure: str):
    """The timeline as CSV: one row per dated claim (date, source, speaker, value, interval, hedge, claim id)."""
    if not Claim.objects.filter(measure=measure).exists():
        raise Http404("no such measure")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{measure}.csv"'
    out = csv.writer(response)
    out.writerow(
        ["date", "time_ref", "speaker", "value", "value_max", "hedge", "lo", "hi", "unit", "source", "claim_id"]
        + ["speaker_id", "entity", "via"]
    )
    names = entity_names()
    for c in _claims(measure).iterator(chunk_size=2000):
        lo, hi = interval(c.value, c.value_max, c.hedge)
        out.writerow(
            [
                c.document.published_on.isoformat(),
                c.time_ref or "",
                c.speaker or c.speaker_org or "",
                c.value,
                "" if c.value_max is None else c.value_max,
                c.hedge,
                lo,
                hi,
                c.unit or "",
                str(c.document),
                c.id,
                c.speaker_id or "",
                names.get(c.speaker_id or "", ""),
                c.via or "",
            ]
        )
    return response


def measure_data(request, measure: str):
    """{"measure", "series": [{"name", "speaker_ids", "points": [{"date", "value", "lo", "hi", "hedge",
    "id", "speaker"}]}]}: one series per source entity (its Source, however each claim wrote it)."""
    if not Claim.objects.filter(measure=measure).exists():
        raise Http404("no such measure")
    names = entity_names()
    series: dict[str, list] = defaultdict(list)
    keys: dict[str, set] = defaultdict(set)
    for c in _claims(measure).iterator(chunk_size=2000):
        lo, hi = interval(c.value, c.value_max, c.hedge)
        name = names.get(c.speaker_id or "") or c.speaker or c.speaker_org or "—"
        if c.speaker_id:
            keys[name].add(c.speaker_id)
        series[name].append(
            {
                "date": c.document.published_on.isoformat(),
                "value": c.value,
                "lo": lo,
                "hi": hi,
                "hedge": c.hedge,
                "id": c.id,
                "speaker": c.speaker or c.speaker_org,
            }
        )
    out = [{"name": k, "speaker_ids": sorted(keys[k]), "points": v} for k, v in sorted(series.items())]
    return JsonResponse({"measure": measure, "series": out})


def conflict_list(request):
    """Every conflict of the ledger, each side linking to its claim (and so its sentence)."""
    return render(request, "web/measures/conflicts.html", {"conflicts": conflicts(figures())})
