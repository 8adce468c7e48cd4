"""Speakers and organisations: who is quoted how often, and each one's claims over time."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from django.shortcuts import render

from tallybook.ledger import query, sources
from tallybook.ledger.models import Claim

from .common import page_of


def speaker_list(request):
    found = query.speakers(Claim.objects.all())
    people = [s for s in found if s.kind == "person"]
    orgs = [s for s in found if s.kind == "org"]
    return render(request, "web/speakers/list.html", {"people": people[:500], "orgs": orgs[:500]})


def speaker_detail(request, name: str):
    source = sources.named(name)
    people = request.GET.get("people") == "1"
    if source is not None:  # every claim under any of its names (a body's units' too; its people's if asked)
        qs = sources.claims_of(source, with_people=people)
        also = [n for n in sources.names_seen(source) if n != source.name]
        name, as_org = source.name, source.kind != "person"
    else:
        names = query.names_of_person(name)  # the same person in either script
        qs = Claim.objects.filter(Q(speaker__in=names) | Q(speaker_org=name))
        also, as_org = [n for n in names if n != name], qs.filter(speaker_org=name).exists()
    qs = qs.select_related("document").order_by("published_on", "document_id", "start")
    if not qs.exists():
        raise Http404("no claims by this speaker")
    return render(
        request,
        "web/speakers/detail.html",
        {
            "name": name,
            "also": also,
            "page": page_of(qs, request.GET.get("page")),
            "as_org": as_org,
            "people": people,
            "has_people": source is not None and source.people.exists(),
        },
    )
