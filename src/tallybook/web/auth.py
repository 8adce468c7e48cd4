"""Every page needs a logged-in user with a role; the API answers 401 itself (token or session)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import get_language_from_path

from .roles import can_read

OPEN_PREFIXES = ("/accounts/login/", "/static/", "/api/")
NO_ROLE_PREFIXES = ("/accounts/", "/i18n/", "/admin/")  # logging out, the language, the admin's own checks


class LoginRequiredMiddleware:
    """Redirect anonymous requests to the login page, except the login page, static files and the API."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _open(request.path_info, OPEN_PREFIXES):
            return self.get_response(request)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if not can_read(request.user) and not _open(request.path_info, NO_ROLE_PREFIXES):
            raise PermissionDenied("your account has no role yet: ask an admin to put it in the viewer group")
        return self.get_response(request)


def _open(path: str, prefixes: tuple[str, ...]) -> bool:
    lang = get_language_from_path(path)
    if lang and path.startswith(f"/{lang}/"):
        path = path[len(lang) + 1 :]
    return path.startswith(prefixes)
