"""The embed form's defences in place of the CSRF cookie.

Inside a cross-site iframe the browser never sends Django's SameSite=Lax CSRF
cookie, so the no-JS form must carry a genuine, unexpired form token for its
campaign (the same token that times the form against bots), and the POST must
come from a document of this site (our own iframe).
"""

from __future__ import annotations

from django.http import HttpRequest

from campaigns.signing.screening import form_token_issued
from widget.http import origin_of, own_origin


def form_token_valid(token: str, public_key: str) -> bool:
    """Return `True` if `token` is genuine, unexpired and for `public_key`."""
    return form_token_issued(token, public_key) is not None


def posted_from_here(request: HttpRequest) -> bool:
    """Return `True` if the Origin (else the Referer's origin) is this site's."""
    origin = request.headers.get("Origin")
    if origin is None:
        origin = origin_of(request.headers.get("Referer", ""))
    return bool(origin) and origin.rstrip("/").lower() == own_origin(request)
