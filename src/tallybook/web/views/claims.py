"""Claims: the filtered, sorted, paged table with its facets, and one claim with its history."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tallybook.extraction.attribution.explain import explanation
from tallybook.ledger import query
from tallybook.ledger.history import history_of
from tallybook.ledger.models import STATUSES, Assignment, Claim

from .. import filters, labels
from ..decisions import known_measures
from ..facets import facets
from ..roles import can_review
from .common import page_of, querystring
from .teamwork import reviewers

CONTEXT = 300  # characters of text either side of the sentence, at most, ending at a word boundary
UNITS = ("percent", "person", "USD", "EUR", "GBP", "RUB", "km", "day", "month", "year")


def claim_list(request):
    p = filters.ClaimParams.from_query(request.GET)
    params = p.as_dict()
    try:
        qs, error = filters.claims(p), None
    except filters.ParamError as e:
        qs, error = Claim.objects.none(), str(e)
    page = page_of(qs, request.GET.get("page") if not error else None)
    ctx = {
        "page": page,
        "params": params,
        "qs": querystring(params, page=None),
        "error": error,
        "export_qs": querystring(params),
        "hedges": labels.hedge_choices(),
        "sorts": [(s, labels.SORTS.get(s, s)) for s in filters.SORTS],
        "statuses": [(s, labels.STATUSES[s]) for s in STATUSES],
        "measures": labels.measure_choices(query.measures_in_use()),
        "columns": sort_links(params),
        "facets": facets(qs, params) if not error else [],
    }
    template = "web/claims/_table.html" if request.headers.get("HX-Request") else "web/claims/list.html"
    return render(request, template, ctx, status=400 if error else 200)


SORTABLE = [
    ("text", _("Claim"), None),
    ("value", _("Value"), "value"),
    ("hedge", _("Hedge"), None),
    ("counted", _("Counted"), None),
    ("speaker", _("Speaker"), "speaker"),
    ("measure", _("Measure"), "measure"),
    ("source", _("Source"), "published"),
    ("status", _("Status"), None),
]


def sort_links(params: dict) -> list[dict]:
    """The table's column headers: each sortable one a link that sorts by it, and the other way
    round when it already does; `order` is "asc"/"desc" for the column sorted by."""
    current = params.get("sort", "")
    out = []
    for key, title, sort in SORTABLE:
        order = None
        if sort and current.lstrip("-") == sort:
            order = "desc" if current.startswith("-") else "asc"
        elif sort == "published" and not current:
            order = "desc"  # the default: newest first
        nxt = None if sort is None else (sort if order == "desc" else f"-{sort}")
        out.append(
            {
                "key": key,
                "title": title,
                "order": order,
                "qs": None if nxt is None else querystring(params, sort=nxt, page=None),
            }
        )
    return out


def context_before(text: str, start: int, size: int = CONTEXT) -> str:
    """Up to `size` characters before `start`, beginning at a word ("…" first when cut)."""
    if start <= size:
        return text[:start]
    piece = text[start - size : start]
    if not text[start - size - 1].isspace():
        cut = min((piece.find(c) for c in " \n\t" if c in piece), default=-1)
        piece = piece[cut + 1 :] if cut >= 0 else ""
    return "…" + piece.lstrip()


def context_after(text: str, end: int, size: int = CONTEXT) -> str:
    """Up to `size` characters after `end`, ending at a word ("…" last when cut)."""
    if end + size >= len(text):
        return text[end:]
    piece = text[end : end + size]
    if not text[end + size].isspace():
        cut = max(piece.rfind(c) for c in " \n\t")
        piece = piece[:cut] if cut >= 0 else ""
    return piece.rstrip() + "…"


def claim_detail(request, claim_id: int):
    claim = get_object_or_404(Claim.objects.select_related("document"), id=claim_id)
    text = claim.document.text
    s, e = claim.sentence_start, claim.sentence_end
    ctx = {
        "claim": claim,
        "doc": claim.document,
        "before": context_before(text, s),
        "after": context_after(text, e),
        "sentence_before": text[s : claim.start],
        "span": text[claim.start : claim.end],
        "sentence_after": text[claim.end : e],
        "history": history_of(claim),
        "why": why(claim),
        "can_review": can_review(request.user),
        "hedges": labels.hedge_choices(),
        "measures": labels.measure_choices(known_measures()),
        "units": UNITS,
        "decision": request.GET.get("decision")
        if request.GET.get("decision") in ("accept", "correct", "reject")
        else "",
        "comments": claim.comments.order_by("created", "id"),
        "assignment": Assignment.objects.filter(claim=claim).select_related("user").first(),
        "reviewers": reviewers() if can_review(request.user) else [],
        "can_undo": claim.reviews.exists(),
        "incidents": claim.incidents.order_by("start", "id"),  # those this figure counts
    }
    return render(request, "web/claims/detail.html", ctx)


def why(claim) -> str:
    """The tooltip saying why the figure is on its speaker: the rule's own description in English,
    the rule's translated name and its words in another language."""
    if (get_language() or "en").startswith("en"):
        return explanation(claim.speaker, claim.rule, claim.cue, claim.via)
    parts = [str(labels.RULES.get(claim.rule, claim.rule or "—"))]
    if claim.cue:
        parts.append(f"“{claim.cue}”")
    if claim.via:
        parts.append(f"← {claim.via}")
    return " · ".join(parts)
