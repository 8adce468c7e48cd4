"""Claims: the filtered, sorted, paged table, its CSV export, and one claim with its history."""
from __future__ import annotations

import csv

from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render

from tallybook.ledger import query
from tallybook.ledger.history import history_of
from tallybook.ledger.models import STATUSES, Claim

from .. import filters, labels
from ..decisions import known_measures
from ..roles import can_review
from .common import page_of, querystring

CONTEXT = 300  # characters of text either side of the sentence, at most, ending at a word boundary
UNITS = ("percent", "person", "USD", "EUR", "GBP", "RUB", "km", "day", "month", "year")


def claim_list(request):
    p = filters.ClaimParams.from_query(request.GET)
    params = p.as_dict()
    try:
        page, error = page_of(filters.claims(p), request.GET.get("page")), None
    except filters.ParamError as e:
        page, error = page_of(Claim.objects.none(), None), str(e)
    ctx = {"page": page, "params": params, "qs": querystring(params, page=None), "error": error,
           "export_qs": querystring(params), "hedges": labels.hedge_choices(), "statuses": STATUSES,
           "sorts": list(filters.SORTS), "measures": labels.measure_choices(query.measures_in_use())}
    template = "web/claims/_table.html" if request.headers.get("HX-Request") else "web/claims/list.html"
    return render(request, template, ctx, status=400 if error else 200)


def claim_export(request):
    """The claims of the same view as CSV, every ledger field, streamed."""
    try:
        qs = filters.claims(filters.ClaimParams.from_query(request.GET))
    except filters.ParamError as e:
        return HttpResponseBadRequest(str(e), content_type="text/plain; charset=utf-8")

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


def context_before(text: str, start: int, size: int = CONTEXT) -> str:
    """Up to `size` characters before `start`, beginning at a word ("…" first when cut)."""
    if start <= size:
        return text[:start]
    piece = text[start - size:start]
    if not text[start - size - 1].isspace():
        cut = min((piece.find(c) for c in " \n\t" if c in piece), default=-1)
        piece = piece[cut + 1:] if cut >= 0 else ""
    return "…" + piece.lstrip()


def context_after(text: str, end: int, size: int = CONTEXT) -> str:
    """Up to `size` characters after `end`, ending at a word ("…" last when cut)."""
    if end + size >= len(text):
        return text[end:]
    piece = text[end:end + size]
    if not text[end + size].isspace():
        cut = max(piece.rfind(c) for c in " \n\t")
        piece = piece[:cut] if cut >= 0 else ""
    return piece.rstrip() + "…"


def claim_detail(request, claim_id: int):
    claim = get_object_or_404(Claim.objects.select_related("document"), id=claim_id)
    text = claim.document.text
    s, e = claim.sentence_start, claim.sentence_end
    ctx = {
        "claim": claim, "doc": claim.document,
        "before": context_before(text, s), "after": context_after(text, e),
        "sentence_before": text[s:claim.start], "span": text[claim.start:claim.end],
        "sentence_after": text[claim.end:e],
        "history": history_of(claim),
        "can_review": can_review(request.user), "hedges": labels.hedge_choices(),
        "measures": labels.measure_choices(known_measures()), "units": UNITS,
    }
    return render(request, "web/claims/detail.html", ctx)

