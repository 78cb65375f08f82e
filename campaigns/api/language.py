"""Which language a request asks for."""

from __future__ import annotations

from django.http import HttpResponseBase
from django.utils import translation
from django.utils.cache import patch_vary_headers
from rest_framework.request import Request


def supported(code: object) -> str | None:
    """Return the site's language for `code` (e.g. `es-MX` → `es`), else `None`."""
    if not isinstance(code, str) or not code:
        return None
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return None


def requested_language(request: Request) -> str:
    """Return `?lang=` when supported, else the language the middleware activated.

    The middleware reads Accept-Language, so replies then vary on it.
    """
    return supported(request.query_params.get("lang")) or translation.get_language()


def vary_on_language(request: Request, response: HttpResponseBase) -> None:
    """Mark `response` as varying with Accept-Language unless `?lang=` decided."""
    if not supported(request.query_params.get("lang")):
        patch_vary_headers(response, ("Accept-Language",))
