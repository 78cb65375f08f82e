"""What every OSDI view shares: a partner's token, HAL+JSON, errors as Action
Network writes them (`{"error": "..."}`), never cached."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpResponseBase
from django.utils.cache import patch_cache_control
from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import exception_handler

from campaigns.api.auth import IsPartner, PartnerTokenAuthentication
from campaigns.api.views.base import PublicView
from campaigns.models import Partner


class HalJSONRenderer(JSONRenderer):
    media_type = "application/hal+json"


def _message(detail: Any) -> str:
    if isinstance(detail, dict):
        return " ".join(f"{key}: {_message(value)}" for key, value in detail.items())
    if isinstance(detail, list):
        return " ".join(_message(item) for item in detail)
    return str(detail)


def osdi_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Return DRF's error response with Action Network's body: `{"error": ...}`."""
    response = exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.APIException):
        response.data = {"error": _message(exc.detail)}
    return response


class OsdiView(PublicView):
    # Partners pull from their servers: a token is never usable from a page.
    browser_access = ""
    authentication_classes = [PartnerTokenAuthentication]
    permission_classes = [IsPartner]
    renderer_classes = [HalJSONRenderer, JSONRenderer]

    @property
    def partner(self) -> Partner:
        partner: Partner = self.request.user  # set by PartnerTokenAuthentication
        return partner

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def get_exception_handler(
        self,
    ) -> Callable[[Exception, dict[str, Any]], Response | None]:
        return osdi_exception_handler

    def finalize_response(
        self, request: Request, response: HttpResponseBase, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response
