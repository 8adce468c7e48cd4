"""Speakers and organisations: who is quoted how often, and each one's claims over time."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from tallybook.ledger import query, sources
from tallybook.ledger.models import Claim, Source

from .. import labels
from ..roles import can_review
from .common import page_of


def speaker_list(request):
    found = query.speakers(Claim.objects.all())
    people = [s for s in found if s.kind == "person"]
    orgs = [s for s in found if s.kind == "org"]
    return render(request, "web/speakers/list.html", {"people": people[:500], "orgs": orgs[:500]})


def speaker_detail(request, name: str):
    source = sources.named(name)
    if source is not None:
        return _source_page(request, source, require_claims=True)
    names = query.names_of_person(name)  # the same person in either script
    qs = Claim.objects.filter(Q(speaker__in=names) | Q(speaker_org=name))
    also, as_org = [n for n in names if n != name], qs.filter(speaker_org=name).exists()
    qs = qs.select_related("document").order_by("published_on", "document_id", "start")
    if not qs.exists():
        raise Http404("no claims by this speaker")
    context = {"name": name, "also": also, "page": page_of(qs, request.GET.get("page")), "as_org": as_org}
    return render(request, "web/speakers/detail.html", context)


def source_detail(request, source_id: int):
    """One Source's page by its id (where a reviewer's correction leads), claims or none."""
    return _source_page(request, get_object_or_404(Source, id=source_id), require_claims=False)


def _source_page(request, source: Source, require_claims: bool):
    """Every claim of `source` under any of its names (a body's units' too; its people's if
    asked), its names, keys and history; reviewers get the correction forms."""
    people = request.GET.get("people") == "1"
    qs = sources.claims_of(source, with_people=people).select_related("document")
    qs = qs.order_by("published_on", "document_id", "start")
    if require_claims and not qs.exists():
        raise Http404("no claims by this speaker")
    return render(
        request,
        "web/speakers/detail.html",
        {
            "name": source.name,
            "also": [n for n in sources.names_seen(source) if n != source.name],
            "page": page_of(qs, request.GET.get("page")),
            "as_org": source.kind != "person",
            "people": people,
            "has_people": source.people.exists(),
            "source": source,
            "keys": sources.keys_with_names(source),
            "history": sources.history(source),
            "source_kinds": list(labels.SOURCE_KINDS.items()),
            "kind_label": labels.SOURCE_KINDS.get(source.kind, source.kind),
            "can_review": can_review(request.user),
        },
    )
