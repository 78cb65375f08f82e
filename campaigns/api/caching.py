"""Public reads: cacheable by browsers and CDNs, validated by ETag."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponseBase
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from campaigns.api.language import vary_on_language

STALE_WHILE_REVALIDATE = 30


class CachedReadMixin(APIView):
    """Give successful GETs `Cache-Control`, an ETag, and 304 on a matching ETag."""

    max_age = 5

    def get_max_age(self) -> int:
        return self.max_age

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
        patch_cache_control(
            response,
            public=True,
            max_age=self.get_max_age(),
            stale_while_revalidate=STALE_WHILE_REVALIDATE,
        )
        vary_on_language(request, response)
        set_response_etag(response)
        conditional = get_conditional_response(
            request, etag=response["ETag"], response=response
        )
        return conditional or response
