"""The embed form's defences in place of the CSRF cookie.

Inside a cross-site iframe the browser never sends Django's SameSite=Lax CSRF
cookie, so the no-JS form carries a signed, expiring token bound to the campaign,
and the POST must come from a document of this site (our own iframe).
"""

from __future__ import annotations

from django.core import signing
from django.http import HttpRequest

from widget.http import origin_of, own_origin

SALT = "undersign_widget.embed_form"
MAX_AGE = 24 * 60 * 60


def form_token(public_key: str) -> str:
    """Return a token for one campaign's embed form, valid for a day."""
    return signing.dumps(public_key, salt=SALT)


def form_token_valid(token: str, public_key: str) -> bool:
    """Return `True` if `token` was made for `public_key` less than a day ago."""
    try:
        return signing.loads(token, salt=SALT, max_age=MAX_AGE) == public_key
    except signing.BadSignature:
        return False


def posted_from_here(request: HttpRequest) -> bool:
    """Return `True` if the Origin (else the Referer's origin) is this site's."""
    origin = request.headers.get("Origin")
    if origin is None:
        origin = origin_of(request.headers.get("Referer", ""))
    return bool(origin) and origin.rstrip("/").lower() == own_origin(request)
