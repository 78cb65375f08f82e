"""Small HTTP helpers the widget's views share."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.http import Http404, HttpRequest

from campaigns.api.views.base import PLUGIN_URLCONF


def not_found(request: HttpRequest) -> Http404:
    """Return a 404 to raise that LocaleMiddleware will not turn into a redirect.

    Judged against the site's URLconf, Wagtail's catch-all page route under a
    language prefix matches any path; judged against the plugin's, it does not.
    """
    request.urlconf = PLUGIN_URLCONF  # type: ignore[attr-defined]  # Django reads it
    return Http404()


# A host name or IP (v6 in brackets) and an optional port: nothing else may
# reach a header or a stored source.
HOST = re.compile(r"(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?", re.I)


def origin_of(url: str) -> str:
    """Return `scheme://host[:port]` of an http(s) URL, else an empty string."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if parts.scheme not in {"http", "https"} or not HOST.fullmatch(parts.netloc):
        return ""
    return f"{parts.scheme}://{parts.netloc.lower()}"


def own_origin(request: HttpRequest) -> str:
    """Return this site's origin as the request reached it."""
    return f"{request.scheme}://{request.get_host().lower()}"
