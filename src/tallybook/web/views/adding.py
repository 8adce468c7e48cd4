"""Adding documents from the web app: upload files (every format `ingest` reads) or paste URLs;
reviewers only. Each source is read and stored as `tallybook ingest` does it, with the same
one-line reasons for what could not be read."""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from tallybook.ingest import Failure, read_file, read_sources
from tallybook.ingest.formats import SUFFIXES
from tallybook.ingest.web import is_url
from tallybook.ledger.batch import ingest_all

from ..roles import can_review

MAX_FILES = 50
MAX_URLS = 50


def safe_name(name: str) -> str:
    """A file name without folders or odd characters ("../a b.html" → "a_b.html")."""
    base = Path(name.replace("\\", "/")).name
    return re.sub(r"[^\w.\-]+", "_", base).strip("._") or "upload"


def add_documents(request):
    """GET: the form. POST: read the uploaded files and the URLs, store them, show what happened."""
    if not can_review(request.user):
        raise PermissionDenied("reviewers only")
    ctx = {"suffixes": " ".join(sorted(SUFFIXES))}
    if request.method == "POST":
        files = request.FILES.getlist("files")[:MAX_FILES]
        urls = [u.strip() for u in request.POST.get("urls", "").splitlines() if u.strip()][:MAX_URLS]
        with tempfile.TemporaryDirectory(prefix="tallybook-upload-") as tmp:
            summary = ingest_all(list(_uploaded(files, Path(tmp))) + list(_fetched(urls)))
        ctx.update(summary=summary, tried=len(files) + len(urls))
    return render(request, "web/documents/add.html", ctx)


def _fetched(urls: list[str]):
    """The documents of each http(s) URL; anything else is refused (never a path on the server)."""
    for url in urls:
        if is_url(url):
            yield from read_sources([url])
        else:
            yield Failure(url[:80], "not an http(s) URL")


def _uploaded(files, folder: Path):
    """The documents of each uploaded file, named "upload/<file name>" (never the temporary path)."""
    for f in files:
        name = safe_name(f.name)
        path = folder / name
        with path.open("wb") as out:
            for chunk in f.chunks():
                out.write(chunk)
        for item in read_file(path):
            if isinstance(item, Failure):
                yield Failure(name, item.reason)
            else:
                yield replace(item, source=f"upload/{name}")
