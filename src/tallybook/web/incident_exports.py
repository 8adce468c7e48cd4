"""The incidents' ACLED-style CSV and GeoJSON responses, for the pages and the API alike."""

from __future__ import annotations

from django.http import HttpResponse, HttpResponseBadRequest, StreamingHttpResponse

from tallybook.export.acled import COLUMNS, acled_rows
from tallybook.export.geojson import feature_collection
from tallybook.ledger.incident_query import IncidentParamError, IncidentParams, incident_record, incidents

from .streams import csv_stream as _csv


def _export_rows(request):
    """The view's incidents for an export, in the list's order, a chunk at a time."""
    return incidents(IncidentParams.from_query(request.GET)).iterator(chunk_size=1000)


def incident_acled(request):
    """The view's incidents as ACLED-style CSV (ACLED's column order; UTF-8 with a byte-order mark)."""
    try:
        rows = acled_rows(_export_rows(request))
    except IncidentParamError as e:
        return HttpResponseBadRequest(str(e), content_type="text/plain; charset=utf-8")
    response = StreamingHttpResponse(_csv(rows, COLUMNS), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="incidents-acled-style.csv"'
    return response


MAP_FIELDS = ("id", "type", "text", "place_raw", "place_name", "date", "lat", "lon")  # what a map point shows


def incident_geojson(request) -> HttpResponse:
    """The view's incidents as a GeoJSON FeatureCollection (null geometry where a place has no
    coordinates); `points=1`, for the map: only those with coordinates, with what a point shows."""
    try:
        if request.GET.get("points"):
            placed = incidents(IncidentParams.from_query(request.GET)).filter(lat__isnull=False, lon__isnull=False)
            records = placed.values(*MAP_FIELDS).iterator(chunk_size=2000)
        else:
            records = (incident_record(i) for i in _export_rows(request))
        body = feature_collection(records)
    except IncidentParamError as e:
        return HttpResponseBadRequest(str(e), content_type="text/plain; charset=utf-8")
    response = StreamingHttpResponse(body, content_type="application/geo+json; charset=utf-8")
    if request.GET.get("download"):
        response["Content-Disposition"] = 'attachment; filename="incidents.geojson"'
    return response
