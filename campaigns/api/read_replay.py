"""Public reads replayed from this process's memory, ahead of the middleware stack.

A public read (`Cache-Control: public`, e.g. a campaign or its stats) is the same
for every visitor with the same URL, language and origin, and may lag by
`UNDERSIGN_COUNT_STALENESS` seconds. The first such request runs the whole stack;
its reply, with every header the stack added, is kept in this process for a third
of that window (the count and the body take the other two thirds), and the
requests alike in everything the reply varies on get it back at once: no
sessions, locale, CSRF, authentication, DRF or cache round trip. This is what a
CDN in front would do, kept inside each web process.

Only anonymous GETs are replayed: a request with a cookie or an `Authorization`
header, and any reply that is not a public 200 without cookies, runs the stack.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable

from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, get_max_age

from campaigns.api.paths import api_root
from campaigns.conf import conf

# The request headers a public read may vary on; a reply that varies on any
# other is not replayed. (Cookie too: only requests without one are replayed, so
# all share its one value.)
KEYED_HEADERS = ("Accept", "Accept-Encoding", "Accept-Language", "Origin")
VARIES_ALLOWED = {name.lower() for name in (*KEYED_HEADERS, "Cookie")}
VARY_SPLIT = re.compile(r"\s*,\s*")
BODY_HEADERS = {"content-type", "content-length"}
# Keys come from URLs and headers anyone can send: memory stays bounded.
MAX_ENTRIES = 2000

Replay = tuple[float, list[tuple[str, str]], bytes]

_replays = LocMemCache(
    "undersign-read-replays",
    {"OPTIONS": {"MAX_ENTRIES": MAX_ENTRIES, "CULL_FREQUENCY": 4}},
)


def forget_replays() -> None:
    """Drop every kept reply (tests; a process's memory is otherwise its own)."""
    _replays.clear()


def _replayable_request(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and request.path_info.startswith(api_root())
        and not request.META.get("HTTP_COOKIE")
        and not request.META.get("HTTP_AUTHORIZATION")
    )


def _replayable_response(response: HttpResponse) -> bool:
    if (
        response.status_code != 200
        or response.cookies
        or "public" not in response.get("Cache-Control", "")
        or not get_max_age(response)
    ):
        return False
    varies = {
        name.lower() for name in VARY_SPLIT.split(response.get("Vary", "")) if name
    }
    return varies <= VARIES_ALLOWED


def _key(request: HttpRequest) -> str:
    parts = [
        request.scheme or "",
        request.META.get("HTTP_HOST", ""),
        request.get_full_path(),
        *(request.headers.get(name, "") for name in KEYED_HEADERS),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _replay(request: HttpRequest, kept: Replay) -> HttpResponseBase:
    stored_at, headers, body = kept
    response = HttpResponse(body)
    for name, value in headers:
        response[name] = value
    # A cache that answers from storage says how old the answer is (RFC 9111).
    response["Age"] = str(int(time.time() - stored_at))
    answer = (
        get_conditional_response(request, etag=response.get("ETag"), response=response)
        or response
    )
    if answer is not response:
        # A 304 carries every header the stack would have added to it (CORS,
        # policies), as the stack's own 304 does: all but the body's.
        for name, value in response.items():
            if name.lower() not in BODY_HEADERS:
                answer.headers.setdefault(name, value)
    return answer


class PublicReadReplayMiddleware:
    """Answer a repeated public read from this process; first in `MIDDLEWARE`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        seconds = conf.CACHE_LAYER_SECONDS
        if seconds <= 0 or not _replayable_request(request):
            return self.get_response(request)
        key = _key(request)
        kept = _replays.get(key)
        if kept is not None:
            return _replay(request, kept)
        response = self.get_response(request)
        if isinstance(response, HttpResponse) and _replayable_response(response):
            # A 304 from the stack is not kept; the next plain GET fills the entry.
            headers = list(response.items())
            _replays.set(key, (time.time(), headers, response.content), seconds)
        return response
