"""Speakers and organisations: who is quoted how often, and each one's claims over time."""
from __future__ import annotations

from django.db.models import Count, Max, Min, Q
from django.http import Http404
from django.shortcuts import render

from tallybook.ledger.models import Claim

from .common import page_of


def speaker_list(request):
    people = (Claim.objects.exclude(speaker__isnull=True).exclude(speaker="").values("speaker")
              .annotate(n=Count("id"), first=Min("document__published_on"), last=Max("document__published_on"))
              .order_by("-n", "speaker"))
    orgs = (Claim.objects.exclude(speaker_org__isnull=True).exclude(speaker_org="").values("speaker_org")
            .annotate(n=Count("id"), first=Min("document__published_on"), last=Max("document__published_on"))
            .order_by("-n", "speaker_org"))
    return render(request, "web/speakers/list.html", {"people": people[:500], "orgs": orgs[:500]})


def speaker_detail(request, name: str):
    qs = (Claim.objects.filter(Q(speaker=name) | Q(speaker_org=name)).select_related("document")
          .order_by("document__published_on", "document_id", "start"))
    if not qs.exists():
        raise Http404("no claims by this speaker")
    return render(request, "web/speakers/detail.html",
                  {"name": name, "page": page_of(qs, request.GET.get("page")),
                   "as_org": qs.filter(speaker_org=name).exists()})
