"""Documents: a filtered list, and one document with every claim marked in its text."""

from __future__ import annotations

from pathlib import PurePath

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from tallybook.ledger.models import ENTITY_KINDS, Document, DocumentVersion, Entity

from .. import filters
from ..roles import can_review
from .common import page_of, querystring


def document_list(request):
    params = filters.ClaimParams.from_query(request.GET).as_dict()
    try:
        page, error = page_of(filters.documents(request.GET), request.GET.get("page")), None
    except filters.ParamError as e:
        page, error = page_of(Document.objects.none(), None), str(e)
    return render(
        request,
        "web/documents/list.html",
        {
            "page": page,
            "params": params,
            "qs": querystring(params, page=None),
            "error": error,
            "can_add": can_review(request.user),
        },
        status=400 if error else 200,
    )


def document_detail(request, doc_id: int):
    doc = get_object_or_404(Document, id=doc_id)
    claims = list(doc.claims.order_by("start", "id"))
    named = Entity.objects.filter(mentions__document=doc).distinct().order_by("name")
    return render(
        request,
        "web/documents/detail.html",
        {
            "doc": doc,
            "claims": claims,
            "marked": marked_text(doc.text, claims),
            "file": file_name(doc.source),
            "versions": doc.versions.defer("text").order_by("-replaced", "-id"),
            "named": {kind: [e for e in named if e.kind == kind] for kind in ENTITY_KINDS},
            "incidents": doc.incidents.count(),
        },
    )


def document_version(request, doc_id: int, version_id: int):
    """An earlier text of a document, as it was before a newer copy replaced it."""
    version = get_object_or_404(DocumentVersion.objects.select_related("document"), id=version_id, document_id=doc_id)
    return render(
        request,
        "web/documents/version.html",
        {"doc": version.document, "version": version, "file": file_name(version.source)},
    )


def file_name(source: str) -> str:
    """What the page shows of where a document was read from: a URL as it is, a file by its name
    alone (the reader's local folders are nobody else's business)."""
    return source if "://" in source else PurePath(source).name


def claim_title(c) -> str:
    """A claim's fields on one line each, for the mark's title (hover) and its focus card."""
    value = f"{c.value:g}" + (f"–{c.value_max:g}" if c.value_max is not None else "")
    rows = [
        ("value", value),
        ("hedge", c.hedge),
        ("counted", c.counted),
        ("speaker", c.speaker),
        ("org", c.speaker_org),
        ("measure", c.measure),
        ("status", c.status),
    ]
    return "\n".join(f"{k}: {v}" for k, v in rows if v)


def marked_text(text: str, claims) -> SafeString:
    """The text, escaped, with each claim's span inside <mark class="claim" ...>; overlaps are skipped."""
    parts, pos = [], 0
    for c in claims:
        if c.start < pos or c.end > len(text) or c.orphaned:
            continue
        parts.append(format_html("{}", text[pos : c.start]))
        parts.append(
            format_html(
                '<mark class="claim status-{}" data-claim-id="{}" tabindex="0" title="{}"><a href="{}">{}</a></mark>',
                c.status,
                c.id,
                claim_title(c),
                reverse("claim", args=[c.id]),
                text[c.start : c.end],
            )
        )
        pos = c.end
    parts.append(format_html("{}", text[pos:]))
    return format_html_join("", "{}", ((p,) for p in parts))
