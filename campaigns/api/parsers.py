"""The sign endpoint's body: JSON only, and never more than `conf.MAX_BODY_BYTES`."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import IO, Any

from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.parsers import JSONParser
from rest_framework.request import Request

from campaigns.conf import conf


class PayloadTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "payload_too_large"


def reject_oversized(request: Request) -> None:
    """Raise `PayloadTooLarge` when the declared Content-Length is over the limit."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > conf.MAX_BODY_BYTES:
        raise PayloadTooLarge()


class BoundedJSONParser(JSONParser):
    """Parse JSON after reading at most `conf.MAX_BODY_BYTES` bytes.

    The Content-Length check alone trusts the client; this guards the read itself.
    """

    def parse(
        self,
        stream: IO[bytes],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        limit = conf.MAX_BODY_BYTES
        raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise PayloadTooLarge()
        return super().parse(io.BytesIO(raw), media_type, parser_context)
