"""Protections every response gets: requests holding NUL refused alike on both backends, and a
Content-Security-Policy that lets only the app's own (vendored) scripts run."""

from __future__ import annotations

import re

from django.http import HttpResponse

# Scripts and styles from this server only (htmx, uPlot, ninja's Swagger UI are all vendored);
# inline style attributes stay allowed (uPlot and the admin set some), inline scripts do not.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000", re.IGNORECASE)  # "\u0000" in a JSON string


def nul_in(request) -> str | None:
    """Where a request holds a NUL character (path, a parameter, the form, a JSON body), or None."""
    if "\x00" in request.path_info:
        return "the path"
    for name, values in request.GET.lists():
        if "\x00" in name or any("\x00" in v for v in values):
            return f"the parameter {name.replace(chr(0), '')!r}"
    if request.method in ("POST", "PUT", "PATCH"):
        body = request.body
        if b"\x00" in body or JSON_NUL.search(body):
            return "the request body"
    return None


class RequestGuardMiddleware:
    """400 for a NUL character anywhere in the request: PostgreSQL cannot store one (500 there, stored on SQLite)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        where = nul_in(request)
        if where:
            return HttpResponse(
                f"Bad request: {where} holds a NUL character (\\x00)",
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    """Send the Content-Security-Policy header on every response that has none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        return response
