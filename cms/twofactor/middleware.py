"""Hold a password-only session at the door until its second factor is verified.

Needs `django_otp.middleware.OTPMiddleware` before it. With
`UNDERSIGN_ADMIN_REQUIRE_2FA` on, a signed-in user who has not verified a code is
sent from every admin URL to set up or verify, and counts as anonymous everywhere
else (so a password alone opens no private page or document either).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponseBase, HttpResponseRedirect
from django.urls import reverse

from cms.twofactor.steps import step_url

# Reachable before verification: the two steps, signing out, and what the
# admin's own page furniture loads on them.
OPEN_URL_NAMES = (
    "undersign_2fa_setup",
    "undersign_2fa_verify",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
)


def required() -> bool:
    """Return `True` if the site enforces two-factor sign-in."""
    return bool(getattr(settings, "UNDERSIGN_ADMIN_REQUIRE_2FA", False))


class AdminTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        # Without a session cookie no one is signed in, and the session is left
        # untouched: public replies then do not vary on Cookie, so caches keep them.
        if not required() or settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return self.get_response(request)
        path = request.path_info
        if not path.startswith(reverse("wagtailadmin_home")):
            request.user = AnonymousUser()
            return self.get_response(request)
        if path in {reverse(name) for name in OPEN_URL_NAMES}:
            return self.get_response(request)
        # Only a page view is worth coming back to; a POST is not replayed.
        next_url = request.get_full_path() if request.method == "GET" else ""
        return HttpResponseRedirect(step_url(request, next_url))
