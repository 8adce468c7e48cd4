"""The overview: counts, newest documents, each measure with a small trend."""

from __future__ import annotations

from django.db.models import Count, F
from django.shortcuts import render

from tallybook.ledger.models import Claim, Document, Entity

from .measures import measure_summaries


def overview(request):
    counts = {
        "documents": Document.objects.count(),
        "claims": Claim.objects.count(),
        "new": Claim.objects.filter(status="new").count(),
        "speakers": Entity.objects.count(),
    }
    by_status = dict(Claim.objects.values_list("status").annotate(n=Count("id")))
    newest = (
        Document.objects.defer("text", "pages")
        .annotate(n_claims=Count("claims"))
        .order_by(F("published_on").desc(nulls_last=True), "-id")[:10]
    )  # by publication date
    return render(
        request,
        "web/overview.html",
        {"counts": counts, "by_status": by_status, "newest": newest, "measures": measure_summaries()},
    )
