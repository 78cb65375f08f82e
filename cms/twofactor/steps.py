"""Where an admin user who is not verified yet must go: set up, or verify."""

from __future__ import annotations

from urllib.parse import urlencode

import django_otp
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def step_url(request: HttpRequest, next_url: str = "") -> str:
    """Return the URL of the user's next step: verify with a device, else set up."""
    confirmed = django_otp.user_has_device(request.user, confirmed=True)
    url = reverse("undersign_2fa_verify" if confirmed else "undersign_2fa_setup")
    return f"{url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}" if next_url else url


def safe_next(request: HttpRequest) -> str:
    """Return the `next` URL asked for if it stays on this site, else the admin."""
    wanted = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(
        REDIRECT_FIELD_NAME, ""
    )
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("wagtailadmin_home")
