"""Public reads: cacheable by browsers and CDNs, validated by ETag."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.http import HttpResponseBase
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from campaigns.api.language import vary_on_language
from campaigns.cached import cached_once
from campaigns.conf import conf

MAX_AGE = 5
STALE_WHILE_REVALIDATE = 30


def cache_seconds() -> tuple[int, int]:
    """Return `max-age` and `stale-while-revalidate` for a public read.

    Every public read carries the count, so no cache may keep one, fresh or
    stale, longer than the count itself may lag (`UNDERSIGN_COUNT_STALENESS`).
    """
    staleness = conf.COUNT_STALENESS
    return min(MAX_AGE, staleness), min(STALE_WHILE_REVALIDATE, staleness)


def shared_body(request: Request, compute: Callable[[], Any], *varies: str) -> Any:
    """Return the body of this public read, computed once per
    `conf.CACHE_LAYER_SECONDS` for all requests alike in `varies`, the site and the
    active language.

    The count inside is at most as old, and the reply is replayed at most as long
    (`read_replay`), so what a reader gets lags by at most
    `UNDERSIGN_COUNT_STALENESS` seconds.
    """
    parts = [request.scheme or "", request.get_host(), request.path]
    parts += [translation.get_language(), *varies]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return cached_once(f"undersign:read:{digest}", conf.CACHE_LAYER_SECONDS, compute)


class CachedReadMixin(APIView):
    """Give successful GETs `Cache-Control`, an ETag, and 304 on a matching ETag."""

    def finalize_response(
        self, request: Request, response: HttpResponseBase, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        response = super().finalize_response(request, response, *args, **kwargs)
        if (
            not isinstance(response, Response)
            or request.method not in {"GET", "HEAD"}
            or response.status_code != 200
        ):
            return response
        response.render()
        max_age, stale = cache_seconds()
        patch_cache_control(
            response, public=True, max_age=max_age, stale_while_revalidate=stale
        )
        vary_on_language(request, response)
        set_response_etag(response)
        conditional = get_conditional_response(
            request, etag=response["ETag"], response=response
        )
        return conditional or response
