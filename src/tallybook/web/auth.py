"""Every page needs a logged-in user; the API answers 401 itself (token or session)."""
from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.utils.translation import get_language_from_path

OPEN_PREFIXES = ("/accounts/login/", "/static/", "/api/")


class LoginRequiredMiddleware:
    """Redirect anonymous requests to the login page, except the login page, static files and the API."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.user.is_authenticated and not _open(request.path_info):
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return self.get_response(request)


def _open(path: str) -> bool:
    lang = get_language_from_path(path)
    if lang and path.startswith(f"/{lang}/"):
        path = path[len(lang) + 1:]
    return path.startswith(OPEN_PREFIXES)
