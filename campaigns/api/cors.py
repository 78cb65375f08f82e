"""Who may call the public API from a browser, decided per request.

Reads are open to every origin, except the partner API: partners pull from their
servers, and a token must never be usable from a page's script. Signing is open
only to the campaign's partners' origins, the site's own origin, or every origin if
the organizer chose so: never a static `*`. CORS hides responses but does not stop
requests, which is why the sign endpoint also refuses anything but JSON (so
browsers must preflight it).
"""

from __future__ import annotations

from typing import Any

from corsheaders.signals import check_request_enabled
from django.dispatch import receiver
from django.http import HttpRequest
from django.urls import Resolver404, ResolverMatch, resolve

from campaigns.api.paths import api_root
from campaigns.api.reads import request_translations
from campaigns.selectors import page_in_language

READ_METHODS = {"GET", "HEAD"}
# What a browser on another site may do with a view (its `browser_access`).
READ = "read"
SIGN = "sign"


def _intended_method(request: HttpRequest) -> str:
    """Return the method a preflight asks about, else the request's own."""
    if request.method == "OPTIONS":
        return request.headers.get("Access-Control-Request-Method", "").upper()
    return request.method or ""


def signing_origin_allowed(
    key: str, origin: str, own_origin: str, request: HttpRequest | None = None
) -> bool:
    """Return `True` if `origin` may sign the campaign with public key or slug `key`
    (looked up once per `request`, shared with the view).
    """
    if origin == own_origin:
        return True
    translations = request_translations(request, key)
    page = page_in_language(translations)
    if page is None:
        return False
    if page.open_to_all_sites:
        return True
    # The partners of every live translation (held with the cached pages).
    links = (
        link
        for translation in translations
        for link in translation.campaign_partners.all()
    )
    return any(origin in link.partner.origins for link in links)


def _api_match(request: HttpRequest) -> ResolverMatch | None:
    """Return the resolved API view of `request`, wherever the API is included."""
    if not request.path_info.startswith(api_root()):
        return None
    try:
        return resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None


@receiver(check_request_enabled)
def allow_public_api(sender: Any, request: HttpRequest, **kwargs: Any) -> bool:
    """Return `True` if the request's origin may read or sign through the API.

    Decided by the view the path resolves to (its `browser_access`), so the
    answer follows the URLconf under any prefix.
    """
    match = _api_match(request)
    if match is None:
        return False
    access = getattr(getattr(match.func, "view_class", None), "browser_access", "")
    if access not in (READ, SIGN):
        return False
    if access == READ:
        return _intended_method(request) in READ_METHODS
    origin = request.headers.get("Origin", "").rstrip("/")
    own_origin = f"{request.scheme}://{request.get_host()}"
    return bool(origin) and signing_origin_allowed(
        match.kwargs["key"], origin, own_origin, request
    )
