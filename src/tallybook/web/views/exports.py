"""Every list view as a file: CSV (UTF-8 with a byte-order mark, so spreadsheets read Cyrillic
right), JSON and XLSX, of the same filters as the page (`/claims/export.csv?same query`)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from urllib.parse import urlsplit

from django.http import Http404, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse

from tallybook.ledger import export as writers
from tallybook.ledger import query
from tallybook.ledger.incident_query import IncidentParamError

from .. import filters, labels
from ..streams import csv_stream as _csv
from .measures import measure_summaries

CLAIM_EXTRA = ["title", "url", "outlet", "sentence"]  # the source and the sentence, beside every claim


def outlet_of(url: str | None) -> str | None:
    """The outlet a URL names: its host without "www." ("example.org")."""
    host = urlsplit(url).hostname if url and "://" in url else None
    return host[4:] if host and host.startswith("www.") else host


def claim_rows(qs) -> Iterator[dict]:
    """Each claim's record with its document's title, URL, outlet and its sentence."""
    for c in qs.iterator(chunk_size=2000):
        rec = query.claim_record(c)
        doc = c.document
        rec.update(title=doc.title, url=doc.url, outlet=outlet_of(doc.url), sentence=c.sentence_text)
        yield rec


def _claims(request):
    return query.CLAIM_FIELDS + CLAIM_EXTRA, claim_rows(filters.claims(filters.ClaimParams.from_query(request.GET)))


def _queue(request):
    from .review import queue_claims

    return query.CLAIM_FIELDS + CLAIM_EXTRA, claim_rows(queue_claims(request.GET, request.user))


def _documents(request):
    fields = query.DOCUMENT_FIELDS + ["source_note"]
    qs = filters.documents(request.GET)

    return fields, ({**query.document_record(d), "source_note": d.source_note} for d in qs.iterator(chunk_size=500))


def _speakers(request):
    found = query.speakers(filters.claims(filters.ClaimParams.from_query(request.GET)))
    rows = (
        {
            "name": s.name,
            "kind": s.kind,
            "claims": s.claims,
            "first": s.first and s.first.isoformat(),
            "last": s.last and s.last.isoformat(),
            "also": "; ".join(s.also),
        }
        for s in found
    )
    return ["name", "kind", "claims", "first", "last", "also"], rows


def _measures(request):
    rows = (
        {
            "measure": m["measure"],
            "name": labels.measure_name(m["measure"]),
            "claims": m["n"],
            "latest": m["last"],
            "unit": m["unit"] or "",
        }
        for m in measure_summaries()
    )
    return ["measure", "name", "claims", "latest", "unit"], rows


def _incidents(request):
    from tallybook.ledger.incident_query import INCIDENT_FIELDS, IncidentParams, incident_record, incidents

    qs = incidents(IncidentParams.from_query(request.GET))
    return INCIDENT_FIELDS, (incident_record(i) for i in qs.iterator(chunk_size=1000))


LISTS: dict[str, Callable] = {
    "claims": _claims,
    "review": _queue,
    "documents": _documents,
    "speakers": _speakers,
    "measures": _measures,
    "incidents": _incidents,
}
FORMATS = ("csv", "json", "xlsx")


def export(request, what: str, fmt: str):
    """The list `what` in format `fmt`, with the page's filters; 400 for a filter that means nothing."""
    if what not in LISTS or fmt not in FORMATS:
        raise Http404("no such export")
    try:
        fields, rows = LISTS[what](request)
    except (filters.ParamError, IncidentParamError) as e:
        return HttpResponseBadRequest(str(e), content_type="text/plain; charset=utf-8")
    name = f"{what}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(_csv(rows, fields), content_type="text/csv; charset=utf-8")
    elif fmt == "json":
        response = StreamingHttpResponse(_json(rows), content_type="application/json; charset=utf-8")
    else:
        out = io.BytesIO()
        writers.write_xlsx(rows, out, fields, sheet=what)
        response = HttpResponse(
            out.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _json(rows: Iterable[dict]) -> Iterator[str]:
    """A JSON array, one record at a time."""
    yield "["
    for i, rec in enumerate(rows):
        yield ("," if i else "") + "\n" + json.dumps(rec, ensure_ascii=False, default=str)
    yield "\n]\n"
