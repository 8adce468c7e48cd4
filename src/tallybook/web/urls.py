"""The URLs: pages (English at /, Russian under /ru/), the API under /api/, admin under /admin/."""

from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.i18n import set_language

from . import admin as _registered  # noqa: F401  (model admins; admin autodiscovery is off)
from .api import api
from .views import (
    adding,
    claims,
    documents,
    exports,
    incidents,
    measures,
    overview,
    review,
    sources,
    speakers,
    teamwork,
)

urlpatterns = [
    path("api/", api.urls),
    path("i18n/setlang/", set_language, name="set_language"),
]
urlpatterns += i18n_patterns(
    path("", overview.overview, name="overview"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("documents/", documents.document_list, name="documents"),
    path("documents/add/", adding.add_documents, name="add_documents"),
    path("documents/<int:doc_id>/", documents.document_detail, name="document"),
    path("documents/<int:doc_id>/versions/<int:version_id>/", documents.document_version, name="document_version"),
    path("claims/", claims.claim_list, name="claims"),
    path("claims/export.csv", exports.export, {"what": "claims", "fmt": "csv"}, name="claims_export"),
    path("incidents/", incidents.incident_list, name="incidents"),
    path("incidents/map/", incidents.incident_map, name="incident_map"),
    path("incidents/acled-style.csv", incidents.incident_acled, name="incidents_acled"),
    path("incidents/incidents.geojson", incidents.incident_geojson, name="incidents_geojson"),
    path("incidents/<int:incident_id>/", incidents.incident_detail, name="incident"),
    path("incidents/<int:incident_id>/review/", incidents.incident_review, name="review_incident"),
    path("<str:what>/export.<str:fmt>", exports.export, name="export"),
    path("claims/<int:claim_id>/", claims.claim_detail, name="claim"),
    path("claims/<int:claim_id>/review/", review.review, name="review_claim"),
    path("speakers/", speakers.speaker_list, name="speakers"),
    path("speakers/<path:name>/", speakers.speaker_detail, name="speaker"),
    path("sources/<int:source_id>/", speakers.source_detail, name="source"),
    path("sources/<int:source_id>/correct/", sources.correct, name="correct_source"),
    path("measures/", measures.measure_list, name="measures"),
    path("measures/<path:measure>/data.json", measures.measure_data, name="measure_data"),  # any id reverses
    path("measures/<path:measure>/timeline.csv", measures.measure_csv, name="measure_csv"),
    path("measures/<path:measure>/", measures.measure_detail, name="measure"),
    path("conflicts/", measures.conflict_list, name="conflicts"),
    path("review/", review.queue, name="review"),
    path("review/bulk/", teamwork.bulk_accept, name="bulk_accept"),
    path("claims/<int:claim_id>/undo/", teamwork.undo, name="undo_review"),
    path("claims/<int:claim_id>/comment/", teamwork.comment, name="comment"),
    path("claims/<int:claim_id>/assign/", teamwork.assign, name="assign"),
    path("changes/", teamwork.recent_changes, name="changes"),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
