"""Small HTTP helpers the widget's views share."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.gzip import GZipMiddleware
from django.template.response import SimpleTemplateResponse

from campaigns.api.views.base import PLUGIN_URLCONF

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


def not_found(request: HttpRequest) -> Http404:
    """Return a 404 to raise that LocaleMiddleware will not turn into a redirect.

    Judged against the site's URLconf, Wagtail's catch-all page route under a
    language prefix matches any path; judged against the plugin's, it does not.
    """
    judge_404_by_plugin(request)
    return Http404()


def judge_404_by_plugin(request: HttpRequest) -> None:
    """Make LocaleMiddleware judge this request's 404 by the plugin's URLconf."""
    request.urlconf = PLUGIN_URLCONF  # type: ignore[attr-defined]  # Django reads it


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


_GZIP = GZipMiddleware(lambda request: HttpResponse())


def compressed_reads(view: View) -> View:
    """Gzip `view`'s replies to GET and HEAD when the client accepts it.

    For replies that hold no secret of the person asking next to input someone
    else could choose (BREACH). The widget's reads qualify: the script, the
    setup answer and the inline fragment hold nothing secret, and the embed
    page's only secret-looking value, its form token, is given to anyone who
    loads the page and is bound to no cookie or person, so guessing it through
    compressed sizes wins nothing a plain GET does not. Replies to POSTs (which
    re-render what a signer typed) are never compressed.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        if isinstance(response, SimpleTemplateResponse):
            response.render()  # DRF's replies are rendered late; compress the result
        if request.method in {"GET", "HEAD"}:
            return _GZIP.process_response(request, response)
        return response

    return wrapper  # type: ignore[return-value]  # same signature as `view`
