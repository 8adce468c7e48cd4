"""Claims: the filtered, sorted, paged table, its CSV export, and one claim with its history."""
from __future__ import annotations

import csv

from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, render

from tallybook.ledger import query
from tallybook.ledger.history import history_of
from tallybook.ledger.models import STATUSES, Claim

from .. import filters
from ..roles import can_review
from .common import page_of, querystring

CONTEXT = 300  # characters of text either side of the sentence


def claim_list(request):
    p = filters.ClaimParams.from_query(request.GET)
    params = p.as_dict()
    page = page_of(filters.claims(p), request.GET.get("page"))
    ctx = {"page": page, "params": params, "qs": querystring(params, page=None),
           "export_qs": querystring(params), "hedges": filters.HEDGES, "statuses": STATUSES,
           "sorts": list(filters.SORTS), "measures": query.measures_in_use()}
    template = "web/claims/_table.html" if request.headers.get("HX-Request") else "web/claims/list.html"
    return render(request, template, ctx)


def claim_export(request):
    """The claims of the same view as CSV, every ledger field, streamed."""
    qs = filters.claims(filters.ClaimParams.from_query(request.GET))

    class Echo:
        def write(self, value):
            return value

    writer = csv.DictWriter(Echo(), fieldnames=query.CLAIM_FIELDS)

    def rows():
        yield writer.writeheader()
        for c in qs.iterator(chunk_size=2000):
            yield writer.writerow(query.claim_record(c))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="claims.csv"'
    return response


def claim_detail(request, claim_id: int):
    claim = get_object_or_404(Claim.objects.select_related("document"), id=claim_id)
    text = claim.document.text
    s, e = claim.sentence_start, claim.sentence_end
    ctx = {
        "claim": claim, "doc": claim.document,
        "before": text[max(0, s - CONTEXT):s], "after": text[e:e + CONTEXT],
        "sentence_before": text[s:claim.start], "span": text[claim.start:claim.end],
        "sentence_after": text[claim.end:e],
        "history": history_of(claim),
        "can_review": can_review(request.user), "hedges": filters.HEDGES, "measures": query.measures_in_use(),
    }
    return render(request, "web/claims/detail.html", ctx)

